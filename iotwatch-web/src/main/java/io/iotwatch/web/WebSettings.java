package io.iotwatch.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the dashboard is served.
 *
 * @param bind            address to listen on
 * @param port            TCP port (0: any free port, for tests)
 * @param tlsKeystore     a PKCS#12 keystore with the server's key and certificate; null serves plain HTTP
 * @param tlsPassword     its password
 * @param sessionIdle     a session ends after this long without a request
 * @param sessionMaxAge   and this long after login at the latest
 */
public record WebSettings(String bind, int port, Path tlsKeystore, String tlsPassword, Duration sessionIdle,
        Duration sessionMaxAge) {

    public WebSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        tlsPassword = tlsPassword == null ? "" : tlsPassword;
    }

    public boolean tls() {
        return tlsKeystore != null;
    }
}
