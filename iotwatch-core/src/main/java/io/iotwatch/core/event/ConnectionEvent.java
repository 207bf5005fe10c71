package io.iotwatch.core.event;

import java.time.Duration;
import java.util.Objects;

/**
 * A connection or flow record. "Out" is the direction from source to destination, "in" the reply.
 *
 * @param protocol    transport as a lower-case name ({@code tcp}, {@code udp}, {@code icmp}) or the
 *                    IP protocol number as text when it has no common name
 * @param action      what the observer did with it ({@code accept}, {@code deny}, {@code close} ...)
 * @param policy      the firewall policy id that matched, or empty
 * @param service     service name as the observer labelled it, or empty
 * @param application application as the observer identified it, or empty
 * @param tcpFlags    TCP flags seen over the flow (bit mask as in the TCP header), 0 when unknown
 * @param communityId the flow's Community ID v1 ({@code 1:...}), so it can be found in Zeek, Suricata or
 *                    Wireshark by the same id; {@link CommunityId#NONE} when the source does not give the flow's
 *                    tuple exactly
 */
public record ConnectionEvent(
        EventHeader header,
        String protocol,
        Endpoint source,
        Endpoint destination,
        long bytesOut,
        long bytesIn,
        long packetsOut,
        long packetsIn,
        Duration duration,
        String action,
        String policy,
        String service,
        String application,
        int tcpFlags,
        CommunityId communityId)
        implements Event {

    /** A connection whose source does not give a Community ID. */
    public ConnectionEvent(EventHeader header, String protocol, Endpoint source, Endpoint destination, long bytesOut,
            long bytesIn, long packetsOut, long packetsIn, Duration duration, String action, String policy,
            String service, String application, int tcpFlags) {
        this(header, protocol, source, destination, bytesOut, bytesIn, packetsOut, packetsIn, duration, action, policy,
                service, application, tcpFlags, CommunityId.NONE);
    }

    public ConnectionEvent {
        Objects.requireNonNull(header, "header");
        protocol = Text.orEmpty(protocol);
        source = source == null ? Endpoint.UNKNOWN : source;
        destination = destination == null ? Endpoint.UNKNOWN : destination;
        duration = duration == null ? Duration.ZERO : duration;
        action = Text.orEmpty(action);
        policy = Text.orEmpty(policy);
        service = Text.orEmpty(service);
        application = Text.orEmpty(application);
        communityId = communityId == null ? CommunityId.NONE : communityId;
    }

    @Override
    public EventType type() {
        return EventType.CONNECTION;
    }

    public long bytes() {
        return bytesOut + bytesIn;
    }
}
