package dev.forgebot.adapter.insforge.files;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forgebot.adapter.insforge.http.ApiKey;
import dev.forgebot.adapter.insforge.http.InsForgeClientConfig;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.InsForgeTransientException;
import dev.forgebot.application.port.out.FileStore.StoredFile;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.Statistics.BotStats;
import dev.forgebot.domain.lead.LeadId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** File store, statistics and bucket setup against WireMock on loopback (retry waits scaled to 5 ms). */
class FilesIT {

    static final String KEY = "ik_FILES_s3cr3t_0123456789abcdef";
    static final LeadId LEAD = new LeadId(UUID.fromString("0b8f7a52-1f3c-4a43-9f43-6d3b6f1e2a10"));

    static WireMockServer wm;
    InsForgeHttpClient client;

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
        client = new InsForgeHttpClient(InsForgeClientConfig.defaults(URI.create("http://127.0.0.1:" + wm.port()),
                ApiKey.of(KEY)).withRetry(new InsForgeClientConfig.RetrySettings(Set.of(429, 500, 502, 503),
                List.of(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(5)), Duration.ofSeconds(1))));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void uploadStoresUnderTheLeadAndReturnsTheStoredSize() {
        String path = "/api/storage/buckets/forgebot-files/objects/" + LEAD.value() + "/photo-1.jpg";
        wm.stubFor(put(urlPathEqualTo(path)).willReturn(okJson(
                "{\"bucket\":\"forgebot-files\",\"key\":\"" + LEAD.value() + "/photo-1.jpg\",\"size\":5}")));
        InsForgeFileStore store = new InsForgeFileStore(client, InsForgeBuckets.FILES, 100);

        StoredFile stored = store.upload(LEAD, "photo-1.jpg", "photo.jpg", "image/jpeg",
                "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(stored).isEqualTo(new StoredFile(LEAD, LEAD.value() + "/photo-1.jpg", 5));
        wm.verify(1, putRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void uploadMakesExactlyOneAttemptOn503() {
        wm.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(503)));
        InsForgeFileStore store = new InsForgeFileStore(client, InsForgeBuckets.FILES, 100);

        assertThatThrownBy(() -> store.upload(LEAD, "a.txt", "a.txt", "text/plain", new byte[] {1, 2, 3}))
                .isInstanceOf(InsForgeTransientException.class)
                .hasMessageNotContaining(KEY);
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void fileOverTheLimitNeverReachesTheNetwork() {
        InsForgeFileStore store = new InsForgeFileStore(client, InsForgeBuckets.FILES, 10);

        assertThatThrownBy(() -> store.upload(LEAD, "big.bin", "big.bin", "application/octet-stream", new byte[11]))
                .isInstanceOf(PermanentStorageException.class)
                .hasMessageContaining("exceeds the limit of 10 bytes");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void keyWithDotDotIsRefusedAsPermanentWithoutARequest() {
        InsForgeFileStore store = new InsForgeFileStore(client, InsForgeBuckets.FILES, 10);

        assertThatThrownBy(() -> store.upload(LEAD, "../x", "x", "text/plain", new byte[1]))
                .isInstanceOf(PermanentStorageException.class);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void statisticsCallBotStatsOnceWithTheInstant() {
        wm.stubFor(post(urlPathEqualTo("/api/database/rpc/bot_stats")).willReturn(okJson(
                "{\"leads\":10,\"new_leads\":2,\"qualified_leads\":4,\"inbound_messages\":31,"
                        + "\"open_tickets\":1,\"unanswered\":3,\"drafts\":5}")));

        BotStats stats = new InsForgeStatistics(client).since(Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(stats).isEqualTo(new BotStats(10, 2, 4, 31, 1, 3, 5));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/database/rpc/bot_stats"))
                .withRequestBody(equalToJson("{\"since\":\"2026-11-28T00:00:00Z\"}")));
    }

    @Test
    void statisticsMakeExactlyOneAttemptOn503() {
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> new InsForgeStatistics(client).since(Instant.EPOCH))
                .isInstanceOf(InsForgeTransientException.class);
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void statisticsWithAMissingFigureArePermanent() {
        wm.stubFor(post(anyUrl()).willReturn(okJson("{\"leads\":10}")));

        assertThatThrownBy(() -> new InsForgeStatistics(client).since(Instant.EPOCH))
                .isInstanceOf(PermanentStorageException.class)
                .hasMessageContaining("new_leads");
    }

    @Test
    void missingBucketIsCreatedPrivateAndASecondRunChangesNothing() {
        wm.stubFor(get(urlPathEqualTo("/api/storage/buckets")).inScenario("b").whenScenarioStateIs("Started")
                .willReturn(okJson("[{\"name\":\"other\",\"public\":true}]")));
        wm.stubFor(post(urlPathEqualTo("/api/storage/buckets")).inScenario("b").willSetStateTo("created")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"bucket\":\"forgebot-files\"}")));
        wm.stubFor(get(urlPathEqualTo("/api/storage/buckets")).inScenario("b").whenScenarioStateIs("created")
                .willReturn(okJson("[{\"name\":\"forgebot-files\",\"public\":false}]")));
        InsForgeBuckets buckets = new InsForgeBuckets(client);

        assertThat(buckets.ensureFilesBucket()).isEqualTo(InsForgeBuckets.Outcome.CREATED);
        assertThat(buckets.ensureFilesBucket()).isEqualTo(InsForgeBuckets.Outcome.ALREADY_PRIVATE);

        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/storage/buckets"))
                .withRequestBody(equalToJson("{\"bucketName\":\"forgebot-files\",\"isPublic\":false}")));
        wm.verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void publicBucketIsMadePrivate() {
        wm.stubFor(get(urlPathEqualTo("/api/storage/buckets")).willReturn(okJson(
                "{\"buckets\":[{\"name\":\"forgebot-files\",\"public\":true}]}")));
        wm.stubFor(patch(urlPathEqualTo("/api/storage/buckets/forgebot-files")).willReturn(okJson("{}")));

        assertThat(new InsForgeBuckets(client).ensureFilesBucket()).isEqualTo(InsForgeBuckets.Outcome.MADE_PRIVATE);

        wm.verify(1, patchRequestedFor(urlPathEqualTo("/api/storage/buckets/forgebot-files"))
                .withRequestBody(equalToJson("{\"isPublic\":false}")));
    }

    @Test
    void conflictOnCreateMeansItExistsAndAPublicOneIsThenMadePrivate() {
        wm.stubFor(get(urlPathEqualTo("/api/storage/buckets")).inScenario("c").whenScenarioStateIs("Started")
                .willReturn(okJson("[]")));
        wm.stubFor(post(urlPathEqualTo("/api/storage/buckets")).inScenario("c").willSetStateTo("raced")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"STORAGE_ALREADY_EXISTS\",\"message\":\"exists\",\"statusCode\":409}")));
        wm.stubFor(get(urlPathEqualTo("/api/storage/buckets")).inScenario("c").whenScenarioStateIs("raced")
                .willReturn(okJson("[{\"name\":\"forgebot-files\",\"public\":true}]")));
        wm.stubFor(patch(urlPathEqualTo("/api/storage/buckets/forgebot-files")).willReturn(okJson("{}")));

        assertThat(new InsForgeBuckets(client).ensureFilesBucket()).isEqualTo(InsForgeBuckets.Outcome.MADE_PRIVATE);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/storage/buckets")));
    }

    @Test
    void bucketListingIsRetriedButBucketCreationIsNot() {
        wm.stubFor(get(urlPathEqualTo("/api/storage/buckets")).inScenario("r").whenScenarioStateIs("Started")
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        wm.stubFor(get(urlPathEqualTo("/api/storage/buckets")).inScenario("r").whenScenarioStateIs("up")
                .willReturn(okJson("[]")));
        wm.stubFor(post(urlPathEqualTo("/api/storage/buckets")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> new InsForgeBuckets(client).ensureFilesBucket())
                .isInstanceOf(InsForgeTransientException.class);

        wm.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/storage/buckets")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/storage/buckets")));
    }
}
