package io.iotwatch.logs.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Finds log files under the paths a user names and opens them, gzip or plain. */
public final class LogInputs {

    /** The path that means standard input. */
    public static final String STDIN = "-";

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private LogInputs() {}

    /**
     * Expands the arguments into files in a stable order: a folder becomes every regular file under
     * it, recursively, sorted by path; hidden files and folders (names starting with a dot) are skipped.
     *
     * @throws java.nio.file.NoSuchFileException when a named path does not exist
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(path.relativize(p)))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or folder");
            }
        }
        return files;
    }

    /** Opens a stream of the content, decompressing it when it starts with the gzip magic bytes. */
    public static InputStream decompressing(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
