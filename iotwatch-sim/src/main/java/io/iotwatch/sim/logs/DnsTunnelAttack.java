package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/**
 * {@code dns-tunnel-iodine} / {@code dns-tunnel-dnscat2}: one client sends 1-8 queries/s for 5-30 minutes
 * under one tunnel domain, every name unique and 100-200 characters long. iodine encodes base32-like
 * labels and asks for NULL records; dnscat2 encodes hex and mixes TXT, CNAME and MX.
 */
final class DnsTunnelAttack extends Attack {

    private static final String[] WORDS = {"cobalt", "maple", "drift", "ember", "quartz", "harbor", "lumen", "falcon", "cedar", "onyx"};
    private static final String BASE32ISH = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private final AttackContext ctx;
    private final RandomGenerator rnd;
    private final boolean dnscat2;
    private final Device client;
    private final String domain;
    private final double rate;
    private final long span;
    private final long start;

    DnsTunnelAttack(AttackContext ctx, RandomGenerator rnd, boolean dnscat2) {
        super(dnscat2 ? "dns-tunnel-dnscat2" : "dns-tunnel-iodine");
        this.ctx = ctx;
        this.rnd = rnd;
        this.dnscat2 = dnscat2;
        client = ctx.network().devices().get(rnd.nextInt(ctx.network().devices().size()));
        int first = rnd.nextInt(WORDS.length);
        int second = (first + rnd.nextInt(1, WORDS.length)) % WORDS.length;
        domain = (dnscat2 ? "" : "t.") + WORDS[first] + "-" + WORDS[second] + (rnd.nextBoolean() ? ".com" : ".net");
        rate = rnd.nextDouble(1, 8);
        span = Timeline.seconds(rnd.nextDouble(5 * 60, 30 * 60));
        start = ctx.startFor(rnd, span);
    }

    @Override
    protected void generate() {
        String[] qtypes = dnscat2 ? new String[] {"TXT", "CNAME", "MX"} : new String[] {"NULL"};
        int queries = 0;
        for (long t = start; t < start + span; t += Timeline.seconds(rnd.nextDouble(0.3, 1.7) / rate)) {
            emit(t, ctx.logs().dnsQuery(client.ip(), rnd.nextInt(1024, 65536), name(queries), qtypes[rnd.nextInt(qtypes.length)], rnd));
            queries++;
        }
        describe(client.ip(), domain, "qtypes=" + String.join("|", qtypes) + ";rate=" + fmt(rate) + ";queries=" + queries
                + ";minutes=" + fmt(span / (double) Timeline.MINUTE));
    }

    /** Encoded labels of at most 63 characters; the fixed-width sequence number in front makes every name unique. */
    private String name(int sequence) {
        String alphabet = dnscat2 ? HEX : BASE32ISH;
        int total = rnd.nextInt(100, 201) - domain.length() - 1;
        String counter = Integer.toString(sequence, alphabet.length());
        StringBuilder name = new StringBuilder("0".repeat(Math.max(0, 5 - counter.length()))).append(counter);
        while (name.length() < total) {
            name.append(name.length() % 64 == 63 ? '.' : alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        if (name.charAt(name.length() - 1) == '.') {
            name.append(alphabet.charAt(0));
        }
        return name + "." + domain;
    }
}
