package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabFilesTest {

    private static final String HASH = "$6$iwlab2a$abcdefghijklmnopqrstuv";

    @TempDir
    Path dir;

    @Test
    void theStaticFilesAreWrittenUnderTheRunFolderOnly() throws IOException {
        LabFiles files = new LabFiles(dir.resolve("run"));

        files.writeStatic(5);

        for (String script : new String[] {"vulnweb.py", "telnetd.py", "dnsd.py", "benign.py", "mirai.py"}) {
            assertThat(files.script(script)).isRegularFile().content().startsWith("#!/usr/bin/python3");
        }
        assertThat(files.passwords()).content().endsWith(LabFiles.LAB_PASSWORD + "\n");
        assertThat(Files.size(files.tunnelData())).isEqualTo(LabFiles.TUNNEL_BYTES);
        assertThat(files.spoofedHosts()).hasContent("10.77.0.66 cloud.iot.example");
        assertThat(files.mosquittoConfig()).content().contains("listener 1883 10.77.0.10");
        try (var all = Files.walk(dir)) {
            assertThat(all.filter(p -> !p.equals(dir))).allSatisfy(p -> assertThat(p).startsWith(dir.resolve("run")));
        }
    }

    @Test
    void theTunnelDataDependsOnTheSeedOnly() throws IOException {
        LabFiles a = new LabFiles(dir.resolve("a"));
        LabFiles b = new LabFiles(dir.resolve("b"));
        LabFiles c = new LabFiles(dir.resolve("c"));
        a.writeStatic(1);
        b.writeStatic(1);
        c.writeStatic(2);

        assertThat(Files.readAllBytes(a.tunnelData())).isEqualTo(Files.readAllBytes(b.tunnelData()))
                .isNotEqualTo(Files.readAllBytes(c.tunnelData()));
    }

    @Test
    void theAccountFilesAddTheLabUserAndCopyNoHashOfTheMachine() throws IOException {
        LabFiles files = new LabFiles(dir.resolve("run"));
        files.writeStatic(1);

        files.writeAccounts(HASH, "root:x:0:0:root:/root:/bin/bash\nsshd:x:105:65534::/run/sshd:/usr/sbin/nologin\n",
                "root:x:0:\n");

        Path etc = files.accounts();
        assertThat(etc.resolve("passwd")).content().contains("sshd:x:105", "iotadmin:x:64077:64077:lab IoT admin:");
        assertThat(etc.resolve("group")).content().contains("root:x:0:", "iotadmin:x:64077:");
        assertThat(etc.resolve("shadow")).hasContent("iotadmin:" + HASH + ":20000:0:99999:7:::");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("shadow")))).isEqualTo("rw-------");
        assertThatThrownBy(() -> files.writeAccounts("plain", "", "")).hasMessageContaining("no SHA-512 crypt hash");
    }

    @Test
    void penaltiesAreTurnedOffOnlyWhereOpenSshHasThem() {
        LabFiles files = new LabFiles(Path.of("/out/run"));

        assertThat(files.sshdConfig("OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15")).doesNotContain("PerSourcePenalties")
                .contains("ListenAddress 10.77.0.10", "HostKey /out/run/ssh/host_ed25519", "UsePAM no", "MaxAuthTries 3",
                        "AllowUsers iotadmin");
        assertThat(files.sshdConfig("OpenSSH_9.8p1")).contains("PerSourcePenalties no");
        assertThat(files.sshdConfig("OpenSSH_10.0p2")).contains("PerSourcePenalties no");
        assertThat(files.sshdConfig("unknown")).doesNotContain("PerSourcePenalties");
    }

    @Test
    void sshdSeesTheLabAccountsThroughBindMountsInAMountNamespaceOfItsOwn() {
        NsCommand sshd = new LabFiles(Path.of("/out/run")).sshd();

        assertThat(sshd.argv()).startsWith("unshare", "--mount", "--propagation", "private", "--", "sh", "-c");
        assertThat(sshd.argv().getLast()).contains("mount --bind /out/run/etc/passwd /etc/passwd",
                "mount --bind /out/run/etc/shadow /etc/shadow", "exec /usr/sbin/sshd -D -e -f /out/run/ssh/sshd_config");
        assertThat(LabFiles.passwordHashCommand(1)).containsExactly("busybox", "mkpasswd", "-m", "sha512", "admin123", "iwlab1");
    }
}
