package io.iotwatch.web.api;

/** A request the API cannot answer as asked: answered 400 with the message, which names the parameter. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
