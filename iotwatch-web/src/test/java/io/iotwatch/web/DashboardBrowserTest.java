package io.iotwatch.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.report.AlertRow;
import io.iotwatch.report.Report;
import io.iotwatch.report.json.ReportJson;
import io.iotwatch.store.AlertStatus;
import io.iotwatch.store.UserRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: Debian's Chromium driven by Playwright (GUIDE.md section 4). CI installs
 * Chromium; without it these tests fail and say how to install it.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private static Playwright playwright;
    private static Browser browser;

    @TempDir
    Path dir;

    private TestMonitor monitor;
    private BrowserContext context;
    private Page page;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("the browser tests need Debian's Chromium at " + CHROMIUM
                    + ": apt-get install -y chromium (.ci/run installs it)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setArgs(CHROMIUM_ARGS).setHeadless(true));
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() throws Exception {
        monitor = new TestMonitor(dir);
        monitor.seed();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                problems.add(message.text());
            }
        });
        page.onPageError(problems::add);
    }

    @AfterEach
    void close() throws Exception {
        context.close();
        monitor.close();
    }

    @Test
    void aPageWithoutASessionGoesToTheLoginAndBackAfterIt() {
        page.navigate(monitor.url() + "/#/alerts");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\.html\\?next=.*"));
        page.getByTestId("login-username").fill("admin");
        page.getByTestId("login-password").fill("wrong password");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("login-error")).isVisible();

        logIn();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/#/alerts"));
        assertThat(page.getByTestId("user-name")).hasText("admin");
        // the browser logs the refused login's answer; nothing else may go wrong
        assertThat(problems).containsOnly("Failed to load resource: the server responded with a status of 401 (Unauthorized)");
    }

    @Test
    void aNewAlertAppearsWithoutAReload() {
        page.navigate(monitor.url() + "/");
        logIn();
        assertThat(page.locator("[data-testid=recent-attacks] [data-alert-id=scan-1]")).isVisible();
        page.evaluate("window.iotwatchMarker = 'same page'");
        waitForLiveStream();

        monitor.raiseQuietly("live-1", ThreatLevel.CRITICAL, "10.0.0.99");

        assertThat(page.locator("[data-testid=recent-attacks] [data-alert-id=live-1]")).isVisible();
        assertThat(page.evaluate("window.iotwatchMarker")).isEqualTo("same page");
        assertThat(problems).isEmpty();
    }

    @Test
    void alertsFilterAndTriage() {
        page.navigate(monitor.url() + "/#/alerts");
        logIn();
        Locator rows = page.locator("[data-testid=alerts-table] [data-alert-id]");
        assertThat(rows).hasCount(2);
        page.getByTestId("filter-src").fill("10.0.0.66");
        page.getByTestId("filter-apply").click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-alert-id", "scan-1");

        rows.first().click();
        assertThat(page.getByTestId("alert-detail")).isVisible();
        assertThat(page.getByTestId("events-table")).containsText("10.0.0.66");
        page.getByTestId("triage-note").fill("seen, our own scanner test");
        page.getByTestId("triage-acknowledge").click();
        assertThat(page.getByTestId("triage-status")).containsText("acknowledged");
        assertThat(monitor.store.alertQueries().find("scan-1").orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(page.getByTestId("alert-audit")).containsText("alert.triaged");
        assertThat(page.getByTestId("alert-audit")).containsText("admin: acknowledged");
        assertThat(problems).isEmpty();
    }

    @Test
    void hostileTextFromTrafficIsShownAsTextAndNeverRuns() {
        page.navigate(monitor.url() + "/#/alerts/tunnel-1");
        logIn();
        assertThat(page.getByTestId("alert-detail")).containsText(TestMonitor.HOSTILE_DOMAIN);
        assertThat(page.getByTestId("evidence-table")).containsText(TestMonitor.HOSTILE_USER);
        page.navigate(monitor.url() + "/#/alerts");
        assertThat(page.getByTestId("alerts-table")).containsText("tunnel.example");
        page.navigate(monitor.url() + "/#/");
        assertThat(page.getByTestId("recent-attacks")).containsText("tunnel.example");

        assertThat(page.title()).isNotEqualTo("pwned");
        assertThat(page.locator("img[src=x]")).hasCount(0);
        assertThat(page.locator("body script:not([src])")).hasCount(0);
    }

    @Test
    void theAuditPageListsBlocksVerifiesThemAndShowsAHostileUserNameAsText() throws Exception {
        String hostile = "<img src=x onerror=window.__xss=1>";
        assertThat(new Http(monitor.url()).login(hostile, "not the password").statusCode()).isEqualTo(401);
        monitor.store.audit().seal();
        page.navigate(monitor.url() + "/#/audit");
        logIn();
        Locator blocks = page.locator("[data-testid=audit-blocks] [data-block-index]");
        assertThat(blocks).hasCount(1);
        page.getByTestId("audit-verify").click();
        assertThat(page.getByTestId("audit-result")).containsText("valid: 1 blocks");

        blocks.first().click();
        Locator failed = page.locator("[data-testid=audit-entries] tr", new Page.LocatorOptions().setHasText("login.failed"));
        assertThat(failed.locator("td.subject")).hasText(hostile);
        assertThat(failed.locator("td.subject")).isVisible();
        assertThat(page.locator("img[src=x]")).hasCount(0);
        assertThat(page.evaluate("typeof window.__xss")).isEqualTo("undefined");
        assertThat(problems).isEmpty();
    }

    @Test
    void anAdminAddsAUserChangesTheirRoleAndMakesAnApiTokenThatWorks() {
        page.navigate(monitor.url() + "/#/access");
        logIn();
        page.getByTestId("user-new-name").fill("olga");
        page.getByTestId("user-new-role").selectOption("analyst");
        page.getByTestId("user-new-password").fill("a long enough password");
        page.getByTestId("user-create").click();
        assertThat(page.locator("[data-testid=users-table] [data-user=olga]")).containsText("analyst");

        page.locator("[data-testid=users-table] [data-user=olga]").getByTestId("user-reset").click();
        page.getByTestId("user-reset-password").fill("olga's second password");
        page.getByTestId("user-reset-submit").click();
        assertThat(page.getByTestId("user-outcome")).hasText("Set a new password for olga; their sessions are logged out.");
        assertThat(page.getByTestId("user-reset-password")).hasCount(0);
        assertThat(monitor.store.audit().entriesAbout("olga", 10)).anySatisfy(entry ->
                assertThat(entry.kind()).isEqualTo("user.password_changed"));

        page.locator("[data-testid=users-table] [data-user=olga]").getByTestId("user-role").selectOption("viewer");
        assertThat(page.getByTestId("user-outcome")).hasText("olga is now viewer (was analyst), from their next request on.");
        assertThat(monitor.store.users().find("olga").orElseThrow().role()).isEqualTo(UserRole.VIEWER);
        // the admin's own role is text: another admin changes it
        assertThat(page.locator("[data-testid=users-table] [data-user=admin]").getByTestId("user-role")).hasCount(0);

        page.getByTestId("token-name").fill("siem-export");
        page.getByTestId("token-create").click();
        assertThat(page.getByTestId("token-secret")).containsText("iw_");
        String token = page.getByTestId("token-secret").locator("code").textContent();
        assertThat(page.getByTestId("tokens-table")).containsText("siem-export");
        var script = browser.newContext();
        try {
            var answer = script.request().get(monitor.url() + "/api/v1/stats",
                    com.microsoft.playwright.options.RequestOptions.create().setHeader("Authorization", "Bearer " + token));
            assertThat(answer.status()).isEqualTo(200);
        } finally {
            script.close();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anAdminReadsTheConfigurationAsTextAndWhereToChangeIt() {
        page.navigate(monitor.url() + "/#/access");
        logIn();
        assertThat(page.getByTestId("config-source")).containsText("the defaults, then " + dir.resolve("iotwatch.yml"));
        assertThat(page.getByTestId("config-source")).containsText("takes effect at the next start");
        Locator rows = page.locator("[data-testid=config-table] tr");
        assertThat(rows).hasCount(TestMonitor.CONFIGURATION.size());
        assertThat(page.locator("[data-testid=config-table] [data-key='web.port']")).hasText("web.port8080");
        assertThat(page.locator("[data-testid=config-table] [data-key='database.password']")).hasText("database.password(set)");
        assertThat(page.locator("[data-testid=config-table] [data-key='watch.folders'] td").last()).hasText("[\"<b>logs</b>\"]");
        assertThat(page.locator("[data-testid=config-table] b")).hasCount(0);
        assertThat(problems).isEmpty();
    }

    @Test
    void aUserChangesTheirPasswordOnTheAccessPageAndLogsInWithIt() {
        String changed = "a new and long password";
        page.navigate(monitor.url() + "/#/access");
        logIn();
        page.getByTestId("password-current").fill(monitor.adminPassword);
        page.getByTestId("password-new").fill(changed);
        page.getByTestId("password-repeat").fill("not the same password");
        page.getByTestId("password-change").click();
        assertThat(page.getByTestId("password-outcome")).hasText("The two new passwords differ.");
        page.getByTestId("password-repeat").fill(changed);
        page.getByTestId("password-change").click();
        assertThat(page.getByTestId("password-outcome")).hasText("Password changed.");

        page.getByTestId("logout").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\.html.*"));
        logIn(changed);
        assertThat(problems).isEmpty();
    }

    @Test
    void theReportsPageMakesAJsonReportListsItAndDownloadsIt() throws Exception {
        page.navigate(monitor.url() + "/#/reports");
        logIn();
        assertThat(page.getByTestId("reports-schedule")).hasText("Scheduled: daily and monthly, as PDF.");
        Locator rows = page.locator("[data-testid=reports-table] [data-report-id]");
        assertThat(rows).hasCount(0);
        page.getByTestId("report-format").selectOption("json");
        page.getByTestId("report-create").click();
        assertThat(page.getByTestId("report-status")).hasText("The report is ready.");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("json");
        assertThat(rows.first()).containsText("by admin");
        assertThat(page.getByTestId("reports-total")).hasText("1");

        Download download = page.waitForDownload(() -> rows.first().getByTestId("report-download").click());
        assertThat(download.suggestedFilename()).matches("iotwatch-report-\\d{8}T\\d{6}Z-\\d{8}T\\d{6}Z\\.json");
        Report report = ReportJson.read(Files.readString(download.path()));
        assertThat(report.summary().alerts()).isEqualTo(2);
        assertThat(report.alerts()).extracting(AlertRow::id).containsExactlyInAnyOrder("scan-1", "tunnel-1");
        assertThat(problems).isEmpty();
    }

    @Test
    void theApiRefusesACallWithoutSessionOrToken() {
        var anonymous = browser.newContext();
        try {
            var response = anonymous.request().get(monitor.url() + "/api/v1/alerts");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.text()).doesNotContain("10.0.0.66");
        } finally {
            anonymous.close();
        }
    }

    private void logIn() {
        logIn(monitor.adminPassword);
    }

    private void logIn(String password) {
        page.getByTestId("login-username").fill("admin");
        page.getByTestId("login-password").fill(password);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("user-name")).hasText("admin");
    }

    private void waitForLiveStream() {
        long deadline = System.currentTimeMillis() + 10_000;
        while (monitor.server.liveClients() == 0 && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(50);
        }
        assertThat(monitor.server.liveClients()).as("browsers on the live stream").isPositive();
    }
}
