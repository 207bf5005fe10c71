package io.iotwatch.packet.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/** Skips live capture tests where they cannot run, saying why on the console. */
final class LiveCaptures {

    private LiveCaptures() {}

    static void assumeLibpcap() {
        skipIf(Pcap.unavailable());
    }

    static void assumeCanCapture() {
        assumeLibpcap();
        skipIf(Privileges.canCapture(Privileges.processStatus())
                ? Optional.empty()
                : Optional.of("this process lacks CAP_NET_RAW, which root has"));
    }

    private static void skipIf(Optional<String> reason) {
        // Surefire keeps assumption messages in its reports only; this puts the reason on the console.
        reason.ifPresent(why -> System.err.println("SKIPPING live capture tests: " + why));
        assumeTrue(reason.isEmpty(), reason.orElse(""));
    }
}
