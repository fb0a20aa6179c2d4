package dev.forgebot.bootstrap.wiring;

import dev.forgebot.adapter.telegram.PollOutcome;
import dev.forgebot.adapter.telegram.TelegramUpdatePoller;
import dev.forgebot.bootstrap.runtime.LoopOutcome;
import dev.forgebot.bootstrap.runtime.LoopSpec;
import dev.forgebot.bootstrap.runtime.LoopSupervisor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram by long polling: the poller runs as the supervised loop {@value #LOOP}, one pass after the
 * other (each pass is a long poll, so it needs no interval). A fatal outcome (a wrong token, a webhook
 * set, another poller) stops the loop and marks the bot unhealthy. Stopping interrupts the poll, then
 * confirms what was stored with one last {@code getUpdates}.
 */
final class TelegramPolling implements ChannelIntake {

    static final String LOOP = "telegram-poller";

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final TelegramUpdatePoller poller;
    private volatile LoopSupervisor loops;

    TelegramPolling(TelegramUpdatePoller poller) {
        this.poller = Objects.requireNonNull(poller, "poller");
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

    private LoopOutcome pollOnce() throws InterruptedException {
        return switch (poller.pollOnce()) {
            case PollOutcome.Received received -> LoopOutcome.CONTINUE_NOW;
            case PollOutcome.Idle idle -> LoopOutcome.CONTINUE_NOW;
            case PollOutcome.BackedOff backedOff -> LoopOutcome.CONTINUE_NOW;
            case PollOutcome.Fatal fatal -> LoopOutcome.fatal(fatal.reason());
        };
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
    }
}
