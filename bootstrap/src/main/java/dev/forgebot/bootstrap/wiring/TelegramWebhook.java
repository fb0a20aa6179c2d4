package dev.forgebot.bootstrap.wiring;

import dev.forgebot.adapter.telegram.RegistrationOutcome;
import dev.forgebot.adapter.telegram.TelegramWebhookRegistrar;
import dev.forgebot.adapter.telegram.TelegramWebhookServer;
import dev.forgebot.adapter.telegram.WebhookCounters;
import dev.forgebot.adapter.telegram.WebhookStatus;
import dev.forgebot.adapter.telegram.api.WebhookRegistration;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import dev.forgebot.bootstrap.runtime.LoopOutcome;
import dev.forgebot.bootstrap.runtime.LoopSpec;
import dev.forgebot.bootstrap.runtime.LoopSupervisor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram by webhook: at start the webhook is registered only if {@code getWebhookInfo} differs from
 * what is wanted (several instances starting together make one {@code setWebhook} at most each, usually
 * none), then the endpoint listens. A loop, {@value #MONITOR}, reads the webhook's state every minute for
 * health (pending updates, Telegram's last delivery error). Stopping closes the endpoint: Telegram keeps
 * what it could not deliver and delivers it to another instance or after the restart.
 */
final class TelegramWebhook implements ChannelIntake {

    static final String MONITOR = "telegram-webhook-monitor";
    static final Duration MONITOR_INTERVAL = Duration.ofMinutes(1);

    /** The delivery outcomes counted in {@code forgebot_webhook_deliveries_total{outcome}}. */
    private static final Map<String, ToLongFunction<WebhookCounters>> OUTCOMES = Map.of(
            "accepted", WebhookCounters::accepted,
            "duplicate", WebhookCounters::duplicates,
            "unauthorized", WebhookCounters::unauthorized,
            "too_large", WebhookCounters::tooLarge,
            "malformed", WebhookCounters::malformed,
            "store_failed", WebhookCounters::storeFailed,
            "failed", WebhookCounters::failed);

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    private final TelegramWebhookServer server;
    private final TelegramWebhookRegistrar registrar;
    private final WebhookRegistration registration;
    private final AtomicReference<WebhookStatus> lastStatus = new AtomicReference<>();
    private volatile String statusProblem;

    TelegramWebhook(TelegramWebhookServer server, TelegramWebhookRegistrar registrar, WebhookRegistration registration) {
        this.server = Objects.requireNonNull(server, "server");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.registration = Objects.requireNonNull(registration, "registration");
    }

    @Override
    public String name() {
        return "telegram-webhook";
    }

    @Override
    public void start(LoopSupervisor loops) {
        // Listen first: Telegram may deliver as soon as the webhook is set.
        server.start();
        log.info("telegram webhook listening address={}", server.address());
        try {
            RegistrationOutcome outcome = registrar.ensureRegistered(registration);
            switch (outcome) {
                case RegistrationOutcome.Unchanged unchanged -> log.info("telegram webhook already registered");
                case RegistrationOutcome.Registered registered ->
                        log.info("telegram webhook registered differences={}", registered.differences());
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        loops.start(new LoopSpec(MONITOR, this::refreshStatus, MONITOR_INTERVAL));
    }

    LoopOutcome refreshStatus() {
        try {
            lastStatus.set(registrar.status());
            statusProblem = null;
        } catch (RuntimeException e) {
            statusProblem = e.getMessage();
            log.warn("could not read the webhook's state error={}", e.getMessage());
        }
        return LoopOutcome.CONTINUE;
    }

    @Override
    public void stop(Duration grace) {
        server.close();
    }

    @Override
    public void describe(Map<String, String> details, List<String> problems) {
        details.put("telegram.mode", "webhook");
        WebhookCounters counters = server.snapshot();
        details.put("webhook.accepted", Long.toString(counters.accepted()));
        details.put("webhook.rejected", Long.toString(counters.rejected()));
        WebhookStatus status = lastStatus.get();
        if (status != null) {
            details.put("webhook.pending_updates", Integer.toString(status.pendingUpdateCount()));
            status.lastErrorAt().ifPresent(at -> details.put("webhook.last_error_at", at.toString()));
            status.lastErrorMessage().ifPresent(message -> details.put("webhook.last_error", message));
            if (!status.isSet()) {
                problems.add("telegram webhook: not set at Telegram (deleted by someone?); restart to register it");
            }
        }
        if (statusProblem != null) {
            details.put("webhook.state_error", statusProblem);
        }
    }

    @Override
    public void bindMetrics(ForgebotMetrics metrics) {
        metrics.bindWebhookDeliveries(List.copyOf(OUTCOMES.keySet()),
                outcome -> OUTCOMES.get(outcome).applyAsLong(server.snapshot()));
    }
}
