package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.ThreatLevel;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The records and enums of the dashboard's store API: names, checks and defaults. */
class DashboardTypesTest {

    private static final Instant T = Instant.parse("2025-05-12T10:00:00Z");

    @Test
    void statusesAndRolesAreNamedInLowerCaseAndReadInAnyCase() {
        assertThat(AlertStatus.ACKNOWLEDGED.id()).isEqualTo("acknowledged");
        assertThat(AlertStatus.of(" Suppressed ")).isEqualTo(AlertStatus.SUPPRESSED);
        for (AlertStatus status : AlertStatus.values()) {
            assertThat(AlertStatus.of(status.id())).isEqualTo(status);
        }
        assertThatThrownBy(() -> AlertStatus.of("closed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open, acknowledged, resolved, suppressed");

        assertThat(UserRole.ANALYST.id()).isEqualTo("analyst");
        assertThat(UserRole.of("ADMIN")).isEqualTo(UserRole.ADMIN);
        assertThatThrownBy(() -> UserRole.of("root")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRoleMayDoWhatTheRolesBelowItMay() {
        assertThat(UserRole.ADMIN.atLeast(UserRole.ANALYST)).isTrue();
        assertThat(UserRole.ANALYST.atLeast(UserRole.ANALYST)).isTrue();
        assertThat(UserRole.ANALYST.atLeast(UserRole.VIEWER)).isTrue();
        assertThat(UserRole.VIEWER.atLeast(UserRole.ANALYST)).isFalse();
        assertThat(UserRole.ANALYST.atLeast(UserRole.ADMIN)).isFalse();
    }

    @Test
    void anAlertFilterTakesEmptyPartsAsNoneAndKeepsItsOwnCopyOfTheLevels() {
        Set<ThreatLevel> levels = new HashSet<>(Set.of(ThreatLevel.HIGH));
        AlertFilter filter = new AlertFilter(null, null, levels, "", "", "", "", "", "", null);
        levels.add(ThreatLevel.LOW);

        assertThat(filter.levels()).containsExactly(ThreatLevel.HIGH);
        assertThat(filter.detector()).isNull();
        assertThat(filter.ip()).isNull();
        assertThat(AlertFilter.all().levels()).isEmpty();
        assertThat(new AlertFilter(null, null, EnumSet.noneOf(ThreatLevel.class), null, null, null, null, null, null, null))
                .isEqualTo(AlertFilter.all());
        assertThatThrownBy(() -> new AlertFilter(T, T.minusNanos(1), null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is after");
    }

    @Test
    void aStoredAlertNeverTriagedIsOpen() {
        var alert = new io.iotwatch.core.alert.Alert("a", "scan", "k", "PortScan", "Recon", ThreatLevel.LOW, 1, T, T,
                null, null, null, "T1046", 1, null);
        assertThat(new StoredAlert(alert, null).status()).isEqualTo(AlertStatus.OPEN);
        assertThat(new StoredAlert(alert, new Triage(AlertStatus.RESOLVED, null, "ana", T)).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(new Triage(AlertStatus.RESOLVED, null, "ana", T).note()).isEmpty();
        assertThatThrownBy(() -> new Triage(AlertStatus.OPEN, "", "", T)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor");
    }

    @Test
    void anAllowRuleNeedsAnAddressOrADomain() {
        AllowRule rule = new AllowRule(null, "", "10.0.0.0/8", "", null, "ana", T);
        assertThat(rule.detector()).isNull();
        assertThat(rule.domain()).isNull();
        assertThat(rule.reason()).isEmpty();
        assertThatThrownBy(() -> new AllowRule(null, "scan", null, "", "", "ana", T)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cidr or a domain");
        assertThatThrownBy(() -> new AllowRule(null, null, null, "x".repeat(256), "", "ana", T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain must be at most 255");
        assertThatThrownBy(() -> new AllowRule(null, null, "10.0.0.1", null, "", null, T)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void usersAndTokensMustFitTheirColumns() {
        assertThatThrownBy(() -> new User("", UserRole.VIEWER, "h", T, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name must not be empty");
        assertThatThrownBy(() -> new User("x".repeat(65), UserRole.VIEWER, "h", T, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name must be at most 64");
        assertThatThrownBy(() -> new User("a", UserRole.VIEWER, "", T, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new User("a", null, "h", T, null)).isInstanceOf(NullPointerException.class);
        assertThat(new ApiToken("t", "", "a", "h", T, null).name()).isEmpty();
        assertThatThrownBy(() -> new ApiToken("t", "n", "a", "h".repeat(256), T, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenHash");
    }
}
