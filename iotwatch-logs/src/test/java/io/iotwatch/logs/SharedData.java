package io.iotwatch.logs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the third-party test data in {@code shared/data}, looking upwards from the working directory. */
public final class SharedData {
    private SharedData() {}

    /** The folder {@code shared/data/<name>}, or null when no parent of the working directory has it. */
    public static Path folder(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
