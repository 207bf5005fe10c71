package io.iotwatch.packet.capture;

/** A problem found in a capture file: the byte offset of the record or block concerned, and what is wrong. */
public record CaptureDamage(long offset, String problem) {}
