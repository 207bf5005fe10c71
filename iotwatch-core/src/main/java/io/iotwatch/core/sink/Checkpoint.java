package io.iotwatch.core.sink;

/**
 * How far a stream has been read and stored.
 *
 * @param stream     the stream's id (see {@link io.iotwatch.core.event.EventId#stream()})
 * @param origin     where it was read from, for people reading the checkpoint table
 * @param offset     byte offset just past the last stored line
 * @param lineNumber number of lines read up to that offset
 */
public record Checkpoint(long stream, String origin, long offset, long lineNumber) {
    public Checkpoint {
        origin = origin == null ? "" : origin;
        if (offset < 0 || lineNumber < 0) {
            throw new IllegalArgumentException("negative checkpoint: " + offset + "/" + lineNumber);
        }
    }
}
