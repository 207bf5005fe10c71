package io.iotwatch.web.auth;

import io.iotwatch.store.ApiToken;
import io.iotwatch.store.AuditTrail;
import io.iotwatch.store.User;
import io.iotwatch.store.UserRole;
import io.iotwatch.store.UserStore;
import io.iotwatch.store.audit.AuditRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users, their passwords and API tokens: the one place that hashes, checks and hands out secrets. The
 * store keeps only slow hashes of passwords and digests of tokens.
 */
public final class Accounts {

    /** The name of the account made on first start. */
    public static final String FIRST_ADMIN = "admin";
    /** Who the audit log names for what iotwatch does itself, such as making the first admin. */
    static final String SYSTEM = "iotwatch";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final int FIRST_PASSWORD_LENGTH = 20;
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** A login's outcome: the user on success, else how long to wait (zero when the password was wrong). */
    public record Login(Optional<User> user, Duration retryAfter) {}

    /** A change of one's own password: made, else how long to wait (zero when the current password was wrong). */
    public record PasswordChange(boolean changed, Duration retryAfter) {}

    /** A token just made: {@code secret} is shown once and never stored. */
    public record NewToken(ApiToken token, String secret) {}

    private final UserStore users;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    // checked against when the user does not exist, so a wrong name takes as long as a wrong password
    private final String decoyHash;

    public Accounts(UserStore users, AuditTrail audit, PasswordHasher hasher, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.decoyHash = hasher.hash(Secrets.token());
    }

    /**
     * Makes the first admin account with a random password when there is no user yet, and returns that
     * password, to be shown once; empty when users exist.
     */
    public Optional<String> createFirstAdmin() {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String password = Secrets.password(FIRST_PASSWORD_LENGTH);
        boolean created = users.create(new User(FIRST_ADMIN, UserRole.ADMIN, hasher.hash(password), clock.instant(), null), SYSTEM);
        return created ? Optional.of(password) : Optional.empty();
    }

    /** Checks a login, recording it in the audit log whatever its outcome. */
    public Login login(String name, String password, String address) {
        String user = name == null ? "" : name.strip();
        Login login = check(user, password, address, "");
        if (login.user().isPresent()) {
            users.loggedIn(user, clock.instant(), address);
        }
        return login;
    }

    /**
     * Changes the caller's own password once the current one checks out. The check is a login's: as slow,
     * and a wrong current password is a failed login, throttled and audited as one, so a stolen session
     * cannot be used to guess the password faster than the login page allows.
     *
     * @throws IllegalArgumentException if either password is missing, the new one is too short or the same
     */
    public PasswordChange changePassword(String name, String current, String next, String address) {
        if (current == null || next == null) {
            throw new IllegalArgumentException("give 'current' and 'new'");
        }
        checkPassword(next);
        if (next.equals(current)) {
            throw new IllegalArgumentException("the new password is the current one: choose another");
        }
        Login check = check(name, current, address, "password change: ");
        if (check.user().isEmpty()) {
            return new PasswordChange(false, check.retryAfter());
        }
        users.setPassword(name, hasher.hash(next), name);
        return new PasswordChange(true, Duration.ZERO);
    }

    /**
     * Sets another user's password, as an admin does for one who lost theirs; the audit log names the admin.
     *
     * @throws IllegalArgumentException if the password is missing or too short
     * @throws java.util.NoSuchElementException if there is no such user
     */
    public void resetPassword(String name, String password, String admin) {
        checkPassword(password);
        users.setPassword(name, hasher.hash(password), admin);
    }

    /**
     * The throttle, then the slow hash. A failure is counted and audited as a failed login, its reason led by
     * {@code during}: what the password was checked for, empty for a login.
     */
    private Login check(String user, String password, String address, String during) {
        Duration wait = throttle.waitFor(address, user);
        if (!wait.isZero()) {
            failed(user, address, during + "refused: too many failures, retry in " + wait.toSeconds() + " s");
            return new Login(Optional.empty(), wait);
        }
        Optional<User> found = users.find(user);
        boolean ok = hasher.matches(password, found.map(User::passwordHash).orElse(decoyHash)) && found.isPresent();
        if (!ok) {
            throttle.failed(address, user);
            failed(user, address, during + (found.isPresent() ? "wrong password" : "no such user"));
            return new Login(Optional.empty(), Duration.ZERO);
        }
        throttle.succeeded(address, user);
        return new Login(found, Duration.ZERO);
    }

    private void failed(String user, String address, String reason) {
        audit.record(new AuditRecord("login.failed", user, Map.of("address", address == null ? "" : address, "reason", reason,
                "at", clock.instant().toString())));
    }

    /** The user a bearer token belongs to, if the token is known and its user still exists. */
    public Optional<User> byToken(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return users.tokenByHash(Secrets.digest(secret.strip())).flatMap(token -> {
            users.tokenUsed(token.id(), clock.instant());
            return users.find(token.user());
        });
    }

    public User createUser(String name, UserRole role, String password, String actor) {
        checkName(name);
        checkPassword(password);
        User user = new User(name, role, hasher.hash(password), clock.instant(), null);
        if (!users.create(user, actor)) {
            throw new IllegalStateException("a user named '" + name + "' exists already");
        }
        return user;
    }

    public List<User> list() {
        return users.list();
    }

    /** The user as stored now: what a session acts as at each request. */
    public Optional<User> user(String name) {
        return users.find(name);
    }

    /**
     * Gives a user another role; the audit log names the admin.
     *
     * @return the role the user had
     * @throws java.util.NoSuchElementException if there is no such user
     * @throws IllegalStateException if the user is the last admin and the role is not admin
     */
    public UserRole setRole(String name, UserRole role, String admin) {
        return users.setRole(name, role, admin);
    }

    public boolean delete(String name, String actor) {
        return users.delete(name, actor);
    }

    public NewToken createToken(String user, String name) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 64) {
            throw new IllegalArgumentException("a token's name has at most 64 characters");
        }
        String secret = "iw_" + Secrets.token();
        ApiToken token = new ApiToken(Secrets.token().substring(0, 16), label, user, Secrets.digest(secret), clock.instant(), null);
        users.addToken(token);
        return new NewToken(token, secret);
    }

    public List<ApiToken> tokens(String user) {
        return users.tokens(user);
    }

    public boolean deleteToken(String user, String id) {
        return users.deleteToken(user, id);
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    private static void checkName(String name) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits or . _ @ -");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
