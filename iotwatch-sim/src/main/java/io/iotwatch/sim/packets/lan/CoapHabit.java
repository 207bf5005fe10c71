package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.proto.Coap;
import io.iotwatch.sim.packets.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An LwM2M client over CoAP (UDP 5683, one socket): registration (confirmable POST /rd, 2.01 Created with the
 * registration's location), a reading sent every minute (POST /dp in SenML JSON, 2.04 Changed) and a
 * registration update before the lifetime runs out, each answered by a piggybacked ACK; now and then the
 * server reads the temperature itself (GET /3303/0/5700, answered 2.05 Content).
 */
final class CoapHabit extends Habit {

    private static final int LIFETIME = 300;
    private static final int SENML_JSON = 110;

    private final Endpoint server;
    private final int port;
    private final long period;
    private int messageId;
    private String location;
    private long registered;
    private double value;

    CoapHabit(Device device, Endpoint server, SplittableRandom rnd, long boot) {
        super(device, rnd, boot + Micros.seconds(2 + rnd.nextInt(6)));
        this.server = server;
        this.port = device.ephemeralPort();
        this.period = Micros.seconds(60);
        this.messageId = rnd.nextInt(1 << 16);
        this.value = 15 + rnd.nextDouble(10);
    }

    @Override
    protected void plan(long now, Scheduler scheduler) {
        long t = device.resolver().lookup(this, now, server, rnd);
        if (location == null) {
            location = Integer.toString(rnd.nextInt(1 << 20), 36);
            String query = "ep=" + device.name();
            t = request(t, Coap.POST, new String[] {"rd"}, new String[] {query, "lt=" + LIFETIME, "lwm2m=1.1", "b=U"},
                    Coap.FORMAT_LINK, "</1/0>,</3/0>,</3303/0>,</3304/0>", Coap.CREATED);
            registered = t;
        } else if (now - registered > (LIFETIME - 30) * Micros.SECOND) {
            t = request(t, Coap.POST, new String[] {"rd", location}, new String[0], -1, "", Coap.CHANGED);
            registered = t;
        } else {
            value += rnd.nextDouble(-0.2, 0.2);
            String senml = String.format(Locale.ROOT, "[{\"bn\":\"/3303/0/\",\"n\":\"5700\",\"v\":%.2f},{\"n\":\"5701\",\"vs\":\"Cel\"}]", value);
            t = request(t, Coap.POST, new String[] {"dp"}, new String[0], SENML_JSON, senml, Coap.CHANGED);
            if (rnd.nextInt(4) == 0) {
                t = read(t + Micros.millis(200 + rnd.nextInt(2_000)));
            }
        }
        wakeAt(t + jitter(period, 0.05));
    }

    /** The server's read of the current temperature and the device's piggybacked answer; returns when it passes. */
    private long read(long t) {
        int id = rnd.nextInt(1 << 16);
        long token = rnd.nextLong();
        Bytes out = new Bytes(32);
        Coap.message(out, Coap.CONFIRMABLE, Coap.GET, id, token, 8).option(Coap.URI_PATH, "3303").option(Coap.URI_PATH, "0")
                .option(Coap.URI_PATH, "5700").payload(new byte[0]);
        Host host = server.host();
        at(t, Packets.udp(host, 5683, device.host(), port, rnd.nextInt(1 << 16), out.toArray()));
        Bytes ack = new Bytes(64);
        Coap.message(ack, Coap.ACKNOWLEDGEMENT, Coap.CONTENT, id, token, 8).option(Coap.CONTENT_FORMAT, SENML_JSON)
                .payload(String.format(Locale.ROOT, "[{\"bn\":\"/3303/0/5700\",\"v\":%.2f}]", value).getBytes(StandardCharsets.UTF_8));
        long answered = t + device.host().rtt() + Micros.millis(2 + rnd.nextInt(8));
        at(answered, Packets.udp(device.host(), port, host, 5683, device.nextIpId(), ack.toArray()));
        return answered;
    }

    /** A confirmable request and its piggybacked acknowledgement; returns when the acknowledgement passes. */
    private long request(long t, int code, String[] path, String[] query, int format, String payload, int responseCode) {
        messageId = messageId + 1 & 0xFFFF;
        long token = rnd.nextLong();
        Bytes out = new Bytes(128);
        Coap message = Coap.message(out, Coap.CONFIRMABLE, code, messageId, token, 4);
        for (String segment : path) {
            message.option(Coap.URI_PATH, segment);
        }
        if (format >= 0) {
            message.option(Coap.CONTENT_FORMAT, format);
        }
        for (String q : query) {
            message.option(Coap.URI_QUERY, q);
        }
        message.payload(payload.getBytes(StandardCharsets.UTF_8));
        Host host = server.host();
        at(t, Packets.udp(device.host(), port, host, 5683, device.nextIpId(), out.toArray()));
        Bytes ack = new Bytes(32);
        Coap answer = Coap.message(ack, Coap.ACKNOWLEDGEMENT, responseCode, messageId, token, 4);
        if (responseCode == Coap.CREATED) {
            answer.option(Coap.LOCATION_PATH, "rd").option(Coap.LOCATION_PATH, location);
        }
        answer.payload(new byte[0]);
        long answered = t + host.rtt() + Micros.millis(1 + rnd.nextInt(5));
        at(answered, Packets.udp(host, 5683, device.host(), port, rnd.nextInt(1 << 16), ack.toArray()));
        return answered;
    }
}
