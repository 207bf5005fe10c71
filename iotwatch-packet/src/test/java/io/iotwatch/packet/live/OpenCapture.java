package io.iotwatch.packet.live;

import java.util.List;

/**
 * Opens a capture on the interface given and prints what happened, for tests that run it in a JVM of its
 * own, with fewer privileges or in another network namespace: "opened, link type N" or "refused: " and the
 * message the user would see. With a second argument "read", it then reads until next() returns false and
 * prints "ended: " and the damage.
 */
public final class OpenCapture {

    private OpenCapture() {}

    public static void main(String[] args) {
        try (LiveCapture capture = LiveCapture.open(LiveOptions.of(args[0]))) {
            System.out.println("opened, link type " + capture.linkType());
            if (List.of(args).contains("read")) {
                while (capture.next()) {
                    // only the end matters here
                }
                System.out.println("ended: " + capture.damage());
            }
        } catch (CaptureException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
