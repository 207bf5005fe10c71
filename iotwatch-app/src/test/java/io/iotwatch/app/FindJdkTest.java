package io.iotwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tools/find-jdk is how ./iotwatch, .ci/run and bench/run.sh find JDK 25 on a machine whose default java is older. */
class FindJdkTest {

    private static final Path SCRIPT = Path.of("..", "tools", "find-jdk");

    @Test
    void aJavaHomeThatIsNotJdk25IsPassedOverForOneUnderUsrLibJvm() throws Exception {
        String found = run("/nonexistent");
        assertThat(Path.of(found, "bin", "javac")).isExecutable();
        assertThat(Files.readString(Path.of(found, "release"))).contains("JAVA_VERSION=\"25");
    }

    @Test
    void aJavaHomeThatIsJdk25IsKept() throws Exception {
        String home = System.getProperty("java.home");
        assertThat(run(home)).isEqualTo(home);
    }

    @Test
    void aReleaseFileNamingAnotherVersionIsPassedOver(@TempDir Path jdk) throws Exception {
        fakeJdk(jdk, "25");
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"17.0.9\"\n");
        assertThat(run(jdk.toString())).isNotEqualTo(jdk.toString());
    }

    @Test
    void aJdkWithoutReleaseFileIsAskedItsVersion(@TempDir Path jdk) throws Exception {
        fakeJdk(jdk, "25");
        assertThat(run(jdk.toString())).isEqualTo(jdk.toString());
    }

    /** A JDK whose java prints the version line as -XshowSettings does, and no release file. */
    private static void fakeJdk(Path home, String version) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"),
                "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
        Path javac = Files.writeString(bin.resolve("javac"), "#!/bin/sh\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        assertThat(javac.toFile().setExecutable(true)).isTrue();
    }

    private static String run(String javaHome) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(Files.isDirectory(Path.of(out))).as(out).isTrue();
        return out;
    }
}
