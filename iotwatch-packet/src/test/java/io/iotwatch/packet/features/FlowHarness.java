package io.iotwatch.packet.features;

import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.packet.flow.FlowObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the flow table in tests: decodes each packet, finds its flow by the symmetric 5-tuple, gives
 * a new flow the lowest free slot, and calls the observer as the flow table will. Flows end only when told.
 */
final class FlowHarness {

    private record Endpoint(long addressHi, long addressLo, int port) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            int c = Long.compare(addressHi, o.addressHi);
            c = c != 0 ? c : Long.compare(addressLo, o.addressLo);
            return c != 0 ? c : Integer.compare(port, o.port);
        }
    }

    private record Key(int protocol, Endpoint low, Endpoint high) {}

    private record Flow(int slot, Endpoint initiator) {}

    private final FlowObserver observer;
    private final PacketDecoder decoder = new PacketDecoder();
    private final Map<Key, Flow> flows = new HashMap<>();
    private final List<Key> order = new ArrayList<>();
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();

    FlowHarness(FlowObserver observer, int capacity) {
        this.observer = observer;
        for (int slot = 0; slot < capacity; slot++) {
            freeSlots.add(slot);
        }
    }

    /** Feeds an Ethernet frame captured whole. */
    void packet(byte[] frame, long timeNanos) {
        packet(frame, 0, frame.length, Protocols.LINK_ETHERNET, timeNanos, frame.length);
    }

    void packet(byte[] buffer, int offset, int length, int linkType, long timeNanos, int wireLength) {
        decoder.decode(buffer, offset, length, linkType);
        Key key = key(decoder);
        if (key == null) {
            observer.packet(decoder, timeNanos, wireLength, -1, true, false);
            return;
        }
        Endpoint source = endpoint(decoder, true);
        Flow flow = flows.get(key);
        boolean isNew = flow == null;
        if (isNew) {
            if (freeSlots.isEmpty()) {
                throw new IllegalStateException("test flow table full");
            }
            flow = new Flow(freeSlots.poll(), source);
            flows.put(key, flow);
            order.add(key);
        }
        observer.packet(decoder, timeNanos, wireLength, flow.slot(), source.equals(flow.initiator()), isNew);
    }

    /** Slot of the flow of this frame's 5-tuple, or -1. */
    int slotOf(byte[] frame) {
        decoder.decode(frame, 0, frame.length, Protocols.LINK_ETHERNET);
        Key key = key(decoder);
        Flow flow = key == null ? null : flows.get(key);
        return flow == null ? -1 : flow.slot();
    }

    /** Ends the flow of this frame's 5-tuple. */
    void end(byte[] frame) {
        decoder.decode(frame, 0, frame.length, Protocols.LINK_ETHERNET);
        Key key = key(decoder);
        Flow flow = flows.remove(key);
        order.remove(key);
        observer.flowEnded(null, flow.slot());
        freeSlots.addFirst(flow.slot());
    }

    /** Ends every flow, oldest first, as the flow table does at the end of the input. */
    void endAll() {
        for (Key key : order) {
            Flow flow = flows.remove(key);
            observer.flowEnded(null, flow.slot());
            freeSlots.add(flow.slot());
        }
        order.clear();
    }

    /** Feeds every packet of a capture file; returns the number of packets. */
    long replay(Path capture) throws IOException {
        try (CaptureReader reader = CaptureFiles.open(Files.newInputStream(capture))) {
            while (reader.next()) {
                packet(reader.buffer(), reader.offset(), reader.capturedLength(), reader.linkType(),
                        reader.timestampNanos(), reader.originalLength());
            }
            return reader.packets();
        }
    }

    /** Null for packets the flow table puts in no flow: non-IP, and fragments whose ports are elsewhere. */
    private static Key key(PacketDecoder d) {
        if (d.ipVersion() == 0) {
            return null;
        }
        boolean ports = d.transportProtocol() == Protocols.IP_TCP || d.transportProtocol() == Protocols.IP_UDP;
        if (!ports && d.fragmented()) {
            return null;
        }
        Endpoint source = endpoint(d, true);
        Endpoint destination = endpoint(d, false);
        return source.compareTo(destination) <= 0
                ? new Key(d.ipProtocol(), source, destination)
                : new Key(d.ipProtocol(), destination, source);
    }

    private static Endpoint endpoint(PacketDecoder d, boolean source) {
        boolean ports = d.transportProtocol() == Protocols.IP_TCP || d.transportProtocol() == Protocols.IP_UDP;
        int port = ports ? (source ? d.sourcePort() : d.destinationPort()) : 0;
        if (d.ipVersion() == 4) {
            return new Endpoint(0, (source ? d.ipv4Source() : d.ipv4Destination()) & 0xFFFFFFFFL, port);
        }
        return source ? new Endpoint(d.ipv6SourceHi(), d.ipv6SourceLo(), port)
                : new Endpoint(d.ipv6DestinationHi(), d.ipv6DestinationLo(), port);
    }
}
