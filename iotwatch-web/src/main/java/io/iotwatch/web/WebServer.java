package io.iotwatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.store.EventStore;
import io.iotwatch.web.api.AccountsApi;
import io.iotwatch.web.api.AlertsApi;
import io.iotwatch.web.api.ApiContext;
import io.iotwatch.web.api.AuditApi;
import io.iotwatch.web.api.BadRequest;
import io.iotwatch.web.api.InventoryApi;
import io.iotwatch.web.api.OverviewApi;
import io.iotwatch.web.api.ReportsApi;
import io.iotwatch.web.api.SeedApi;
import io.iotwatch.web.api.SystemApi;
import io.iotwatch.web.auth.Access;
import io.iotwatch.web.auth.Accounts;
import io.iotwatch.web.auth.LoginThrottle;
import io.iotwatch.web.auth.PasswordHasher;
import io.iotwatch.web.auth.Sessions;
import io.iotwatch.web.devices.MacVendors;
import io.iotwatch.web.live.LiveHub;
import io.iotwatch.web.monitor.Monitor;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard and its API: static pages from the jar, JSON under {@code /api/v1}, live updates over
 * server-sent events, and the access rules in front of all of it. Start it, hand it the alerts the
 * detectors raise ({@link #alertsChanged}), close it.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /**
     * Scripts and styles only from this server (no inline code, so an injected tag cannot run), no framing,
     * no forms or connections elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";

    private final Javalin app;
    private final LiveHub hub;
    private final AlertsApi alerts;
    private final Sessions sessions;
    private final Accounts accounts;
    private final OverviewApi overview;
    private final ObjectMapper json;
    private final ScheduledExecutorService ticker;
    private final boolean tls;
    private Optional<String> firstAdminPassword = Optional.empty();

    private WebServer(WebSettings settings, EventStore store, Monitor monitor, Clock clock, PasswordHasher hasher) {
        this.tls = settings.tls();
        this.hub = new LiveHub();
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.sessions = new Sessions(settings.sessionIdle(), settings.sessionMaxAge(), clock);
        this.accounts = new Accounts(store.users(), store.audit(), hasher, new LoginThrottle(clock), clock);
        ApiContext api = new ApiContext(store, monitor, clock, json, hub);
        Access access = new Access(sessions, accounts);
        this.overview = new OverviewApi(api);
        this.alerts = new AlertsApi(api);
        InventoryApi inventory = new InventoryApi(api, overview, MacVendors.load());
        SystemApi system = new SystemApi(api, accounts.throttle()::failedTotal);
        AccountsApi accountsApi = new AccountsApi(accounts, sessions, settings.tls());
        AuditApi audit = new AuditApi(api);
        SeedApi seed = new SeedApi(api, overview);
        ReportsApi reports = new ReportsApi(api);
        byte[] openApi = resource("openapi.json");

        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            if (settings.tls()) {
                config.jetty.addConnector((server, http) -> tlsConnector(server, http, settings));
            }
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/io/iotwatch/web/static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> securityHeaders(ctx));
            config.routes.before(access::authenticate);
            config.routes.beforeMatched(access::authorize);
            overview.register(config.routes);
            alerts.register(config.routes);
            inventory.register(config.routes);
            system.register(config.routes);
            accountsApi.register(config.routes);
            audit.register(config.routes);
            reports.register(config.routes);
            seed.register(config.routes);
            config.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.sse("/api/v1/stream", hub::join);
            config.routes.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
            config.routes.exception(HttpResponseException.class,
                    (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error; the server's log has the details"));
            });
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("iotwatch-web-ticker").daemon().factory());
    }

    /**
     * Starts serving. When the store has no user yet, makes the first admin account; its password is in
     * the returned server's {@link #firstAdminPassword()} and nowhere else.
     */
    public static WebServer start(WebSettings settings, EventStore store, Monitor monitor, Clock clock) {
        return start(settings, store, monitor, clock, new PasswordHasher());
    }

    /** As {@link #start(WebSettings, EventStore, Monitor, Clock)} with another hasher (tests: fewer iterations). */
    public static WebServer start(WebSettings settings, EventStore store, Monitor monitor, Clock clock, PasswordHasher hasher) {
        WebServer server = new WebServer(settings, store, monitor, clock, hasher);
        server.firstAdminPassword = server.accounts.createFirstAdmin();
        server.app.start();
        server.ticker.scheduleAtFixedRate(server::tick, 1, 1, TimeUnit.SECONDS);
        return server;
    }

    /** The first admin's password when this start made the account, to be shown once. */
    public Optional<String> firstAdminPassword() {
        return firstAdminPassword;
    }

    /** The port the server listens on (the one chosen when the settings asked for 0). */
    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public String url(String host) {
        return (tls ? "https" : "http") + "://" + host + ":" + port() + "/";
    }

    /** Alerts the detectors raised or updated: sent to every open dashboard. */
    public void alertsChanged(List<Alert> changed) {
        if (!changed.isEmpty()) {
            alerts.published(changed);
        }
    }

    /** Browsers connected to the live stream. */
    public int liveClients() {
        return hub.clients();
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        hub.close();
        app.stop();
    }

    private void tick() {
        try {
            sessions.sweep();
            if (hub.clients() > 0) {
                hub.publish("stats", json.writeValueAsString(overview.stats()));
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warn("cannot send the live statistics: {}", e.toString());
        }
    }

    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http,
            WebSettings settings) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(settings.tlsKeystore().toString());
        ssl.setKeyStorePassword(settings.tlsPassword());
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        return connector;
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks io/iotwatch/web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read io/iotwatch/web/" + name, e);
        }
    }
}
