package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.proto.Certificate;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** A named Internet service: the addresses its name resolves to, its DNS TTL, and what TLS it speaks. */
public final class Endpoint {

    private final String name;
    private final List<Host> hosts;
    private final String alias;
    private final int ttl;
    private final boolean tls13;
    private byte[] certificate;

    /**
     * @param alias a canonical name the resolver answers with first (a CDN's), or null
     * @param ttl   DNS time to live, seconds
     */
    public Endpoint(String name, List<Host> hosts, String alias, int ttl, boolean tls13) {
        this.name = name;
        this.hosts = List.copyOf(hosts);
        this.alias = alias;
        this.ttl = ttl;
        this.tls13 = tls13;
    }

    public String name() {
        return name;
    }

    /** The address clients use: the first answer. */
    public Host host() {
        return hosts.getFirst();
    }

    public List<Host> hosts() {
        return hosts;
    }

    public String alias() {
        return alias;
    }

    public int ttl() {
        return ttl;
    }

    public boolean tls13() {
        return tls13;
    }

    /** Its certificate, made on first use from its name alone, so it is the same whoever asks first. */
    public byte[] certificate(Instant notBefore) {
        if (certificate == null) {
            certificate = Certificate.forName(name, new SplittableRandom(name.hashCode()), notBefore);
        }
        return certificate;
    }
}
