package io.iotwatch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.store.AuditTrail;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.Canonical;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Records the configuration in effect in the audit log whenever it differs from the one recorded last:
 * the configuration lives in a file, environment variables and options, so the change shows when a
 * command starts with it. Every key is recorded with its value as text; secrets only as set or not. The
 * dashboard shows admins the same.
 */
final class ConfigAudit {

    static final String KIND = "config.changed";
    static final String SUBJECT = "configuration";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SET = "(set)";
    // a password written into a value, as a JDBC URL may carry one: ...?password=SECRET, address=(password=SECRET),
    // or //user:SECRET@host
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;)]*");
    private static final Pattern PASSWORD_IN_AUTHORITY = Pattern.compile("(//[^/:@]*:)[^/@]+@");

    private ConfigAudit() {}

    /** Records the configuration unless the latest configuration entry holds exactly it; true if it recorded. */
    static boolean record(AuditTrail audit, IotwatchConfig config) {
        Map<String, String> data = flatten(config);
        List<AuditEntry> latest = audit.entriesAbout(SUBJECT, 1);
        if (!latest.isEmpty() && latest.getFirst().data().equals(Canonical.data(data))) {
            return false;
        }
        audit.record(new AuditRecord(KIND, SUBJECT, data));
        return true;
    }

    /**
     * Every key as iotwatch.yml names it ({@code web.port}), lists as JSON text, secrets as "(set)" or "", also a
     * password inside a value (a database URL's).
     */
    static Map<String, String> flatten(IotwatchConfig config) {
        Map<String, String> data = new TreeMap<>();
        flatten("", JSON.valueToTree(config), data);
        return data;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> data) {
        if (node.isObject()) {
            node.properties().forEach(field -> flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
                    field.getValue(), data));
        } else if (prefix.endsWith("password")) {
            data.put(prefix, node.asText().isEmpty() ? "" : SET);
        } else {
            String value = node.isValueNode() ? node.asText() : node.toString();
            value = PASSWORD_PARAMETER.matcher(value).replaceAll("$1" + SET);
            data.put(prefix, PASSWORD_IN_AUTHORITY.matcher(value).replaceAll("$1" + SET + "@"));
        }
    }
}
