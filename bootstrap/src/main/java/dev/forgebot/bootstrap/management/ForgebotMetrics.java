package dev.forgebot.bootstrap.management;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * forgebot's meters (design.md), named so Prometheus shows {@code forgebot_updates_handled_total{state}},
 * {@code forgebot_replies_sent_total}, {@code forgebot_retries_total{status}},
 * {@code forgebot_background_tasks{state}}, {@code forgebot_loop_restarts{loop}},
 * {@code forgebot_inbox_depth}, {@code forgebot_telegram_rate_limited_total{scope}},
 * {@code forgebot_send_latency_seconds} and {@code forgebot_webhook_deliveries_total{outcome}}. Counters are incremented through this class; gauges read the values the
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
    static final String RATE_LIMITED = "forgebot.telegram.rate.limited";
    static final String SEND_LATENCY = "forgebot.send.latency";
    static final String WEBHOOK_DELIVERIES = "forgebot.webhook.deliveries";

    private final MeterRegistry registry;
    private final Counter repliesSent;
    private final ConcurrentMap<String, Counter> updatesHandled = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> retries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> rateLimited = new ConcurrentHashMap<>();
    private final Timer sendLatency;

    /** Registers the counters on {@code registry}; bind the gauges with the {@code bind…} methods. */
    public ForgebotMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.repliesSent = Counter.builder(REPLIES_SENT)
                .description("Replies sent to customers")
                .register(registry);
        this.sendLatency = Timer.builder(SEND_LATENCY)
                .description("Time a send to the channel took, flood-limit waits and resends included")
                .publishPercentiles(0.5, 0.99)
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

    /** Telegram answered a send with 429, which paused {@code scope} ({@code chat}, {@code group} or {@code all}). */
    public void rateLimited(String scope) {
        rateLimited.computeIfAbsent(Objects.requireNonNull(scope, "scope"), s -> Counter.builder(RATE_LIMITED)
                .description("429 answers from Telegram, by the scope they paused")
                .tag("scope", s)
                .register(registry)).increment();
    }

    /** One send to the channel took {@code duration}, whatever its outcome. */
    public void sendTook(Duration duration) {
        sendLatency.record(Objects.requireNonNull(duration, "duration"));
    }

    /**
     * Binds {@code forgebot_webhook_deliveries_total{outcome}}: webhook deliveries since start by outcome.
     *
     * @param outcomes        the outcomes (accepted, duplicate, unauthorized, ...)
     * @param countOfOutcome  given an outcome, how many deliveries had it since start
     */
    public ForgebotMetrics bindWebhookDeliveries(List<String> outcomes, ToDoubleFunction<String> countOfOutcome) {
        Objects.requireNonNull(countOfOutcome, "countOfOutcome");
        for (String outcome : List.copyOf(outcomes)) {
            FunctionCounter.builder(WEBHOOK_DELIVERIES, outcome, countOfOutcome)
                    .description("Webhook deliveries since start, by outcome")
                    .tag("outcome", outcome)
                    .register(registry);
        }
        return this;
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
