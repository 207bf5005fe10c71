package io.iotwatch.sim.lab;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Removes what a lab run left behind: every network namespace named {@code iwlab-*} and every process inside
 * one. A run that ends cleans up after itself; this is for one that was killed, and {@code lab run} does it
 * before it starts. Nothing else is touched: only namespaces with the lab's prefix, and only processes whose
 * network namespace is one of them ({@code ip netns pids}).
 */
public final class LabCleanup {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(20);
    private static final Duration KILL_GRACE = Duration.ofSeconds(3);

    private final CommandRunner runner;

    LabCleanup(CommandRunner runner) {
        this.runner = runner;
    }

    /** A cleanup of this machine's lab namespaces. */
    public static LabCleanup forThisMachine() {
        return new LabCleanup(Processes.runner());
    }

    /** The lab's namespaces in {@code ip netns list} output ("NAME" or "NAME (id: N)" per line). */
    public static List<String> labNamespaces(String netnsList) {
        List<String> names = new ArrayList<>();
        for (String line : netnsList.lines().toList()) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(Topology.PREFIX) && name.length() > Topology.PREFIX.length()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Process ids in {@code ip netns pids} output, one per line; this process never among them. */
    static List<Long> pids(String output, long self) {
        List<Long> pids = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String text = line.strip();
            if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
                long pid = Long.parseLong(text);
                if (pid != self) {
                    pids.add(pid);
                }
            }
        }
        return pids;
    }

    /** Stops the processes in the lab's namespaces and deletes them; returns one line per namespace removed. */
    public List<String> run() throws IOException, InterruptedException {
        CommandRunner.Outcome list = runner.run(List.of("ip", "netns", "list"), COMMAND_LIMIT);
        if (!list.ok()) {
            throw new IOException("ip netns list failed: " + list.tail());
        }
        List<String> removed = new ArrayList<>();
        for (String namespace : labNamespaces(list.out())) {
            List<Long> pids = pids(runner.run(List.of("ip", "netns", "pids", namespace), COMMAND_LIMIT).out(),
                    ProcessHandle.current().pid());
            kill(pids);
            CommandRunner.Outcome deleted = runner.run(List.of("ip", "netns", "del", namespace), COMMAND_LIMIT);
            removed.add(namespace + (pids.isEmpty() ? "" : " (stopped " + pids.size() + " processes)")
                    + (deleted.ok() ? "" : ": " + deleted.tail()));
        }
        return removed;
    }

    private static void kill(List<Long> pids) throws InterruptedException {
        List<ProcessHandle> handles = pids.stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
        handles.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            }
        }
    }
}
