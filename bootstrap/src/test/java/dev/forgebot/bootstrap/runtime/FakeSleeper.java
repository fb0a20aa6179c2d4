package dev.forgebot.bootstrap.runtime;

import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.out.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that does not wait: it records each requested wait and moves the clock on by it,
 * so time passes only in the test's books. After a set number of waits it throws
 * {@link InterruptedException}, as a stopped loop's real sleep would, which ends the loop under test.
 * Not thread-safe: for loops run on the test's thread.
 */
final class FakeSleeper implements Sleeper {

    private final MutableClock clock;
    private final int interruptOnWait;
    private final List<Duration> waits = new ArrayList<>();

    /**
     * @param clock moved on by every wait
     * @param interruptOnWait the wait (1-based) that is recorded and then interrupted
     */
    FakeSleeper(MutableClock clock, int interruptOnWait) {
        this.clock = clock;
        this.interruptOnWait = interruptOnWait;
    }

    /** A sleeper that is never interrupted. */
    static FakeSleeper neverInterrupted(MutableClock clock) {
        return new FakeSleeper(clock, Integer.MAX_VALUE);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        waits.add(duration);
        if (waits.size() == interruptOnWait) {
            throw new InterruptedException("fake stop on wait " + interruptOnWait);
        }
        clock.advance(duration);
    }

    /** The waits requested so far, in order. */
    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
