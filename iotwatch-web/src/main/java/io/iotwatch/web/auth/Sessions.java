package io.iotwatch.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: a restart logs everybody out, which for a monitor with a handful of users is a fair
 * price for never storing a live session secret. A session ends after {@code idle} without a request or
 * {@code maxAge} after login, whichever comes first.
 */
public final class Sessions {

    private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration maxAge;
    private final Clock clock;

    public Sessions(Duration idle, Duration maxAge, Clock clock) {
        this.idle = idle;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Session open(String user) {
        Instant now = clock.instant();
        Session session = new Session(Secrets.token(), user, Secrets.token(), now, now);
        byId.put(session.id(), session);
        return session;
    }

    /** The live session with this id, marked as used now; empty for an unknown or expired id. */
    public Optional<Session> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = byId.computeIfPresent(id, (key, found) -> expired(found, now) ? null : found.touched(now));
        return Optional.ofNullable(session);
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Ends every session of {@code user}: after a password reset or deletion. */
    public void closeAll(String user) {
        byId.values().removeIf(session -> session.user().equals(user));
    }

    /**
     * Ends every session of {@code user} but the one with id {@code keep} (null: all of them): after users
     * change their own password, whoever else holds one of their sessions is out, they are not.
     */
    public void closeOthers(String user, String keep) {
        byId.values().removeIf(session -> session.user().equals(user) && !session.id().equals(keep));
    }

    /** Forgets expired sessions; called now and then so abandoned ones do not pile up. */
    public void sweep() {
        Instant now = clock.instant();
        byId.values().removeIf(session -> expired(session, now));
    }

    public Duration maxAge() {
        return maxAge;
    }

    private boolean expired(Session session, Instant now) {
        return now.isAfter(session.lastUsed().plus(idle)) || now.isAfter(session.created().plus(maxAge));
    }
}
