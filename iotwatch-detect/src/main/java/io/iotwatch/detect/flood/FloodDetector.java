package io.iotwatch.detect.flood;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.Ongoing;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.Flows;
import io.iotwatch.detect.LruMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Volumetric floods against one victim, from connection events: TCP handshakes that never complete (SYN floods,
 * from real or forged sources), TCP segments with no connection behind them (ACK, PSH-ACK, RST-FIN floods), UDP
 * nobody answers, and ICMP. Completed connections and answered UDP never count, so a busy server, resolver or
 * download is not a flood; only one-way traffic is.
 *
 * <p>Per victim and kind, the flood's packets go into a sliding window of event time, a long flow's at its own
 * average rate; the flood is reported the moment they reach the kind's rate times the window, as the flows come
 * in (a one-packet flow of a SYN flood is reported by the packet path 5 s after its packet), and again each minute
 * of event time while it goes on. The sum of flows counts only when there are many ({@code minFlows}): a few
 * steady one-way streams, such as cameras to a recorder, are each judged by their own rate. TCP that reaches
 * many ports of the victim is a scan, for the scan detector, not a flood.
 *
 * <p>The class follows CICIoT2023: one source is a DoS, several a DDoS (each source that sent 2% of the packets
 * or more gets its own alert, naming it); many forged sources of a packet or two each, or a botnet too large to
 * name, are a DDoS with no source named. SYNs forged with the victim's own address as their source are a
 * SynonymousIP flood, as CICIoT2023 ran it (hping3 -a VICTIM VICTIM), with no source named. HIGH, MITRE T1498.001, confidence from 0.7 at the
 * threshold to 1 at ten times it.
 */
public final class FloodDetector implements Detector {

    public static final String NAME = "flood";

    private static final String GROUP_DOS = "DoS";
    private static final String GROUP_DDOS = "DDoS";
    private static final String MITRE = "T1498.001";
    /** Frame bytes of a segment that carries no data: headers, options, Ethernet padding. */
    private static final long BARE_SEGMENT_BYTES = 80;
    /** UDP is one-way when at most one packet in this many was answered. */
    private static final long ONE_WAY_RATIO = 10;
    /** Forged sources send a packet or two each (hping3 --rand-source): at most this many on average. */
    private static final long FORGED_PACKETS_PER_SOURCE = 3;
    /** TCP to at least this many ports of the victim, and a port for every 4 flows or fewer, is a scan. */
    private static final long SCAN_PORTS = 100;
    private static final long FLOWS_PER_SCANNED_PORT = 4;
    private static final int SAMPLES = 5;

    private final FloodConfig config;
    private final long windowMillis;
    private final long[] thresholds = new long[FloodKind.values().length];
    private final LruMap<String, Victim> victims;
    private final Ongoing<FloodTally> alerting = new Ongoing<>();

