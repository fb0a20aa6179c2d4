package dev.forgebot.adapter.insforge.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.of(InsForgeClientConfig.RetrySettings.defaults());

    @Test
    void defaultScheduleWaitsHalfSecondThenOneThenTwoAndStopsAfterFourAttempts() {
        assertThat(schedule.maxAttempts()).isEqualTo(4);
        assertThat(schedule.waitAfter(1, Optional.empty())).contains(Duration.ofMillis(500));
        assertThat(schedule.waitAfter(2, Optional.empty())).contains(Duration.ofSeconds(1));
        assertThat(schedule.waitAfter(3, Optional.empty())).contains(Duration.ofSeconds(2));
        assertThat(schedule.waitAfter(4, Optional.empty())).isEmpty();
    }

    @Test
    void retryAfterShorterThanScheduledWaitChangesNothing() {
        assertThat(schedule.waitAfter(2, Optional.of(Duration.ofMillis(300)))).contains(Duration.ofSeconds(1));
        assertThat(schedule.waitAfter(1, Optional.of(Duration.ZERO))).contains(Duration.ofMillis(500));
    }

    @Test
    void retryAfterLongerThanScheduledWaitStretchesIt() {
        assertThat(schedule.waitAfter(1, Optional.of(Duration.ofSeconds(3)))).contains(Duration.ofSeconds(3));
        assertThat(schedule.waitAfter(3, Optional.of(Duration.ofSeconds(10)))).contains(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterBeyondCapStopsAtOnce() {
        assertThat(schedule.waitAfter(1, Optional.of(Duration.ofSeconds(11)))).isEmpty();
        assertThat(schedule.beyondCap(Optional.of(Duration.ofSeconds(11)))).isTrue();
        assertThat(schedule.beyondCap(Optional.of(Duration.ofSeconds(10)))).isFalse();
        assertThat(schedule.beyondCap(Optional.empty())).isFalse();
    }

    @Test
    void noRetryAfterTheLastAttemptEvenWithShortRetryAfter() {
        assertThat(schedule.waitAfter(4, Optional.of(Duration.ofSeconds(1)))).isEmpty();
    }

    @Test
    void attemptsAreOneBased() {
        assertThatThrownBy(() -> schedule.waitAfter(0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesRetryAfterSecondsAndHttpDate() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        assertThat(RetrySchedule.parseRetryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetrySchedule.parseRetryAfter(" 0 ", now)).contains(Duration.ZERO);
        assertThat(RetrySchedule.parseRetryAfter("Sun, 29 Nov 2026 10:00:04 GMT", now)).contains(Duration.ofSeconds(4));
        assertThat(RetrySchedule.parseRetryAfter("Sun, 29 Nov 2026 09:59:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetrySchedule.parseRetryAfter("99999999999999999999999", now).orElseThrow())
                .isGreaterThan(Duration.ofDays(365));
        assertThat(RetrySchedule.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetrySchedule.parseRetryAfter(null, now)).isEmpty();
        assertThat(RetrySchedule.parseRetryAfter("-5", now)).isEmpty();
    }
}
