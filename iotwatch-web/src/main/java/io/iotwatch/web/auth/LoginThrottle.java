package io.iotwatch.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slows password guessing: after {@link #FREE_FAILURES} failed logins from one address, or for one user
 * name, each further attempt has to wait twice as long as the one before (1 s, 2 s, 4 s ... up to 15
 * minutes) until a login succeeds or an hour passes without failures. Keyed both ways so that neither
 * one address trying many names nor many addresses trying one name gets far.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final AtomicLong failedTotal = new AtomicLong();
    private final AtomicLong throttledTotal = new AtomicLong();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a login from {@code address} for {@code user} must still wait; zero when it may go ahead. */
    public Duration waitFor(String address, String user) {
        Instant now = clock.instant();
        Duration wait = max(remaining(addressKey(address), now), remaining(userKey(user), now));
        if (!wait.isZero()) {
            throttledTotal.incrementAndGet();
        }
        return wait;
    }

    public void failed(String address, String user) {
        failedTotal.incrementAndGet();
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> now.isAfter(f.last().plus(FORGET_AFTER)));
        }
        for (String key : new String[] {addressKey(address), userKey(user)}) {
            failures.merge(key, new Failures(1, now), (old, one) ->
                    now.isAfter(old.last().plus(FORGET_AFTER)) ? one : new Failures(old.count() + 1, now));
        }
    }

    public void succeeded(String address, String user) {
        failures.remove(addressKey(address));
        failures.remove(userKey(user));
    }

    /** Failed logins since start. */
    public long failedTotal() {
        return failedTotal.get();
    }

    /** Login attempts refused because they came too soon. */
    public long throttledTotal() {
        return throttledTotal.get();
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < FREE_FAILURES || now.isAfter(f.last().plus(FORGET_AFTER))) {
            return Duration.ZERO;
        }
        int doublings = Math.min(f.count() - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        Duration left = Duration.between(now, f.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static String userKey(String user) {
        return "u:" + user;
    }
}
