package io.iotwatch.store;

import io.iotwatch.core.alert.ThreatLevel;

/**
 * The alerts that name one address as source or target.
 *
 * @param ip       the address
 * @param alerts   alerts naming it, each counted once
 * @param maxLevel the highest level among them
 */
public record HostAlerts(String ip, long alerts, ThreatLevel maxLevel) {}
