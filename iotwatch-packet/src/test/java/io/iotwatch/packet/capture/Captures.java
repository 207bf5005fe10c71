package io.iotwatch.packet.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a whole capture in tests, copying each packet out of the reader's reused buffer. */
final class Captures {

    record Packet(byte[] data, int originalLength, long timestampNanos, int linkType, int interfaceId, long fileOffset) {}

    record Result(List<Packet> packets, List<CaptureDamage> damage, long count) {}

    private Captures() {}

    static Result read(byte[] file) throws IOException {
        try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(file))) {
            List<Packet> packets = new ArrayList<>();
            while (reader.next()) {
                byte[] data = Arrays.copyOfRange(reader.buffer(), reader.offset(), reader.offset() + reader.capturedLength());
                packets.add(new Packet(data, reader.originalLength(), reader.timestampNanos(), reader.linkType(),
                        reader.interfaceId(), reader.fileOffset()));
            }
            return new Result(packets, List.copyOf(reader.damage()), reader.packets());
        }
    }
}
