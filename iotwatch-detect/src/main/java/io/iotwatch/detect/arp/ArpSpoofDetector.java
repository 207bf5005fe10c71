package io.iotwatch.detect.arp;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.LruMap;
import io.iotwatch.detect.Printable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ARP cache poisoning: a host that tells others an address is at its MAC, so that their traffic to that address
 * (most often the gateway's) comes to it. It keeps, per address, the MAC that last claimed it in an ARP reply or
 * request, and, per MAC, what it claimed and how. A MAC becomes one incident when it
 * <ul>
 *   <li>takes a live binding (its MAC claimed it within {@code bindingTtl}) with a reply sent to one host that did
 *       not ask, or makes an address flip back and forth between it and another MAC ({@code flips});</li>
 *   <li>keeps sending replies nobody asked for ({@code unsolicitedReplies}): replies to one host, and
 *       announcements that take a live binding; announcements that restate the sender's own binding (boot,
 *       keepalives) do not count;</li>
 *   <li>claims many addresses ({@code maxIpsPerMac});</li>
 *   <li>asks, from another address of its own, who has an address it claimed unasked or took from another MAC:
 *       an owner never asks for its own address, while an interceptor must learn the real owner's MAC to pass on
 *       the traffic it draws.</li>
 * </ul>
 * Probes from 0.0.0.0 (RFC 5227) and broadcast, multicast or zero sender MACs claim nothing. The finding's
 * source is the attacker's own address (the one it asks from), its target the one address it impersonates, and
 * its evidence names the attacker's MAC, the addresses it claimed, the MACs it displaced and the hosts it told.
 */
public final class ArpSpoofDetector implements Detector {

    public static final String NAME = "arp-spoof";
    private static final String ATTACK_CLASS = "MITM-ArpSpoofing";
    private static final String GROUP = "Spoofing";
    private static final String MITRE = "T1557.002";
    private static final String UNSPECIFIED = "0.0.0.0";
    private static final String ZERO_MAC = "00:00:00:00:00:00";
    private static final int LISTED = 10;
    private static final int SAMPLES = 5;
    private static final int MAX_TEXT = 64;

    /** Why a MAC is an incident, named as the evidence names them. */
    private enum Signal {
        TAKEOVER("takeover"),
        FLIP_FLOP("flip-flop"),
        UNSOLICITED_REPLIES("unsolicited-replies"),
        MANY_IPS("many-ips"),
        ASKS_FOR_CLAIMED_IP("asks-for-claimed-ip");

        final String id;

        Signal(String id) {
            this.id = id;
        }
    }

    private final ArpSpoofConfig config;
    private final long windowMs;
    private final long bindingTtlMs;
    private final long requestWindowMs;
    private final LruMap<String, Binding> bindings;
    private final LruMap<String, Claimant> claimants;
    private final LruMap<Asked, Long> requests;
    // Incidents with claims or signals not yet reported, so that advance() need not visit every MAC.
    private final List<Claimant> pending = new ArrayList<>();

