package io.iotwatch.logs.fortigate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The integration's FortiGate {@code logid} to {@code event.action} table, read once from a resource. */
final class LogidActions {
    private static final String RESOURCE = "logid-actions.txt";
    private static final Map<String, String> ACTIONS = load();

    private LogidActions() {}

    /** The action for this logid, or null when the table has none. */
    static String of(String logid) {
        return logid == null ? null : ACTIONS.get(logid);
    }

    static int size() {
        return ACTIONS.size();
    }

    private static Map<String, String> load() {
        Map<String, String> actions = new HashMap<>(2048);
        try (InputStream in = LogidActions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int space = line.indexOf(' ');
                if (!line.startsWith("#") && space > 0) {
                    actions.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Map.copyOf(actions);
    }
}
