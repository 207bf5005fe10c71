package io.iotwatch.packet.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The libpcap functions live capture uses, bound through the foreign function API. The library is looked
 * up once per JVM; when it cannot be loaded, every use fails with the same {@link CaptureException} saying
 * which package to install.
 *
 * <p>Struct layouts are those of 64-bit Unix systems (Linux, macOS), where a C long and a pointer take 8
 * bytes; Windows and its Npcap are not supported.
 */
// Binding native code is what this class is for; the JVM is told with --enable-native-access.
@SuppressWarnings("restricted")
final class Pcap {

    static final int ERRBUF_SIZE = 256;
    static final int PACKET = 1;
    static final int TIMEOUT = 0;
    static final int WARNING = 1;
    static final int ERROR = -1;
    static final int ERROR_BREAK = -2;
    static final int ERROR_NO_SUCH_DEVICE = -5;
    static final int ERROR_PERM_DENIED = -8;
    static final int ERROR_IFACE_NOT_UP = -9;
    static final int ERROR_PROMISC_PERM_DENIED = -11;
    static final int TSTAMP_PRECISION_NANO = 1;
    static final int NETMASK_UNKNOWN = 0xFFFFFFFF;

    /** struct pcap_pkthdr: a struct timeval of two C longs, then caplen and len. */
    static final StructLayout PACKET_HEADER = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_usec"),
            JAVA_INT.withName("caplen"), JAVA_INT.withName("len"));
    static final long HEADER_SECONDS = offset(PACKET_HEADER, "tv_sec");
    static final long HEADER_FRACTION = offset(PACKET_HEADER, "tv_usec");
    static final long HEADER_CAPLEN = offset(PACKET_HEADER, "caplen");
    static final long HEADER_LEN = offset(PACKET_HEADER, "len");

    /** struct pcap_stat on Unix: three u_int counters. */
    static final StructLayout STATS = MemoryLayout.structLayout(
            JAVA_INT.withName("ps_recv"), JAVA_INT.withName("ps_drop"), JAVA_INT.withName("ps_ifdrop"));
    static final long STATS_RECEIVED = offset(STATS, "ps_recv");
    static final long STATS_DROPPED = offset(STATS, "ps_drop");
    static final long STATS_INTERFACE_DROPPED = offset(STATS, "ps_ifdrop");

    /** struct bpf_program: an instruction count and a pointer to the instructions. */
    static final StructLayout PROGRAM = MemoryLayout.structLayout(
            JAVA_INT.withName("bf_len"), MemoryLayout.paddingLayout(4), ADDRESS.withName("bf_insns"));

    /** struct pcap_if, the list pcap_findalldevs returns; only the link and the name are read. */
    private static final StructLayout DEVICE = MemoryLayout.structLayout(
            ADDRESS.withName("next"), ADDRESS.withName("name"), ADDRESS.withName("description"),
            ADDRESS.withName("addresses"), JAVA_INT.withName("flags"), MemoryLayout.paddingLayout(4));
    private static final long DEVICE_NEXT = offset(DEVICE, "next");
    private static final long DEVICE_NAME = offset(DEVICE, "name");

    private static final List<String> LIBRARY_NAMES = List.of("libpcap.so.1", "libpcap.so.0.8", "libpcap.so");
    private static final String INSTALL_HINT =
            "install the package libpcap0.8 (Debian, Ubuntu) or libpcap (Fedora, Arch)";

    private static final FunctionDescriptor INT_OF_POINTER = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    private static final FunctionDescriptor INT_OF_POINTER_INT = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
    private static final FunctionDescriptor INT_OF_TWO_POINTERS = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
    private static final FunctionDescriptor VOID_OF_POINTER = FunctionDescriptor.ofVoid(ADDRESS);

    /**
     * All of memory as one segment: pointers libpcap hands back are read through it at their address, which
     * makes no MemorySegment object per packet.
     */
    final MemorySegment nativeMemory = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final MethodHandle create;
    private final MethodHandle setSnaplen;
    private final MethodHandle setPromisc;
    private final MethodHandle setTimeout;
    private final MethodHandle setBufferSize;
    private final MethodHandle setImmediateMode;
    private final MethodHandle setTstampPrecision;
    private final MethodHandle getTstampPrecision;
    private final MethodHandle activate;
    private final MethodHandle compile;
    private final MethodHandle setfilter;
    private final MethodHandle freecode;
    private final MethodHandle datalink;
    private final MethodHandle snapshot;
    private final MethodHandle nextEx;
    private final MethodHandle stats;
    private final MethodHandle breakloop;
    private final MethodHandle close;
    private final MethodHandle geterr;
    private final MethodHandle statustostr;
    private final MethodHandle findalldevs;
    private final MethodHandle freealldevs;

    private Pcap(Functions functions) {
        create = functions.bind("pcap_create", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        setSnaplen = functions.bind("pcap_set_snaplen", INT_OF_POINTER_INT);
        setPromisc = functions.bind("pcap_set_promisc", INT_OF_POINTER_INT);
        setTimeout = functions.bind("pcap_set_timeout", INT_OF_POINTER_INT);
        setBufferSize = functions.bind("pcap_set_buffer_size", INT_OF_POINTER_INT);
        setImmediateMode = functions.bind("pcap_set_immediate_mode", INT_OF_POINTER_INT);
        setTstampPrecision = functions.bind("pcap_set_tstamp_precision", INT_OF_POINTER_INT);
        getTstampPrecision = functions.bind("pcap_get_tstamp_precision", INT_OF_POINTER);
        activate = functions.bind("pcap_activate", INT_OF_POINTER);
        compile = functions.bind("pcap_compile",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
        setfilter = functions.bind("pcap_setfilter", INT_OF_TWO_POINTERS);
        freecode = functions.bind("pcap_freecode", VOID_OF_POINTER);
        datalink = functions.bind("pcap_datalink", INT_OF_POINTER);
        snapshot = functions.bind("pcap_snapshot", INT_OF_POINTER);
        nextEx = functions.bind("pcap_next_ex", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        stats = functions.bind("pcap_stats", INT_OF_TWO_POINTERS);
        breakloop = functions.bind("pcap_breakloop", VOID_OF_POINTER);
        close = functions.bind("pcap_close", VOID_OF_POINTER);
        geterr = functions.bind("pcap_geterr", FunctionDescriptor.of(ADDRESS, ADDRESS));
        statustostr = functions.bind("pcap_statustostr", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        findalldevs = functions.bind("pcap_findalldevs", INT_OF_TWO_POINTERS);
        freealldevs = functions.bind("pcap_freealldevs", VOID_OF_POINTER);
    }

    /** The loaded library, or the reason it cannot be used. */
    static Pcap library() throws CaptureException {
        Loaded loaded = Loaded.ONCE;
        if (loaded.pcap == null) {
            throw new CaptureException(loaded.problem);
        }
        return loaded.pcap;
    }

    /** Why live capture is unavailable in this JVM, or empty when libpcap is there. */
    static Optional<String> unavailable() {
        return Optional.ofNullable(Loaded.ONCE.problem);
    }

    /** libpcap bound, or the problem that keeps it from being used. */
    record Loaded(Pcap pcap, String problem) {
        private static final Loaded ONCE = load(LIBRARY_NAMES);
    }

    /** Loads the first of {@code names} that the dynamic linker finds and binds the functions used here. */
    static Loaded load(List<String> names) {
        for (String name : names) {
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException notFound) {
                continue;
            } catch (IllegalCallerException e) {
                return new Loaded(null, "live capture needs native access: run java with"
                        + " --enable-native-access=ALL-UNNAMED (" + e.getMessage() + ")");
            }
            Functions functions = new Functions(lookup);
            Pcap pcap = new Pcap(functions);
            if (!functions.missing.isEmpty()) {
                return new Loaded(null, name + " lacks " + String.join(", ", functions.missing)
                        + ", which live capture needs (libpcap 1.5 or later): " + INSTALL_HINT);
            }
            return new Loaded(pcap, null);
        }
        return new Loaded(null, "live capture needs libpcap, which could not be loaded (tried "
                + String.join(", ", names) + "): " + INSTALL_HINT);
    }

    /** Binds functions by name, collecting the names the library lacks instead of failing on the first. */
    private static final class Functions {
        private final Linker linker = Linker.nativeLinker();
        private final SymbolLookup lookup;
        private final List<String> missing = new ArrayList<>();

        Functions(SymbolLookup lookup) {
            this.lookup = lookup;
        }

        MethodHandle bind(String name, FunctionDescriptor descriptor) {
            Optional<MemorySegment> symbol = lookup.find(name);
            if (symbol.isEmpty()) {
                missing.add(name);
                return null;
            }
            return linker.downcallHandle(symbol.get(), descriptor);
        }
    }

    MemorySegment create(MemorySegment device, MemorySegment errbuf) {
        try {
            return (MemorySegment) create.invokeExact(device, errbuf);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int setSnaplen(MemorySegment pcap, int value) {
        return intCall(setSnaplen, pcap, value);
    }

    int setPromisc(MemorySegment pcap, boolean value) {
        return intCall(setPromisc, pcap, value ? 1 : 0);
    }

    int setTimeout(MemorySegment pcap, int milliseconds) {
        return intCall(setTimeout, pcap, milliseconds);
    }

    int setBufferSize(MemorySegment pcap, int bytes) {
        return intCall(setBufferSize, pcap, bytes);
    }

    int setImmediateMode(MemorySegment pcap, boolean value) {
        return intCall(setImmediateMode, pcap, value ? 1 : 0);
    }

    int setTstampPrecision(MemorySegment pcap, int precision) {
        return intCall(setTstampPrecision, pcap, precision);
    }

    int getTstampPrecision(MemorySegment pcap) {
        return intCall(getTstampPrecision, pcap);
    }

    int activate(MemorySegment pcap) {
        return intCall(activate, pcap);
    }

    int compile(MemorySegment pcap, MemorySegment program, MemorySegment filter) {
        try {
            return (int) compile.invokeExact(pcap, program, filter, 1, NETMASK_UNKNOWN);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int setfilter(MemorySegment pcap, MemorySegment program) {
        return intCall(setfilter, pcap, program);
    }

    void freecode(MemorySegment program) {
        voidCall(freecode, program);
    }

    int datalink(MemorySegment pcap) {
        return intCall(datalink, pcap);
    }

    int snapshot(MemorySegment pcap) {
        return intCall(snapshot, pcap);
    }

    int nextEx(MemorySegment pcap, MemorySegment header, MemorySegment data) {
        try {
            return (int) nextEx.invokeExact(pcap, header, data);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int stats(MemorySegment pcap, MemorySegment stat) {
        return intCall(stats, pcap, stat);
    }

    void breakloop(MemorySegment pcap) {
        voidCall(breakloop, pcap);
    }

    void close(MemorySegment pcap) {
        voidCall(close, pcap);
    }

    String geterr(MemorySegment pcap) {
        try {
            return string((MemorySegment) geterr.invokeExact(pcap));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    String statustostr(int status) {
        try {
            return string((MemorySegment) statustostr.invokeExact(status));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The names of the capture devices, in libpcap's order; the error buffer's text when listing fails. */
    List<String> findalldevs() throws CaptureException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment first = arena.allocate(ADDRESS);
            MemorySegment errbuf = arena.allocate(ERRBUF_SIZE);
            if (intCall(findalldevs, first, errbuf) != 0) {
                throw new CaptureException("cannot list the network interfaces: " + errbuf.getString(0));
            }
            MemorySegment list = first.get(ADDRESS, 0);
            try {
                List<String> names = new ArrayList<>();
                for (MemorySegment device = list; !device.equals(MemorySegment.NULL);
                        device = device.reinterpret(DEVICE.byteSize()).get(ADDRESS, DEVICE_NEXT)) {
                    names.add(string(device.reinterpret(DEVICE.byteSize()).get(ADDRESS, DEVICE_NAME)));
                }
                return names;
            } finally {
                voidCall(freealldevs, list);
            }
        }
    }

    /** A C string owned by libpcap; empty for NULL. */
    static String string(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static int intCall(MethodHandle function, MemorySegment pointer) {
        try {
            return (int) function.invokeExact(pointer);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private static int intCall(MethodHandle function, MemorySegment pointer, int value) {
        try {
            return (int) function.invokeExact(pointer, value);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private static int intCall(MethodHandle function, MemorySegment first, MemorySegment second) {
        try {
            return (int) function.invokeExact(first, second);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private static void voidCall(MethodHandle function, MemorySegment pointer) {
        try {
            function.invokeExact(pointer);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** A downcall throws only when its binding is wrong, which is a bug here, not a capture problem. */
    private static IllegalStateException failed(Throwable t) {
        return new IllegalStateException("libpcap call failed", t);
    }

    private static long offset(StructLayout layout, String field) {
        return layout.byteOffset(PathElement.groupElement(field));
    }
}
