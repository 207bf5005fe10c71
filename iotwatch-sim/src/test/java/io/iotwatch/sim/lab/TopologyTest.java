package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lab's network plan: everything inside namespaces of its own, nothing routed beyond the lab. */
class TopologyTest {

    @Test
    void everySetupCommandCreatesOrRunsInsideALabNamespace() {
        for (List<String> command : Topology.setupCommands()) {
            assertThat(command.getFirst()).isEqualTo("ip");
            boolean creates = command.subList(1, 3).equals(List.of("netns", "add"));
            boolean inside = command.get(1).equals("-n") || command.subList(1, 3).equals(List.of("netns", "exec"));
            assertThat(creates || inside).as("%s", command).isTrue();
            assertThat(command.get(3 - (command.get(1).equals("-n") ? 1 : 0))).as("%s", command).startsWith(Topology.PREFIX);
        }
    }

    @Test
    void noRouteGoesBeyondTheLab() {
        List<List<String>> routes = Topology.setupCommands().stream().filter(c -> c.contains("route")).toList();

        assertThat(routes).isNotEmpty().allSatisfy(route -> {
            assertThat(route).doesNotContain("default", "0.0.0.0/0");
            assertThat(Topology.INTERNET).contains(route.get(route.indexOf("add") + 1));
            assertThat(route.get(route.indexOf("via") + 1)).isEqualTo(Topology.GATEWAY.address());
        });
    }

    @Test
    void everyAddressIsInTheLabNetworkOrADocumentationPrefixOnTheGateway() {
        for (LabHost host : Topology.HOSTS) {
            assertThat(host.addresses()).allSatisfy(a -> assertThat(a).startsWith("10.77.0."));
        }
        List<List<String>> extra = Topology.setupCommands().stream()
                .filter(c -> c.contains("addr") && !c.get(c.indexOf("add") + 1).startsWith("10.77.0.")).toList();
        assertThat(extra).hasSize(2).allSatisfy(c -> {
            assertThat(c.get(2)).isEqualTo(Topology.GATEWAY.namespace());
            assertThat(c.getLast()).isEqualTo("lo");
        });
    }

    @Test
    void hostsHaveDistinctNamesMacsAndAddressesAndShortInterfaceNames() {
        Set<String> names = new HashSet<>();
        Set<String> macs = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (LabHost host : Topology.HOSTS) {
            assertThat(names.add(host.name())).isTrue();
            assertThat(macs.add(host.mac())).isTrue();
            host.addresses().forEach(a -> assertThat(addresses.add(a)).as(a).isTrue());
            // Linux interface names are at most 15 characters.
            assertThat(host.bridgePort().length()).isLessThanOrEqualTo(15);
            // locally administered unicast
            assertThat(Integer.parseInt(host.mac().substring(0, 2), 16) & 0x03).isEqualTo(0x02);
        }
        assertThat(Topology.ATTACKER.addresses()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theSwitchComesFirstAndEveryHostIsABridgePort() {
        assertThat(Topology.namespaces().getFirst()).isEqualTo(Topology.SWITCH);
        assertThat(Topology.namespaces()).allSatisfy(n -> assertThat(n).startsWith(Topology.PREFIX)).doesNotHaveDuplicates();
        for (LabHost host : Topology.HOSTS) {
            assertThat(Topology.setupCommands()).contains(
                    List.of("ip", "-n", Topology.SWITCH, "link", "set", host.bridgePort(), "master", Topology.BRIDGE, "up"));
        }
    }
}
