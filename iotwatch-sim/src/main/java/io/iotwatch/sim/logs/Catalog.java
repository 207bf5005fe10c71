package io.iotwatch.sim.logs;

import java.util.List;

/**
 * The fixed Internet side of the simulation: vendor clouds, NTP pool servers and CDN names. Fixed rather
 * than seeded so that the same cloud endpoints recur in every run, as they would on a real network.
 */
final class Catalog {

    static final List<Endpoint> NTP = List.of(
            new Endpoint("0.pool.ntp.org", "185.125.190.56", "Netherlands", 3600),
            new Endpoint("1.pool.ntp.org", "162.159.200.1", "United States", 3600),
            new Endpoint("2.pool.ntp.org", "212.51.144.44", "Switzerland", 3600),
            new Endpoint("3.pool.ntp.org", "80.153.195.191", "Germany", 3600));

    // Long machine-generated CDN/cloud names: each is looked up again and again, few distinct per domain.
    static final Endpoint AWS_IOT = new Endpoint("a3k7odshaiipe8-ats.iot.eu-west-1.amazonaws.com", "52.49.128.12", "Ireland", 300);
    static final Endpoint CLOUDFRONT = new Endpoint("d1a2b3c4d5e6f7.cloudfront.net", "18.66.147.91", "Germany", 300);
    static final Endpoint GOOGLEVIDEO = new Endpoint("r4---sn-4g5e6nsz.googlevideo.com", "173.194.182.73", "Germany", 1800);
    static final Endpoint AKAMAI = new Endpoint("e12345.dscx.akamaiedge.net", "23.54.112.18", "Germany", 20 * 60);

    private static final Endpoint HIK_API = new Endpoint("api.hik-connect.com", "52.58.107.20", "Germany", 600);
    private static final Endpoint HIK_RELAY = new Endpoint("litedev.hik-connect.com", "3.120.81.181", "Germany", 600);
    private static final Endpoint REOLINK_API = new Endpoint("apis.reolink.com", "35.158.118.56", "Germany", 900);
    private static final Endpoint REOLINK_RELAY = new Endpoint("p2p.reolink.com", "18.197.215.3", "Germany", 900);
    private static final Endpoint AQARA = new Endpoint("aiot-mqtt-eu.aqara.com", "3.65.47.112", "Germany", 1800);
    private static final Endpoint SHELLY = new Endpoint("shelly-42-eu.shelly.cloud", "49.12.187.5", "Germany", 1800);
    private static final Endpoint TUYA_MQTT = new Endpoint("m1.tuyaeu.com", "3.122.156.92", "Germany", 1200);
    private static final Endpoint TUYA_API = new Endpoint("a1.tuyaeu.com", "18.185.229.116", "Germany", 1200);
    private static final Endpoint KASA = new Endpoint("n-devs.tplinkcloud.com", "54.78.224.11", "Ireland", 1800);
    private static final Endpoint HUE_WS = new Endpoint("ws.meethue.com", "34.249.86.12", "Ireland", 900);
    private static final Endpoint HUE_API = new Endpoint("diag.meethue.com", "52.31.114.220", "Ireland", 900);
    private static final Endpoint SMARTTHINGS = new Endpoint("api.smartthings.com", "52.206.66.51", "United States", 900);
    private static final Endpoint SMARTTHINGS_DC = new Endpoint("dc.connector.smartthings.com", "44.207.12.102", "United States", 900);
    private static final Endpoint HA_CLOUD = new Endpoint("remote.nabucasa.com", "104.18.28.134", "United States", 1800);
    private static final Endpoint SYNOLOGY = new Endpoint("global.quickconnect.to", "3.124.6.29", "Germany", 1800);
    private static final Endpoint APPLE_PUSH = new Endpoint("courier.push.apple.com", "17.57.146.52", "United States", 1800);
    private static final Endpoint GOOGLE_PUSH = new Endpoint("mtalk.google.com", "142.250.102.188", "Germany", 1800);

    private Catalog() {
    }

    static List<Vendor> vendors(DeviceClass cls) {
        return switch (cls) {
            case CAMERA -> List.of(
                    camera("Hikvision", "44:19:b6", HIK_API, HIK_RELAY),
                    camera("Reolink", "ec:71:db", REOLINK_API, REOLINK_RELAY));
            case SENSOR -> List.of(
                    sensor("Aqara", "54:ef:44", AQARA),
                    sensor("Shelly", "e8:db:84", SHELLY),
                    sensor("Espressif", "24:0a:c4", AWS_IOT));
            case PLUG -> List.of(
                    plug("Tuya", "d8:1f:12", TUYA_MQTT, TUYA_API, 8883),
                    plug("TP-Link", "50:c7:bf", KASA, KASA, 1883));
            case HUB -> List.of(
                    hub("Philips", "00:17:88", HUE_API, HUE_WS),
                    hub("Samsung", "d0:52:a8", SMARTTHINGS, SMARTTHINGS_DC));
            case GATEWAY -> List.of(
                    gateway("Raspberry Pi", "b8:27:eb", HA_CLOUD),
                    gateway("Synology", "00:11:32", SYNOLOGY));
            case PHONE -> List.of(
                    new Vendor("Apple", "iOS", "a4:83:e7", List.of(push(5223, APPLE_PUSH), video())),
                    new Vendor("Samsung", "Android", "8c:f5:a3", List.of(push(5228, GOOGLE_PUSH), video())));
            case LAPTOP -> List.of(
                    new Vendor("Dell", "Windows", "f8:bc:12", List.of(cdn())),
                    new Vendor("Apple", "Mac OS X", "3c:22:fb", List.of(push(5223, APPLE_PUSH), cdn())));
        };
    }