    public ArpSpoofDetector(ArpSpoofConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.windowMs = config.window().toMillis();
        this.bindingTtlMs = config.bindingTtl().toMillis();
        this.requestWindowMs = config.requestWindow().toMillis();
        this.bindings = new LruMap<>(config.maxKeys());
        this.claimants = new LruMap<>(config.maxKeys());
        this.requests = new LruMap<>(config.maxKeys());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.ARP);
    }

    /** Addresses, MACs and requests removed because {@code maxKeys} was reached, all together. */
    public long evictions() {
        return bindings.evictions() + claimants.evictions() + requests.evictions();
    }

    /** Addresses, MACs and requests held now, all together. */
    public int trackedKeys() {
        return bindings.size() + claimants.size() + requests.size();
    }

    @Override
    public void onEvent(Event event, FindingSink out) {
        if (!(event instanceof ArpEvent arp)) {
            return;
        }
        long t = EventTime.millis(arp.time());
        switch (arp.operation()) {
            case REQUEST -> onRequest(arp, t, out);
            case REPLY -> onReply(arp, t, out);
            case OTHER -> {}
        }
    }

    private void onRequest(ArpEvent arp, long t, FindingSink out) {
        String asked = arp.targetIp();
        if (!asked.isEmpty()) {
            requests.put(new Asked(arp.senderIp(), asked), t);
        }
        Claimant claimant = claim(arp, t, false, out);
        if (claimant == null || asked.isEmpty() || asked.equals(arp.senderIp())) {
            return;
        }
        if (!claimant.contested(arp.senderIp())) {
            claimant.ownIp = arp.senderIp();
        }
        Claim claim = claimant.claims.get(asked);
        if (claim != null && claim.contestedAt != Long.MIN_VALUE && t - claim.contestedAt <= windowMs) {
            claimant.sample(t, arp, "asks for an address it claimed");
            trip(claimant, Signal.ASKS_FOR_CLAIMED_IP, out);
        }
    }

    private void onReply(ArpEvent arp, long t, FindingSink out) {
        Long asked = requests.get(new Asked(arp.targetIp(), arp.senderIp()));
        boolean answer = asked != null && Math.abs(t - asked) <= requestWindowMs;
        claim(arp, t, !answer, out);
    }

    /**
     * Notes the sender's claim to its address; null when the event claims nothing. The claim binds the address to
     * the MAC inside the message, as the hearer's cache does; but a message sent from another MAC than the one it
     * names (arpspoof restoring the caches it poisoned, with the real owner's MAC inside) is that other host
     * speaking, so the act is charged to it, and putting back a binding it took displaces no one.
     */
    private Claimant claim(ArpEvent arp, long t, boolean unsolicited, FindingSink out) {
        String ip = arp.senderIp();
        String mac = arp.senderMac();
        if (ip.isEmpty() || ip.equals(UNSPECIFIED) || !isUnicast(mac)) {
            return null;
        }
        String speaker = isUnicast(arp.frameSourceMac()) ? arp.frameSourceMac() : mac;
        Claimant claimant = claimant(speaker, t);
        claimant.count(t, pending);

        Binding binding = bindings.get(ip);
        String displaced = null;
        boolean flipping = false;
        if (binding == null) {
            bindings.put(ip, new Binding(mac, t));
        } else if (binding.mac.equals(mac)) {
            binding.lastSeen = Math.max(binding.lastSeen, t);
        } else {
            if (t - binding.lastSeen <= bindingTtlMs && !binding.mac.equals(speaker)) {
                displaced = binding.mac;
                flipping = binding.displaced(t, config.flips(), windowMs);
            } else {
                binding.replaced(mac);
            }
            binding.mac = mac;
            binding.lastSeen = Math.max(binding.lastSeen, t);
        }

        boolean directed = unsolicited && isDirected(arp);
        boolean contested = directed || displaced != null;
        claimant.claim(ip, t, contested);
        if (claimant.contested(claimant.ownIp)) {
            claimant.ownIp = null;
        }
        if (displaced != null) {
            claimant.displaced(ip, displaced);
        }
        if (directed) {
            claimant.told(arp.targetIp());
        }
        if (contested) {
            String how = displaced == null ? "unasked"
                    : directed ? "unasked, displaced " + displaced
                    : "displaced " + displaced;
            claimant.sample(t, arp, how);
        }
        if (unsolicited && contested && claimant.unsolicited(t, windowMs)) {
            trip(claimant, Signal.UNSOLICITED_REPLIES, out);
        }
        if (directed && displaced != null) {
            trip(claimant, Signal.TAKEOVER, out);
        }
        if (claimant.claimedWithin(t - windowMs) > config.maxIpsPerMac()) {
            trip(claimant, Signal.MANY_IPS, out);
        }
        if (flipping) {
            trip(flipper(binding, mac, displaced, t), Signal.FLIP_FLOP, out);
        }
        return claimant;
    }

    /**
     * Of two MACs that an address flips between, the one that sends replies nobody asked for; else the one that
     * claims more addresses (a poisoner claims its own and those it impersonates, an owner its own); else the
     * one that came later. The detector may have started in the middle of an attack, so coming first proves little.
     */
    private Claimant flipper(Binding binding, String mac, String displaced, long t) {
        boolean ownerCame = mac.equals(binding.owner);
        Claimant newcomer = claimant(ownerCame ? displaced : mac, t);
        Claimant incumbent = claimant(ownerCame ? mac : displaced, t);
        if ((newcomer.unsolicitedTotal > 0) != (incumbent.unsolicitedTotal > 0)) {
            return newcomer.unsolicitedTotal > 0 ? newcomer : incumbent;
        }
        long horizon = t - windowMs;
        return incumbent.claimedWithin(horizon) > newcomer.claimedWithin(horizon) ? incumbent : newcomer;
    }

    private Claimant claimant(String mac, long t) {
        Claimant claimant = claimants.get(mac);
        if (claimant == null) {
            claimant = new Claimant(mac, t, config);
            claimants.put(mac, claimant);
        }
        return claimant;
    }

    private void trip(Claimant claimant, Signal signal, FindingSink out) {
        if (!claimant.signals.add(signal)) {
            return;
        }
        if (!claimant.alerted) {
            claimant.alerted = true;
            out.report(finding(claimant, claimant.firstSeen, claimant.lastSeen, claimant.claimCount));
        } else {
            claimant.queue(pending);
        }
    }

    /** Reports what ongoing incidents added since the last call, and forgets what the windows no longer need. */
    @Override
    public void advance(Instant now, FindingSink out) {
        for (Claimant claimant : pending) {
            long first = claimant.pendingClaims > 0 ? claimant.pendingFirst : claimant.lastSeen;
            long last = claimant.pendingClaims > 0 ? claimant.pendingLast : claimant.lastSeen;
            out.report(finding(claimant, first, Math.max(first, last), claimant.pendingClaims));
            claimant.pendingClaims = 0;
            claimant.queued = false;
        }
        pending.clear();
        long t = EventTime.millis(now);
        requests.removeSeenBefore(t - requestWindowMs, Long::longValue);
        bindings.removeSeenBefore(t - bindingTtlMs, b -> b.lastSeen);
        claimants.removeSeenBefore(t - windowMs, c -> c.lastSeen);
    }

    private Finding finding(Claimant c, long first, long last, long count) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("attacker_mac", c.mac);
        evidence.put("signals", c.signals.stream().map(s -> s.id).toList());
        evidence.put("claimed_ips", c.claims.keySet().stream().map(ip -> Printable.of(ip, MAX_TEXT)).toList());
        evidence.put("displaced_macs", Map.copyOf(c.displaced));
        evidence.put("unsolicited_replies", c.unsolicitedTotal);
        evidence.put("told_unasked", List.copyOf(c.told));
        evidence.put("sample_events", List.copyOf(c.samples));
        evidence.put("window_seconds", windowMs / 1000);
        // One signal is already far from normal traffic; each further one makes a mistake less likely.
        double confidence = Math.min(0.95, 0.6 + 0.1 * c.signals.size());
        String source = c.ownIp == null ? null : Printable.of(c.ownIp, MAX_TEXT);
        return new Finding(NAME, c.mac, ATTACK_CLASS, GROUP, ThreatLevel.MEDIUM, confidence, Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(last), source, c.impersonated(), null, MITRE, count, evidence);
    }

    /** A host's own address: not broadcast or multicast (the group bit of the first octet), not all zero. */
    static boolean isUnicast(String mac) {
        if (mac.length() != 17 || mac.equals(ZERO_MAC)) {
            return false;
        }
        int low = Character.digit(mac.charAt(1), 16);
        return Character.digit(mac.charAt(0), 16) >= 0 && low >= 0 && (low & 1) == 0;
    }

    /** A reply to one host about an address not its own; announcements go to everyone about the sender's own. */
    private static boolean isDirected(ArpEvent arp) {
        String target = arp.targetIp();
        return !target.isEmpty() && !target.equals(arp.senderIp()) && isUnicast(arp.targetMac());
    }

    /** A request of {@code from} for the MAC of {@code ip}. */
    private record Asked(String from, String ip) {}

    /** The MAC an address is at, as the network was last told, and how often it changed lately. */
    private static final class Binding {
        String mac;
        long lastSeen;
        // The MAC that held the address first (since it was last replaced): a flip-flop's other MAC is the newcomer.
        String owner;
        Burst displacements;

        Binding(String mac, long time) {
            this.mac = mac;
            this.owner = mac;
            this.lastSeen = time;
        }

        /** Notes a displacement; true when the last {@code flips} of them fall within the window. */
        boolean displaced(long t, int flips, long windowMs) {
            if (displacements == null) {
                displacements = new Burst(flips);
            }
            return displacements.add(t, windowMs);
        }

        /** Another device now has the address: its history is not the new one's. */
        void replaced(String mac) {
            owner = mac;
            displacements = null;
        }
    }

    /** The times of the last few occurrences of something, to tell whether that many fell within a window. */
    private static final class Burst {
        final long[] times;
        int next;
        int filled;

        Burst(int size) {
            times = new long[size];
        }

        /** Notes one at {@code t}; true when the ring is full and all of it lies within {@code windowMs}. */
        boolean add(long t, long windowMs) {
            times[next] = t;
            next = (next + 1) % times.length;
            filled = Math.min(filled + 1, times.length);
            if (filled < times.length) {
                return false;
            }
            // Events may arrive a little out of order, so the oldest slot need not hold the oldest time.
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (long time : times) {
                min = Math.min(min, time);
                max = Math.max(max, time);
            }
            return max - min <= windowMs;
        }
    }

    /** One address as one MAC claimed it: when last, and when last unasked or from another MAC. */
    private static final class Claim {
        long last = Long.MIN_VALUE;
        long contestedAt = Long.MIN_VALUE;
    }

    /** One MAC: what it claimed and how, and once it is an incident, the claims not yet reported. */
    private static final class Claimant {
        final String mac;
        long firstSeen;
        long lastSeen;
        long claimCount;
        final LruMap<String, Claim> claims;
        final Map<String, String> displaced = new LinkedHashMap<>();
        final List<String> told = new ArrayList<>(2);
        final List<String> samples = new ArrayList<>(2);
        final Burst unsolicited;
        long unsolicitedTotal;
        String ownIp;
        final Set<Signal> signals = EnumSet.noneOf(Signal.class);
        boolean alerted;
        boolean queued;
        long pendingClaims;
        long pendingFirst;
        long pendingLast;

        Claimant(String mac, long time, ArpSpoofConfig config) {
            this.mac = Printable.of(mac, MAX_TEXT);
            this.firstSeen = time;
            this.lastSeen = time;
            // One more address than a MAC may claim is all it takes to see too many.
            this.claims = new LruMap<>(config.maxIpsPerMac() + 1);
            this.unsolicited = new Burst(config.unsolicitedReplies());
        }

        /** One more ARP packet in which this MAC claims an address. */
        void count(long t, List<Claimant> pending) {
            firstSeen = Math.min(firstSeen, t);
            lastSeen = Math.max(lastSeen, t);
            if (!alerted) {
                claimCount++;
                return;
            }
            if (pendingClaims == 0) {
                pendingFirst = t;
                pendingLast = t;
            }
            pendingClaims++;
            pendingFirst = Math.min(pendingFirst, t);
            pendingLast = Math.max(pendingLast, t);
            queue(pending);
        }

        void queue(List<Claimant> pending) {
            if (!queued) {
                queued = true;
                pending.add(this);
            }
        }

        void claim(String ip, long t, boolean contested) {
            Claim claim = claims.get(ip);
            if (claim == null) {
                claim = new Claim();
                claims.put(ip, claim);
            }
            claim.last = Math.max(claim.last, t);
            if (contested) {
                claim.contestedAt = Math.max(claim.contestedAt, t);
            }
        }

        /** Whether this MAC claimed the address unasked or took it from another MAC. */
        boolean contested(String ip) {
            Claim claim = ip == null ? null : claims.get(ip);
            return claim != null && claim.contestedAt != Long.MIN_VALUE;
        }

        int claimedWithin(long horizon) {
            int n = 0;
            for (Claim claim : claims.values()) {
                if (claim.last >= horizon) {
                    n++;
                }
            }
            return n;
        }

        /** The one address this MAC claimed unasked or took from another; null when none or several. */
        String impersonated() {
            String found = null;
            for (Map.Entry<String, Claim> entry : claims.entrySet()) {
                if (entry.getValue().contestedAt != Long.MIN_VALUE) {
                    if (found != null) {
                        return null;
                    }
                    found = entry.getKey();
                }
            }
            return found == null ? null : Printable.of(found, MAX_TEXT);
        }

        void displaced(String ip, String previous) {
            if (displaced.size() < LISTED || displaced.containsKey(ip)) {
                displaced.put(Printable.of(ip, MAX_TEXT), Printable.of(previous, MAX_TEXT));
            }
        }

        void told(String ip) {
            String host = Printable.of(ip, MAX_TEXT);
            if (told.size() < LISTED && !told.contains(host)) {
                told.add(host);
            }
        }

        /** Notes an unsolicited reply that counts; true when the last so many fall within the window. */
        boolean unsolicited(long t, long windowMs) {
            unsolicitedTotal++;
            return unsolicited.add(t, windowMs);
        }

        void sample(long t, ArpEvent arp, String note) {
            if (samples.size() >= SAMPLES) {
                return;
            }
            String what = arp.operation() == ArpEvent.Operation.REQUEST
                    ? "request who-has " + arp.targetIp() + " tell " + arp.senderIp() + " at " + arp.senderMac()
                    : "reply " + arp.senderIp() + " is-at " + arp.senderMac()
                            + " to " + arp.targetIp() + " at " + arp.targetMac();
            samples.add(Printable.of(Instant.ofEpochMilli(t) + " " + what + " (" + note + ")", 4 * MAX_TEXT));
        }
    }
}
