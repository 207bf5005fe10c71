package io.iotwatch.logs.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelUdpDropsTest {

    private static final String UDP = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              274: 0100007F:0202 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 81234 2 0000000000000000 17
              300: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 71234 2 0000000000000000 0
            """;

    private static final String UDP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              274: 00000000000000000000000000000000:0202 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 91234 2 0000000000000000 5
            """;

    @Test
    void readsTheDropsColumnOfThePortsRows() {
        assertThat(KernelUdpDrops.parse(514, UDP)).hasValue(17);
        assertThat(KernelUdpDrops.parse(53, UDP)).hasValue(0);
        assertThat(KernelUdpDrops.parse(514, UDP6)).hasValue(5);
    }

    @Test
    void isEmptyForAPortWithoutRows() {
        assertThat(KernelUdpDrops.parse(515, UDP)).isEmpty();
        assertThat(KernelUdpDrops.parse(514, "garbage\nwithout: columns\n")).isEmpty();
    }

    @Test
    void sumsOverTablesAndSkipsUnreadableOnes(@TempDir Path dir) throws Exception {
        Path udp = Files.writeString(dir.resolve("udp"), UDP);
        Path udp6 = Files.writeString(dir.resolve("udp6"), UDP6);
        assertThat(KernelUdpDrops.read(514, List.of(udp, udp6, dir.resolve("missing")))).hasValue(22);
        assertThat(KernelUdpDrops.read(514, List.of(dir.resolve("missing")))).isEqualTo(OptionalLong.empty());
    }
}
