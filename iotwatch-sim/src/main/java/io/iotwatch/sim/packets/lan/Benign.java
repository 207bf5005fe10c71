package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Source;
import io.iotwatch.sim.packets.net.Stack;
import io.iotwatch.sim.packets.proto.Tls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The benign traffic of the LAN: every device's habits, each device joining within the first minute. */
public final class Benign {

    private static final long JOIN_WINDOW = Micros.seconds(60);

    private Benign() {
    }

    /** The habits of the hub and every device, in address order, each drawing from its own split of {@code rnd}. */
    public static List<Source> habits(Lan lan, long start, Instant notBefore, SplittableRandom rnd) {
        List<Source> sources = new ArrayList<>();
        sources.addAll(habits(lan, lan.hub(), start, notBefore, rnd.split()));
        for (Device device : lan.devices()) {
            long boot = start + rnd.nextLong(JOIN_WINDOW);
            sources.addAll(habits(lan, device, boot, notBefore, rnd.split()));
        }
        return sources;
    }

    /** A time well before any run, for the servers' certificates. */
    public static Instant certificatesFrom(Instant start) {
        return start.minus(Duration.ofDays(30));
    }

    private static List<Source> habits(Lan lan, Device device, long boot, Instant notBefore, SplittableRandom rnd) {
        Cloud cloud = lan.cloud();
        List<Source> habits = new ArrayList<>();
        habits.add(new ArpHabit(device, rnd.split(), boot));
        habits.add(new NtpHabit(device, cloud.ntp, rnd.split(), boot));
        switch (device.kind()) {
            case SENSOR -> habits.add(new MqttHabit(device, cloud.sensorBroker, null, rnd.split(), boot));
            case LOCAL_SENSOR -> habits.add(new MqttHabit(device, null, lan.hub().host(), rnd.split(), boot));
            case COAP_SENSOR -> habits.add(new CoapHabit(device, cloud.coapServer, rnd.split(), boot));
            case PLUG -> {
                habits.add(new TlsHabit(device, cloud.plugApi, 443, Tls.Client.EMBEDDED, Micros.seconds(45), notBefore,
                        rnd.split(), boot));
                habits.add(new FirmwareHabit(device, cloud.plugFirmware, "/firmware/check", "Tuya-IoT/3.3", rnd.split(), boot));
            }
            case CAMERA -> {
                habits.add(new TlsHabit(device, cloud.cameraApi, 443, Tls.Client.OPENSSL, Micros.seconds(30), notBefore,
                        rnd.split(), boot));
                habits.add(new UploadHabit(device, cloud.cameraUpload, Tls.Client.OPENSSL, 240 + rnd.nextInt(360), 40_000,
                        400_000, notBefore, rnd.split(), boot));
                habits.add(new FirmwareHabit(device, cloud.cameraFirmware, "/api/upgrade/latest", "HikUpgrade/2.1",
                        rnd.split(), boot));
            }
            case PHONE -> {
                boolean apple = device.host().stack() == Stack.DARWIN;
                // Push keep-alives come often enough to keep the NAT entry, and the flow, open.
                habits.add(new TlsHabit(device, apple ? cloud.applePush : cloud.androidPush, apple ? 5223 : 5228,
                        Tls.Client.BROWSER, Micros.seconds(apple ? 270 : 240), notBefore, rnd.split(), boot));
                habits.add(new BrowsingHabit(device, cloud.sites, notBefore, rnd.split(), boot));
                // The hub's companion app reports the phone's sensors through the hub's cloud.
                habits.add(new UploadHabit(device, cloud.hubCloud, Tls.Client.BROWSER, 900, 800, 4_000, notBefore, rnd.split(),
                        boot));
            }
            case HUB -> {
                habits.add(new TlsHabit(device, cloud.hubCloud, 443, Tls.Client.OPENSSL, Micros.seconds(60), notBefore,
                        rnd.split(), boot));
                habits.add(new FirmwareHabit(device, cloud.hubVersion, "/stable.json", "HomeAssistant/2025.5.1 aiohttp/3.11",
                        rnd.split(), boot));
            }
        }
        return habits;
    }
}
