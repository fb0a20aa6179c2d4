package dev.forgebot.bootstrap.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ForgebotMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ForgebotMetrics metrics = new ForgebotMetrics(registry);

    @Test
    void countersAppearUnderTheirPrometheusNames() {
        metrics.updateHandled("handled");
        metrics.updateHandled("handled");
        metrics.updateHandled("dead_lettered");
        metrics.replySent();
        metrics.retry("503");

        String text = registry.scrape();

        assertThat(text).contains(
                "forgebot_updates_handled_total{state=\"handled\"} 2.0",
                "forgebot_updates_handled_total{state=\"dead_lettered\"} 1.0",
                "forgebot_replies_sent_total 1.0",
                "forgebot_retries_total{status=\"503\"} 1.0");
    }

    @Test
    void gaugesReadTheBoundSourcesAtEveryScrape() {
        var running = new AtomicInteger(2);
        var depth = new AtomicInteger(7);
        Map<String, Integer> tasks = Map.of("launched", 10, "failed", 1);
        metrics.bindBackgroundTasks(state -> state.equals("running") ? running.get() : tasks.get(state))
                .bindLoopRestarts(List.of("poller", "follow-ups"), loop -> loop.equals("poller") ? 3 : 0)
                .bindInboxDepth(depth::get);

        running.set(4);
        depth.set(9);
        String text = registry.scrape();

        assertThat(text).contains(
                "forgebot_background_tasks{state=\"launched\"} 10.0",
                "forgebot_background_tasks{state=\"running\"} 4.0",
                "forgebot_background_tasks{state=\"failed\"} 1.0",
                "forgebot_loop_restarts{loop=\"poller\"} 3.0",
                "forgebot_loop_restarts{loop=\"follow-ups\"} 0.0",
                "forgebot_inbox_depth 9.0");
    }

    @Test
    void telegramMetersAppearUnderTheirPrometheusNames() {
        var accepted = new AtomicInteger(5);
        metrics.rateLimited("chat");
        metrics.rateLimited("chat");
        metrics.rateLimited("all");
        metrics.sendTook(java.time.Duration.ofMillis(120));
        metrics.sendTook(java.time.Duration.ofMillis(80));
        metrics.bindWebhookDeliveries(List.of("accepted", "unauthorized"), outcome -> outcome.equals("accepted") ? accepted.get() : 2);

        accepted.set(6);
        String text = registry.scrape();

        assertThat(text).contains(
                "forgebot_telegram_rate_limited_total{scope=\"chat\"} 2.0",
                "forgebot_telegram_rate_limited_total{scope=\"all\"} 1.0",
                "forgebot_send_latency_seconds_count 2",
                "forgebot_send_latency_seconds_sum 0.2",
                "forgebot_send_latency_seconds{quantile=\"0.5\"}",
                "forgebot_webhook_deliveries_total{outcome=\"accepted\"} 6.0",
                "forgebot_webhook_deliveries_total{outcome=\"unauthorized\"} 2.0");
    }
}
