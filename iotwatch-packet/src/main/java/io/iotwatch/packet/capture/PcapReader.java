package io.iotwatch.packet.capture;

import java.io.IOException;

/**
 * Reads classic pcap: a 24-byte file header, then records of a 16-byte header and the packet bytes.
 * Microsecond (a1b2c3d4) and nanosecond (a1b23c4d) files, in either byte order.
 *
 * <p>A pcap record has no trailing length to confirm its framing, so a record header that cannot be
 * valid (length beyond the record limit or beyond the original length, timestamp fraction of a second
 * or more) is taken as the point where the file went bad, and reading stops there.
 */
final class PcapReader extends BaseCaptureReader {

    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private final Endian endian;
    private final long nanosPerFraction;
    private final long fractionLimit;
    private final long snapLength;
    private final int fileLinkType;
    private int previousRecord;

    /** Reads the file header; {@code magicBigEndian} is the first four bytes read as a big-endian int. */
    PcapReader(RecordInput input, int magicBigEndian) throws IOException {
        super(input);
        int available = input.request(FILE_HEADER);
        if (available < FILE_HEADER) {
            throw new IOException("truncated pcap file header: " + FILE_HEADER + " bytes needed, " + available + " present");
        }
        endian = magicBigEndian == MAGIC_MICROS || magicBigEndian == MAGIC_NANOS ? Endian.BIG : Endian.LITTLE;
        boolean nanos = magicBigEndian == MAGIC_NANOS || magicBigEndian == Integer.reverseBytes(MAGIC_NANOS);
        nanosPerFraction = nanos ? 1 : 1_000;
        fractionLimit = nanos ? 1_000_000_000L : 1_000_000L;
        byte[] b = input.buffer();
        int p = input.position();
        snapLength = endian.u32(b, p + 16);
        // The upper bits of this field carry FCS information, not the link type.
        fileLinkType = endian.i32(b, p + 20) & 0xFFFF;
        input.consume(FILE_HEADER);
    }

    @Override
    boolean readPacket() throws IOException {
        input.consume(previousRecord);
        previousRecord = 0;
        long at = input.streamOffset();
        if (!requireRecord(RECORD_HEADER)) {
            return false;
        }
        byte[] b = input.buffer();
        int p = input.position();
        long seconds = endian.u32(b, p);
        long fraction = endian.u32(b, p + 4);
        long included = endian.u32(b, p + 8);
        long original = endian.u32(b, p + 12);
        if (included > RecordInput.MAX_RECORD - RECORD_HEADER) {
            return stop(at, "captured length " + included + " of the record at offset " + at
                    + " is beyond the limit of " + RecordInput.MAX_RECORD + " bytes per record");
        }
        if (included > original) {
            return stop(at, "captured length " + included + " of the record at offset " + at
                    + " is greater than its original length " + original);
        }
        if (fraction >= fractionLimit) {
            return stop(at, "timestamp fraction " + fraction + " of the record at offset " + at
                    + " is not below " + fractionLimit);
        }
        if (snapLength > 0 && included > snapLength) {
            note(at, "captured length " + included + " of the record at offset " + at
                    + " is greater than the snapshot length " + snapLength);
        }
        int recordLength = RECORD_HEADER + (int) included;
        if (!requireRecord(recordLength)) {
            return false;
        }
        previousRecord = recordLength;
        offset = input.position() + RECORD_HEADER;
        capturedLength = (int) included;
        originalLength = (int) Math.min(original, Integer.MAX_VALUE);
        timestampNanos = seconds * 1_000_000_000L + fraction * nanosPerFraction;
        linkType = fileLinkType;
        interfaceId = 0;
        fileOffset = at;
        return true;
    }
}
