package io.iotwatch.web.auth;

import io.iotwatch.store.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gate every request passes: finds who is calling (session cookie or bearer token), sends everybody
 * else to the login page (pages) or away with 401 (API), checks the CSRF token of changes made with a
 * session, and checks the role a route needs.
 */
public final class Access {

    public static final String COOKIE = "iotwatch_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "iotwatch.principal";
    private static final Set<String> PUBLIC = Set.of("/login.html", "/api/v1/login", "/favicon.ico");
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Sessions sessions;
    private final Accounts accounts;

    public Access(Sessions sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** Before every request, static files included. */
    public void authenticate(Context ctx) {
        String path = ctx.path();
        if (!SAFE.contains(ctx.method()) && path.startsWith("/api/") && !ctx.body().isEmpty() && !json(ctx.contentType())) {
            // a page of another site can post a form or text/plain without asking; JSON it cannot
            refuse(ctx, 415, "send the body as Content-Type: application/json");
            return;
        }
        if (PUBLIC.contains(path) || path.startsWith("/assets/")) {
            return;
        }
        Optional<Principal> principal = principal(ctx);
        if (principal.isEmpty()) {
            if (path.startsWith("/api/")) {
                refuse(ctx, 401, "log in first, or send an API token as 'Authorization: Bearer TOKEN'");
            } else {
                String next = path + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect("/login.html?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
            }
            return;
        }
        Session session = principal.get().session();
        if (session != null && !SAFE.contains(ctx.method()) && !csrfMatches(ctx.header(CSRF_HEADER), session.csrf())) {
            refuse(ctx, 403, "this change needs the session's CSRF token in the " + CSRF_HEADER + " header");
            return;
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    /** Before a matched route: its permission, if it has one. */
    public void authorize(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            return; // a public route: authenticate let it through
        }
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Permission permission && !permission.grantedTo(principal.role())) {
                refuse(ctx, 403, "the role " + principal.role().id() + " may not do this");
                return;
            }
        }
    }

    /** The caller, for a route behind {@link #authenticate}. */
    public static Principal principal(Context ctx, boolean required) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null && required) {
            throw new IllegalStateException("no principal on " + ctx.path());
        }
        return principal;
    }

    private Optional<Principal> principal(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.byToken(authorization.substring(7)).map(Access::byToken);
        }
        // the user as stored now, as for a token: a role changed since the login applies, a user deleted meanwhile is out
        return sessions.use(ctx.cookie(COOKIE)).flatMap(session -> accounts.user(session.user())
                .map(user -> new Principal(user.name(), user.role(), session)));
    }

    private static Principal byToken(User user) {
        return new Principal(user.name(), user.role(), null);
    }

    private static boolean json(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static boolean csrfMatches(String sent, String expected) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
        ctx.skipRemainingHandlers();
    }
}
