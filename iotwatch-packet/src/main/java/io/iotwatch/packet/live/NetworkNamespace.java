package io.iotwatch.packet.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Linux network namespaces by name, as {@code ip netns add NAME} makes them (a file under {@code /run/netns}):
 * a capture opened by a thread inside one sees that namespace's interfaces. setns(2) moves only the calling
 * thread, and threads it starts later inherit its namespace, so {@link #callIn} does the work on a thread of
 * its own that ends with it; an open capture keeps reading its namespace's interface from any thread.
 * Entering needs root or CAP_SYS_ADMIN.
 */
// Calling into the C library is what this class is for; the JVM is told with --enable-native-access.
@SuppressWarnings("restricted")
public final class NetworkNamespace {

    /** Where {@code ip netns} keeps its named namespaces. */
    public static final Path DIRECTORY = Path.of("/run/netns");

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int EPERM = 1;
    private static final int EINVAL = 22;

    private NetworkNamespace() {}

    /** Something to do inside a namespace; its exception reaches the caller of {@link #callIn}. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws CaptureException;
    }

    /**
     * Moves the calling thread into the namespace {@code name} for the rest of its life; threads it starts
     * from now on start there too.
     *
     * @throws CaptureException saying what is wrong: a name that is no plain file name, no such namespace
     *     (naming the command that lists them), the privilege missing, not Linux
     */
    public static void enter(String name) throws CaptureException {
        Path file = path(name);
        if (!Files.exists(file)) {
            throw new CaptureException("no network namespace named " + name + " (" + file
                    + " does not exist; 'ip netns list' lists them)");
        }
        Libc libc = Libc.load();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Libc.CALL_STATE);
            int fd = libc.open(errno, arena.allocateFrom(file.toString()), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw new CaptureException("cannot open network namespace " + name + ": " + libc.describe(errno));
            }
            try {
                if (libc.setns(errno, fd, CLONE_NEWNET) != 0) {
                    throw new CaptureException(refused(name, libc.errno(errno), libc.describe(errno)));
                }
            } finally {
                libc.close(fd);
            }
        }
    }

    /**
     * Runs {@code action} on a new thread inside the namespace {@code name} and returns its result; the
     * thread ends with it, so nothing else ever runs in the namespace by mistake.
     */
    public static <T> T callIn(String name, Action<T> action) throws CaptureException, InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().name("iotwatch-netns-" + name).start(() -> {
            try {
                enter(name);
                result.set(action.run());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        worker.join();
        Throwable thrown = failure.get();
        if (thrown instanceof CaptureException e) {
            throw e;
        }
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    /**
     * The file of namespace {@code name}; rejects names that would point elsewhere (empty, with a slash,
     * {@code .} or {@code ..}, a NUL), as {@code ip netns} does.
     */
    static Path path(String name) throws CaptureException {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw new CaptureException("\"" + name + "\" is not a network namespace name: it must be a plain"
                    + " file name under " + DIRECTORY);
        }
        return DIRECTORY.resolve(name);
    }

    static String refused(String name, int errno, String reason) {
        return switch (errno) {
            case EPERM -> "entering network namespace " + name + " needs root or the CAP_SYS_ADMIN capability ("
                    + reason + ")";
            case EINVAL -> DIRECTORY.resolve(name) + " is not a network namespace (" + reason + ")";
            default -> "cannot enter network namespace " + name + ": " + reason;
        };
    }

    /** open, setns, close and strerror from the C library, with errno captured right after each call. */
    private record Libc(MethodHandle open, MethodHandle setns, MethodHandle close, MethodHandle strerror) {

        static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));
        private static final AtomicReference<Libc> LOADED = new AtomicReference<>();

        static Libc load() throws CaptureException {
            Libc loaded = LOADED.get();
            if (loaded != null) {
                return loaded;
            }
            Linker linker = Linker.nativeLinker();
            Linker.Option errno = Linker.Option.captureCallState("errno");
            try {
                Libc libc = new Libc(
                        // open(2) is variadic: its third argument, the mode, is passed as one.
                        linker.downcallHandle(find(linker, "open"), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                                errno, Linker.Option.firstVariadicArg(2)),
                        linker.downcallHandle(find(linker, "setns"), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), errno),
                        linker.downcallHandle(find(linker, "close"), FunctionDescriptor.of(JAVA_INT, JAVA_INT)),
                        linker.downcallHandle(find(linker, "strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT)));
                LOADED.set(libc);
                return libc;
            } catch (IllegalCallerException e) {
                throw new CaptureException("entering a network namespace needs native access: run java with"
                        + " --enable-native-access=ALL-UNNAMED (" + e.getMessage() + ")");
            }
        }

        private static MemorySegment find(Linker linker, String function) throws CaptureException {
            Optional<MemorySegment> symbol = linker.defaultLookup().find(function);
            if (symbol.isEmpty()) {
                throw new CaptureException("network namespaces need Linux: the C library has no " + function);
            }
            return symbol.get();
        }

        int open(MemorySegment state, MemorySegment path, int flags) {
            try {
                return (int) open.invokeExact(state, path, flags, 0);
            } catch (Throwable t) {
                throw new IllegalStateException("open failed", t);
            }
        }

        int setns(MemorySegment state, int fd, int type) {
            try {
                return (int) setns.invokeExact(state, fd, type);
            } catch (Throwable t) {
                throw new IllegalStateException("setns failed", t);
            }
        }

        void close(int fd) {
            try {
                int ignored = (int) close.invokeExact(fd);
            } catch (Throwable t) {
                throw new IllegalStateException("close failed", t);
            }
        }

        int errno(MemorySegment state) {
            return (int) ERRNO.get(state, 0L);
        }

        /** The system's words for the captured errno, and its number. */
        String describe(MemorySegment state) {
            int code = errno(state);
            try {
                MemorySegment text = (MemorySegment) strerror.invokeExact(code);
                return text.reinterpret(1024).getString(0) + " (errno " + code + ")";
            } catch (Throwable t) {
                return "errno " + code;
            }
        }
    }
}
