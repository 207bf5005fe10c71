package io.iotwatch.store.audit;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Something to record in the audit log.
 *
 * @param kind    what happened, such as {@code alert.raised} or {@code login.failed} (docs/AUDIT.md lists them)
 * @param subject what it happened to: an alert id, a user name, an allow rule's id
 * @param data    the facts, every value a string; null values are left out
 */
public record AuditRecord(String kind, String subject, Map<String, String> data) {

    public static final int MAX_KIND = 64;
    public static final int MAX_SUBJECT = 255;

    public AuditRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (kind.isEmpty() || kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("an audit kind has 1 to " + MAX_KIND + " characters: '" + kind + "'");
        }
        // subjects come from traffic and logins (a user name typed at the login form): cut and cleaned, never
        // refused; PostgreSQL's text cannot hold a NUL (data is safe: its canonical JSON escapes control characters)
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        subject = subject.replace('\0', '\uFFFD');
        data = Map.copyOf(data.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
