package io.iotwatch.packet.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.iotwatch.packet.capture.CaptureDamage;
import io.iotwatch.packet.capture.CaptureReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Packets from a network interface, through libpcap: the same {@link CaptureReader} the capture files
 * give, so the packet path reads both alike. Each packet is copied into one reused buffer, and the
 * out-parameters libpcap fills are allocated once, so reading allocates nothing per packet.
 *
 * <p>One thread reads ({@link #next()}, {@link #stats()}); {@link #stop()} may be called from any thread,
 * a shutdown hook on Ctrl-C included, and makes a waiting {@code next()} return false promptly.
 * {@link #close()} must not run while that thread is inside {@code next()}: stop, let it return, then close.
 */
public final class LiveCapture implements CaptureReader {

    /** libpcap's DLT_RAW on Linux (tun and WireGuard interfaces); captures files call it LINKTYPE_RAW. */
    private static final int DLT_RAW = 12;
    private static final int LINKTYPE_RAW = 101;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] COUNTERS = {Pcap.STATS_RECEIVED, Pcap.STATS_DROPPED, Pcap.STATS_INTERFACE_DROPPED};

    private final Pcap pcap;
    private final Arena arena;
    private final MemorySegment handle;
    private final String interfaceName;
    private final int linkType;
    private final long nanosPerFraction;
    private final List<String> warnings;
    private final MemorySegment headerOut;
    private final MemorySegment dataOut;
    private final MemorySegment statsOut;
    private final int[] lastCounters = new int[COUNTERS.length];
    private final long[] counterTotals = new long[COUNTERS.length];
    private final List<CaptureDamage> damage = new ArrayList<>();
    private final List<CaptureDamage> damageView = Collections.unmodifiableList(damage);
    private final Object lifecycle = new Object();
    private volatile boolean stopRequested;
    private boolean closed;
    private boolean failed;
    private byte[] buffer;
    private int capturedLength;
    private int originalLength;
    private long timestampNanos;
    private long packets;
    private long offset;
    private long nextOffset;
    private Runnable idle = () -> {};
    private final Duration readTimeout;
    private Thread ticker;

    private LiveCapture(Pcap pcap, Arena arena, MemorySegment handle, LiveOptions options, List<String> warnings) {
        this.pcap = pcap;
        this.readTimeout = options.readTimeout();
        this.arena = arena;
        this.handle = handle;
        this.interfaceName = options.interfaceName();
        this.warnings = List.copyOf(warnings);
        this.linkType = linkType(pcap.datalink(handle));
        this.nanosPerFraction = pcap.getTstampPrecision(handle) == Pcap.TSTAMP_PRECISION_NANO ? 1 : 1000;
        this.buffer = new byte[Math.max(pcap.snapshot(handle), 1)];
        this.headerOut = arena.allocate(ADDRESS);
        this.dataOut = arena.allocate(ADDRESS);
        this.statsOut = arena.allocate(Pcap.STATS);
    }

    /**
     * Starts capturing as {@code options} say. Throws a {@link CaptureException} whose message is meant for
     * the user: libpcap missing, no such interface (with the ones there are), the interface down, the
     * privilege missing (saying which), a filter that does not compile.
     */
    public static LiveCapture open(LiveOptions options) throws CaptureException {
        Pcap pcap = Pcap.library();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment errbuf = arena.allocate(Pcap.ERRBUF_SIZE);
            MemorySegment handle = pcap.create(arena.allocateFrom(options.interfaceName()), errbuf);
            if (handle.equals(MemorySegment.NULL)) {
                throw new CaptureException("cannot capture on " + options.interfaceName() + ": " + errbuf.getString(0));
            }
            try {
                List<String> warnings = activate(pcap, handle, options);
                if (!options.filter().isBlank()) {
                    applyFilter(pcap, arena, handle, options);
                }
                return new LiveCapture(pcap, arena, handle, options, warnings);
            } catch (CaptureException | RuntimeException e) {
                pcap.close(handle);
                throw e;
            }
        } catch (CaptureException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The interfaces libpcap can capture on, by name. */
    public static List<String> interfaces() throws CaptureException {
        return Pcap.library().findalldevs();
    }

    /** libpcap's data link type as the LINKTYPE_* number capture files and the decoder use. */
    static int linkType(int dlt) {
        return dlt == DLT_RAW ? LINKTYPE_RAW : dlt;
    }

    private static List<String> activate(Pcap pcap, MemorySegment handle, LiveOptions options) throws CaptureException {
        pcap.setSnaplen(handle, options.snapLength());
        pcap.setPromisc(handle, options.promiscuous());
        pcap.setTimeout(handle, (int) options.readTimeout().toMillis());
        pcap.setBufferSize(handle, options.bufferSize());
        pcap.setImmediateMode(handle, options.immediate());
        pcap.setTstampPrecision(handle, Pcap.TSTAMP_PRECISION_NANO);
        int status = pcap.activate(handle);
        if (status < 0) {
            throw activationFailed(pcap, handle, options, status);
        }
        if (status > 0) {
            String warning = status == Pcap.WARNING ? pcap.geterr(handle) : pcap.statustostr(status);
            return List.of(options.interfaceName() + ": " + warning);
        }
        return List.of();
    }

    private static CaptureException activationFailed(Pcap pcap, MemorySegment handle, LiveOptions options, int status) {
        String name = options.interfaceName();
        String detail = pcap.geterr(handle);
        // Older libpcap versions report a refused socket as a generic error with the system's words.
        boolean refused = status == Pcap.ERROR_PERM_DENIED || status == Pcap.ERROR_PROMISC_PERM_DENIED
                || status == Pcap.ERROR && (detail.contains("Operation not permitted") || detail.contains("Permission denied"));
        if (refused) {
            return new CaptureException(Privileges.permissionDenied(name, Privileges.processStatus(), detail));
        }
        return switch (status) {
            case Pcap.ERROR_IFACE_NOT_UP ->
                new CaptureException("network interface " + name + " is down; bring it up first (ip link set " + name + " up)");
            case Pcap.ERROR_NO_SUCH_DEVICE -> new CaptureException(noSuchInterface(pcap, name));
            default -> new CaptureException("cannot capture on " + name + ": " + detail);
        };
    }

    private static String noSuchInterface(Pcap pcap, String name) {
        String message = "no network interface named " + name;
        try {
            List<String> available = pcap.findalldevs();
            return available.isEmpty()
                    ? message + ", and libpcap finds none to capture on"
                    : message + "; available: " + String.join(", ", available);
        } catch (CaptureException e) {
            return message + " (" + e.getMessage() + ")";
        }
    }

    private static void applyFilter(Pcap pcap, Arena arena, MemorySegment handle, LiveOptions options)
            throws CaptureException {
        MemorySegment program = arena.allocate(Pcap.PROGRAM);
        if (pcap.compile(handle, program, arena.allocateFrom(options.filter())) != 0) {
            throw new CaptureException("the capture filter \"" + options.filter() + "\" does not compile: "
                    + pcap.geterr(handle));
        }
        try {
            if (pcap.setfilter(handle, program) != 0) {
                throw new CaptureException("cannot apply the capture filter \"" + options.filter() + "\" on "
                        + options.interfaceName() + ": " + pcap.geterr(handle));
            }
        } finally {
            pcap.freecode(program);
        }
    }

    /**
     * Waits for the next packet, through any number of read timeouts (running the {@link #onIdle} task on
     * each); false once {@link #stop()} was called, or when capturing failed, with the reason in
     * {@link #damage()}.
     */
    @Override
    public boolean next() {
        while (!stopRequested && !failed) {
            int status = pcap.nextEx(handle, headerOut, dataOut);
            if (status == Pcap.PACKET) {
                copyPacket();
                packets++;
                offset = nextOffset;
                nextOffset += capturedLength;
                return true;
            }
            if (status == Pcap.ERROR_BREAK && stopRequested) {
                return false;
            }
            if (status == Pcap.TIMEOUT || status == Pcap.ERROR_BREAK) {
                idle.run();
            } else {
                failed = true;
                String reason = "capture on " + interfaceName + " failed: " + pcap.geterr(handle);
                damage.add(new CaptureDamage(packets, reason));
            }
        }
        return false;
    }

    private void copyPacket() {
        MemorySegment memory = pcap.nativeMemory;
        // JDK 25 runs only on 64-bit platforms, so a pointer reads as a long.
        long header = headerOut.get(JAVA_LONG, 0);
        long data = dataOut.get(JAVA_LONG, 0);
        int caplen = memory.get(JAVA_INT, header + Pcap.HEADER_CAPLEN);
        long seconds = memory.get(JAVA_LONG, header + Pcap.HEADER_SECONDS);
        long fraction = memory.get(JAVA_LONG, header + Pcap.HEADER_FRACTION);
        if (caplen > buffer.length) {
            // libpcap keeps packets within the snapshot length this buffer was sized to; not trusted blindly.
            buffer = new byte[caplen];
        }
        MemorySegment.copy(memory, JAVA_BYTE, data, buffer, 0, caplen);
        capturedLength = caplen;
        originalLength = (int) Math.min(Integer.toUnsignedLong(memory.get(JAVA_INT, header + Pcap.HEADER_LEN)),
                Integer.MAX_VALUE);
        timestampNanos = seconds * NANOS_PER_SECOND + fraction * nanosPerFraction;
    }

    /**
     * Makes {@link #next()} return false, promptly even when it is waiting for packets; callable from any
     * thread, any number of times, also after {@link #close()}.
     */
    public void stop() {
        stopRequested = true;
        synchronized (lifecycle) {
            if (!closed) {
                pcap.breakloop(handle);
            }
        }
    }

    /**
     * The counters since the capture was opened; after {@link #close()}, as last read. Call it from the
     * reading thread: libpcap does not promise that one capture may be used from two threads at once.
     */
    public CaptureStats stats() throws CaptureException {
        synchronized (lifecycle) {
            if (!closed) {
                if (pcap.stats(handle, statsOut) != 0) {
                    throw new CaptureException("cannot read the capture counters of " + interfaceName + ": "
                            + pcap.geterr(handle));
                }
                for (int i = 0; i < COUNTERS.length; i++) {
                    // libpcap's counters are 32 bits and wrap; the difference modulo 2^32 is what was added.
                    int counter = statsOut.get(JAVA_INT, COUNTERS[i]);
                    counterTotals[i] += Integer.toUnsignedLong(counter - lastCounters[i]);
                    lastCounters[i] = counter;
                }
            }
            return new CaptureStats(counterTotals[0], counterTotals[1], counterTotals[2]);
        }
    }

    /** What libpcap warned about when the capture started, such as promiscuous mode not being supported. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Runs {@code idle} on the reading thread at least once per read timeout, packets or not. libpcap's own
     * timeout cannot be relied on for it: with Linux's TPACKET_V3 a read waits for the first packet however
     * long that takes. So a daemon thread interrupts the read once per read timeout (pcap_breakloop), and
     * {@link #next()} runs the task and reads on.
     */
    @Override
    public void onIdle(Runnable idle) {
        this.idle = Objects.requireNonNull(idle, "idle");
        synchronized (lifecycle) {
            if (ticker == null && !closed) {
                ticker = Thread.ofPlatform().daemon().name("iotwatch-capture-tick-" + interfaceName).start(this::tick);
            }
        }
    }

    private void tick() {
        while (!stopRequested) {
            try {
                Thread.sleep(readTimeout);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lifecycle) {
                if (!closed && !stopRequested) {
                    pcap.breakloop(handle);
                }
            }
        }
    }

    @Override
    public byte[] buffer() {
        return buffer;
    }

    @Override
    public int offset() {
        return 0;
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

    /** Always 0: one interface per capture. */
    @Override
    public int interfaceId() {
        return 0;
    }

    /** The bytes captured before this packet: a live capture has no file, but a stream of packets. */
    @Override
    public long fileOffset() {
        return offset;
    }

    /** At most one entry: the failure that ended the capture, at the number of packets read before it. */
    @Override
    public List<CaptureDamage> damage() {
        return damageView;
    }

    @Override
    public long packets() {
        return packets;
    }

    /** Stops and releases the capture; idempotent. */
    @Override
    public void close() {
        stopRequested = true;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            pcap.close(handle);
        }
        if (ticker != null) {
            ticker.interrupt();
        }
        arena.close();
    }
}
