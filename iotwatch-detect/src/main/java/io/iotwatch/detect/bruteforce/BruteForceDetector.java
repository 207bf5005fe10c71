package io.iotwatch.detect.bruteforce;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventSources;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.Flows;
import io.iotwatch.detect.LruMap;
import io.iotwatch.detect.Printable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds password guessing against one service of one host: SSH or telnet on an IoT device, FTP, RDP,
 * VNC, a firewall's admin page or API, its VPN. It reads failed logins where a source logs them
 * ({@link AuthEvent}) and, where only flows are seen, bursts of short small connections to a login port
 * ({@link ConnectionEvent}). A burst raises a HIGH finding, every further failure while it goes on adds to
 * the incident, and a login that works after the burst raises it to CRITICAL.
 */
public final class BruteForceDetector implements Detector {

    static final String NAME = "bruteforce";
    private static final String ATTACK_CLASS = "DictionaryBruteForce";
    private static final String GROUP = "BruteForce";
    private static final String MITRE = "T1110.001";
    private static final int MAX_USERS = 10;
    private static final int MAX_TEXT = 64;
    // A denied connection never reached a login prompt: that is scanning, for the scan detector.
    private static final Set<String> DENIED = Set.of("deny", "drop", "dropped", "reject", "block", "blocked");

    private final BruteForceConfig config;
    private final long windowMillis;
    private final BitSet authPorts = new BitSet(65536);
    private final LruMap<Key, Burst> bursts;

