package io.iotwatch.core.event;

/** The kinds of normalized event; {@link #label()} names them in output, storage and summaries. */
public enum EventType {
    CONNECTION("connection"),
    DNS("dns"),
    AUTH("auth"),
    ARP("arp"),
    VENDOR_ALERT("vendor_alert"),
    GENERIC("generic"),
    CLASSIFICATION("classification");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
