package io.iotwatch.core.event;

import java.util.Objects;

/**
 * An ARP request or reply: who claims (or asks for) which address. MACs are lower-case, colon-separated.
 *
 * @param frameSourceMac the source MAC of the Ethernet frame that carried it, empty when the source does not
 *                       give it; it differs from {@code senderMac} when one host speaks for another, as arpspoof
 *                       does when it restores the caches it poisoned
 */
public record ArpEvent(
        EventHeader header,
        Operation operation,
        String senderIp,
        String senderMac,
        String targetIp,
        String targetMac,
        String frameSourceMac)
        implements Event {

    public enum Operation { REQUEST, REPLY, OTHER }

    /** An ARP message whose source does not give the frame's source MAC. */
    public ArpEvent(EventHeader header, Operation operation, String senderIp, String senderMac, String targetIp,
            String targetMac) {
        this(header, operation, senderIp, senderMac, targetIp, targetMac, "");
    }

    public ArpEvent {
        Objects.requireNonNull(header, "header");
        operation = operation == null ? Operation.OTHER : operation;
        senderIp = Text.orEmpty(senderIp);
        senderMac = Text.orEmpty(senderMac);
        targetIp = Text.orEmpty(targetIp);
        targetMac = Text.orEmpty(targetMac);
        frameSourceMac = Text.orEmpty(frameSourceMac);
    }

    @Override
    public EventType type() {
        return EventType.ARP;
    }
}
