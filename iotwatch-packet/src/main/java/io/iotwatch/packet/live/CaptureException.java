package io.iotwatch.packet.live;

import java.io.IOException;

/**
 * Live capture cannot start or go on, for a reason the user can act on: libpcap missing, no such interface,
 * missing privileges, a filter that does not compile. The message is written to be shown as it is.
 */
public final class CaptureException extends IOException {

    public CaptureException(String message) {
        super(message);
    }
}