    public FloodDetector(FloodConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.windowMillis = config.window().toMillis();
        for (FloodKind kind : FloodKind.values()) {
            thresholds[kind.ordinal()] = (long) kind.perSecond(config) * windowMillis / 1000;
        }
        this.victims = new LruMap<>(config.maxVictims());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.CONNECTION);
    }

    @Override
    public void onEvent(Event event, FindingSink out) {
        if (!(event instanceof ConnectionEvent c)) {
            return;
        }
        // A flow table takes the side that spoke first from a low port to a high one for the responder (a capture
        // that began mid-conversation), so a flood from a low port is reported with its sender as destination.
        boolean reversed = c.packetsOut() <= 0 && c.packetsIn() > 0;
        long sent = reversed ? c.packetsIn() : c.packetsOut();
        long replies = reversed ? 0 : Math.max(0, c.packetsIn());
        long replyBytes = reversed ? 0 : Math.max(0, c.bytesIn());
        Endpoint talker = reversed ? c.destination() : c.source();
        Endpoint target = reversed ? c.source() : c.destination();
        if (sent <= 0 || !talker.isKnown() || !target.isKnown()) {
            return;
        }
        FloodKind kind = kind(c, sent, replies, replyBytes);
        if (kind == null) {
            return;
        }
        long time = EventTime.millis(c.time());
        Victim victim = victims.get(target.ip());
        if (victim == null) {
            victim = new Victim();
            victims.put(target.ip(), victim);
        }
        FloodTally tally = victim.tallies[kind.ordinal()];
        if (tally == null) {
            tally = new FloodTally(kind, target.ip(), target.port(), time);
            victim.tallies[kind.ordinal()] = tally;
        }
        long sentBytes = Math.max(0, reversed ? c.bytesIn() : c.bytesOut());
        tally.see(time, Flows.startMillis(c), Flows.endMillis(c), talker.ip(), target.port(), sent, sentBytes, c.tcpFlags(),
                windowMillis);
        victim.lastEvent = Math.max(victim.lastEvent, time);
        if (!alerting.contains(tally) && isFlood(tally)) {
            alerting.add(tally);
            report(tally, out);
        }
    }

    @Override
    public void advance(Instant now, FindingSink out) {
        long nowMillis = EventTime.millis(now);
        alerting.advance(nowMillis, windowMillis, tally -> report(tally, out));
        // The previous bucket of a window is still read for one window after the current one.
        long horizon = nowMillis - 2 * windowMillis;
        victims.removeSeenBefore(horizon, v -> v.lastEvent);
    }

    /** Victims removed because {@link FloodConfig#maxVictims()} were tracked. */
    public long evictions() {
        return victims.evictions();
    }

    /** Victims tracked now. */
    public int trackedVictims() {
        return victims.size();
    }

    /**
     * The kind of flood this flow can be part of, or null when it is not one-way: a completed TCP connection, UDP
     * that was answered, another protocol.
     */
    private static FloodKind kind(ConnectionEvent c, long sent, long replies, long replyBytes) {
        String protocol = c.protocol();
        if (Flows.isTcp(protocol)) {
            return tcpKind(c, replies, replyBytes);
        }
        if (Flows.isUdp(protocol)) {
            return replies <= sent / ONE_WAY_RATIO ? FloodKind.UDP : null;
        }
        return Flows.isIcmp(protocol) ? FloodKind.ICMP : null;
    }

    private static FloodKind tcpKind(ConnectionEvent c, long replies, long replyBytes) {
        boolean bareReplies = replies > Long.MAX_VALUE / BARE_SEGMENT_BYTES || replyBytes <= replies * BARE_SEGMENT_BYTES;
        int flags = c.tcpFlags();
        if (!Flows.flagsKnown(c)) {
            // A firewall opens a TCP session on a SYN only: one never answered, or refused with a reset, is a
            // handshake that never completed.
            return replies == 0 || (c.action().equals("server-rst") && bareReplies) ? FloodKind.SYN : null;
        }
        if ((flags & Flows.SYN) != 0) {
            // Data (PSH) or an orderly close (FIN) means the handshake completed; only handshake segments and
            // resets came back.
            return (flags & (Flows.PSH | Flows.FIN)) == 0 && bareReplies ? FloodKind.SYN : null;
        }
        if (replies > 0 && ((flags & Flows.RST) == 0 || !bareReplies)) {
            return null;
        }
        // The flags of an answered flow include the victim's resets, so only an unanswered one shows RST-FIN sent.
        if (replies == 0 && (flags & (Flows.RST | Flows.FIN)) == (Flows.RST | Flows.FIN)) {
            return FloodKind.RSTFIN;
        }
        return (flags & (Flows.PSH | Flows.ACK)) == (Flows.PSH | Flows.ACK) ? FloodKind.PSHACK : FloodKind.TCP;
    }

    private boolean isFlood(FloodTally tally) {
        long threshold = thresholds[tally.kind.ordinal()];
        long t = tally.lastEvent;
        if (tally.window.sum(FloodTally.PACKETS, t, windowMillis) < threshold) {
            return false;
        }
        if (tally.window.sum(FloodTally.FLOWS, t, windowMillis) < config.minFlows()
                && tally.window.peak(FloodTally.LARGEST_FLOW) < threshold) {
            return false;
        }
        if (tally.ports != null) {
            long ports = tally.ports.estimate();
            return ports < SCAN_PORTS || ports * FLOWS_PER_SCANNED_PORT < tally.flows;
        }
        return true;
    }

    /** Findings for what the tally added since its last report: one per named source, or one for many forged ones. */
    private void report(FloodTally tally, FindingSink out) {
        Sources sources = tally.sources;
        int[] named = sources.named();
        Map<String, Object> evidence = evidence(tally);
        long first = tally.reportedPackets == 0 ? tally.firstSeen : Math.min(tally.reportedAt, tally.lastSeen);
        if (named.length == 0) {
            evidence.put("forged_sources", sources.total() <= FORGED_PACKETS_PER_SOURCE * sources.distinct());
            out.report(finding(tally, tally.kind.attackClass(false), null, first, tally.packets - tally.reportedPackets,
                    evidence));
        } else {
            for (int i : named) {
                long fresh = sources.takeUnreported(i);
                if (fresh > 0) {
                    Map<String, Object> own = new LinkedHashMap<>(evidence);
                    own.put("source_packets", sources.packets(i));
                    // No host sends to itself over the wire: the victim's own address as source is forged.
                    boolean ownAddress = sources.address(i).equals(tally.victim);
                    own.put("forged_sources", ownAddress);
                    String attackClass = ownAddress && tally.kind == FloodKind.SYN ? FloodKind.SYNONYMOUS_IP
                            : tally.kind.attackClass(named.length == 1);
                    out.report(finding(tally, attackClass, ownAddress ? null : sources.address(i), first, fresh, own));
                }
            }
        }
        tally.reportedPackets = tally.packets;
        tally.reportedAt = tally.lastSeen;
    }

    private Finding finding(FloodTally tally, String attackClass, String source, long first, long count,
            Map<String, Object> evidence) {
        String key = tally.victim + '|' + attackClass + (source == null ? "" : "|" + source);
        double ratio = tally.rate(windowMillis) / (double) tally.kind.perSecond(config);
        double confidence = Math.clamp(0.7 + 0.3 * Math.log10(Math.max(1, ratio)), 0.7, 1.0);
        return new Finding(NAME, key, attackClass, attackClass.startsWith(GROUP_DOS + "-") ? GROUP_DOS : GROUP_DDOS,
                ThreatLevel.HIGH, confidence, Instant.ofEpochMilli(first), Instant.ofEpochMilli(Math.max(first, tally.lastSeen)),
                source, tally.victim, null, MITRE, count, evidence);
    }

    private Map<String, Object> evidence(FloodTally tally) {
        Sources sources = tally.sources;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("flood", tally.kind.name());
        evidence.put("packets", tally.packets);
        evidence.put("flows", tally.flows);
        evidence.put("rate_pps", tally.rate(windowMillis));
        evidence.put("threshold_pps", tally.kind.perSecond(config));
        evidence.put("window_s", windowMillis / 1000);
        evidence.put("distinct_sources", sources.distinct());
        List<String> samples = new ArrayList<>();
        for (int i : sources.top(SAMPLES)) {
            samples.add(sources.address(i));
        }
        evidence.put("sample_sources", samples);
        evidence.put("mean_packet_bytes", tally.packets == 0 ? 0 : tally.bytes / tally.packets);
        if (tally.kind != FloodKind.ICMP) {
            evidence.put("port", tally.victimPort);
        }
        if (tally.ports != null) {
            evidence.put("distinct_ports", tally.ports.estimate());
            List<String> flags = new ArrayList<>();
            for (int i = 0; i < FloodTally.FLAGS.length; i++) {
                if (tally.flagFlows[i] > 0) {
                    flags.add(FloodTally.FLAG_NAMES[i] + " " + tally.flagFlows[i]);
                }
            }
            evidence.put("tcp_flags", flags);
        }
        return evidence;
    }

    /** What is known of one victim: a tally per kind of flood, made when the first flow of the kind comes. */
    private static final class Victim {
        final FloodTally[] tallies = new FloodTally[FloodKind.values().length];
        long lastEvent = Long.MIN_VALUE;
    }
}
