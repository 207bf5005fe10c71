package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Stack;
import io.iotwatch.sim.packets.wire.Ip;
import java.util.ArrayList;
import java.util.List;

/**
 * The Internet side: the clouds the devices use and the sites phones visit. Fixed rather than seeded, so the
 * same endpoints recur in every run as they would on a real network; each kind of device shares its
 * endpoints, as devices of one make do. The names are the vendors' real ones; the addresses are made up.
 */
public final class Cloud {

    /** Rate at which the site's Internet link delivers downloads to the LAN. */
    private static final long WAN_BITS_PER_SECOND = 100_000_000L;

    public final Endpoint sensorBroker;
    public final Endpoint coapServer;
    public final Endpoint plugApi;
    public final Endpoint plugFirmware;
    public final Endpoint cameraApi;
    public final Endpoint cameraUpload;
    public final Endpoint cameraFirmware;
    public final Endpoint hubCloud;
    public final Endpoint hubVersion;
    public final Endpoint ntp;
    public final Endpoint androidPush;
    public final Endpoint applePush;
    public final List<Endpoint> sites;

    private final long gatewayMac;

    public Cloud(long gatewayMac) {
        this.gatewayMac = gatewayMac;
        sensorBroker = endpoint("mqtt.eu.thingsboard.cloud", 60, false, "3.127.86.21", 18, 24);
        coapServer = endpoint("leshan.eclipseprojects.io", 300, false, "34.107.220.18", 16, 21);
        plugApi = endpoint("a1.tuyaeu.com", 1200, false, "18.185.229.116", 17, 23);
        plugFirmware = endpoint("images.tuyaeu.com", 1200, false, "52.28.114.201", 17, 23);
        cameraApi = endpoint("api.hik-connect.com", 600, true, "52.58.107.20", 15, 22);
        cameraUpload = endpoint("litedev.hik-connect.com", 600, true, "3.120.81.181", 15, 22);
        cameraFirmware = endpoint("update.hik-connect.com", 600, false, "52.57.201.36", 15, 22);
        hubCloud = endpoint("remote.nabucasa.com", 1800, true, "104.18.28.134", 11, 14);
        hubVersion = endpoint("version.home-assistant.io", 1800, false, "104.21.51.77", 11, 14);
        ntp = new Endpoint("pool.ntp.org", List.of(host("185.125.190.56", 14, 19), host("162.159.200.1", 9, 12),
                host("212.51.144.44", 13, 17), host("80.153.195.191", 12, 15)), null, 130, false);
        androidPush = endpoint("mtalk.google.com", 300, true, "142.250.102.188", 10, 13);
        applePush = endpoint("courier.push.apple.com", 3600, true, "17.57.146.52", 14, 27);
        sites = sites();
    }

    private List<Endpoint> sites() {
        String[][] table = {
            {"www.google.com", "", "142.250.185.68"},
            {"www.youtube.com", "youtube-ui.l.google.com", "142.250.186.78"},
            {"i.ytimg.com", "", "142.250.74.150"},
            {"www.instagram.com", "z-p42-instagram.c10r.instagram.com", "157.240.252.174"},
            {"scontent.cdninstagram.com", "", "157.240.0.63"},
            {"graph.facebook.com", "star.c10r.facebook.com", "157.240.252.35"},
            {"web.whatsapp.com", "mmx-ds.cdn.whatsapp.net", "157.240.252.60"},
            {"www.wikipedia.org", "dyna.wikimedia.org", "185.15.59.224"},
            {"upload.wikimedia.org", "", "185.15.59.240"},
            {"www.bbc.co.uk", "www.bbc.co.uk.pri.bbc.co.uk", "151.101.0.81"},
            {"www.amazon.de", "tp.c95e7e602-frontier.amazon.de", "54.239.33.58"},
            {"m.media-amazon.com", "m.media-amazon.com.edgekey.net", "23.54.112.18"},
            {"www.spiegel.de", "", "128.65.210.8"},
            {"www.reddit.com", "reddit.map.fastly.net", "151.101.1.140"},
            {"i.redd.it", "", "151.101.65.140"},
            {"open.spotify.com", "edge-web.dual-gslb.spotify.com", "35.186.224.25"},
            {"api.openweathermap.org", "", "37.139.20.5"},
            {"www.netflix.com", "www.dradis.netflix.com", "54.155.178.5"},
            {"weather.com", "", "23.217.138.108"},
            {"maps.googleapis.com", "", "142.250.185.106"},
            {"www.linkedin.com", "www-linkedin-com.l-0005.l-msedge.net", "13.107.42.14"},
            {"github.com", "", "140.82.121.4"},
            {"news.ycombinator.com", "", "209.216.230.207"},
            {"www.theguardian.com", "", "151.101.193.111"},
            {"app.mi.com", "", "161.117.190.35"},
        };
        List<Endpoint> result = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            String[] row = table[i];
            result.add(new Endpoint(row[0], List.of(host(row[2], 8 + i % 9, 9 + 3 * (i % 11))),
                    row[1].isEmpty() ? null : row[1], 60 + 30 * (i % 10), true));
        }
        return List.copyOf(result);
    }

    private Endpoint endpoint(String name, int ttl, boolean tls13, String ip, int hops, double rttMillis) {
        return new Endpoint(name, List.of(host(ip, hops, rttMillis)), null, ttl, tls13);
    }

    /** A Linux server {@code hops} routers and {@code rttMillis} from the site. */
    private Host host(String ip, int hops, double rttMillis) {
        return Host.beyond(Ip.parse(ip), gatewayMac, Stack.LINUX, hops, Micros.millis(rttMillis), WAN_BITS_PER_SECOND);
    }
}
