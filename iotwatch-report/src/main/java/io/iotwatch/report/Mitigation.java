package io.iotwatch.report;

/**
 * A MITRE ATT&amp;CK Enterprise mitigation.
 *
 * @param id   its id, e.g. {@code M1030}
 * @param name its name as ATT&amp;CK gives it, e.g. {@code Network Segmentation}
 */
public record Mitigation(String id, String name) {}
