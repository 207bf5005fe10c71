package io.iotwatch.store;

import java.time.Instant;

/**
 * The alerts whose incident began in one step of a series, by level.
 *
 * @param start    when the step begins; it ends where the next begins
 * @param low      alerts at level low
 * @param medium   alerts at level medium
 * @param high     alerts at level high
 * @param critical alerts at level critical
 */
public record LevelBucket(Instant start, long low, long medium, long high, long critical) {}
