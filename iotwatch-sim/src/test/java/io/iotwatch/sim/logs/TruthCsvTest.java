package io.iotwatch.sim.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruthCsvTest {

    @Test
    void roundTripsQuotesCommasCrlfAndEmptyFields() throws IOException {
        List<TruthRecord> records = List.of(
                new TruthRecord("c2-beacon", "10.0.1.5", "45.1.2.3", Instant.parse("2025-05-12T03:00:00.123456789Z"),
                        Instant.parse("2025-05-12T05:00:00Z"), "port=443;note=\"a, b\""),
                new TruthRecord("host-sweep", "10.0.2.9", "many", Instant.parse("2025-05-12T04:00:00Z"),
                        Instant.parse("2025-05-12T04:05:00Z"), "hosts=80"),
                new TruthRecord("port-scan", "45.1.2.4", "10.0.1.9", Instant.parse("2025-05-12T06:00:00Z"),
                        Instant.parse("2025-05-12T06:01:00Z"), ""));
        StringWriter out = new StringWriter();
        TruthCsv.write(records, out);
        assertThat(out.toString()).startsWith("profile,source,target,start,end,parameters\n");
        assertThat(TruthCsv.read(new StringReader(out.toString()))).isEqualTo(records);
        assertThat(TruthCsv.read(new StringReader(out.toString().replace("\n", "\r\n")))).isEqualTo(records);
    }

    @Test
    void rejectsAFileWithoutTheHeader() {
        assertThatThrownBy(() -> TruthCsv.read(new StringReader("a,b\n"))).isInstanceOf(IOException.class);
    }
}
