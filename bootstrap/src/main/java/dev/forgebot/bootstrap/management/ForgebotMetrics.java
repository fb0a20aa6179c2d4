package dev.forgebot.bootstrap.management;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * forgebot's meters (design.md), named so Prometheus shows {@code forgebot_updates_handled_total{state}},
 * {@code forgebot_replies_sent_total}, {@code forgebot_retries_total{status}},
 * {@code forgebot_background_tasks{state}}, {@code forgebot_loop_restarts{loop}} and
 * {@code forgebot_inbox_depth}. Counters are incremented through this class; gauges read the values the
 * composition root binds (executor, supervisor, inbox) at every scrape, and hold them strongly so a
 * lambda is not collected. Thread-safe.
 */
public final class ForgebotMetrics {

    /** The states {@code BackgroundTasks} counts (design.md, "Reliability contract"). */
    public static final List<String> BACKGROUND_TASK_STATES = List.of("launched", "running", "failed");

    static final String UPDATES_HANDLED = "forgebot.updates.handled";
    static final String REPLIES_SENT = "forgebot.replies.sent";
    static final String RETRIES = "forgebot.retries";
    static final String BACKGROUND_TASKS = "forgebot.background.tasks";
    static final String LOOP_RESTARTS = "forgebot.loop.restarts";
    static final String INBOX_DEPTH = "forgebot.inbox.depth";

    private final MeterRegistry registry;
    private final Counter repliesSent;
    private final ConcurrentMap<String, Counter> updatesHandled = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> retries = new ConcurrentHashMap<>();

    /** Registers the counters on {@code registry}; bind the gauges with the {@code bind…} methods. */
    public ForgebotMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.repliesSent = Counter.builder(REPLIES_SENT)
                .description("Replies sent to customers")
                .register(registry);
    }

    /** One inbox entry finished in {@code state} (such as {@code handled} or {@code dead_lettered}). */
    public void updateHandled(String state) {
        updatesHandled.computeIfAbsent(Objects.requireNonNull(state, "state"), s -> Counter.builder(UPDATES_HANDLED)
                .description("Inbox entries the pipeline finished, by final state")
                .tag("state", s)
                .register(registry)).increment();
    }

    /** One reply went out to a customer. */
    public void replySent() {
        repliesSent.increment();
    }

    /** One retried remote call, by what caused it: an HTTP status such as {@code 503}, or {@code connect}, {@code timeout}. */
    public void retry(String status) {
        retries.computeIfAbsent(Objects.requireNonNull(status, "status"), s -> Counter.builder(RETRIES)
                .description("Retried remote calls, by the status or failure that caused the retry")
                .tag("status", s)
                .register(registry)).increment();
    }

    /**
     * Binds {@code forgebot_background_tasks{state}} for each of {@link #BACKGROUND_TASK_STATES}.
     *
     * @param countByState given a state, the number of background tasks in it (launched and failed since start, running now)
     */
    public ForgebotMetrics bindBackgroundTasks(ToDoubleFunction<String> countByState) {
        Objects.requireNonNull(countByState, "countByState");
        for (String state : BACKGROUND_TASK_STATES) {
            Gauge.builder(BACKGROUND_TASKS, state, countByState)
                    .description("Background tasks by state: launched and failed since start, running now")
                    .tag("state", state)
                    .strongReference(true)
                    .register(registry);
        }
        return this;
    }

    /**
     * Binds {@code forgebot_loop_restarts{loop}} for each named loop.
     *
     * @param loops          the supervised loops' names (poller, dispatcher, follow-ups, scenarios, ...)
     * @param restartsOfLoop given a loop name, how often the supervisor restarted it since start
     */
    public ForgebotMetrics bindLoopRestarts(List<String> loops, ToDoubleFunction<String> restartsOfLoop) {
        Objects.requireNonNull(restartsOfLoop, "restartsOfLoop");
        for (String loop : List.copyOf(loops)) {
            Gauge.builder(LOOP_RESTARTS, loop, restartsOfLoop)
                    .description("Times the supervisor restarted a crashed loop since start")
                    .tag("loop", loop)
                    .strongReference(true)
                    .register(registry);
        }
        return this;
    }

    /**
     * Binds {@code forgebot_inbox_depth}.
     *
     * @param pendingEntries the number of inbox entries waiting for the pipeline
     */
    public ForgebotMetrics bindInboxDepth(DoubleSupplier pendingEntries) {
        Objects.requireNonNull(pendingEntries, "pendingEntries");
        Gauge.builder(INBOX_DEPTH, pendingEntries, DoubleSupplier::getAsDouble)
                .description("Inbox entries waiting for the pipeline")
                .strongReference(true)
                .register(registry);
        return this;
    }
}
