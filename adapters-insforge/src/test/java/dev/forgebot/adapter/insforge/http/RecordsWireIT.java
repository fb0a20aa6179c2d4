package dev.forgebot.adapter.insforge.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What reaches the server: exact URLs for hostile values, write headers and bodies, and no key leaks. */
class RecordsWireIT {

    static final String KEY = "ik_ZZsecretZZ_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
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
        wm.stubFor(any(anyUrl()).willReturn(okJson("[]")));
        InsForgeClientConfig config = InsForgeClientConfig.defaults(URI.create("http://127.0.0.1:" + wm.port()), ApiKey.of(KEY))
                .withRetry(new InsForgeClientConfig.RetrySettings(Set.of(429, 500, 502, 503),
                        List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20)), Duration.ofSeconds(10)));
        client = new InsForgeHttpClient(config);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The query parameters as the server decodes them (key order kept, repeated keys kept). */
    private static List<Map.Entry<String, String>> decodedParams(String url) {
        String query = url.substring(url.indexOf('?') + 1);
        return Arrays.stream(query.split("&")).map(p -> {
            int eq = p.indexOf('=');
            return Map.entry(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }).toList();
    }

    @Test
    void hostileScalarValuesArriveLiterallyAndCannotInjectParameters() {
        List<String> hostile = List.of("a,b", "x)", "\"quoted\"", "&admin=eq.true", "%", "*", "_", "emoji 😀 +", "y".repeat(5000));
        for (String value : hostile) {
            wm.resetRequests();
            client.select(RecordsQuery.from("leads").where(Filter.eq("name", value)));

            LoggedRequest req = onlyRequest();
            assertThat(req.getUrl()).isEqualTo("/api/database/records/leads?select=%2A&name=eq."
                    + QueryEncoding.percentEncode(value) + "&order=id.asc&limit=100&offset=0");
            assertThat(decodedParams(req.getUrl())).extracting(Map.Entry::getKey)
                    .containsExactly("select", "name", "order", "limit", "offset");
            assertThat(req.queryParameter("name").values()).containsExactly("eq." + value);
            assertThat(req.queryParameter("admin").isPresent()).isFalse();
        }
    }

    @Test
    void exactEncodedUrlsPerOperator() {
        client.select(RecordsQuery.from("leads").where(Filter.eq("name", "&admin=eq.true")));
        wm.verify(getRequestedFor(urlEqualTo(
                "/api/database/records/leads?select=%2A&name=eq.%26admin%3Deq.true&order=id.asc&limit=100&offset=0")));

        client.select(RecordsQuery.from("leads").where(Filter.in("name", List.of("a,b", "x)", "\"q\""))));
        wm.verify(getRequestedFor(urlEqualTo(
                "/api/database/records/leads?select=%2A&name=in.%28%22a%2Cb%22%2C%22x%29%22%2C%22%5C%22q%5C%22%22%29&order=id.asc&limit=100&offset=0")));

        client.select(RecordsQuery.from("leads").where(Filter.ilike("name", LikePattern.startsWith("50%_*"))));
        wm.verify(getRequestedFor(urlEqualTo(
                "/api/database/records/leads?select=%2A&name=ilike.50%5C%25%5C_%5C%2A%2A&order=id.asc&limit=100&offset=0")));

        client.select(RecordsQuery.from("leads").where(Filter.or(Filter.eq("name", "a,b"), Filter.is("name", IsValue.NULL))));
        wm.verify(getRequestedFor(urlEqualTo(
                "/api/database/records/leads?select=%2A&or=%28name.eq.%22a%2Cb%22%2Cname.is.null%29&order=id.asc&limit=100&offset=0")));
    }

    @Test
    void hostileValuesInsideListsAndTreesArriveQuotedAndEscaped() {
        client.select(RecordsQuery.from("leads")
                .where(Filter.in("name", List.of("a,b", "x)", "\"quoted\"", "&admin=eq.true", "%", "*", "_", "😀")),
                        Filter.gte("created_at", "2026-01-01T00:00:00Z"), Filter.lt("created_at", "2026-02-01T00:00:00Z")));

        LoggedRequest req = onlyRequest();
        List<Map.Entry<String, String>> params = decodedParams(req.getUrl());
        assertThat(params).extracting(Map.Entry::getKey).containsExactly("select", "name", "and", "order", "limit", "offset");
        assertThat(params.get(1).getValue())
                .isEqualTo("in.(\"a,b\",\"x)\",\"\\\"quoted\\\"\",\"&admin=eq.true\",%,*,_,😀)");
        assertThat(params.get(2).getValue())
                .isEqualTo("(created_at.gte.\"2026-01-01T00:00:00Z\",created_at.lt.\"2026-02-01T00:00:00Z\")");
    }

    @Test
    void insertSendsArrayWithIgnoreDuplicatesAndNaturalKeyAndReturnsNewRows() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("[{\"ext\":\"a\",\"id\":1}]")));

        var created = client.insertIgnoringDuplicates("inbox", List.of(Map.of("ext", "a"), Map.of("ext", "b")), "source", "ext");

        assertThat(created).hasSize(1);
        LoggedRequest req = onlyRequest();
        assertThat(req.getMethod().getName()).isEqualTo("POST");
        assertThat(req.getUrl()).isEqualTo("/api/database/records/inbox?on_conflict=source%2Cext");
        assertThat(req.getHeader("Prefer")).isEqualTo("resolution=ignore-duplicates,return=representation");
        assertThat(req.getHeader("Content-Type")).startsWith("application/json");
        assertThat(req.getBodyAsString()).startsWith("[").contains("\"ext\":\"b\"");
    }

    @Test
    void upsertMergesDuplicates() {
        client.upsert("leads", List.of(Map.of("telegram_user_id", 7, "name", "Ann")), "telegram_user_id");

        LoggedRequest req = onlyRequest();
        assertThat(req.getHeader("Prefer")).isEqualTo("resolution=merge-duplicates,return=representation");
        assertThat(req.getUrl()).endsWith("?on_conflict=telegram_user_id");
    }

    @Test
    void conditionalUpdatePatchesWithFiltersAndReturnsChangedRows() {
        wm.stubFor(any(anyUrl()).willReturn(okJson("[{\"id\":3,\"claim\":\"t1\"}]")));

        var changed = client.update("leads", List.of(Filter.eq("id", 3), Filter.is("claim", IsValue.NULL)), Map.of("claim", "t1"));

        assertThat(changed).hasSize(1);
        LoggedRequest req = onlyRequest();
        assertThat(req.getMethod().getName()).isEqualTo("PATCH");
        assertThat(req.getUrl()).isEqualTo("/api/database/records/leads?id=eq.3&claim=is.null");
        assertThat(req.getHeader("Prefer")).isEqualTo("return=representation");
        assertThat(req.getBodyAsString()).isEqualTo("{\"claim\":\"t1\"}");
    }

    @Test
    void deleteSendsFilters() {
        client.delete("inbox", List.of(Filter.lt("handled_at", "2026-11-22T00:00:00Z")));

        LoggedRequest req = onlyRequest();
        assertThat(req.getMethod().getName()).isEqualTo("DELETE");
        assertThat(req.getUrl()).isEqualTo("/api/database/records/inbox?handled_at=lt.2026-11-22T00%3A00%3A00Z");
    }

    @Test
    void countReadsContentRangeWithLimitZero() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(206).withHeader("Content-Range", "*/3573").withBody("[]")));

        long n = client.count("leads", List.of(Filter.eq("status", "new")));

        assertThat(n).isEqualTo(3573);
        LoggedRequest req = onlyRequest();
        assertThat(req.getUrl()).isEqualTo("/api/database/records/leads?select=%2A&status=eq.new&order=id.asc&limit=0&offset=0");
        assertThat(req.getHeader("Prefer")).isEqualTo("count=exact");
    }

    @Test
    void selectMapsRowsToATypeIgnoringUnknownColumns() {
        wm.stubFor(any(anyUrl()).willReturn(okJson("[{\"id\":1,\"name\":\"Ann\",\"extra\":true}]")));

        List<Lead> leads = client.select(RecordsQuery.from("leads"), Lead.class);

        assertThat(leads).containsExactly(new Lead(1, "Ann"));
    }

    @Test
    void selectAllPagesUntilAShortPage() {
        wm.stubFor(any(urlEqualTo("/api/database/records/leads?select=%2A&order=id.asc&limit=2&offset=0"))
                .willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
        wm.stubFor(any(urlEqualTo("/api/database/records/leads?select=%2A&order=id.asc&limit=2&offset=2"))
                .willReturn(okJson("[{\"id\":3}]")));

        var rows = client.selectAll(RecordsQuery.from("leads").limit(2), 100);

        assertThat(rows).extracting(r -> r.get("id").asInt()).containsExactly(1, 2, 3);
        wm.verify(2, anyRequestedFor(anyUrl()));
        assertThat(client.selectAll(RecordsQuery.from("leads").limit(2), 1)).hasSize(1);
    }

    record Lead(long id, String name) {
    }

    @Test
    void apiKeyIsSentAsBearerOnlyAndNeverLoggedEvenAtDebug() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger hc = ctx.getLogger("org.apache.hc");
        Level rootLevel = root.getLevel();
        Level hcLevel = hc.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        hc.setLevel(Level.DEBUG);
        try (InsForgeHttpClient debugClient = new InsForgeHttpClient(InsForgeClientConfig.defaults(
                URI.create("http://127.0.0.1:" + wm.port()), ApiKey.of(KEY))
                .withRetry(new InsForgeClientConfig.RetrySettings(Set.of(503), List.of(Duration.ofMillis(1)), Duration.ofSeconds(1))))) {
            debugClient.select(RecordsQuery.from("leads"));
            wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("{\"error\":\"X\",\"message\":\"down\"}")));
            Throwable t1 = catchThrowable(() -> debugClient.select(RecordsQuery.from("leads")));
            wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"AUTH_INVALID_API_KEY\",\"message\":\"bad\"}")));
            Throwable t2 = catchThrowable(() -> debugClient.rpc("f", Map.of()));

            assertThat(t1).isInstanceOf(InsForgeTransientException.class);
            assertThat(t2).isInstanceOf(InsForgePermanentException.class);
            for (Throwable t : List.of(t1, t2)) {
                assertThat(t.toString()).doesNotContain("ZZsecretZZ");
                assertThat(String.valueOf(t.getCause())).doesNotContain("ZZsecretZZ");
            }
            assertThat(debugClient.toString()).doesNotContain("ZZsecretZZ");
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            hc.setLevel(hcLevel);
        }

        assertThat(appender.list).anyMatch(e -> e.getLoggerName().startsWith("org.apache.hc"));
        assertThat(appender.list).anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("insforge retry"));
        assertThat(appender.list).anyMatch(e -> e.getLevel() == Level.ERROR && e.getFormattedMessage().contains("gave up"));
        String allLogs = appender.list.stream().map(e -> e.getFormattedMessage() + " " + Arrays.toString(e.getArgumentArray()))
                .collect(Collectors.joining("\n"));
        assertThat(allLogs).doesNotContain("ZZsecretZZ");

        List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(r.containsHeader("x-api-key")).isFalse();
        });
    }
}
