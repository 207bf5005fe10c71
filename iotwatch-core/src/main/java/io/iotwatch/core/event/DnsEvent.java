package io.iotwatch.core.event;

import java.util.List;
import java.util.Objects;

/**
 * A DNS query and, where seen, its response.
 *
 * @param queryName    the name asked for, as received (it may hold hostile bytes; render with care)
 * @param queryType    record type name ({@code A}, {@code TXT}, {@code NULL} ...) or its number as text
 * @param responseCode response code name ({@code NOERROR}, {@code NXDOMAIN} ...), or empty if none seen
 * @param answers      answer data as text, empty when none
 */
public record DnsEvent(
        EventHeader header,
        Endpoint client,
        Endpoint server,
        String queryName,
        String queryType,
        String responseCode,
        List<String> answers)
        implements Event {

    public DnsEvent {
        Objects.requireNonNull(header, "header");
        client = client == null ? Endpoint.UNKNOWN : client;
        server = server == null ? Endpoint.UNKNOWN : server;
        queryName = Text.orEmpty(queryName);
        queryType = Text.orEmpty(queryType);
        responseCode = Text.orEmpty(responseCode);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    @Override
    public EventType type() {
        return EventType.DNS;
    }
}
