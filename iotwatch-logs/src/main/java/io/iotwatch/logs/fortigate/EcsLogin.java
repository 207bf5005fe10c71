package io.iotwatch.logs.fortigate;

import io.iotwatch.core.event.Outcome;
import java.util.Locale;

/**
 * What the integration's login pipeline reads from a message about a login: the administrator's
 * role and name, the outcome word and the client address, from the fixed sentences FortiOS writes,
 * for example {@code Administrator admin login failed from https(172.16.1.2) because of invalid password}.
 */
final class EcsLogin {
    private static final String SSH_PREFIX = "Login from ssh: ";
    private static final String USER_DESC_PREFIX = "User login/logout ";

    String role;
    String userName;
    Outcome outcome;
    String sourceIp;
    long sourcePort = Values.NONE;

    /** The login facts, or null when the message says neither "login" nor "logged in". */
    static EcsLogin of(FortiGateLine line, String message) {
        if (message == null) {
            return null;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        boolean loggedIn = lower.contains("logged in");
        if (!loggedIn && !lower.contains("login")) {
            return null;
        }
        EcsLogin login = new EcsLogin();
        String desc = Values.text(line, "desc");
        if (message.startsWith("user") && desc != null && desc.startsWith(USER_DESC_PREFIX)) {
            login.outcome = outcome(desc.substring(USER_DESC_PREFIX.length()));
        }
        if (message.startsWith(SSH_PREFIX)) {
            // Login from ssh: <outcome> for <user> from <ip> port <port>
            String[] parts = split(message, SSH_PREFIX.length(), " for ", " from ", " port ");
            if (parts != null) {
                login.outcome = outcome(parts[0]);
                login.userName = parts[1];
                login.sourceIp = parts[2];
                login.sourcePort = parseLong(parts[3]);
            }
        } else if (message.startsWith("Administrator")) {
            // <role> <user> login <outcome> from <ui>(<ip>) ...   or   <role> <user> logged in <outcome> from <ui>(<ip>)
            String[] parts = loggedIn
                    ? split(message, 0, " ", " logged in ", " from ", "(", ")")
                    : split(message, 0, " ", " login ", " from ", "(", ") ");
            if (parts != null) {
                login.role = parts[0];
                login.userName = parts[1];
                login.outcome = outcome(parts[2]);
                login.sourceIp = parts[4];
            }
        }
        return login;
    }

    /** The integration keeps only outcome words it recognizes as ECS outcomes. */
    private static Outcome outcome(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.startsWith("fail")) {
            return Outcome.FAILURE;
        }
        return lower.startsWith("success") ? Outcome.SUCCESS : null;
    }

    /**
     * Cuts the text from {@code from} at each delimiter in turn, like an Elasticsearch dissect pattern:
     * one part before each delimiter and the rest after the last; null when a delimiter is missing.
     */
    static String[] split(String text, int from, String... delimiters) {
        String[] parts = new String[delimiters.length + 1];
        int p = from;
        for (int i = 0; i < delimiters.length; i++) {
            int at = text.indexOf(delimiters[i], p);
            if (at < 0) {
                return null;
            }
            parts[i] = text.substring(p, at);
            p = at + delimiters[i].length();
        }
        parts[delimiters.length] = text.substring(p);
        return parts;
    }

    private static long parseLong(String digits) {
        try {
            return Long.parseLong(digits.trim());
        } catch (NumberFormatException e) {
            return Values.NONE;
        }
    }
}
