package io.iotwatch.packet.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open a live capture.
 *
 * @param interfaceName the network interface, as {@link LiveCapture#interfaces()} lists it ("any" captures
 *     on all of them on Linux)
 * @param filter a BPF filter in tcpdump's syntax, applied in the kernel; empty to capture everything
 * @param snapLength bytes kept of each packet; longer packets are cut, with their original length kept
 * @param promiscuous whether to capture traffic not addressed to this host, as a monitor on a mirror port
 *     or a hub must
 * @param bufferSize bytes of the kernel's capture buffer, which absorbs bursts while the reader is busy;
 *     too small a buffer shows as {@link CaptureStats#droppedByKernel()}
 * @param readTimeout the longest a packet waits in the kernel before it is handed over: packets are passed
 *     on in batches, a batch when it is full or when this time has passed since its first packet
 * @param immediate whether to hand every packet over at once instead of in batches. It costs a wake-up per
 *     packet and, on Linux, a slot in the kernel buffer the size of the interface's MTU per packet: on a
 *     veth pair at about 100,000 packets/s it lost 30% of them, where batches lost none. For latency tests,
 *     not for monitoring
 */
public record LiveOptions(String interfaceName, String filter, int snapLength, boolean promiscuous, int bufferSize,
        Duration readTimeout, boolean immediate) {

    public static final int DEFAULT_SNAP_LENGTH = 262_144;
    public static final int DEFAULT_BUFFER_SIZE = 16 * 1024 * 1024;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(200);

    public LiveOptions {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (interfaceName.isBlank()) {
            throw new IllegalArgumentException("no network interface given");
        }
        if (snapLength <= 0) {
            throw new IllegalArgumentException("snapshot length must be positive: " + snapLength);
        }
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("buffer size must be positive: " + bufferSize);
        }
        if (readTimeout.toMillis() < 1 || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("read timeout must be from 1 ms to " + Integer.MAX_VALUE
                    + " ms: " + readTimeout);
        }
    }

    /** All traffic on {@code interfaceName}, promiscuous, in batches, with the default sizes and timeout. */
    public static LiveOptions of(String interfaceName) {
        return new LiveOptions(interfaceName, "", DEFAULT_SNAP_LENGTH, true, DEFAULT_BUFFER_SIZE,
                DEFAULT_READ_TIMEOUT, false);
    }

    public LiveOptions withFilter(String filter) {
        return new LiveOptions(interfaceName, filter, snapLength, promiscuous, bufferSize, readTimeout, immediate);
    }
}
