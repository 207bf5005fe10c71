/** Synthetic traffic: FortiOS log lines of an IoT network with attacks planted in it, and their ground truth. */
package io.iotwatch.sim.logs;
