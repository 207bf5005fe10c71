/**
 * The traffic sources {@code serve} and {@code demo} run: live interfaces, syslog listeners, watched folders and
 * the demo's generated traffic, each on threads of its own, all writing into one shared sink. {@link
 * io.iotwatch.app.sources.Sources} starts those the configuration enables and stops them; each tells a {@link
 * io.iotwatch.app.sources.SourceListener} when it starts receiving, fails, recovers and stops.
 */
package io.iotwatch.app.sources;
