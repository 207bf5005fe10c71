package io.iotwatch.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotwatch.store.ApiToken;
import io.iotwatch.store.User;
import io.iotwatch.store.UserRole;
import io.iotwatch.web.auth.Access;
import io.iotwatch.web.auth.Accounts;
import io.iotwatch.web.auth.Permission;
import io.iotwatch.web.auth.Principal;
import io.iotwatch.web.auth.Session;
import io.iotwatch.web.auth.Sessions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;

/** Logging in and out, the session, passwords, users (admin) and API tokens. */
public final class AccountsApi {

    record Credentials(String username, String password) {}

    record SessionInfo(String user, String role, String csrf) {}

    record UserInfo(String name, String role, Instant createdAt, Instant lastLogin) {
        static UserInfo of(User user) {
            return new UserInfo(user.name(), user.role().id(), user.createdAt(), user.lastLogin());
        }
    }

    record NewUser(String name, String role, String password) {}

    // "new" is the field's name in the API and a Java keyword
    record OwnPassword(String current, @JsonProperty("new") String next) {}

    record PasswordReset(String password) {}

    record RoleChange(String role) {}

    record TokenRequest(String name) {}

    record TokenInfo(String id, String name, Instant createdAt, Instant lastUsed) {
        static TokenInfo of(ApiToken token) {
            return new TokenInfo(token.id(), token.name(), token.createdAt(), token.lastUsed());
        }
    }

    private final Accounts accounts;
    private final Sessions sessions;
    private final boolean secureCookie;

