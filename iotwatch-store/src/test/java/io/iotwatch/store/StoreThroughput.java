package io.iotwatch.store;

import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Measures how fast a store takes FortiGate-sized connection events (750-byte raw lines, batches of
 * 4096 as the ingest command makes them); a tool, not a test. It prints events per second and the CPU
 * time of the storing thread per event, which says more than the rate on a machine shared with others.
 *
 * <pre>
 * ./mvnw -B -o -q -pl iotwatch-store -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp
 * java -Xmx6g --enable-native-access=ALL-UNNAMED -cp iotwatch-store/target/test-classes:iotwatch-store/target/classes:iotwatch-core/target/classes:$(cat /tmp/cp) \
 *     io.iotwatch.store.StoreThroughput [EVENTS (500000)] [lz4|deflate|none (lz4)] [JDBC-URL (a new SQLite file)] [USER] [PASSWORD]
 * </pre>
 */
public final class StoreThroughput {

    private static final int BATCH = 4096;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        EventCodec.Compression compression = args.length > 1
                ? EventCodec.Compression.valueOf(args[1].toUpperCase(Locale.ROOT))
                : EventCodec.Compression.LZ4;
        StoreSettings settings = args.length > 2
                ? new StoreSettings(args[2], args.length > 3 ? args[3] : "", args.length > 4 ? args[4] : "")
                : StoreSettings.embedded(Files.createTempDirectory("iotwatch-throughput"));
        List<Batch> batches = batches(count);
        double rawBytes = batches.stream().flatMap(b -> b.events().stream()).mapToInt(e -> e.header().raw().length).average().orElse(0);
        try (EventStore warmUp = EventStores.open(StoreSettings.embedded(Files.createTempDirectory("iotwatch-warm-up")), compression)) {
            batches.subList(0, Math.min(batches.size(), 25)).forEach(warmUp::accept);
        }
        try (EventStore store = EventStores.open(settings, compression)) {
            long started = System.nanoTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            for (Batch batch : batches) {
                store.accept(batch);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e3 / count;
            long summaryStarted = System.nanoTime();
            StoreSummary summary = store.summary();
            double summarySeconds = (System.nanoTime() - summaryStarted) / 1e9;
            System.out.printf("%,d events (raw lines of %.0f bytes) in %.2f s: %,.0f events/s (%.2f us CPU each), %s, into %s; summary() %.3f s%n",
                    summary.totalEvents(), rawBytes, seconds, count / seconds, cpuMicros, compression.codec, settings.jdbcUrl(), summarySeconds);
        }
        if (args.length <= 2) {
            Path db = Path.of(settings.jdbcUrl().substring("jdbc:sqlite:".length()));
            System.out.printf("database file: %,d bytes%n", Files.size(db));
        }
    }

    private static List<Batch> batches(int count) {
        Random random = new Random(42);
        long stream = random.nextLong();
        List<Batch> batches = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < count; i++) {
            String src = "192.168.%d.%d".formatted(random.nextInt(256), random.nextInt(256));
            String dst = "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), random.nextInt(256));
            int srcPort = 1024 + random.nextInt(60000);
            int dstPort = random.nextBoolean() ? 443 : 53;
            long sent = random.nextInt(1_000_000);
            long received = random.nextInt(1_000_000);
            Instant time = Instant.ofEpochSecond(1_700_000_000L + i / 100, random.nextInt(1_000_000_000));
            String raw = line(time, src, srcPort, dst, dstPort, sent, received, random);
            events.add(new ConnectionEvent(
                    new EventHeader(new EventId(stream, offset), time, "fortigate", "FGT60F-branch", raw),
                    "tcp", new Endpoint(src, srcPort), new Endpoint(dst, dstPort),
                    sent, received, sent / 1000 + 1, received / 1000 + 1, Duration.ofSeconds(random.nextInt(300)),
                    "close", Integer.toString(random.nextInt(100)), "HTTPS", "SSL", 0x1b));
            offset += raw.length() + 1;
            if (events.size() == BATCH || i == count - 1) {
                batches.add(new Batch(events, List.of(), Optional.of(new Checkpoint(stream, "bench.log", offset, i + 1))));
                events = new ArrayList<>();
            }
        }
        return batches;
    }

    private static String line(Instant time, String src, int srcPort, String dst, int dstPort, long sent, long received, Random random) {
        StringBuilder line = new StringBuilder(800)
                .append("date=2023-11-14 time=22:13:20 devname=\"FGT60F-branch\" devid=\"FGT60FTK2209XXXX\" eventtime=")
                .append(time.getEpochSecond()).append(time.getNano())
                .append(" tz=\"+0100\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\" srcip=")
                .append(src).append(" srcport=").append(srcPort)
                .append(" srcintf=\"internal\" srcintfrole=\"lan\" dstip=").append(dst).append(" dstport=").append(dstPort)
                .append(" dstintf=\"wan1\" dstintfrole=\"wan\" srccountry=\"Reserved\" dstcountry=\"Germany\" sessionid=")
                .append(random.nextInt(Integer.MAX_VALUE))
                .append(" proto=6 action=\"close\" policyid=12 policytype=\"policy\" policyname=\"LAN to Internet\" service=\"HTTPS\" trandisp=\"snat\" transip=203.0.113.7 transport=")
                .append(1024 + random.nextInt(60000))
                .append(" appid=40568 app=\"SSL\" appcat=\"Network.Service\" apprisk=\"medium\" applist=\"default\" duration=")
                .append(random.nextInt(300)).append(" sentbyte=").append(sent).append(" rcvdbyte=").append(received)
                .append(" sentpkt=").append(sent / 1000 + 1).append(" rcvdpkt=").append(received / 1000 + 1)
                .append(" srchwvendor=\"Espressif\" devtype=\"IoT\" srcmac=\"24:0a:c4:")
                .append(Integer.toHexString(random.nextInt(0xffffff))).append("\"");
        return line.toString();
    }
}
