package io.iotwatch.sim.packets;

import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a capture with iotwatch-packet's reader and decoder, packet by packet. */
final class Packets {

    /** One packet: its number in the file (from 0), time, bytes and decoded headers. */
    @FunctionalInterface
    interface Visitor {
        void packet(int index, long micros, PacketDecoder p, byte[] b, int off, int len);
    }

    private Packets() {
    }

    static void each(Path capture, Visitor visitor) throws IOException {
        PacketDecoder p = new PacketDecoder();
        try (InputStream in = Files.newInputStream(capture); CaptureReader reader = CaptureFiles.open(in)) {
            int index = 0;
            while (reader.next()) {
                p.decode(reader.buffer(), reader.offset(), reader.capturedLength(), Protocols.LINK_ETHERNET);
                visitor.packet(index++, reader.timestampNanos() / 1_000, p, reader.buffer(), reader.offset(), reader.capturedLength());
            }
            if (!reader.damage().isEmpty()) {
                throw new IOException("damaged capture: " + reader.damage());
            }
        }
    }

    /** The payload of the decoded packet as a string of bytes 0-255. */
    static String text(PacketDecoder p, byte[] b) {
        return new String(b, p.payloadOffset(), p.payloadLength(), StandardCharsets.ISO_8859_1);
    }
}
