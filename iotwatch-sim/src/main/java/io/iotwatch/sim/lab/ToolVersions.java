package io.iotwatch.sim.lab;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Debian package versions of the lab's tools, as dpkg knows them, for the ground truth and tool_versions.txt. */
final class ToolVersions {

    private ToolVersions() {}

    /** Package to version for those of {@code packages} dpkg has installed; empty without dpkg. */
    static Map<String, String> of(CommandRunner runner, List<String> packages) throws IOException, InterruptedException {
        try {
            return parse(runner.run(query(packages), Duration.ofSeconds(30)).out());
        } catch (IOException e) {
            // Not a Debian system: the tools are there (the preflight saw them), their versions unknown.
            return Map.of();
        }
    }

    /** dpkg-query's command printing {@link #parse}'s lines for {@code packages}. */
    static List<String> query(List<String> packages) {
        List<String> command = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package}\\t${Version}\\t${db:Status-Status}\\n"));
        command.addAll(packages);
        return command;
    }

    /** Lines of {@code package<TAB>version<TAB>status}; only installed packages are kept. */
    static Map<String, String> parse(String dpkgOutput) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : dpkgOutput.lines().toList()) {
            String[] fields = line.split("\t");
            if (fields.length == 3 && fields[2].equals("installed")) {
                versions.put(fields[0], fields[1]);
            }
        }
        return versions;
    }

    /** {@code hping3 3.a2.ds2-10}, or the package name alone when its version is unknown. */
    static String describe(List<String> packages, Map<String, String> versions) {
        return String.join(", ", packages.stream()
                .map(p -> versions.containsKey(p) ? p + " " + versions.get(p) : p).toList());
    }
}
