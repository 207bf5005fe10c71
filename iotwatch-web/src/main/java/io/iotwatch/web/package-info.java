/** The dashboard, its JSON API under /api/v1, live updates over server-sent events, and access control. */
package io.iotwatch.web;
