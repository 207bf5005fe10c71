package io.iotwatch.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The dashboard's options, which {@code serve} and {@code demo} share. */
final class WebOptions {

    @Option(names = "--port", paramLabel = "N", description = "TCP port of the dashboard (config key web.port, default 8080).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address the dashboard listens on (config key web.bind, default 127.0.0.1: this machine only).")
    String bind;

    /** The options given, as configuration overrides. */
    Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (port != null) {
            overrides.put("web.port", port.toString());
        }
        if (bind != null) {
            overrides.put("web.bind", bind);
        }
        return overrides;
    }
}
