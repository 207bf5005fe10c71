package io.iotwatch.logs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds test inputs that live outside the module: the repo's samples and the shared third-party data. */
public final class TestFiles {

    private TestFiles() {}

    /** The third-party data folder (shared/data/{@code name}), found by walking up from the working directory. */
    public static Optional<Path> sharedData(String name) {
        return find(Path.of("shared", "data", name));
    }

    /** A folder of the repository, such as samples/fortigate, found by walking up from the working directory. */
    public static Path repoFolder(String relative) {
        return find(Path.of(relative)).orElseThrow(
                () -> new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath()));
    }

    private static Optional<Path> find(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