    private static Vendor camera(String make, String mac, Endpoint api, Endpoint relay) {
        return new Vendor(make, "Linux", mac, List.of(
                new FlowSpec(6, 443, "HTTPS", "HTTPS.BROWSER", List.of(api), 50, 70, 0.2, false, 0, 2, 300, 900, 250, 700),
                new FlowSpec(6, 443, "HTTPS", "HTTPS.BROWSER", List.of(CLOUDFRONT), 600, 1200, 0.5, true, 5, 60, 200_000, 5_000_000, 4_000, 20_000),
                new FlowSpec(6, 554, "RTSP", "RTSP", List.of(relay), 1200, 2400, 0.3, true, 60, 600, 1_000_000, 20_000_000, 10_000, 80_000)));
    }

    private static Vendor sensor(String make, String mac, Endpoint broker) {
        return new Vendor(make, "RTOS", mac, List.of(
                new FlowSpec(6, 8883, "MQTT-TLS", "MQTT", List.of(broker), 55, 65, 0.1, false, 0, 1, 60, 200, 40, 120),
                new FlowSpec(6, 443, "HTTPS", "HTTPS.BROWSER", List.of(broker), 1800, 1800, 0.2, false, 0, 3, 1_000, 6_000, 2_000, 9_000)));
    }

    private static Vendor plug(String make, String mac, Endpoint broker, Endpoint api, int mqttPort) {
        return new Vendor(make, "RTOS", mac, List.of(
                new FlowSpec(6, mqttPort, mqttPort == 8883 ? "MQTT-TLS" : "MQTT", "MQTT", List.of(broker), 45, 120, 0.15, false, 0, 1, 80, 260, 60, 180),
                new FlowSpec(6, 443, "HTTPS", "HTTPS.BROWSER", List.of(api), 900, 1800, 0.2, false, 0, 2, 800, 4_000, 1_500, 8_000)));
    }

    private static Vendor hub(String make, String mac, Endpoint api, Endpoint broker) {
        return new Vendor(make, "Linux", mac, List.of(
                new FlowSpec(6, 443, "HTTPS", "HTTPS.BROWSER", List.of(api), 300, 300, 0.1, false, 0, 2, 1_200, 5_000, 2_000, 12_000),
                new FlowSpec(6, 8883, "MQTT-TLS", "MQTT", List.of(broker), 110, 130, 0.1, false, 0, 1, 80, 240, 60, 200)));
    }

    private static Vendor gateway(String make, String mac, Endpoint cloud) {
        return new Vendor(make, "Linux", mac, List.of(
                new FlowSpec(6, 443, "HTTPS", "HTTPS.BROWSER", List.of(cloud), 600, 600, 0.2, false, 0, 5, 2_000, 20_000, 3_000, 60_000),
                new FlowSpec(6, 8883, "MQTT-TLS", "MQTT", List.of(AWS_IOT), 55, 65, 0.1, false, 0, 1, 80, 300, 60, 200),
                new FlowSpec(17, 5684, "udp/5684", "", List.of(AWS_IOT), 280, 320, 0.1, false, 0, 1, 120, 400, 80, 300)));
    }

    /** NTP to one pool server per device, polled every 64-1024 s like ntpd and chrony do. */
    static FlowSpec ntp() {
        return new FlowSpec(17, 123, "NTP", "NTP", NTP, 64, 1024, 0.05, false, 0, 0, 76, 76, 76, 76);
    }

    private static FlowSpec push(int port, Endpoint server) {
        return new FlowSpec(6, port, "tcp/" + port, "", List.of(server), 600, 1200, 0.3, false, 0, 600, 400, 3_000, 300, 5_000);
    }

    private static FlowSpec video() {
        return new FlowSpec(6, 443, "HTTPS", "YouTube", List.of(GOOGLEVIDEO), 1800, 3600, 0.6, true, 30, 900, 20_000, 300_000, 5_000_000, 80_000_000);
    }

    private static FlowSpec cdn() {
        return new FlowSpec(6, 443, "HTTPS", "HTTPS.BROWSER", List.of(AKAMAI), 900, 1800, 0.5, true, 1, 60, 2_000, 20_000, 50_000, 3_000_000);
    }
}
