package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NsCommandTest {

    @Test
    void aBoundedCommandRunsUnderTimeoutInsideItsHostsNamespace() {
        NsCommand command = NsCommand.bounded(Topology.ATTACKER, Duration.ofSeconds(15), "hping3", "-S", "10.77.0.10");

        assertThat(command.commandLine()).containsExactly("ip", "netns", "exec", "iwlab-atk", "timeout", "-s", "TERM",
                "-k", "10", "15", "hping3", "-S", "10.77.0.10");
    }

    @Test
    void anUnboundedCommandRunsAsItIsAndTheSignalCanBeChosen() {
        assertThat(NsCommand.unbounded(Topology.VICTIM, "mosquitto").commandLine())
                .containsExactly("ip", "netns", "exec", "iwlab-victim", "mosquitto");
        assertThat(NsCommand.bounded(Topology.ATTACKER, Duration.ofSeconds(20), "arpspoof").withSignal("INT").commandLine())
                .containsSubsequence("timeout", "-s", "INT");
    }

    @Test
    void theDisplayQuotesWhatAShellWouldSplitAndShowsScriptsAsSubshells() {
        NsCommand script = NsCommand.script(Topology.PHONE, Duration.ofSeconds(5), "dig @10.77.0.1 x; echo 'done'");

        assertThat(script.display()).isEqualTo("(dig @10.77.0.1 x; echo 'done')");
        assertThat(NsCommand.unbounded(Topology.ATTACKER, "dnsspoof", "-f", "h", "udp dst port 53").display())
                .isEqualTo("dnsspoof -f h 'udp dst port 53'");
        assertThat(Shell.quote("plain-word_1.2:3,4/5=6@7%8+9")).isEqualTo("plain-word_1.2:3,4/5=6@7%8+9");
        assertThat(Shell.quote("")).isEqualTo("''");
        assertThat(Shell.quote("q=' OR '1'='1")).isEqualTo("\"q=' OR '1'='1\"");
        assertThat(Shell.quote("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
        assertThat(Shell.join(List.of("a b", "c"))).isEqualTo("'a b' c");
    }

    @Test
    void badCommandsAreRefused() {
        assertThatThrownBy(() -> new NsCommand(Topology.VICTIM, List.of(), null, "TERM")).hasMessageContaining("no program");
        assertThatThrownBy(() -> NsCommand.bounded(Topology.VICTIM, Duration.ZERO, "x")).hasMessageContaining("positive");
        assertThatThrownBy(() -> NsCommand.bounded(Topology.VICTIM, null, "x")).isInstanceOf(NullPointerException.class);
    }
}
