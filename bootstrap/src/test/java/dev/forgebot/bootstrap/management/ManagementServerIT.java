package dev.forgebot.bootstrap.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.bootstrap.config.ForgebotConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP on a loopback port chosen by the OS. */
class ManagementServerIT {

    private static final HealthSnapshot HEALTHY =
            new HealthSnapshot(true, true, Map.of("poller", "RUNNING", "dispatcher", "RUNNING"), List.of());

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<HealthSnapshot> health = new AtomicReference<>(HEALTHY);
    private ManagementServer server;

    @BeforeEach
    void start() {
        server = new ManagementServer(ForgebotConfig.defaults().managementHost(), 0, executor, health::get, registry);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        executor.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsToTheLoopbackAddressByDefault() throws Exception {
        assertThat(server.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(server.port()).isPositive();
    }

    @Test
    void healthzIs200WithTheSnapshotWhenLiveAndReady() throws Exception {
        HttpResponse<String> response = send("GET", "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.body().strip()).isEqualTo(
                "{\"status\":\"UP\",\"live\":true,\"ready\":true,"
                        + "\"loops\":{\"dispatcher\":\"RUNNING\",\"poller\":\"RUNNING\"},\"problems\":[]}");
    }

    @Test
    void healthzIs503WithTheProblemsWhenNotReady() throws Exception {
        health.set(new HealthSnapshot(true, false, Map.of("poller", "BACKING_OFF"), List.of("storage unreachable")));

        HttpResponse<String> response = send("GET", "/healthz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body().strip()).isEqualTo(
                "{\"status\":\"DOWN\",\"live\":true,\"ready\":false,"
                        + "\"loops\":{\"poller\":\"BACKING_OFF\"},\"problems\":[\"storage unreachable\"]}");
    }

    @Test
    void healthzIs503WhenNotLive() throws Exception {
        health.set(new HealthSnapshot(false, true, Map.of("poller", "FATAL"), List.of("bot token rejected (401)")));

        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void healthzIs503WhenTheHealthCheckItselfFails() throws Exception {
        server.close();
        server = new ManagementServer("127.0.0.1", 0, executor, () -> {
            throw new IllegalStateException("boom");
        }, registry);
        server.start();

        HttpResponse<String> response = send("GET", "/healthz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("health check failed: IllegalStateException");
    }

    @Test
    void metricsServesThePrometheusText() throws Exception {
        var metrics = new ForgebotMetrics(registry).bindInboxDepth(() -> 5);
        metrics.updateHandled("handled");
        metrics.replySent();
        metrics.retry("429");

        HttpResponse<String> response = send("GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains(
                "forgebot_updates_handled_total{state=\"handled\"} 1.0",
                "forgebot_replies_sent_total 1.0",
                "forgebot_retries_total{status=\"429\"} 1.0",
                "forgebot_inbox_depth 5.0");
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<String> response = send("HEAD", "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void otherPathsAre404() throws Exception {
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/healthz/extra").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/admin").statusCode()).isEqualTo(404);
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<String> post = send("POST", "/healthz");
        HttpResponse<String> delete = send("DELETE", "/metrics");

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void aTakenPortFailsToStart() {
        var second = new ManagementServer("127.0.0.1", server.port(), executor, health::get, registry);

        assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot bind the management server to 127.0.0.1:" + server.port());
        second.close();
    }

    @Test
    void closeStopsServingAndIsIdempotent() {
        int port = server.port();

        server.close();
        server.close();

        assertThatThrownBy(() -> client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
}
