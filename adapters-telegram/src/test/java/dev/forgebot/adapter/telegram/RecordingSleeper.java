package dev.forgebot.adapter.telegram;

import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.out.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that records each wait and moves the clock by it instead of waiting. An action set
 * with {@link #duringNextSleep} runs inside the next wait, before the clock moves: what another sender
 * does while this one waits. Thread-safe.
 */
final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> waits = new ArrayList<>();
    private Runnable duringNextSleep;
    private boolean interruptNext;

    RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Runnable action;
        synchronized (this) {
            waits.add(duration);
            action = duringNextSleep;
            duringNextSleep = null;
            if (interruptNext) {
                interruptNext = false;
                throw new InterruptedException("shutting down");
            }
        }
        if (action != null) {
            action.run();
        }
        clock.advance(duration);
    }

    /** Runs {@code action} while the next sleeper waits. */
    synchronized void duringNextSleep(Runnable action) {
        duringNextSleep = action;
    }

    /** The next wait is interrupted. */
    synchronized void interruptNext() {
        interruptNext = true;
    }

    /** Every wait, in order. */
    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
