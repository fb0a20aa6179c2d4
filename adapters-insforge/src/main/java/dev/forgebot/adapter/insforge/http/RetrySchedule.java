package dev.forgebot.adapter.insforge.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The wait before each retry, as a pure function of the attempt that just failed and the server's
 * {@code Retry-After}. No clock and no sleeping here, so it is tested directly.
 */
final class RetrySchedule {

    private final List<Duration> waits;
    private final Duration retryAfterCap;

    RetrySchedule(List<Duration> waits, Duration retryAfterCap) {
        this.waits = List.copyOf(waits);
        this.retryAfterCap = retryAfterCap;
    }

    static RetrySchedule of(InsForgeClientConfig.RetrySettings settings) {
        return new RetrySchedule(settings.waits(), settings.retryAfterCap());
    }

    int maxAttempts() {
        return waits.size() + 1;
    }

    /**
     * The wait after attempt {@code failedAttempt} (1-based) failed, or empty to stop: when no retries
     * are left, or when {@code retryAfter} exceeds the cap. A {@code Retry-After} longer than the
     * scheduled wait stretches it; a shorter one changes nothing.
     */
    Optional<Duration> waitAfter(int failedAttempt, Optional<Duration> retryAfter) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts are 1-based");
        }
        if (retryAfter.isPresent() && retryAfter.get().compareTo(retryAfterCap) > 0) {
            return Optional.empty();
        }
        if (failedAttempt > waits.size()) {
            return Optional.empty();
        }
        Duration scheduled = waits.get(failedAttempt - 1);
        return Optional.of(retryAfter.filter(ra -> ra.compareTo(scheduled) > 0).orElse(scheduled));
    }

    /** True if a {@code Retry-After} this long ends the retries at once. */
    boolean beyondCap(Optional<Duration> retryAfter) {
        return retryAfter.isPresent() && retryAfter.get().compareTo(retryAfterCap) > 0;
    }

    /**
     * Parses a {@code Retry-After} header: delta-seconds or an HTTP-date (relative to {@code now}).
     * Unparseable or absent gives empty; a date in the past gives zero.
     */
    static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(h)));
            } catch (NumberFormatException e) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> parseRetryAfter(String header, Clock clock) {
        return parseRetryAfter(header, clock.instant());
    }
}
