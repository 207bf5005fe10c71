package io.iotwatch.sim.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttackTruthCsvTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void roundTripsRecordsWithHostileText() throws IOException {
        Random rnd = new Random(7);
        String alphabet = "ab,\"\n\r =;-/é\t";
        List<AttackTruth> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> attackers = new ArrayList<>();
            for (int n = rnd.nextInt(4); n > 0; n--) {
                attackers.add("10.9." + rnd.nextInt(256) + "." + rnd.nextInt(256));
            }
            Instant start = T0.plusMillis(rnd.nextInt(1_000_000));
            records.add(new AttackTruth(text(rnd, alphabet), "DDoS-SYN_Flood", start, start.plusNanos(rnd.nextInt(1_000_000_000)),
                    attackers, text(rnd, alphabet), text(rnd, alphabet), text(rnd, alphabet)));
        }
        StringWriter out = new StringWriter();
        AttackTruthCsv.write(records, out);

        assertThat(AttackTruthCsv.read(new StringReader(out.toString()))).isEqualTo(records);
    }

    @Test
    void writesTheDocumentedHeaderAndSpaceSeparatedAttackers() throws IOException {
        StringWriter out = new StringWriter();
        AttackTruthCsv.write(List.of(new AttackTruth("port-scan", "Recon-PortScan", T0, T0.plusSeconds(5),
                List.of("10.9.0.2", "10.9.0.3"), "10.9.0.10", "nmap 7.93", "nmap -sS 10.9.0.10")), out);

        assertThat(out.toString()).isEqualTo("""
                attack,class,start,end,attackers,victim,tool,command
                port-scan,Recon-PortScan,2026-12-01T10:00:00Z,2026-12-01T10:00:05Z,10.9.0.2 10.9.0.3,10.9.0.10,nmap 7.93,nmap -sS 10.9.0.10
                """);
    }

    @Test
    void namesTheRowThatIsWrong() {
        String header = "attack,class,start,end,attackers,victim,tool,command\n";
        assertThatThrownBy(() -> AttackTruthCsv.read(new StringReader("a,b\n")))
                .hasMessageContaining("expected header");
        assertThatThrownBy(() -> AttackTruthCsv.read(new StringReader(header + "x,y,z\n")))
                .hasMessageContaining("row 1 (line 2) has 3 fields");
        assertThatThrownBy(() -> AttackTruthCsv.read(new StringReader(header + "x,C,yesterday,2026-12-01T10:00:00Z,,v,t,c\n")))
                .hasMessageContaining("row 1 (line 2): bad time");
        assertThatThrownBy(() -> AttackTruthCsv.read(new StringReader(header
                + "x,C,2026-12-01T10:00:05Z,2026-12-01T10:00:00Z,,v,t,c\n")))
                .hasMessageContaining("row 1").hasMessageContaining("before start");
    }

    @Test
    void countsLinesAcrossBlankLinesAndQuotedLineBreaks() {
        String csv = "attack,class,start,end,attackers,victim,tool,command\r\n"
                + "\r\n"
                + "a,C,2026-12-01T10:00:00Z,2026-12-01T10:00:01Z,,v,t,\"two\nlines\"\r\n"
                + "\n"
                + "b,C,2026-12-01T10:00:00Z,not a time,,v,t,c\n";

        assertThatThrownBy(() -> AttackTruthCsv.read(new StringReader(csv)))
                .hasMessageContaining("row 2 (line 6): bad time: not a time");
    }

    private static String text(Random rnd, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int n = rnd.nextInt(12); n > 0; n--) {
            s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
