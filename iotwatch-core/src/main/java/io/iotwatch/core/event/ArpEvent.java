package io.iotwatch.core.event;

import java.util.Objects;

/** An ARP request or reply: who claims (or asks for) which address. MACs are lower-case, colon-separated. */
public record ArpEvent(
        EventHeader header,
        Operation operation,
        String senderIp,
        String senderMac,
        String targetIp,
        String targetMac)
        implements Event {

    public enum Operation { REQUEST, REPLY, OTHER }

    public ArpEvent {
        Objects.requireNonNull(header, "header");
        operation = operation == null ? Operation.OTHER : operation;
        senderIp = Text.orEmpty(senderIp);
        senderMac = Text.orEmpty(senderMac);
        targetIp = Text.orEmpty(targetIp);
        targetMac = Text.orEmpty(targetMac);
    }

    @Override
    public EventType type() {
        return EventType.ARP;
    }
}
