package io.iotwatch.app.cli;

/** A failure the user can act on (a missing file, an unreachable database), shown without a stack trace. */
final class UserFacingException extends RuntimeException {
    UserFacingException(String message) {
        super(message);
    }

    UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
