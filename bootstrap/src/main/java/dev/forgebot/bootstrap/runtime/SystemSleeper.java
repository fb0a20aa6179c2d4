package dev.forgebot.bootstrap.runtime;

import dev.forgebot.application.port.out.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * The real {@link Sleeper}: {@link Thread#sleep(Duration)}.
 *
 * <p>Thread-safe (stateless). A zero or negative duration returns at once. Interruptible: an
 * interrupt before or during the wait ends it with {@link InterruptedException} and clears the
 * thread's interrupt status, as {@code Thread.sleep} does.
 */
public final class SystemSleeper implements Sleeper {

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Objects.requireNonNull(duration, "duration");
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sleeping");
        }
        if (duration.isPositive()) {
            Thread.sleep(duration);
        }
    }
}
