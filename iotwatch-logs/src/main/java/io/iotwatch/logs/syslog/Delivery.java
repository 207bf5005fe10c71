package io.iotwatch.logs.syslog;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.Reject;
import io.iotwatch.logs.RecordDecoder;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;

/**
 * Turns the messages one reading thread receives into events or rejects in its batch. The origin of a
 * reject names the protocol and the sender, e.g. {@code udp://192.0.2.1:514}; it is only built for rejects
 * so that messages that become events cost nothing more than their event.
 */
final class Delivery {

    private final RecordDecoder decoder;
    private final Batcher batcher;
    private final String scheme;

    Delivery(RecordDecoder decoder, Batcher batcher, String scheme) {
        this.decoder = decoder;
        this.batcher = batcher;
        this.scheme = scheme;
    }

    /**
     * Decodes {@code buf[off, off + len)} into an event, or a reject with the decoder's reason.
     * True when it became an event.
     */
    boolean decode(byte[] buf, int off, int len, EventId id, SocketAddress from) throws InterruptedException {
        Event event;
        String reason;
        // A decoder must not throw, but one that does on some odd message should cost that message, not the listener.
        try {
            event = decoder.decode(buf, off, len, id);
            reason = event == null ? decoder.rejectReason() : null;
        } catch (RuntimeException e) {
            event = null;
            reason = "the decoder failed on this message: " + e;
        }
        if (event != null) {
            batcher.add(event);
            return true;
        }
        reject(buf, off, len, id, from, reason);
        return false;
    }

    /** Keeps {@code buf[off, off + len)} as a reject; its line number is the message's sequence number. */
    void reject(byte[] buf, int off, int len, EventId id, SocketAddress from, String reason) throws InterruptedException {
        batcher.add(new Reject(id, origin(scheme, from), id.position(), Arrays.copyOfRange(buf, off, off + len), reason));
    }

    static String origin(String scheme, SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet)) {
            return scheme + "://" + address;
        }
        String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }

    /** Length of {@code buf[off, off + len)} without trailing LF, CR and NUL, which senders add as terminators. */
    static int trimmedLength(byte[] buf, int off, int len) {
        int end = off + len;
        while (end > off && (buf[end - 1] == '\n' || buf[end - 1] == '\r' || buf[end - 1] == 0)) {
            end--;
        }
        return end - off;
    }
}
