package dev.forgebot.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real sleeper's edges; no test here waits. */
class SystemSleeperTest {

    private final SystemSleeper sleeper = new SystemSleeper();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptedThreadDoesNotWaitAndLosesItsInterruptStatus() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> sleeper.sleep(Duration.ofHours(1))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void zeroAndNegativeDurationsReturnAtOnce() throws InterruptedException {
        sleeper.sleep(Duration.ZERO);
        sleeper.sleep(Duration.ofSeconds(-5));
    }

    @Test
    void aDurationIsRequired() {
        assertThatThrownBy(() -> sleeper.sleep(null)).isInstanceOf(NullPointerException.class);
    }
}
