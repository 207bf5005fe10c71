package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabCleanupTest {

    @Test
    void onlyTheLabsNamespacesAreChosen() {
        String list = """
                iwlab-sw (id: 3)
                iwlab-atk (id: 9)
                iwlab-
                other-ns (id: 1)
                myiwlab-x
                iwlab-victim
                """;

        assertThat(LabCleanup.labNamespaces(list)).containsExactly("iwlab-sw", "iwlab-atk", "iwlab-victim");
        assertThat(LabCleanup.labNamespaces("")).isEmpty();
    }

    @Test
    void pidsAreReadOneALineWithoutThisProcess() {
        assertThat(LabCleanup.pids("12\n 345 \nnot a pid\n\n77\n", 77)).containsExactly(12L, 345L);
    }

    @Test
    void eachLabNamespaceIsEmptiedAndDeletedAndNothingElse() throws Exception {
        List<List<String>> ran = new ArrayList<>();
        CommandRunner runner = (command, limit) -> {
            ran.add(command);
            if (command.equals(List.of("ip", "netns", "list"))) {
                return new CommandRunner.Outcome(0, "iwlab-sw (id: 0)\nsomeone-else\niwlab-atk\n", "");
            }
            return new CommandRunner.Outcome(0, "", "");
        };

        List<String> removed = new LabCleanup(runner).run();

        assertThat(removed).containsExactly("iwlab-sw", "iwlab-atk");
        assertThat(ran).containsExactly(List.of("ip", "netns", "list"),
                List.of("ip", "netns", "pids", "iwlab-sw"), List.of("ip", "netns", "del", "iwlab-sw"),
                List.of("ip", "netns", "pids", "iwlab-atk"), List.of("ip", "netns", "del", "iwlab-atk"));
    }

    @Test
    void aFailedListingIsAnError() {
        CommandRunner broken = (command, limit) -> new CommandRunner.Outcome(1, "", "Permission denied");

        assertThatThrownBy(() -> new LabCleanup(broken).run()).isInstanceOf(IOException.class)
                .hasMessageContaining("ip netns list failed: Permission denied");
    }
}
