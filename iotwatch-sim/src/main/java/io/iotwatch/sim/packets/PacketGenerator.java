package io.iotwatch.sim.packets;

import io.iotwatch.sim.packets.attack.Attack;
import io.iotwatch.sim.packets.attack.AttackContext;
import io.iotwatch.sim.packets.attack.AttackPlan;
import io.iotwatch.sim.packets.lan.Benign;
import io.iotwatch.sim.packets.lan.Lan;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.packets.wire.PcapWriter;
import io.iotwatch.sim.truth.AttackTruth;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a deterministic capture of an IoT LAN with planted attacks, as a classic pcap file.
 *
 * <p>Every device habit and every attack tool is a source of packets planned a little ahead; the sources are
 * merged by time, so memory holds only what is planned and not yet written, whatever the length of the run.
 * All randomness comes from one {@link SplittableRandom} seeded from the options and split per source in a
 * fixed order.
 */
public final class PacketGenerator {

    private final PacketGeneratorOptions options;

    public PacketGenerator(PacketGeneratorOptions options) {
        this.options = options;
    }

    /** Writes the capture to {@code out} (flushed, not closed) and returns what was written and planted. */
    public GeneratedCapture generate(OutputStream out) throws IOException {
        return generate(out, (micros, frame, origin) -> {
        });
    }

    /** As {@link #generate(OutputStream)}, handing every packet written to {@code tap} as well. */
    GeneratedCapture generate(OutputStream out, Scheduler.Sink tap) throws IOException {
        SplittableRandom root = new SplittableRandom(options.seed());
        Instant begin = options.start();
        long start = Math.addExact(Math.multiplyExact(begin.getEpochSecond(), Micros.SECOND), begin.getNano() / 1_000);
        long end = start + options.duration().toSeconds() * Micros.SECOND;
        Lan lan = new Lan(options.devices(), root.split());
        Instant notBefore = Benign.certificatesFrom(begin);
        Scheduler scheduler = new Scheduler();
        Benign.habits(lan, start, notBefore, root.split()).forEach(scheduler::add);
        List<Attack> attacks = AttackPlan.start(options.attacks(), options.schedule(), new AttackContext(lan, root.split(), notBefore), start,
                scheduler);

        PcapWriter pcap = new PcapWriter(out);
        scheduler.run(end, new Frame(), (micros, frame, origin) -> {
            pcap.write(micros, frame);
            tap.packet(micros, frame, origin);
        });
        pcap.flush();
        List<AttackTruth> truth = attacks.stream().filter(Attack::planted).map(Attack::truth)
                .sorted(Comparator.comparing(AttackTruth::start)).toList();
        return new GeneratedCapture(pcap.packets(), pcap.bytes(), truth);
    }
}
