package io.iotwatch.store;

import io.iotwatch.store.audit.AuditRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** {@link UserStore} over the users and api_tokens tables. */
final class JdbcUserStore implements UserStore {

    private static final List<String> USER_COLUMNS = List.of("name", "role", "password_hash", "created_at_ns", "last_login_ns");
    private static final String USER = "SELECT " + String.join(", ", USER_COLUMNS) + " FROM users";
    private static final String TOKEN_COLUMNS = "id, name, user_name, token_hash, created_at_ns, last_used_ns";
    private static final String TOKEN = "SELECT " + TOKEN_COLUMNS + " FROM api_tokens";

    private final Sql sql;
    private final JdbcAuditTrail audit;
    private final String insertUser;

    JdbcUserStore(Sql sql, Dialect dialect, JdbcAuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
        this.insertUser = dialect.insertUnlessStored("users", USER_COLUMNS, List.of("name"));
    }

    @Override
    public long count() {
        return sql.read("count the users", c -> Sql.number(c, "SELECT COUNT(*) FROM users"));
    }

    @Override
    public boolean create(User user, String actor) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
        return sql.write("create the user " + user.name(), c -> {
            boolean created = Sql.update(c, insertUser, user.name(), user.role().id(), user.passwordHash(),
                    EventCodec.epochNanos(user.createdAt()), Sql.nanos(user.lastLogin())) == 1;
            if (created) {
                audit.append(c, List.of(record("user.created", user.name(), "role", user.role().id(), "by", actor)));
            }
            return created;
        });
    }

    private static AuditRecord record(String kind, String subject, String... keysAndValues) {
        Map<String, String> data = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new AuditRecord(kind, subject, data);
    }

    @Override
    public Optional<User> find(String name) {
        Objects.requireNonNull(name, "name");
        return sql.read("read the user " + name, c -> Sql.first(c, USER + " WHERE name = ?", JdbcUserStore::user, name));
    }

    @Override
    public List<User> list() {
        return sql.read("read the users", c -> Sql.list(c, USER + " ORDER BY name", JdbcUserStore::user));
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), UserRole.of(rs.getString(2)), rs.getString(3), Sql.instant(rs, 4), Sql.instant(rs, 5));
    }

    @Override
    public void setPassword(String name, String passwordHash, String actor) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actor, "actor");
        Args.text(passwordHash, "passwordHash", 255, false);
        boolean changed = sql.write("set the password of " + name, c -> {
            if (Sql.update(c, "UPDATE users SET password_hash = ? WHERE name = ?", passwordHash, name) == 0) {
                return false;
            }
            audit.append(c, List.of(record("user.password_changed", name, "by", actor)));
            return true;
        });
        if (!changed) {
            throw new NoSuchElementException("no user " + name);
        }
    }

    @Override
    public UserRole setRole(String name, UserRole role, String actor) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(actor, "actor");
        return sql.write("set the role of " + name, c -> {
            UserRole from = Sql.first(c, "SELECT role FROM users WHERE name = ?", rs -> UserRole.of(rs.getString(1)), name)
                    .orElseThrow(() -> new NoSuchElementException("no user " + name));
            if (from == role) {
                return from;
            }
            if (from == UserRole.ADMIN && Sql.number(c, "SELECT COUNT(*) FROM users WHERE role = ?", UserRole.ADMIN.id()) == 1) {
                throw new IllegalStateException(name + " is the last admin: make another user admin first");
            }
            Sql.update(c, "UPDATE users SET role = ? WHERE name = ?", role.id(), name);
            audit.append(c, List.of(record("user.role_changed", name, "from", from.id(), "to", role.id(), "by", actor)));
            return from;
        });
    }

    @Override
    public boolean delete(String name, String actor) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actor, "actor");
        return sql.write("delete the user " + name, c -> {
            Sql.update(c, "DELETE FROM api_tokens WHERE user_name = ?", name);
            if (Sql.update(c, "DELETE FROM users WHERE name = ?", name) == 0) {
                return false;
            }
            audit.append(c, List.of(record("user.deleted", name, "by", actor)));
            return true;
        });
    }

    @Override
    public void loggedIn(String name, Instant at, String address) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        sql.write("note the login of " + name, c -> {
            if (Sql.update(c, "UPDATE users SET last_login_ns = ? WHERE name = ?", EventCodec.epochNanos(at), name) == 1) {
                audit.append(c, List.of(record("login", name, "address", address, "at", at.toString())));
            }
            return null;
        });
    }

    @Override
    public void addToken(ApiToken token) {
        Objects.requireNonNull(token, "token");
        // inserts nothing unless the user exists, in the same statement
        boolean added = sql.write("add a token of " + token.user(), c -> {
            if (Sql.update(c, "INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") SELECT ?, ?, name, ?, ?, ? FROM users WHERE name = ?",
                    token.id(), token.name(), token.tokenHash(), EventCodec.epochNanos(token.createdAt()),
                    Sql.nanos(token.lastUsed()), token.user()) == 0) {
                return false;
            }
            audit.append(c, List.of(record("token.created", token.user(), "id", token.id(), "name", token.name())));
            return true;
        });
        if (!added) {
            throw new NoSuchElementException("no user " + token.user());
        }
    }

    @Override
    public Optional<ApiToken> tokenByHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return sql.read("read a token", c -> Sql.first(c, TOKEN + " WHERE token_hash = ?", JdbcUserStore::token, tokenHash));
    }

    @Override
    public List<ApiToken> tokens(String user) {
        Objects.requireNonNull(user, "user");
        return sql.read("read the tokens of " + user,
                c -> Sql.list(c, TOKEN + " WHERE user_name = ? ORDER BY created_at_ns, id", JdbcUserStore::token, user));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Sql.instant(rs, 5), Sql.instant(rs, 6));
    }

    @Override
    public boolean deleteToken(String user, String id) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(id, "id");
        return sql.write("delete a token of " + user, c -> {
            if (Sql.update(c, "DELETE FROM api_tokens WHERE user_name = ? AND id = ?", user, id) == 0) {
                return false;
            }
            audit.append(c, List.of(record("token.deleted", user, "id", id)));
            return true;
        });
    }

    @Override
    public void tokenUsed(String id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        sql.write("note the use of a token",
                c -> Sql.update(c, "UPDATE api_tokens SET last_used_ns = ? WHERE id = ?", EventCodec.epochNanos(at), id));
    }
}
