package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Micros;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The IMF-fixdate of HTTP's Date header (RFC 9110). */
public final class HttpDates {

    private static final DateTimeFormatter IMF = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(long micros) {
        return IMF.format(Instant.ofEpochSecond(micros / Micros.SECOND));
    }
}
