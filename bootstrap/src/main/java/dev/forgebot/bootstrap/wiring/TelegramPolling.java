package dev.forgebot.bootstrap.wiring;

import dev.forgebot.adapter.telegram.PollOutcome;
import dev.forgebot.adapter.telegram.TelegramUpdatePoller;
import dev.forgebot.bootstrap.runtime.LoopOutcome;
import dev.forgebot.bootstrap.runtime.LoopSpec;
import dev.forgebot.bootstrap.runtime.LoopSupervisor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram by long polling: the poller runs as the supervised loop {@value #LOOP}, one pass after the
 * other (each pass is a long poll, so it needs no interval). A fatal outcome (a wrong token, a webhook
 * set, another poller) stops the loop and marks the bot unhealthy; polls failing for over
 * {@link #UNHEALTHY_AFTER} (Telegram unreachable, 5xx) make it unready until one succeeds. Stopping
 * interrupts the poll, then confirms what was stored with one last {@code getUpdates}.
 */
final class TelegramPolling implements ChannelIntake {

    static final String LOOP = "telegram-poller";

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    /** Polls failing for longer than this make the bot unready: Telegram's updates are piling up unseen. */
    static final Duration UNHEALTHY_AFTER = Duration.ofMinutes(5);

    private final TelegramUpdatePoller poller;
    private final Clock clock;
    private final Instant startedAt;
    private volatile LoopSupervisor loops;
    private volatile Instant lastSuccess;
    private final AtomicInteger failuresInRow = new AtomicInteger();

    TelegramPolling(TelegramUpdatePoller poller, Clock clock) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    @Override
    public String name() {
        return "telegram-polling";
    }

    @Override
    public void start(LoopSupervisor loops) {
        this.loops = loops;
        loops.start(new LoopSpec(LOOP, this::pollOnce, Duration.ZERO));
    }

    LoopOutcome pollOnce() throws InterruptedException {
        return switch (poller.pollOnce()) {
            case PollOutcome.Received received -> succeeded();
            case PollOutcome.Idle idle -> succeeded();
            case PollOutcome.BackedOff backedOff -> {
                failuresInRow.incrementAndGet();
                yield LoopOutcome.CONTINUE_NOW;
            }
            case PollOutcome.Fatal fatal -> LoopOutcome.fatal(fatal.reason());
        };
    }

    private LoopOutcome succeeded() {
        lastSuccess = clock.instant();
        failuresInRow.set(0);
        return LoopOutcome.CONTINUE_NOW;
    }

    @Override
    public void stop(Duration grace) {
        LoopSupervisor running = loops;
        if (running == null) {
            return;
        }
        if (!running.stopLoop(LOOP, grace)) {
            log.warn("the poller did not stop in time; confirming what was stored anyway grace={}", grace);
        }
        // Logs either way; unconfirmed updates come again at the next start and the inbox recognises them.
        poller.confirmStored();
    }

    @Override
    public void describe(Map<String, String> details, List<String> problems) {
        details.put("telegram.mode", "polling");
        poller.nextOffset().ifPresent(offset -> details.put("telegram.next_offset", Long.toString(offset)));
        Instant success = lastSuccess;
        if (success != null) {
            details.put("telegram.last_poll_at", success.toString());
        }
        int failures = failuresInRow.get();
        if (failures > 0) {
            details.put("telegram.failed_polls_in_row", Integer.toString(failures));
            Duration without = Duration.between(success == null ? startedAt : success, clock.instant());
            if (without.compareTo(UNHEALTHY_AFTER) > 0) {
                problems.add("telegram: no successful poll for " + without.toMinutes() + " min (" + failures
                        + " failed in a row; the log says why)");
            }
        }
    }
}
