package io.iotwatch.packet.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the user is told when libpcap is missing or unusable, found by loading other names. */
class PcapLoadTest {

    private static final String INSTALL = "install the package libpcap0.8 (Debian, Ubuntu) or libpcap (Fedora, Arch)";

    @Test
    void missingLibraryNamesThePackageToInstall() {
        Pcap.Loaded loaded = Pcap.load(List.of("libiotwatch-absent.so.1", "libiotwatch-absent.so"));

        assertThat(loaded.pcap()).isNull();
        assertThat(loaded.problem()).isEqualTo("live capture needs libpcap, which could not be loaded (tried"
                + " libiotwatch-absent.so.1, libiotwatch-absent.so): " + INSTALL);
    }

    @Test
    void libraryWithoutTheFunctionsIsNamedWithWhatItLacks() {
        // Any library that loads will do; the JDK's own is there wherever this test runs.
        String notPcap = Path.of(System.getProperty("java.home"), "lib", System.mapLibraryName("java")).toString();

        Pcap.Loaded loaded = Pcap.load(List.of("libiotwatch-absent.so.1", notPcap));

        assertThat(loaded.pcap()).isNull();
        assertThat(loaded.problem())
                .startsWith(notPcap + " lacks pcap_create, pcap_set_snaplen, ")
                .endsWith(", which live capture needs (libpcap 1.5 or later): " + INSTALL);
    }
}
