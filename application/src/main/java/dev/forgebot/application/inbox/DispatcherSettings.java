package dev.forgebot.application.inbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link InboxDispatcher} paces itself.
 *
 * @param batchSize      pending entries fetched per pass, at most
 * @param maxHeldEntries entries held in memory by running chat tasks, at most (the memory bound)
 * @param maxAttempts    attempts before an entry is dead-lettered (the last allowed attempt)
 * @param firstBackoff   wait after the first transient failure; doubles per attempt
 * @param maxBackoff     longest wait between attempts
 */
public record DispatcherSettings(
        int batchSize, int maxHeldEntries, int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    public DispatcherSettings {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (batchSize < 1 || maxHeldEntries < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize, maxHeldEntries and maxAttempts must be positive");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= firstBackoff <= maxBackoff");
        }
    }

    /** 500 per pass, 2,000 held, 5 attempts, waits from 2 s doubling up to 5 minutes. */
    public static DispatcherSettings defaults() {
        return new DispatcherSettings(500, 2_000, 5, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    /** The wait before attempt {@code failedAttempts + 1}: {@code firstBackoff * 2^(failedAttempts-1)}, capped. */
    public Duration backoffAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        int shift = Math.min(failedAttempts - 1, 30);
        Duration wait = firstBackoff.multipliedBy(1L << shift);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
