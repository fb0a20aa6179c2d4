package dev.forgebot.adapter.insforge.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.retry.event.RetryOnRetryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The retry contract against WireMock on loopback, with the waits scaled down to 5/10/20 ms. */
class RetryContractIT {

    static final List<Duration> SCALED = List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20));
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final String PATH = "/api/database/records/leads";

    static WireMockServer wm;
    InsForgeHttpClient client;
    final List<RetryOnRetryEvent> retries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void setUp() {
        wm.resetAll();
        client = newClient(URI.create("http://127.0.0.1:" + wm.port()), Duration.ofSeconds(10));
    }

    InsForgeHttpClient newClient(URI base, Duration cap) {
        return newClient(base, cap, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    InsForgeHttpClient newClient(URI base, Duration cap, Clock clock) {
        InsForgeClientConfig config = InsForgeClientConfig.defaults(base, ApiKey.of("ik_test"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                .withRetry(new InsForgeClientConfig.RetrySettings(Set.of(429, 500, 502, 503), SCALED, cap));
        InsForgeHttpClient c = new InsForgeHttpClient(config, clock);
        c.retry().getEventPublisher().onRetry(retries::add);
        return c;
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** Fails {@code failures} times with {@code failure}, then answers a one-row array. */
    static void failThenSucceed(int failures, ResponseDefinitionBuilder failure) {
        for (int i = 0; i < failures; i++) {
            wm.stubFor(any(urlPathEqualTo(PATH)).inScenario("s")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
                    .willReturn(failure).willSetStateTo("s" + (i + 1)));
        }
        wm.stubFor(any(urlPathEqualTo(PATH)).inScenario("s")
                .whenScenarioStateIs(failures == 0 ? Scenario.STARTED : "s" + failures)
                .willReturn(okJson("[{\"id\":1}]")));
    }

    static Stream<Arguments> retryableStatusAndSuccessfulAttempt() {
        return Stream.of(429, 500, 502, 503).flatMap(s -> IntStream.of(2, 3, 4).mapToObj(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "status {0} then success on attempt {1}")
    @MethodSource("retryableStatusAndSuccessfulAttempt")
    void retriesRetryableStatusThenSucceeds(int status, int successfulAttempt) {
        failThenSucceed(successfulAttempt - 1, aResponse().withStatus(status).withBody("{\"error\":\"X\",\"message\":\"m\"}"));

        List<JsonNode> rows = client.select(RecordsQuery.from("leads"));

        assertThat(rows).hasSize(1);
        wm.verify(successfulAttempt, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(retries).extracting(RetryOnRetryEvent::getWaitInterval)
                .containsExactlyElementsOf(SCALED.subList(0, successfulAttempt - 1));
    }

    @ParameterizedTest(name = "status {0} four times")
    @ValueSource(ints = {429, 500, 502, 503})
    void givesUpAfterExactlyFourAttemptsWithTransientFailure(int status) {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withBody("{\"code\":\"PGRST001\",\"details\":null,\"hint\":null,\"message\":\"db down\"}")));

        InsForgeTransientException e = catchThrowableOfType(InsForgeTransientException.class,
                () -> client.select(RecordsQuery.from("leads")));

        assertThat(e.status()).hasValue(status);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.operation()).isEqualTo("records.select");
        assertThat(e.error()).get().extracting(InsForgeError::code).isEqualTo("PGRST001");
        wm.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(retries).extracting(RetryOnRetryEvent::getWaitInterval).containsExactlyElementsOf(SCALED);
    }

    @ParameterizedTest(name = "status {0} is permanent")
    @ValueSource(ints = {400, 401, 403, 404, 406, 409, 504, 413, 422})
    void failsAtOnceWithoutRetryOnOtherStatuses(int status) {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withBody("{\"error\":\"SOME_CODE\",\"message\":\"nope\",\"statusCode\":" + status + "}")));

        InsForgePermanentException e = catchThrowableOfType(InsForgePermanentException.class,
                () -> client.select(RecordsQuery.from("leads")));

        assertThat(e.status()).hasValue(status);
        assertThat(e.error()).get().satisfies(err -> {
            assertThat(err.shape()).isEqualTo(InsForgeError.Shape.INSFORGE);
            assertThat(err.code()).isEqualTo("SOME_CODE");
            assertThat(err.message()).isEqualTo("nope");
        });
        assertThat(e).hasMessageContaining("status=" + status).hasMessageContaining("SOME_CODE");
        wm.verify(1, anyRequestedFor(anyUrl()));
        assertThat(retries).isEmpty();
    }

    @Test
    void permanentFailureCarriesPostgrestShapeAndNonJsonBody() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(409)
                .withBody("{\"code\":\"23505\",\"details\":\"Key (x)=(secret) exists\",\"hint\":null,\"message\":\"duplicate key\"}")));
        InsForgePermanentException pg = catchThrowableOfType(InsForgePermanentException.class,
                () -> client.select(RecordsQuery.from("leads")));
        assertThat(pg.error().orElseThrow().shape()).isEqualTo(InsForgeError.Shape.POSTGREST);
        assertThat(pg.error().orElseThrow().details()).contains("secret");
        assertThat(pg).hasMessageContaining("23505").hasMessageNotContaining("secret");

        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/html")
                .withBody("<html><h1>Bad Request</h1></html>")));
        InsForgePermanentException html = catchThrowableOfType(InsForgePermanentException.class,
                () -> client.select(RecordsQuery.from("leads")));
        assertThat(html.error().orElseThrow().shape()).isEqualTo(InsForgeError.Shape.NON_JSON);
        assertThat(html.error().orElseThrow().rawText()).contains("Bad Request");
    }

    @Test
    void plainTextRateLimitIsRetriedAndKeptAsNonJson() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withBody("Too many requests from this IP")));
        InsForgeTransientException e = catchThrowableOfType(InsForgeTransientException.class,
                () -> client.select(RecordsQuery.from("leads")));
        assertThat(e.error().orElseThrow().shape()).isEqualTo(InsForgeError.Shape.NON_JSON);
        wm.verify(4, anyRequestedFor(anyUrl()));
    }

    @Test
    void retryAfterLongerThanScheduledWaitStretchesIt() {
        // HTTP-date one whole second after a clock set 40 ms before it: a 40 ms Retry-After, no seconds slept
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW, ZoneOffset.UTC));
        failThenSucceed(1, aResponse().withStatus(503).withHeader("Retry-After", date));
        client.close();
        client = newClient(URI.create("http://127.0.0.1:" + wm.port()), Duration.ofSeconds(10),
                Clock.fixed(NOW.minusMillis(40), ZoneOffset.UTC));
        long start = System.nanoTime();

        client.select(RecordsQuery.from("leads"));

        assertThat(retries).extracting(RetryOnRetryEvent::getWaitInterval).containsExactly(Duration.ofMillis(40));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        wm.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void retryAfterShorterThanScheduledWaitKeepsTheSchedule() {
        failThenSucceed(2, aResponse().withStatus(429).withHeader("Retry-After", "0"));

        client.select(RecordsQuery.from("leads"));

        assertThat(retries).extracting(RetryOnRetryEvent::getWaitInterval).containsExactlyElementsOf(SCALED.subList(0, 2));
    }

    @Test
    void retryAfterBeyondCapEndsRetriesAtOnce() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "11")));

        InsForgeTransientException e = catchThrowableOfType(InsForgeTransientException.class,
                () -> client.select(RecordsQuery.from("leads")));

        assertThat(e.status()).hasValue(503);
        assertThat(e.attempts()).isEqualTo(1);
        wm.verify(1, anyRequestedFor(anyUrl()));
        assertThat(retries).isEmpty();
    }

    @Test
    void connectionResetIsRetriedThenSucceeds() {
        failThenSucceed(2, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(client.select(RecordsQuery.from("leads"))).hasSize(1);

        wm.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void connectionResetEveryTimeEndsTransientAfterFourAttempts() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        InsForgeTransientException e = catchThrowableOfType(InsForgeTransientException.class,
                () -> client.insertIgnoringDuplicates("leads", List.of(Map.of("ext", "a")), "ext"));

        assertThat(e.status()).isEmpty();
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.getCause()).isExactlyInstanceOf(java.io.IOException.class);
        wm.verify(4, anyRequestedFor(anyUrl()));
    }

    @Test
    void readTimeoutIsRetried() {
        failThenSucceed(1, okJson("[]").withFixedDelay(1500));

        assertThat(client.select(RecordsQuery.from("leads"))).hasSize(1);

        wm.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void connectionRefusedIsRetriedThenTransient() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (InsForgeHttpClient refused = newClient(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(10))) {
            InsForgeTransientException e = catchThrowableOfType(InsForgeTransientException.class,
                    () -> refused.select(RecordsQuery.from("leads")));

            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e).hasMessageContaining("connect-failed");
            assertThat(e.getCause()).isExactlyInstanceOf(java.io.IOException.class);
        }
        assertThat(retries).hasSize(3);
    }

    @Test
    void rpcIsNeverRetried() {
        wm.stubFor(post(urlPathEqualTo("/api/database/rpc/lead_stats")).willReturn(aResponse().withStatus(503)));

        InsForgeTransientException e = catchThrowableOfType(InsForgeTransientException.class,
                () -> client.rpc("lead_stats", Map.of("days", 7)));

        assertThat(e.attempts()).isEqualTo(1);
        wm.verify(1, anyRequestedFor(anyUrl()));
        assertThat(retries).isEmpty();
    }

    @Test
    void uploadIsNeverRetriedAndSendsOneFilePart() {
        wm.stubFor(put(urlPathEqualTo("/api/storage/buckets/files/objects/a/b%20c.txt")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.upload("files", "a/b c.txt", "hi".getBytes(), "text/plain", "b c.txt"))
                .isInstanceOf(InsForgeTransientException.class);

        wm.verify(1, anyRequestedFor(anyUrl()));
        var req = wm.getAllServeEvents().get(0).getRequest();
        assertThat(req.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(req.getParts()).extracting(p -> p.getName()).containsExactly("file");
        assertThat(retries).isEmpty();
    }

    @Test
    void uploadAndRpcSucceed() {
        wm.stubFor(put(urlPathEqualTo("/api/storage/buckets/files/objects/k.txt"))
                .willReturn(okJson("{\"bucket\":\"files\",\"key\":\"k.txt\",\"size\":2}")));
        wm.stubFor(post(urlPathEqualTo("/api/database/rpc/f")).willReturn(okJson("42")));

        assertThat(client.upload("files", "k.txt", "hi".getBytes(), "text/plain", "k.txt").path("size").asInt()).isEqualTo(2);
        assertThat(client.rpc("f", Map.of()).asInt()).isEqualTo(42);
    }

    @Test
    void healthReturnsTheServerVersion() {
        wm.stubFor(get("/api/health").willReturn(okJson(
                "{\"status\":\"ok\",\"version\":\"2.3.1\",\"service\":\"insforge\",\"timestamp\":\"t\"}")));

        assertThat(client.checkHealth()).isEqualTo("2.3.1");
    }
}
