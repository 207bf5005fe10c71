package io.iotwatch.packet.capture;

import java.io.IOException;
import java.util.List;

/**
 * Reads the packets of one capture file in order. One packet as read: the accessors describe the packet
 * returned by the last {@link #next()} and stay valid until the next call; the bytes live in a buffer the
 * reader reuses, so copy what must outlive the call.
 *
 * <p>Damaged content never throws: the reader notes it in {@link #damage()} and either steps over it or
 * ends. Only an {@link IOException} of the underlying stream escapes.
 */
public interface CaptureReader extends AutoCloseable {

    /** Moves to the next packet; false at the end of the file or at the first damage it cannot step over. */
    boolean next() throws IOException;

    /** The buffer holding the packet bytes, from {@link #offset()} for {@link #capturedLength()} bytes. */
    byte[] buffer();

    int offset();

    int capturedLength();

    /** The length of the packet on the wire, which may exceed the captured length. */
    int originalLength();

    /** Epoch nanoseconds; 0 for a pcapng Simple Packet Block, which carries no timestamp. */
    long timestampNanos();

    /** LINKTYPE_* number of this packet's interface (1 Ethernet, 113 SLL, 276 SLL2, 101 raw IP, 0 BSD loopback, ...). */
    int linkType();

    /** The pcapng interface of this packet within its section; 0 for pcap. */
    int interfaceId();

    /**
     * Byte offset, in the decompressed stream, of this packet's record or block; for a live capture, the
     * bytes captured before this packet. Unique per packet either way, so it serves as the packet's position.
     */
    long fileOffset();

    /**
     * Registers what to run, on the reading thread, whenever {@link #next()} has waited a while for a packet:
     * a reader that waits (a live capture) calls it at least once per read timeout with none; a file never
     * waits, so the default ignores it.
     */
    default void onIdle(Runnable idle) {}

    /** Problems found so far, in file order. */
    List<CaptureDamage> damage();

    /** Packets returned so far. */
    long packets();

    @Override
    void close() throws IOException;
}
