package io.iotwatch.packet.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What pcap and pcapng readers share: the current packet, the damage list and the stop after fatal damage. */
abstract sealed class BaseCaptureReader implements CaptureReader permits PcapReader, PcapngReader {

    final RecordInput input;
    private final List<CaptureDamage> damage = new ArrayList<>();
    private final List<CaptureDamage> damageView = Collections.unmodifiableList(damage);
    private boolean stopped;
    private long packets;

    int offset;
    int capturedLength;
    int originalLength;
    long timestampNanos;
    int linkType;
    int interfaceId;
    long fileOffset;

    BaseCaptureReader(RecordInput input) {
        this.input = input;
    }

    @Override
    public final boolean next() throws IOException {
        if (stopped || !readPacket()) {
            stopped = true;
            return false;
        }
        packets++;
        return true;
    }

    /** Reads up to and including the next packet and fills the fields; false to end the file. */
    abstract boolean readPacket() throws IOException;

    void note(long at, String problem) {
        damage.add(new CaptureDamage(at, problem));
    }

    /** Notes damage that ends reading; returns false so callers can {@code return stop(...)}. */
    boolean stop(long at, String problem) {
        note(at, problem);
        return false;
    }

    /**
     * Buffers a record of {@code length} bytes at the current position; false, with damage noted, when the
     * stream ends first. An end exactly between records is the normal end of file, not damage.
     */
    boolean requireRecord(int length) throws IOException {
        int available = input.request(length);
        if (available == length) {
            return true;
        }
        if (available > 0) {
            note(input.streamOffset(), "truncated: record at offset " + input.streamOffset() + " needs "
                    + length + " bytes, " + available + " left");
        }
        return false;
    }

    @Override
    public byte[] buffer() {
        return input.buffer();
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public int capturedLength() {
        return capturedLength;
    }

    @Override
    public int originalLength() {
        return originalLength;
    }

    @Override
    public long timestampNanos() {
        return timestampNanos;
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public int interfaceId() {
        return interfaceId;
    }

    @Override
    public long fileOffset() {
        return fileOffset;
    }

    @Override
    public List<CaptureDamage> damage() {
        return damageView;
    }

    @Override
    public long packets() {
        return packets;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
