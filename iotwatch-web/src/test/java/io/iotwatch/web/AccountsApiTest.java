package io.iotwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.store.audit.AuditEntry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Changing one's own password, an admin's reset of another's and an admin's change of a role, over the real store of
 * {@link TestMonitor}.
 */
class AccountsApiTest extends LoggedInAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_PASSWORD = "a new and long password";
    private static final String VERA = "vera's first password";

    AccountsApiTest() {
        super(false);
    }

    @Test
    void aChangedPasswordLogsInAndTheOldOneNoLonger() throws Exception {
        assertThat(admin.post("/api/v1/password", change(monitor.adminPassword, NEW_PASSWORD)).statusCode()).isEqualTo(204);

        assertThat(new Http(monitor.url()).login("admin", monitor.adminPassword).statusCode()).isEqualTo(401);
        assertThat(new Http(monitor.url()).login("admin", NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(passwordChanges("admin")).containsExactly("admin");
    }

    @Test
    void aChangeEndsTheUsersOtherSessionsButNotTheCallers() throws Exception {
        Http elsewhere = new Http(monitor.url());
        assertThat(elsewhere.login("admin", monitor.adminPassword).statusCode()).isEqualTo(200);

        assertThat(admin.post("/api/v1/password", change(monitor.adminPassword, NEW_PASSWORD)).statusCode()).isEqualTo(204);

        assertThat(elsewhere.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(admin.get("/api/v1/session").statusCode()).isEqualTo(200);
        assertThat(admin.post("/api/v1/tokens", "{\"name\":\"after the change\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void aTokenMayChangeThePasswordAndThenEverySessionEnds() throws Exception {
        String token = Http.json(admin.post("/api/v1/tokens", "{\"name\":\"script\"}")).get("token").asText();
        Http script = new Http(monitor.url()).bearer(token);

        assertThat(script.post("/api/v1/password", change(monitor.adminPassword, NEW_PASSWORD)).statusCode()).isEqualTo(204);

        assertThat(admin.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(script.get("/api/v1/session").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountedAsAFailedLoginUntilThrottled() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = admin.post("/api/v1/password", change("guess-" + i, NEW_PASSWORD));
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(Http.json(wrong).get("error").asText()).isEqualTo("the current password is wrong");
        }
        HttpResponse<String> throttled = admin.post("/api/v1/password", change(monitor.adminPassword, NEW_PASSWORD));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(admin.get("/api/v1/system")).get("failedLogins").asLong()).isEqualTo(5);
        assertThat(passwordChanges("admin")).isEmpty();
        assertThat(failureReasons("admin")).contains("password change: wrong password")
                .anySatisfy(reason -> assertThat(reason).startsWith("password change: refused: too many failures"));
    }

    @Test
    void aNewPasswordMustBeLongEnoughAndNotTheCurrentOne() throws Exception {
        assertThat(admin.post("/api/v1/password", change(monitor.adminPassword, "short")).statusCode()).isEqualTo(400);
        HttpResponse<String> same = admin.post("/api/v1/password", change(monitor.adminPassword, monitor.adminPassword));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(Http.json(same).get("error").asText()).contains("current one");
        assertThat(admin.post("/api/v1/password", "{\"new\":\"" + NEW_PASSWORD + "\"}").statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/v1/password", "not json").statusCode()).isEqualTo(400);
        // refusing the request as asked needs no password check, so none is counted
        assertThat(Http.json(admin.get("/api/v1/system")).get("failedLogins").asLong()).isZero();
        assertThat(passwordChanges("admin")).isEmpty();
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        Http forged = new Http(monitor.url());
        assertThat(forged.login("admin", monitor.adminPassword).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = forged.withoutCsrf().post("/api/v1/password", change(monitor.adminPassword, NEW_PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.json(refused).get("error").asText()).contains("CSRF");
        assertThat(new Http(monitor.url()).login("admin", monitor.adminPassword).statusCode()).isEqualTo(200);
        assertThat(passwordChanges("admin")).isEmpty();
    }

    @Test
    void anAdminResetsAnotherUsersPasswordAndEndsTheirSessions() throws Exception {
        Http vera = addVera("analyst");

        assertThat(admin.put("/api/v1/users/vera/password", "{\"password\":\"" + NEW_PASSWORD + "\"}").statusCode()).isEqualTo(204);

        assertThat(vera.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(new Http(monitor.url()).login("vera", VERA).statusCode()).isEqualTo(401);
        assertThat(new Http(monitor.url()).login("vera", NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(passwordChanges("vera")).containsExactly("admin");
        assertThat(admin.get("/api/v1/session").statusCode()).isEqualTo(200);
    }

    @Test
    void aResetNeedsAnAdminALongPasswordAndAnotherUserWhoExists() throws Exception {
        Http vera = addVera("viewer");
        String body = "{\"password\":\"" + NEW_PASSWORD + "\"}";

        assertThat(vera.put("/api/v1/users/admin/password", body).statusCode()).isEqualTo(403);
        assertThat(admin.put("/api/v1/users/nobody/password", body).statusCode()).isEqualTo(404);
        assertThat(admin.put("/api/v1/users/vera/password", "{\"password\":\"short\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> own = admin.put("/api/v1/users/admin/password", body);
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(Http.json(own).get("error").asText()).contains("POST /api/v1/password");
        assertThat(admin.withoutCsrf().put("/api/v1/users/vera/password", body).statusCode()).isEqualTo(403);

        assertThat(passwordChanges("admin")).isEmpty();
        assertThat(passwordChanges("vera")).isEmpty();
        assertThat(vera.get("/api/v1/session").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminChangesARoleWhichTheUsersSessionsAndTokensFollowAtOnce() throws Exception {
        Http vera = addVera("admin");
        Http script = new Http(monitor.url()).bearer(Http.json(vera.post("/api/v1/tokens", "{}")).get("token").asText());
        assertThat(script.get("/api/v1/users").statusCode()).isEqualTo(200);

        assertThat(admin.put("/api/v1/users/vera/role", role("viewer")).statusCode()).isEqualTo(204);

        assertThat(roles()).containsEntry("vera", "viewer").containsEntry("admin", "admin");
        assertThat(vera.get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(script.get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(Http.json(vera.get("/api/v1/session")).get("role").asText()).isEqualTo("viewer");
        assertThat(vera.put("/api/v1/users/admin/role", role("viewer")).statusCode()).isEqualTo(403);

        assertThat(admin.put("/api/v1/users/vera/role", role("Analyst")).statusCode()).isEqualTo(204);
        assertThat(admin.put("/api/v1/users/vera/role", role("analyst")).statusCode()).isEqualTo(204);
        assertThat(Http.json(vera.get("/api/v1/session")).get("role").asText()).isEqualTo("analyst");
        assertThat(roleChanges("vera")).containsExactly("viewer -> analyst by admin", "admin -> viewer by admin");
    }

    @Test
    void aRoleChangeNeedsAnAdminAKnownUserAndAKnownRole() throws Exception {
        Http vera = addVera("analyst");

        assertThat(vera.put("/api/v1/users/vera/role", role("admin")).statusCode()).isEqualTo(403);
        assertThat(admin.put("/api/v1/users/nobody/role", role("viewer")).statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = admin.put("/api/v1/users/vera/role", role("root"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Http.json(unknown).get("error").asText()).contains("'role'").contains("viewer, analyst, admin");
        assertThat(admin.put("/api/v1/users/vera/role", "{}").statusCode()).isEqualTo(400);
        assertThat(admin.put("/api/v1/users/vera/role", "viewer").statusCode()).isEqualTo(400);
        assertThat(admin.withoutCsrf().put("/api/v1/users/vera/role", role("viewer")).statusCode()).isEqualTo(403);

        assertThat(roles()).containsEntry("vera", "analyst");
        assertThat(roleChanges("vera")).isEmpty();
    }

    @Test
    void theLastAdminKeepsTheRoleAndAnAdminWhoStepsDownLosesTheRightsAtOnce() throws Exception {
        HttpResponse<String> last = admin.put("/api/v1/users/admin/role", role("analyst"));
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(Http.json(last).get("error").asText()).isEqualTo("admin is the last admin: make another user admin first");
        assertThat(roles()).containsEntry("admin", "admin");

        addVera("viewer");
        assertThat(admin.put("/api/v1/users/vera/role", role("admin")).statusCode()).isEqualTo(204);
        assertThat(admin.put("/api/v1/users/admin/role", role("analyst")).statusCode()).isEqualTo(204);

        assertThat(admin.get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(Http.json(admin.get("/api/v1/session")).get("role").asText()).isEqualTo("analyst");
        assertThat(roleChanges("admin")).containsExactly("admin -> analyst by admin");
    }

    @Test
    void theOpenApiDocumentDescribesThePasswordAndRoleRoutes() throws Exception {
        JsonNode paths = Http.json(admin.get("/api/v1/openapi.json")).get("paths");
        assertThat(paths.get("/api/v1/password").has("post")).isTrue();
        assertThat(paths.get("/api/v1/users/{name}/password").has("put")).isTrue();
        assertThat(paths.get("/api/v1/users/{name}/role").has("put")).isTrue();
    }

    private Http addVera(String role) throws Exception {
        String user = JSON.createObjectNode().put("name", "vera").put("role", role).put("password", VERA).toString();
        assertThat(admin.post("/api/v1/users", user).statusCode()).isEqualTo(201);
        Http vera = new Http(monitor.url());
        assertThat(vera.login("vera", VERA).statusCode()).isEqualTo(200);
        return vera;
    }

    private static String role(String role) {
        return JSON.createObjectNode().put("role", role).toString();
    }

    /** Each user's role, as an admin lists them. */
    private Map<String, String> roles() throws Exception {
        Map<String, String> roles = new HashMap<>();
        Http.json(admin.get("/api/v1/users")).forEach(user -> roles.put(user.get("name").asText(), user.get("role").asText()));
        return roles;
    }

    private static String change(String current, String next) {
        return JSON.createObjectNode().put("current", current).put("new", next).toString();
    }

    /** Who changed the user's password, newest first, as the audit log has it. */
    private List<String> passwordChanges(String user) throws Exception {
        return auditValues(user, "user.password_changed", "by");
    }

    /** The user's role changes as "from -> to by admin", newest first, as the audit log has them. */
    private List<String> roleChanges(String user) throws Exception {
        List<String> changes = new ArrayList<>();
        for (AuditEntry entry : monitor.store.audit().entriesAbout(user, 100)) {
            if (entry.kind().equals("user.role_changed")) {
                JsonNode data = JSON.readTree(entry.data());
                changes.add(data.get("from").asText() + " -> " + data.get("to").asText() + " by " + data.get("by").asText());
            }
        }
        return changes;
    }

    /** Why logins or password changes of the user failed, newest first. */
    private List<String> failureReasons(String user) throws Exception {
        return auditValues(user, "login.failed", "reason");
    }

    private List<String> auditValues(String user, String kind, String key) throws Exception {
        List<String> values = new ArrayList<>();
        for (AuditEntry entry : monitor.store.audit().entriesAbout(user, 100)) {
            if (entry.kind().equals(kind)) {
                values.add(JSON.readTree(entry.data()).get(key).asText());
            }
        }
        return values;
    }
}
