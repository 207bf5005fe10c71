package io.iotwatch.logs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds test inputs that live outside the module: the repo's samples and the shared third-party data. */
public final class TestFiles {

    private TestFiles() {}

    /** The third-party data folder (shared/data/{@code name}), found by walking up from the working directory. */
    public static Optional<Path> sharedData(String name) {
        Optional<Path> folder = find(Path.of("shared", "data", name));
        if (folder.isEmpty()) {
            // Surefire keeps assumption messages in its reports only; this puts the reason on the console.
            System.err.println("SKIPPING tests on third-party data: shared/data/" + name
                    + " not found above " + Path.of("").toAbsolutePath());
        }
        return folder;
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
