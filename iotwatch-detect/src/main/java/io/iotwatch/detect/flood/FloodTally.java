package io.iotwatch.detect.flood;

import io.iotwatch.detect.Ongoing;
import io.iotwatch.detect.DistinctCounter;
import io.iotwatch.detect.Flows;
import io.iotwatch.detect.SlidingWindow;

/** One kind of flood traffic to one victim: its rate in the window, its sources, and what was reported of it. */
final class FloodTally implements Ongoing.Incident {

    /** Window counters: packets (a long flow's at its own average rate), flows, the largest one flow's packets. */
    static final int PACKETS = 0;
    static final int FLOWS = 1;
    static final int LARGEST_FLOW = 2;

    /** The TCP flags counted in the flag mix, in the order shown. */
    static final int[] FLAGS = {Flows.SYN, Flows.ACK, Flows.PSH, Flows.RST, Flows.FIN};
    static final String[] FLAG_NAMES = {"SYN", "ACK", "PSH", "RST", "FIN"};

    final FloodKind kind;
    final String victim;
    final int victimPort;
    final SlidingWindow window;
    final Sources sources = new Sources();
    /** Distinct ports of the victim hit (TCP): a flood aims at a few, a scan at many. */
    final DistinctCounter ports;
    /** Flows with each of {@link #FLAGS} set (TCP). */
    final long[] flagFlows;

    long firstSeen;
    long lastSeen;
    long lastEvent;
    long packets;
    long flows;
    long bytes;

    long reportedPackets;
    long reportedAt;

    FloodTally(FloodKind kind, String victim, int victimPort, long time) {
        this.kind = kind;
        this.victim = victim;
        this.victimPort = victimPort;
        this.window = new SlidingWindow(3, time);
        this.ports = kind.tcp ? new DistinctCounter() : null;
        this.flagFlows = kind.tcp ? new long[FLAGS.length] : null;
        this.firstSeen = Long.MAX_VALUE;
        this.lastSeen = Long.MIN_VALUE;
        this.lastEvent = time;
    }

    /**
     * Counts one flow of {@code sent} packets and {@code sentBytes} bytes from {@code source} to {@code port}, seen at
     * event time {@code time} and lasting from {@code start} to {@code end}. Into the window goes what the flow sent
     * within one window's length at its own average rate: a 30-minute stream counts its rate, not its total.
     */
    void see(long time, long start, long end, String source, int port, long sent, long sentBytes, int flags,
            long windowMillis) {
        window.roll(time, windowMillis);
        long duration = end - start;
        long inWindow = duration <= windowMillis ? sent : (long) (sent * ((double) windowMillis / duration));
        window.add(PACKETS, inWindow);
        window.add(FLOWS, 1);
        window.max(LARGEST_FLOW, inWindow);
        sources.add(source, sent);
        if (ports != null) {
            ports.add(port);
            for (int i = 0; i < FLAGS.length; i++) {
                if ((flags & FLAGS[i]) != 0) {
                    flagFlows[i]++;
                }
            }
        }
        packets = SlidingWindow.saturatedAdd(packets, sent);
        bytes = SlidingWindow.saturatedAdd(bytes, sentBytes);
        flows++;
        firstSeen = Math.min(firstSeen, start);
        lastSeen = Math.max(lastSeen, end);
        lastEvent = Math.max(lastEvent, time);
    }

    /** Packets a second in the window that ends at the last event. */
    long rate(long windowMillis) {
        return (long) (window.sum(PACKETS, lastEvent, windowMillis) * (1000.0 / windowMillis));
    }

    @Override
    public boolean grewSinceReport() {
        return packets > reportedPackets;
    }

    @Override
    public long lastEventMillis() {
        return lastEvent;
    }
}