    public BruteForceDetector(BruteForceConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.windowMillis = config.window().toMillis();
        config.authPorts().forEach(authPorts::set);
        this.bursts = new LruMap<>(config.maxKeys());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.AUTH, EventType.CONNECTION);
    }

    /** Keys evicted because more than {@link BruteForceConfig#maxKeys()} were held. */
    public long evictedKeys() {
        return bursts.evictions();
    }

    int trackedKeys() {
        return bursts.size();
    }

    @Override
    public void onEvent(Event event, FindingSink out) {
        switch (event) {
            case AuthEvent auth -> onAuth(auth, out);
            case ConnectionEvent connection -> onConnection(connection, out);
            default -> {}
        }
    }

    private void onAuth(AuthEvent auth, FindingSink out) {
        // Without a source there is no one to attribute the guessing to; many users would merge into one.
        if (!auth.source().isKnown()) {
            return;
        }
        Key key = new Key(auth.source().ip(), auth.target().ip(), auth.service(), 0);
        if (auth.outcome() == Outcome.FAILURE) {
            failure(key, config.failures(), auth.time(), auth.user(), out);
        } else if (auth.outcome() == Outcome.SUCCESS) {
            success(key, auth.time(), Map.of("user", Printable.of(auth.user(), MAX_TEXT)), out);
        }
    }

    private void onConnection(ConnectionEvent c, FindingSink out) {
        // The packet path makes every login-port session an AuthEvent of its own; counting the connection too
        // would count each attempt twice.
        if (c.header().source().equals(EventSources.PACKET)) {
            return;
        }
        int port = c.destination().port();
        if (!authPorts.get(port) || !c.source().isKnown() || !Flows.isTcp(c.protocol()) || DENIED.contains(c.action())) {
            return;
        }
        Key key = new Key(c.source().ip(), c.destination().ip(), serviceOf(port), port);
        if (c.duration().compareTo(config.maxAttemptDuration()) <= 0 && c.bytes() <= config.maxAttemptBytes()) {
            failure(key, config.attempts(), c.time(), "", out);
        } else if (c.duration().compareTo(config.sessionDuration()) >= 0 || c.bytes() >= config.sessionBytes()) {
            success(key, c.time(), Map.of("session_seconds", c.duration().toSeconds(), "session_bytes", c.bytes()), out);
        }
    }

    private void failure(Key key, int threshold, Instant time, String user, FindingSink out) {
        Burst burst = bursts.get(key);
        if (burst == null) {
            burst = new Burst(threshold, key.port == 0);
            bursts.put(key, burst);
        }
        long t = EventTime.millis(time);
        burst.addUser(user);
        if (burst.alerted) {
            burst.pend(t);
            return;
        }
        burst.record(t);
        if (burst.filled == threshold && burst.newest() - burst.oldest() <= windowMillis) {
            burst.alerted = true;
            burst.total = threshold;
            burst.incidentKey = key.incidentKey();
            Map<String, Object> evidence = burst.evidence(key, windowMillis);
            evidence.put("first_attempt", Instant.ofEpochMilli(burst.oldest()).toString());
            out.report(finding(burst, key, ThreatLevel.HIGH, burst.oldest(), burst.newest(), threshold, evidence));
        }
    }

    private void success(Key key, Instant time, Map<String, Object> detail, FindingSink out) {
        Burst burst = bursts.get(key);
        long t = EventTime.millis(time);
        if (burst == null || !burst.alerted || burst.succeeded || t - burst.lastFailure > windowMillis) {
            return;
        }
        burst.succeeded = true;
        Map<String, Object> evidence = burst.evidence(key, windowMillis);
        evidence.put("succeeded", true);
        evidence.putAll(detail);
        long first = burst.pending > 0 ? Math.min(burst.pendingFirst, t) : t;
        out.report(finding(burst, key, ThreatLevel.CRITICAL, first, Math.max(first, t), burst.pending, evidence));
        burst.pending = 0;
    }

    /** Reports the failures added to ongoing incidents since the last call, and forgets idle keys. */
    @Override
    public void advance(Instant now, FindingSink out) {
        long horizon = EventTime.millis(now) - windowMillis;
        for (Iterator<Map.Entry<Key, Burst>> it = bursts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Burst> entry = it.next();
            Burst burst = entry.getValue();
            if (burst.pending > 0) {
                ThreatLevel level = burst.succeeded ? ThreatLevel.CRITICAL : ThreatLevel.HIGH;
                out.report(finding(burst, entry.getKey(), level, burst.pendingFirst, burst.pendingLast, burst.pending,
                        burst.evidence(entry.getKey(), windowMillis)));
                burst.pending = 0;
            }
            if (burst.lastFailure < horizon) {
                it.remove();
            }
        }
    }

    private static Finding finding(Burst burst, Key key, ThreatLevel level, long first, long last, long count,
            Map<String, Object> evidence) {
        // A burst may still be a misconfigured client retrying; a login that works after one rarely is.
        return new Finding(NAME, burst.incidentKey, ATTACK_CLASS, GROUP, level, level == ThreatLevel.CRITICAL ? 0.95 : 0.8,
                Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), key.src, key.dst.isEmpty() ? null : key.dst,
                null, MITRE, count, evidence);
    }

    static String serviceOf(int port) {
        return switch (port) {
            case 21 -> "ftp";
            case 22 -> "ssh";
            case 23, 2323 -> "telnet";
            case 3389 -> "rdp";
            case 5900 -> "vnc";
            default -> "port-" + port;
        };
    }


    /** Port 0 for failed logins a source logged; the login port for attempts seen as connections. */
    private record Key(String src, String dst, String service, int port) {

        String incidentKey() {
            String target = port == 0 ? dst : dst + ":" + port;
            return Printable.of(src, MAX_TEXT) + ">" + Printable.of(target, MAX_TEXT) + " " + Printable.of(service, MAX_TEXT);
        }
    }

    /** One key's recent failures, and once they made an incident, what it has added since the last report. */
    private static final class Burst {
        // The last `threshold` failure times in arrival order: enough to tell whether that many fell in the window.
        final long[] recent;
        final List<String> users;
        int next;
        int filled;
        long lastFailure = Long.MIN_VALUE;
        boolean alerted;
        boolean succeeded;
        String incidentKey;
        long total;
        long pending;
        long pendingFirst;
        long pendingLast;

        Burst(int threshold, boolean namesUsers) {
            recent = new long[threshold];
            users = namesUsers ? new ArrayList<>(2) : null;
        }

        void record(long t) {
            recent[next] = t;
            next = (next + 1) % recent.length;
            filled = Math.min(filled + 1, recent.length);
            lastFailure = Math.max(lastFailure, t);
        }

        void pend(long t) {
            if (pending == 0) {
                pendingFirst = t;
                pendingLast = t;
            }
            pending++;
            total++;
            pendingFirst = Math.min(pendingFirst, t);
            pendingLast = Math.max(pendingLast, t);
            lastFailure = Math.max(lastFailure, t);
        }

        // Events may arrive a little out of order, so the ring's oldest slot need not hold its oldest time.
        long oldest() {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < filled; i++) {
                min = Math.min(min, recent[i]);
            }
            return min;
        }

        long newest() {
            long max = Long.MIN_VALUE;
            for (int i = 0; i < filled; i++) {
                max = Math.max(max, recent[i]);
            }
            return max;
        }

        void addUser(String user) {
            if (users == null || user.isEmpty() || users.size() >= MAX_USERS) {
                return;
            }
            String name = Printable.of(user, MAX_TEXT);
            if (!users.contains(name)) {
                users.add(name);
            }
        }

        Map<String, Object> evidence(Key key, long windowMillis) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put(users == null ? "attempts" : "failures", total);
            evidence.put("window_seconds", windowMillis / 1000);
            evidence.put("service", Printable.of(key.service, MAX_TEXT));
            if (users != null) {
                evidence.put("users", List.copyOf(users));
            } else {
                evidence.put("port", key.port);
            }
            evidence.put("last_attempt", Instant.ofEpochMilli(lastFailure).toString());
            return evidence;
        }
    }
}
