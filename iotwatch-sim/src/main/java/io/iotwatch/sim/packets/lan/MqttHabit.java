package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.packets.proto.Mqtt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A sensor's MQTT 3.1.1 session over TCP 1883: CONNECT and CONNACK, a SUBSCRIBE to its command topic, then a
 * reading published every period with a little jitter (QoS 1 with PUBACK to the cloud, QoS 0 to the local
 * broker), a PINGREQ whenever the keep-alive would otherwise lapse, and now and then a command from the broker.
 */
final class MqttHabit extends Habit {

    private static final int KEEP_ALIVE = 60;

    private final Endpoint broker;
    private final Host server;
    private final long period;
    private TcpFlow flow;
    private long lastSent;
    private int packetId;
    private double temperature;
    private double humidity;
    private int battery;

    /** @param broker the cloud broker, or null for the hub's broker on the LAN */
    MqttHabit(Device device, Endpoint broker, Host hub, SplittableRandom rnd, long boot) {
        super(device, rnd, boot + Micros.seconds(2 + rnd.nextInt(5)));
        this.broker = broker;
        this.server = broker != null ? broker.host() : hub;
        this.period = Micros.seconds(broker != null ? new int[] {15, 30, 60, 120}[rnd.nextInt(4)] : 10 + rnd.nextInt(20));
        this.temperature = 18 + rnd.nextDouble(6);
        this.humidity = 35 + rnd.nextDouble(25);
        this.battery = 60 + rnd.nextInt(40);
    }

    @Override
    protected void plan(long now, Scheduler scheduler) {
        if (flow == null) {
            long t = broker != null ? device.resolver().lookup(this, now, broker, rnd) : now;
            flow = connection(server, 1883);
            t = flow.connect(t) + 500;
            String user = broker != null ? token() : null;
            t = flow.exchange(true, t, Mqtt.connect(device.name(), KEEP_ALIVE, user, null), Micros.millis(2), Mqtt.connack(0));
            String commands = broker != null ? "v1/devices/me/rpc/request/+" : "cmnd/" + device.name() + "/#";
            t = flow.exchange(true, t + 300, Mqtt.subscribe(++packetId, commands, 1), 400, Mqtt.suback(packetId, 1));
            lastSent = t;
            wakeAt(t + jitter(period, 0.1));
            return;
        }
        long nextPing = lastSent + KEEP_ALIVE * Micros.SECOND;
        if (now >= nextPing - Micros.seconds(1)) {
            lastSent = flow.exchange(true, now, Mqtt.pingreq(), 200, Mqtt.pingresp());
        } else if (rnd.nextInt(40) == 0) {
            command(now);
        } else {
            publish(now);
        }
        long next = Math.max(flow.last(), now + jitter(period, 0.1));
        wakeAt(Math.min(next, Math.max(flow.last(), lastSent + KEEP_ALIVE * Micros.SECOND)));
    }

    private void publish(long now) {
        temperature += rnd.nextDouble(-0.3, 0.3);
        humidity = Math.clamp(humidity + rnd.nextDouble(-1, 1), 10, 95);
        if (rnd.nextInt(50) == 0) {
            battery = Math.max(1, battery - 1);
        }
        if (broker != null) {
            String json = String.format(Locale.ROOT, "{\"temperature\":%.2f,\"humidity\":%.1f,\"battery\":%d,\"rssi\":%d}",
                    temperature, humidity, battery, -50 - rnd.nextInt(30));
            int id = nextPacketId();
            lastSent = flow.exchange(true, now, Mqtt.publish("v1/devices/me/telemetry", bytes(json), 1, id, false),
                    Micros.millis(1 + rnd.nextInt(4)), Mqtt.puback(id));
        } else {
            String json = String.format(Locale.ROOT, "{\"Time\":\"%s\",\"AM2301\":{\"Temperature\":%.1f,\"Humidity\":%.1f,"
                    + "\"DewPoint\":%.1f},\"TempUnit\":\"C\"}", clock(now), temperature, humidity, temperature - (100 - humidity) / 5);
            lastSent = flow.send(true, now, Mqtt.publish("tele/" + device.name() + "/SENSOR", bytes(json), 0, 0, false));
        }
    }

    /** The broker passes on a command (switch a relay, change the period) and the device acknowledges it. */
    private void command(long now) {
        int id = nextPacketId();
        String topic = broker != null ? "v1/devices/me/rpc/request/" + id : "cmnd/" + device.name() + "/TelePeriod";
        String body = broker != null ? "{\"method\":\"getCurrentTime\",\"params\":{}}" : String.valueOf(period / Micros.SECOND);
        long t = flow.exchange(false, now, Mqtt.publish(topic, bytes(body), 1, id, false), Micros.millis(3), Mqtt.puback(id));
        lastSent = t;
    }

    private int nextPacketId() {
        packetId = packetId % 65_535 + 1;
        return packetId;
    }

    private String token() {
        StringBuilder s = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            s.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".charAt(rnd.nextInt(62)));
        }
        return s.toString();
    }

    private static String clock(long micros) {
        return Instant.ofEpochSecond(micros / Micros.SECOND).toString().substring(0, 19);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
