package io.iotwatch.packet.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;

/** Opens capture files: classic pcap or pcapng, either of them optionally gzip-compressed. */
public final class CaptureFiles {

    private static final int GZIP_BUFFER = 64 * 1024;

    private CaptureFiles() {}

    /**
     * Opens a reader on {@code in}, recognising the format by its first bytes. The reader owns the stream
     * and closes it. Throws IOException when the input is no capture file, naming the bytes seen.
     */
    public static CaptureReader open(InputStream in) throws IOException {
        RecordInput input = new RecordInput(ungzipped(in));
        int available = input.request(4);
        byte[] b = input.buffer();
        int p = input.position();
        if (available < 4) {
            throw new IOException("not a capture file: " + available + " bytes, too short for a magic number");
        }
        int magic = Endian.BIG.i32(b, p);
        if (magic == PcapngReader.SECTION_HEADER) {
            return new PcapngReader(input);
        }
        for (int known : new int[] {PcapReader.MAGIC_MICROS, PcapReader.MAGIC_NANOS}) {
            if (magic == known || magic == Integer.reverseBytes(known)) {
                return new PcapReader(input, magic);
            }
        }
        throw new IOException(String.format(
                "not a capture file: magic bytes %02x %02x %02x %02x are neither pcap (a1 b2 c3 d4, a1 b2 3c 4d,"
                        + " either byte order) nor pcapng (0a 0d 0d 0a)",
                b[p], b[p + 1], b[p + 2], b[p + 3]));
    }

    /** True when {@code head} (at least the first 4 bytes of a decompressed stream) starts a pcap or pcapng file. */
    public static boolean isCapture(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int magic = Endian.BIG.i32(head, 0);
        return magic == PcapngReader.SECTION_HEADER
                || magic == PcapReader.MAGIC_MICROS || magic == Integer.reverseBytes(PcapReader.MAGIC_MICROS)
                || magic == PcapReader.MAGIC_NANOS || magic == Integer.reverseBytes(PcapReader.MAGIC_NANOS);
    }

    private static InputStream ungzipped(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 2);
        byte[] head = pushback.readNBytes(2);
        pushback.unread(head);
        boolean gzip = head.length == 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
        return gzip ? new GZIPInputStream(pushback, GZIP_BUFFER) : pushback;
    }
}
