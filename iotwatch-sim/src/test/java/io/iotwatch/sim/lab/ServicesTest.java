package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicesTest {

    private static final LabFiles FILES = new LabFiles(Path.of("/out/run"));

    @Test
    void listeningSocketsAreReadFromSs() {
        String tcp = """
                LISTEN 0      128       10.77.0.10:22        0.0.0.0:*
                LISTEN 0      5         10.77.0.10:80        0.0.0.0:*
                """;
        String udp = "UNCONN 0      0          10.77.0.1:53        0.0.0.0:*\n\n";

        assertThat(Services.listening(tcp)).containsExactly("10.77.0.10:22", "10.77.0.10:80");
        assertThat(Services.listening(udp)).containsExactly("10.77.0.1:53");
        assertThat(Services.listening("")).isEmpty();
    }

    @Test
    void everyServiceRunsOnTheVictimOrTheGatewayBoundToItsOwnAddress() {
        List<NsCommand> services = Services.commands(FILES);

        assertThat(services).extracting(c -> c.host().name()).containsOnly("victim", "gw");
        assertThat(services).allSatisfy(c -> assertThat(c.bound()).isNull());
        assertThat(services).extracting(NsCommand::display).anySatisfy(d -> assertThat(d).startsWith("unshare --mount"))
                .anySatisfy(d -> assertThat(d).contains("iodined -f -c -P lab-tunnel -l 10.77.0.10 -p 53 10.99.0.1/27 tunnel.example"))
                .anySatisfy(d -> assertThat(d).contains("busybox httpd -f -p 203.0.113.66:80"))
                .anySatisfy(d -> assertThat(d).contains("dnsd.py --address 10.77.0.1 --record cloud.iot.example=198.51.100.20"));
        assertThat(Services.expected()).extracting(Services.Listening::socket)
                .contains("10.77.0.10:22", "10.77.0.10:23", "10.77.0.10:80", "10.77.0.10:1883", "10.77.0.10:53", "10.77.0.1:53");
    }

    @Test
    void eachClientRunsItsOwnRoleWithItsOwnSeed() {
        List<NsCommand> benign = Services.benign(FILES, 42);

        assertThat(benign).extracting(c -> c.host().name()).containsExactly("camera", "plug", "phone");
        assertThat(benign.getFirst().argv()).containsSubsequence("--role", "camera", "--seed", "42");
        assertThat(benign.getLast().argv()).containsSubsequence("--role", "phone", "--seed", "44");
        assertThat(Services.socketsCommand(Topology.VICTIM, "udp").argv()).containsExactly("ss", "-Hln", "-u");
    }
}
