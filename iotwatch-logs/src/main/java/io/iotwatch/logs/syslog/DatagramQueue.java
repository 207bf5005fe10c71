package io.iotwatch.logs.syslog;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded queue of datagrams between one receiving thread and one decoding thread, held in a single
 * preallocated direct buffer used as a ring, so that receiving allocates nothing and copies nothing: the
 * kernel writes each datagram straight into its place in the ring.
 *
 * <p>The receiver {@link #reserve()}s room for a datagram of the largest size kept plus one byte (to see
 * that a longer one was cut), receives into it, and {@link #commit}s what arrived. When the ring has no
 * such room, reserve returns null and the receiver drops the datagram. The decoder {@link #take}s
 * datagrams in order, which frees their room at once.
 *
 * <p>Positions grow without wrapping; a datagram never straddles the end of the ring (the receiver skips
 * to the start instead), so each one is a contiguous range the decoder can copy out in one go.
 */
final class DatagramQueue {

    /** Datagrams are expected to average at least this many bytes; below it, slots run out before bytes. */
    private static final int MIN_AVERAGE_DATAGRAM = 64;

    private final ByteBuffer ring;
    /** The decoder's view of the ring, whose position and limit the receiver does not touch. */
    private final ByteBuffer reader;
    private final int capacity;
    private final int window;
    private final int slots;
    private final long[] starts;
    private final int[] lengths;
    private final SocketAddress[] senders;

    private long writePosition;
    private long reservedAt;
    private volatile long produced;

    private volatile long readPosition;
    private volatile long consumed;
    private SocketAddress lastSender;

    private volatile boolean finished;
    private volatile Thread waitingConsumer;

    /**
     * @param capacity bytes of the ring, at least {@code window}
     * @param window   room reserved for each datagram
     */
    DatagramQueue(int capacity, int window) {
        if (window < 1 || capacity < window) {
            throw new IllegalArgumentException("queue of " + capacity + " bytes cannot hold a datagram of " + window);
        }
        this.ring = ByteBuffer.allocateDirect(capacity);
        this.reader = ring.duplicate();
        this.capacity = capacity;
        this.window = window;
        this.slots = Math.max(1, capacity / MIN_AVERAGE_DATAGRAM);
        this.starts = new long[slots];
        this.lengths = new int[slots];
        this.senders = new SocketAddress[slots];
    }

    int window() {
        return window;
    }

    /**
     * Receiver: room for the next datagram, as the ring buffer with its position and limit set around it,
     * or null when the queue is full.
     */
    ByteBuffer reserve() {
        long at = writePosition;
        int index = (int) (at % capacity);
        if (capacity - index < window) {
            at += capacity - index;
            index = 0;
        }
        if (at + window - readPosition > capacity || produced - consumed >= slots) {
            return null;
        }
        reservedAt = at;
        ring.limit(index + window).position(index);
        return ring;
    }

    /** Receiver: queues the datagram received into the last reserved room, up to the ring's position. */
    void commit(SocketAddress sender) {
        int length = ring.position() - (int) (reservedAt % capacity);
        long next = produced;
        int slot = (int) (next % slots);
        starts[slot] = reservedAt;
        lengths[slot] = length;
        senders[slot] = sender;
        writePosition = reservedAt + length;
        produced = next + 1;
        Thread waiting = waitingConsumer;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /** Receiver: no more datagrams will come. */
    void finish() {
        finished = true;
        Thread waiting = waitingConsumer;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /** Decoder: whether the receiver has finished. Read it before {@link #hasNext()} to know nothing is left. */
    boolean finished() {
        return finished;
    }

    boolean hasNext() {
        return consumed < produced;
    }

    /** Decoder: copies the next datagram into {@code dst} (at least {@link #window()} long), frees it, returns its length. */
    int take(byte[] dst) {
        long next = consumed;
        int slot = (int) (next % slots);
        long at = starts[slot];
        int length = lengths[slot];
        reader.get((int) (at % capacity), dst, 0, length);
        lastSender = senders[slot];
        readPosition = at + length;
        consumed = next + 1;
        return length;
    }

    /** Decoder: who sent the datagram last taken. */
    SocketAddress sender() {
        return lastSender;
    }

    /** Decoder: waits until a datagram is queued, the receiver finishes, or the time passes. */
    void await(long nanos) {
        waitingConsumer = Thread.currentThread();
        if (!hasNext() && !finished) {
            if (nanos == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, nanos);
            }
        }
        waitingConsumer = null;
    }
}
