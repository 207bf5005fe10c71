package io.iotwatch.sim.packets.proto;

import java.nio.charset.StandardCharsets;

/** Telnet (RFC 854) as busybox telnetd on a camera speaks it, and as a password guesser answers. */
public final class Telnet {

    private static final int IAC = 255;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int DO = 253;
    private static final int ECHO = 1;
    private static final int SUPPRESS_GO_AHEAD = 3;
    private static final int WINDOW_SIZE = 31;

    private Telnet() {
    }

    /** The server's opening negotiation: DO ECHO, DO NAWS, WILL ECHO, WILL SUPPRESS-GO-AHEAD. */
    public static byte[] serverNegotiation() {
        return bytes(IAC, DO, ECHO, IAC, DO, WINDOW_SIZE, IAC, WILL, ECHO, IAC, WILL, SUPPRESS_GO_AHEAD);
    }

    /** A client that wants none of it, except letting the server echo and suppress go-ahead. */
    public static byte[] clientNegotiation() {
        return bytes(IAC, WONT, ECHO, IAC, WONT, WINDOW_SIZE, IAC, DO, ECHO, IAC, DO, SUPPRESS_GO_AHEAD);
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
