package dev.forgebot.bootstrap.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAHealthySnapshotWithLoopsSortedByName() {
        var health = new HealthSnapshot(true, true, Map.of("poller", "RUNNING", "dispatcher", "RUNNING"), List.of());

        assertThat(Json.health(health)).isEqualTo(
                "{\"status\":\"UP\",\"live\":true,\"ready\":true,"
                        + "\"loops\":{\"dispatcher\":\"RUNNING\",\"poller\":\"RUNNING\"},\"problems\":[]}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        var health = new HealthSnapshot(false, false, Map.of("a\"b", "x\\y"), List.of("line1\nline2\t\u0001\u2028é"));

        assertThat(Json.health(health)).isEqualTo(
                "{\"status\":\"DOWN\",\"live\":false,\"ready\":false,"
                        + "\"loops\":{\"a\\\"b\":\"x\\\\y\"},\"problems\":[\"line1\\nline2\\t\\u0001\\u2028é\"]}");
    }

    @Test
    void writesTheChannelsStateSortedByKeyWhenThereIsOne() {
        var health = new HealthSnapshot(true, true, Map.of("telegram-webhook-monitor", "RUNNING"), List.of(),
                Map.of("webhook.pending_updates", "3", "telegram.mode", "webhook",
                        "webhook.last_error", "Wrong response from the webhook: 503 Service Unavailable"));

        assertThat(Json.health(health)).isEqualTo(
                "{\"status\":\"UP\",\"live\":true,\"ready\":true,"
                        + "\"loops\":{\"telegram-webhook-monitor\":\"RUNNING\"},\"problems\":[],"
                        + "\"channel\":{\"telegram.mode\":\"webhook\","
                        + "\"webhook.last_error\":\"Wrong response from the webhook: 503 Service Unavailable\","
                        + "\"webhook.pending_updates\":\"3\"}}");
    }
}
