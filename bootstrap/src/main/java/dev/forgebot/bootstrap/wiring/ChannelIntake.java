package dev.forgebot.bootstrap.wiring;

import dev.forgebot.bootstrap.management.ForgebotMetrics;
import dev.forgebot.bootstrap.runtime.LoopSupervisor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How updates come in from a channel that runs beside the bot (Telegram's long polling or webhook), as
 * {@link RunningBot} drives it: started once the bot's own loops run, stopped first when the bot stops,
 * so nothing new arrives while the inbox drains. The terminal is not one: it runs on the main thread.
 */
interface ChannelIntake {

    /** What to call it in logs and health, such as {@code telegram-polling}. */
    String name();

    /**
     * Starts taking updates.
     *
     * @param loops where to run loops (a poller, a monitor)
     * @throws RuntimeException if it cannot start (the bot then stops and says why)
     */
    void start(LoopSupervisor loops);

    /**
     * Stops taking updates and confirms to the source what was stored; returns within about {@code grace}.
     */
    void stop(Duration grace);

    /** Adds the channel's state to health: details, and problems that make the bot unhealthy. Quick, never blocks. */
    void describe(Map<String, String> details, List<String> problems);

    /** Registers the channel's meters. */
    default void bindMetrics(ForgebotMetrics metrics) {
    }
}