    public AccountsApi(Accounts accounts, Sessions sessions, boolean secureCookie) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.secureCookie = secureCookie;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/login", this::login);
        routes.post("/api/v1/logout", this::logout);
        routes.get("/api/v1/session", ctx -> {
            Principal who = Access.principal(ctx, true);
            ctx.json(new SessionInfo(who.user(), who.role().id(), who.session() == null ? null : who.session().csrf()));
        });
        routes.get("/api/v1/users", ctx -> ctx.json(accounts.list().stream().map(UserInfo::of).toList()), Permission.ADMINISTER);
        routes.post("/api/v1/users", this::createUser, Permission.ADMINISTER);
        routes.delete("/api/v1/users/{name}", this::deleteUser, Permission.ADMINISTER);
        routes.post("/api/v1/password", this::changePassword);
        routes.put("/api/v1/users/{name}/password", this::resetPassword, Permission.ADMINISTER);
        routes.put("/api/v1/users/{name}/role", this::setRole, Permission.ADMINISTER);
        routes.get("/api/v1/tokens", ctx -> ctx.json(accounts.tokens(Access.principal(ctx, true).user()).stream()
                .map(TokenInfo::of).toList()));
        routes.post("/api/v1/tokens", this::createToken);
        routes.delete("/api/v1/tokens/{id}", ctx -> {
            if (!accounts.deleteToken(Access.principal(ctx, true).user(), ctx.pathParam("id"))) {
                throw new NotFoundResponse("no token " + ctx.pathParam("id") + " of yours");
            }
            ctx.status(204);
        });
    }

    private void login(Context ctx) {
        Credentials credentials = Query.body(ctx, Credentials.class, "{\"username\": \"...\", \"password\": \"...\"}");
        if (credentials.username() == null || credentials.password() == null) {
            throw new BadRequest("give 'username' and 'password'");
        }
        Accounts.Login login = accounts.login(credentials.username(), credentials.password(), ctx.ip());
        if (!login.retryAfter().isZero()) {
            throttled(ctx, login.retryAfter());
            return;
        }
        if (login.user().isEmpty()) {
            ctx.status(401).json(Map.of("error", "wrong user name or password"));
            return;
        }
        User user = login.user().get();
        sessions.close(ctx.cookie(Access.COOKIE)); // a new id on every login: no session fixation
        Session session = sessions.open(user.name());
        ctx.header("Set-Cookie", Access.COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + sessions.maxAge().toSeconds() + (secureCookie ? "; Secure" : ""));
        ctx.json(new SessionInfo(user.name(), user.role().id(), session.csrf()));
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(Access.COOKIE));
        ctx.header("Set-Cookie", Access.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secureCookie ? "; Secure" : ""));
        ctx.status(204);
    }

    private void createUser(Context ctx) {
        NewUser request = Query.body(ctx, NewUser.class, "{\"name\": \"...\", \"role\": \"viewer\", \"password\": \"...\"}");
        UserRole role = role(request.role());
        try {
            ctx.status(201).json(UserInfo.of(accounts.createUser(request.name(), role, request.password(), Access.principal(ctx, true).user())));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        } catch (IllegalStateException taken) {
            ctx.status(409).json(Map.of("error", taken.getMessage()));
        }
    }

    private static UserRole role(String id) {
        try {
            return UserRole.of(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'role': " + e.getMessage());
        }
    }

    /**
     * Sessions and tokens read their user's role on every request, so the new one applies to the user's next
     * request wherever they are logged in; nobody is logged out.
     */
    private void setRole(Context ctx) {
        String name = ctx.pathParam("name");
        UserRole role = role(Query.body(ctx, RoleChange.class, "{\"role\": \"viewer\"}").role());
        try {
            accounts.setRole(name, role, Access.principal(ctx, true).user());
        } catch (NoSuchElementException e) {
            throw new NotFoundResponse("no user " + name);
        } catch (IllegalStateException lastAdmin) {
            ctx.status(409).json(Map.of("error", lastAdmin.getMessage()));
            return;
        }
        ctx.status(204);
    }

    private void deleteUser(Context ctx) {
        String name = ctx.pathParam("name");
        String admin = Access.principal(ctx, true).user();
        if (name.equals(admin)) {
            throw new BadRequest("you cannot delete yourself");
        }
        if (!accounts.delete(name, admin)) {
            throw new NotFoundResponse("no user " + name);
        }
        sessions.closeAll(name);
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        OwnPassword request = Query.body(ctx, OwnPassword.class, "{\"current\": \"...\", \"new\": \"...\"}");
        Principal who = Access.principal(ctx, true);
        Accounts.PasswordChange change;
        try {
            change = accounts.changePassword(who.user(), request.current(), request.next(), ctx.ip());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        if (!change.retryAfter().isZero()) {
            throttled(ctx, change.retryAfter());
            return;
        }
        if (!change.changed()) {
            ctx.status(403).json(Map.of("error", "the current password is wrong"));
            return;
        }
        // whoever else holds a session of this user, perhaps the reason for the change, is out; the caller stays
        sessions.closeOthers(who.user(), who.session() == null ? null : who.session().id());
        ctx.status(204);
    }

    private void resetPassword(Context ctx) {
        String name = ctx.pathParam("name");
        String admin = Access.principal(ctx, true).user();
        if (name.equals(admin)) {
            throw new BadRequest("change your own password with POST /api/v1/password, which asks for the current one");
        }
        PasswordReset request = Query.body(ctx, PasswordReset.class, "{\"password\": \"...\"}");
        try {
            accounts.resetPassword(name, request.password(), admin);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        } catch (NoSuchElementException e) {
            throw new NotFoundResponse("no user " + name);
        }
        sessions.closeAll(name);
        ctx.status(204);
    }

    private void createToken(Context ctx) {
        TokenRequest request = ctx.body().isBlank() ? new TokenRequest(null) : Query.body(ctx, TokenRequest.class, "{\"name\": \"...\"}");
        Accounts.NewToken token;
        try {
            token = accounts.createToken(Access.principal(ctx, true).user(), request.name());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        ctx.status(201).json(Map.of("id", token.token().id(), "name", token.token().name(), "token", token.secret()));
    }

    private static void throttled(Context ctx, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        ctx.header("Retry-After", Long.toString(seconds));
        ctx.status(429).json(Map.of("error", "too many failed logins: try again in " + seconds + " s"));
    }
}
