package io.iotwatch.packet.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the capability set from /proc/PID/status texts, as Linux writes them. */
class PrivilegesTest {

    private static final String ROOT = status("000001ffffffffff");
    private static final String NOBODY = status("0000000000000000");
    /** CAP_NET_RAW (bit 13) alone, as setcap cap_net_raw=eip gives. */
    private static final String NET_RAW_ONLY = status("0000000000002000");
    /** CAP_NET_ADMIN (bit 12) alone, which does not let a process capture. */
    private static final String NET_ADMIN_ONLY = status("0000000000001000");

    @Test
    void readsTheEffectiveSet() {
        assertThat(Privileges.effectiveCapabilities(NET_RAW_ONLY)).hasValue(1L << 13);
        assertThat(Privileges.effectiveCapabilities(ROOT)).hasValue(0x1ffffffffffL);
        assertThat(Privileges.effectiveCapabilities("Name:\tjava\n")).isEmpty();
        assertThat(Privileges.effectiveCapabilities("CapEff:\tnot hex\n")).isEmpty();
        assertThat(Privileges.effectiveCapabilities("")).isEmpty();
    }

    @Test
    void captureNeedsCapNetRaw() {
        assertThat(Privileges.canCapture(ROOT)).isTrue();
        assertThat(Privileges.canCapture(NET_RAW_ONLY)).isTrue();
        assertThat(Privileges.canCapture(NET_ADMIN_ONLY)).isFalse();
        assertThat(Privileges.canCapture(NOBODY)).isFalse();
        assertThat(Privileges.canCapture("")).isFalse();
    }

    @Test
    void refusalSaysWhatIsMissing() {
        assertThat(Privileges.permissionDenied("eth0", NET_ADMIN_ONLY, "socket: Operation not permitted"))
                .isEqualTo("capturing on eth0 needs root or the CAP_NET_RAW capability; this process lacks"
                        + " CAP_NET_RAW (libpcap: socket: Operation not permitted)");
    }

    @Test
    void refusalDespiteTheCapabilityBlamesSomethingElse() {
        assertThat(Privileges.permissionDenied("eth0", NET_RAW_ONLY, ""))
                .isEqualTo("capturing on eth0 needs root or the CAP_NET_RAW capability; this process has it,"
                        + " so something else refused (a security module or container policy)");
    }

    @Test
    void refusalWithoutCapabilityInformationSaysWhatIsNeeded() {
        assertThat(Privileges.permissionDenied("en0", "", "BIOCSETIF: Permission denied"))
                .isEqualTo("capturing on en0 needs root or the CAP_NET_RAW capability"
                        + " (libpcap: BIOCSETIF: Permission denied)");
    }

    private static String status(String effectiveHex) {
        return "Name:\tjava\nUmask:\t0022\nState:\tR (running)\nCapInh:\t0000000000000000\nCapPrm:\t" + effectiveHex
                + "\nCapEff:\t" + effectiveHex + "\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n";
    }
}
