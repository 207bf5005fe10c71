package io.iotwatch.sim.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Formats events as FortiOS log lines, syslog {@code key=value} or JSON, each followed by {@code \n}.
 * Every line starts with the common header {@code date time devname devid eventtime tz}; the firewall
 * logs in UTC so date and time are the UTC rendering of eventtime.
 */
final class LineWriter {

    static final String DEVNAME = "FGT60F";
    static final String DEVID = "FGT60FTK2209A4C1";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final GeneratorOptions.Format format;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(1024);
    // FortiOS session ids grow over time; numbering in output order keeps them unique and increasing.
    private long sessionId = 1_200_000;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    LineWriter(GeneratorOptions.Format format, OutputStream out) {
        this.format = format;
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    void write(LogEvent event) throws IOException {
        line.setLength(0);
        long seconds = Math.floorDiv(event.time(), NANOS_PER_SECOND);
        long day = Math.floorDiv(seconds, 86_400);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day).toString();
        }
        int secondOfDay = (int) (seconds - day * 86_400);
        String time = two(secondOfDay / 3600) + ':' + two(secondOfDay / 60 % 60) + ':' + two(secondOfDay % 60);
        boolean json = format == GeneratorOptions.Format.JSON;
        if (json) {
            line.append('{');
        }
        append(json, "date", cachedDate, Fields.BARE);
        append(json, "time", time, Fields.BARE);
        append(json, "devname", DEVNAME, Fields.TEXT);
        append(json, "devid", DEVID, Fields.TEXT);
        append(json, "eventtime", Long.toString(event.time()), Fields.NUMBER);
        append(json, "tz", "+0000", Fields.TEXT);
        Fields fields = event.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.kind(i) == Fields.SESSION) {
                append(json, fields.key(i), Long.toString(sessionId++), Fields.NUMBER);
            } else {
                append(json, fields.key(i), fields.value(i), fields.kind(i));
            }
        }
        line.append(json ? "}\n" : "\n");
        out.append(line);
    }

    void flush() throws IOException {
        out.flush();
    }

    private void append(boolean json, String key, String value, byte kind) {
        if (json) {
            if (line.length() > 1) {
                line.append(',');
            }
            line.append('"').append(key).append("\":");
            if (kind == Fields.NUMBER) {
                line.append(value);
            } else {
                quote(value);
            }
        } else {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(key).append('=');
            if (kind == Fields.TEXT) {
                quote(value);
            } else {
                line.append(value);
            }
        }
    }

    private void quote(String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
