package io.iotwatch.logs.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogInputsTest {

    @Test
    void expandsFoldersRecursivelyInPathOrderSkippingHiddenOnes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b/c"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/c/3.log"), "x");
        Files.writeString(dir.resolve("a.log"), "x");
        Files.writeString(dir.resolve("b/2.log.gz"), "x");
        Files.writeString(dir.resolve(".hidden.log"), "x");
        Files.writeString(dir.resolve(".git/config"), "x");
        Path single = Files.writeString(dir.resolve("single.log"), "x");

        assertThat(LogInputs.expand(List.of(dir.resolve("b"), single)))
                .containsExactly(dir.resolve("b/2.log.gz"), dir.resolve("b/c/3.log"), single);
        assertThat(LogInputs.expand(List.of(dir))).extracting(p -> dir.relativize(p).toString())
                .containsExactly("a.log", "b/2.log.gz", "b/c/3.log", "single.log");
    }

    @Test
    void aMissingPathIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> LogInputs.expand(List.of(dir.resolve("nope.log"))))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope.log");
    }

    @Test
    void decompressesGzipAndPassesPlainThrough() throws IOException {
        byte[] plain = "date=2026-01-01 time=00:00:00 a=b\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(plain);
        }
        assertThat(LogInputs.decompressing(new ByteArrayInputStream(zipped.toByteArray())).readAllBytes()).isEqualTo(plain);
        assertThat(LogInputs.decompressing(new ByteArrayInputStream(plain)).readAllBytes()).isEqualTo(plain);
        assertThat(LogInputs.decompressing(new ByteArrayInputStream(new byte[] {0x1f})).readAllBytes()).containsExactly(0x1f);
    }
}
