package io.iotwatch.sim.packets.proto;

import io.iotwatch.sim.packets.wire.Bytes;
import java.nio.charset.StandardCharsets;

/** HTTP/1.x requests and responses: a start line, header lines, a blank line and the body. */
public final class Http {

    private Http() {
    }

    /** A request; a body gets its Content-Length header. Each header is a whole "Name: value" line. */
    public static byte[] request(String method, String target, String version, byte[] body, String... headers) {
        Bytes out = new Bytes(256 + body.length).ascii(method + " " + target + " " + version + "\r\n");
        for (String header : headers) {
            out.ascii(header + "\r\n");
        }
        if (body.length > 0) {
            out.ascii("Content-Length: " + body.length + "\r\n");
        }
        return out.ascii("\r\n").bytes(body).toArray();
    }

    /** A response with its Content-Length header. */
    public static byte[] response(String version, int status, String reason, byte[] body, String... headers) {
        Bytes out = new Bytes(256 + body.length).ascii(version + " " + status + " " + reason + "\r\n");
        for (String header : headers) {
            out.ascii(header + "\r\n");
        }
        return out.ascii("Content-Length: " + body.length + "\r\n\r\n").bytes(body).toArray();
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
