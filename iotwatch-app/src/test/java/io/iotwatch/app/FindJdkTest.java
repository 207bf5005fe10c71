package io.iotwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
