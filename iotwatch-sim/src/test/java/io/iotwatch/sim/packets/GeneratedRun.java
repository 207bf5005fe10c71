package io.iotwatch.sim.packets;

import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruth;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One generator run kept on disk for the tests that look at its packets: the capture, the attack each packet
 * belongs to (null for benign traffic) in file order, and the truth. The default run (50 devices, 30 minutes,
 * every attack) is made once per test JVM.
 */
record GeneratedRun(Path capture, List<AttackKind> origins, GeneratedCapture result) {

    private static GeneratedRun defaultRun;

    static synchronized GeneratedRun defaults() {
        if (defaultRun == null) {
            defaultRun = of(PacketGeneratorOptions.defaults());
        }
        return defaultRun;
    }

    static GeneratedRun of(PacketGeneratorOptions options) {
        try {
            Path file = Files.createTempFile("iotwatch-generated", ".pcap");
            file.toFile().deleteOnExit();
            List<AttackKind> origins = new ArrayList<>();
            GeneratedCapture result;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                result = new PacketGenerator(options).generate(out,
                        (micros, frame, origin) -> origins.add(origin == null ? null : origin.kind()));
            }
            return new GeneratedRun(file, origins, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<AttackTruth> truth() {
        return result.truth();
    }
}
