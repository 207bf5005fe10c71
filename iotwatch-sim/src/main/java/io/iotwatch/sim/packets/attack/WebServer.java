package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.DeviceKind;
import io.iotwatch.sim.packets.lan.HttpDates;
import io.iotwatch.sim.packets.proto.Http;

/** How the web servers of the victims answer: their Server header and their pages. */
final class WebServer {

    private WebServer() {
    }

    static String software(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> "App-webs/";
            case HUB -> "nginx/1.22.1";
            case LOCAL_SENSOR -> "Tasmota/13.4.0 (ESP8266EX)";
            default -> "lwIP/2.1.3";
        };
    }

    /** A response with a body of {@code body} and the server's usual headers. */
    static byte[] response(DeviceKind kind, long now, int status, String reason, String contentType, String body,
            boolean close) {
        return Http.response("HTTP/1.1", status, reason, Http.text(body), "Server: " + software(kind),
                "Date: " + HttpDates.format(now), "Content-Type: " + contentType,
                close ? "Connection: close" : "Connection: keep-alive");
    }

    static byte[] notFound(DeviceKind kind, long now, boolean close) {
        return response(kind, now, 404, "Not Found", "text/html", "<html><head><title>404 Not Found</title></head><body>"
                + "<h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n", close);
    }

    /** The login page a browser, a scanner or a flood gets at {@code /}. */
    static byte[] home(DeviceKind kind, long now, boolean close) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(kind == DeviceKind.CAMERA ? "IP Camera" : "Login").append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/css/main.css\"><script src=\"/js/login.js\"></script></head>")
                .append("<body><form id=\"login\" method=\"post\" action=\"/login\">");
        for (String field : new String[] {"username", "password"}) {
            page.append("<label for=\"").append(field).append("\">").append(field).append("</label><input id=\"")
                    .append(field).append("\" name=\"").append(field).append("\" type=\"")
                    .append(field.equals("password") ? "password" : "text").append("\">");
        }
        page.append("<button type=\"submit\">Sign in</button></form>")
                .append("<p class=\"note\">Use a supported browser. Firmware and documentation at the vendor's site.</p>")
                .append("</body></html>\n");
        return response(kind, now, 200, "OK", "text/html", page.toString(), close);
    }
}
