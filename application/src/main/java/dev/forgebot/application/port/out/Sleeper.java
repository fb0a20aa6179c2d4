package dev.forgebot.application.port.out;

import java.time.Duration;

/**
 * The only way application code waits, so that tests can wait without time passing. Thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting (shutdown)
     */
    void sleep(Duration duration) throws InterruptedException;
}
