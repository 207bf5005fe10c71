package io.iotwatch.sim.logs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Everything one device does on its own: its class's recurring cloud connections, NTP, the DNS lookups
 * behind them and, for phones and laptops, people browsing the web.
 */
final class DeviceActivity extends EventSource {

    private final Device device;
    private final Network network;
    private final FortiLogs logs;
    private final Timeline timeline;
    private final RandomGenerator rnd;
    private final List<Task> tasks = new ArrayList<>();

    DeviceActivity(Device device, Network network, FortiLogs logs, Timeline timeline, RandomGenerator rnd) {
        this.device = device;
        this.network = network;
        this.logs = logs;
        this.timeline = timeline;
        this.rnd = rnd;
        List<FlowSpec> flows = new ArrayList<>(device.vendor().flows());
        flows.add(Catalog.ntp());
        Set<Endpoint> names = new LinkedHashSet<>();
        for (FlowSpec spec : flows) {
            Endpoint destination = spec.destinations().get(rnd.nextInt(spec.destinations().size()));
            names.add(destination);
            tasks.add(new Recurring(spec, destination, rnd.nextDouble(spec.minPeriod(), spec.maxPeriod() + 1e-9)));
        }
        names.forEach(name -> tasks.add(new Lookup(name)));
        if (device.cls().human) {
            tasks.add(new Browsing(device.cls() == DeviceClass.LAPTOP ? 45 : 100));
        }
    }

    @Override
    protected boolean step() {
        Task next = tasks.getFirst();
        for (Task t : tasks) {
            if (t.next < next.next) {
                next = t;
            }
        }
        if (next.next >= timeline.end()) {
            return false;
        }
        next.fire();
        return true;
    }

    @Override
    protected long horizon() {
        long min = Long.MAX_VALUE;
        for (Task t : tasks) {
            min = Math.min(min, t.next);
        }
        return min;
    }

    private void session(long start, String dstIp, int dstPort, int proto, String service, String app, String country,
                         double duration, long sent, long rcvd) {
        String action = proto == 17 ? "accept" : closeAction();
        Session s = new Session(device.ip(), rnd.nextInt(32768, 61000), dstIp, dstPort, proto, service, app, action,
                (long) duration, sent, rcvd, country);
        emit(start + Timeline.seconds(duration) + rnd.nextLong(Timeline.SECOND), logs.traffic(s, rnd));
    }

    private String closeAction() {
        int r = rnd.nextInt(100);
        return r < 95 ? "close" : r < 98 ? "client-rst" : "server-rst";
    }

    private long jittered(double period, double jitter) {
        return Timeline.seconds(period * (1 + rnd.nextDouble(-jitter, jitter + 1e-9)));
    }

    private abstract static class Task {
        long next;

        abstract void fire();
    }

    /** A periodic connection; the first occurs within one period, so within the first hour. */
    private final class Recurring extends Task {
        private final FlowSpec spec;
        private final Endpoint destination;
        private final double period;

        Recurring(FlowSpec spec, Endpoint destination, double period) {
            this.spec = spec;
            this.destination = destination;
            this.period = period;
            next = timeline.start() + Timeline.seconds(rnd.nextDouble(Math.min(period, 3000)));
        }

        @Override
        void fire() {
            long start = next;
            double duration = rnd.nextDouble(spec.minDuration(), spec.maxDuration() + 1e-9);
            session(start, destination.ip(), spec.port(), spec.proto(), spec.service(), spec.app(), destination.country(),
                    duration, rnd.nextLong(spec.minSent(), spec.maxSent() + 1), rnd.nextLong(spec.minRcvd(), spec.maxRcvd() + 1));
            double slowdown = spec.daytimeOnly() && !Timeline.daytime(start) ? 4 : 1;
            next = start + jittered(period * slowdown, spec.jitter());
        }
    }

    /** Re-resolving a cloud name when its TTL runs out. */
    private final class Lookup extends Task {
        private final Endpoint name;

        Lookup(Endpoint name) {
            this.name = name;
            next = timeline.start() + Timeline.seconds(rnd.nextDouble(Math.min(name.ttl(), 3000)));
        }

        @Override
        void fire() {
            emit(next, logs.dnsQuery(device.ip(), rnd.nextInt(1024, 65536), name.name(), "A", rnd));
            next += jittered(name.ttl(), 0.2);
        }
    }

    /** A person opening sites: DNS lookups, then a few HTTPS connections; popular sites far more often. */
    private final class Browsing extends Task {
        private final double meanGap;

        Browsing(double meanGap) {
            this.meanGap = meanGap;
            next = timeline.start() + Timeline.seconds(rnd.nextDouble(meanGap));
        }

        @Override
        void fire() {
            List<Endpoint> sites = network.sites();
            Endpoint site = sites.get((int) (sites.size() * Math.pow(rnd.nextDouble(), 3)));
            emit(next, logs.dnsQuery(device.ip(), rnd.nextInt(1024, 65536), site.name(), "A", rnd));
            if (rnd.nextInt(4) == 0) {
                emit(next + rnd.nextLong(Timeline.SECOND / 100), logs.dnsQuery(device.ip(), rnd.nextInt(1024, 65536), site.name(), "AAAA", rnd));
            }
            int connections = rnd.nextInt(1, 5);
            for (int i = 0; i < connections; i++) {
                long start = next + rnd.nextLong(Timeline.SECOND / 20, 5 * Timeline.SECOND);
                int kind = rnd.nextInt(20);
                int proto = kind == 0 ? 17 : 6;
                int port = kind == 1 || kind == 2 ? 80 : 443;
                String service = proto == 17 ? "udp/443" : port == 80 ? "HTTP" : "HTTPS";
                session(start, site.ip(), port, proto, service, "", site.country(), rnd.nextDouble(0, 120),
                        rnd.nextLong(500, 20_000), rnd.nextLong(5_000, 2_000_000));
            }
            double gap = -Math.log(1 - rnd.nextDouble()) * meanGap / Timeline.humanActivity(next);
            next += Timeline.seconds(gap);
        }
    }
}
