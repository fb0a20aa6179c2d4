package dev.forgebot.adapter.local.jdbc;

import java.time.Instant;

/**
 * Instants as SQLite integers: nanoseconds since the epoch. Exact for every instant the bot meets
 * (1677 to 2262), so a stored time reads back equal, and ordered as numbers, so indexes and
 * {@code ORDER BY} compare times correctly (ISO text would not: fraction digits vary).
 */
final class Times {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Times() {
    }

    /**
     * The exact value to store.
     *
     * @throws IllegalArgumentException if the instant is outside the storable range
     */
    static long stored(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant outside the storable range (1677..2262): " + instant, e);
        }
    }

    /** A query bound: an instant outside the storable range compares like the nearest end of it. */
    static long bound(Instant instant) {
        try {
            return stored(instant);
        } catch (IllegalArgumentException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant read(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
