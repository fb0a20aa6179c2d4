package dev.forgebot.adapter.insforge.model;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.forgebot.adapter.insforge.http.InsForgeClientConfig.RetrySettings;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The model client against WireMock on loopback. */
class OpenAiLanguageModelIT {

    static final String KEY = "sk-or-v1-MODEL_s3cr3t_0123456789abcdef";
    static final String PATH = "/api/v1/chat/completions";
    static final RetrySettings FAST = new RetrySettings(Set.of(429, 500, 502, 503),
            List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20)), Duration.ofSeconds(10));
    static final List<Article> ARTICLES = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> new Article(new ArticleId("a" + i), "Title " + i, "Body " + i, List.of()))
            .toList();

    static WireMockServer wm;
    OpenAiLanguageModel model;

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
        model = new OpenAiLanguageModel(config(Duration.ofSeconds(5), FAST).withMaxArticles(3));
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    static ModelConfig config(Duration budget, RetrySettings retry) {
        return ModelConfig.defaults(URI.create("http://127.0.0.1:" + wm.port() + "/api/v1"), ModelKey.of(KEY),
                "openai/gpt-4o-mini").withBudget(budget, retry);
    }

    static String completion(String content) {
        return "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + content + "},\"finish_reason\":\"stop\"}]}";
    }

    @Test
    void sendsAGroundedPromptBuiltFromTheTopArticles() throws Exception {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion("\" We open at 9. \""))));

        Optional<String> answer = model.answer("When do you open?", ARTICLES);

        assertThat(answer).contains("We open at 9.");
        wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY)));
        JsonNode body = new ObjectMapper().readTree(
                wm.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0).getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).contains("ONLY").contains("don't know");
        String user = body.path("messages").get(1).path("content").asText();
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(user).containsSubsequence("[1] Title 1\nBody 1", "[2] Title 2", "[3] Title 3",
                "Question: When do you open?").doesNotContain("Title 4");
    }

    @Test
    void suggestSendsTheQuestionExamplesAndArticles() throws Exception {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion("\"We ship to all EU countries.\""))));

        assertThat(model.suggest("Do you ship?", List.of("ship to Oslo?"), ARTICLES.subList(0, 1)))
                .contains("We ship to all EU countries.");
        String user = new ObjectMapper().readTree(wm.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0)
                .getBodyAsString()).path("messages").get(1).path("content").asText();
        assertThat(user).containsSubsequence("[1] Title 1", "Question: Do you ship?", "- ship to Oslo?");
    }

    @Test
    void retriesA503ThenAnswers() {
        wm.stubFor(post(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("Started").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(503)));
        wm.stubFor(post(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(okJson(completion("\"fine\""))));

        assertThat(model.answer("q", ARTICLES)).contains("fine");
        wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void timeBudgetCutsRetriesShort() {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        RetrySettings scaled = new RetrySettings(Set.of(429, 500, 502, 503),
                List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800)), Duration.ofSeconds(10));
        try (OpenAiLanguageModel budgeted = new OpenAiLanguageModel(config(Duration.ofMillis(300), scaled))) {
            long start = System.nanoTime();

            Optional<String> answer = budgeted.answer("q", ARTICLES);

            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer).isEmpty();
            int attempts = wm.findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
            // With no budget the schedule would make 4 attempts over 1.4 s of waits; the budget stops it
            // after the first wait (exactly 2 attempts on an idle machine; a slow first call may leave 1).
            assertThat(attempts).isBetween(1, 2);
            assertThat(tookMs).isLessThan(200 + 400 + 800);
        }
    }

    @Test
    void slowAnswerIsCutAtTheBudget() {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion("\"late\"")).withFixedDelay(2000)));
        try (OpenAiLanguageModel budgeted = new OpenAiLanguageModel(config(Duration.ofMillis(300), FAST))) {
            long start = System.nanoTime();

            assertThat(budgeted.answer("q", ARTICLES)).isEmpty();

            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
        }
    }

    @Test
    void fallsBackAfterRetriesOn500() {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"x\"}")));

        assertThat(model.answer("q", ARTICLES)).isEmpty();
        wm.verify(4, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void fallsBackWithoutRetryOnMalformedJson() {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\":[{")));

        assertThat(model.answer("q", ARTICLES)).isEmpty();
        wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void fallsBackOnAnEmptyAnswer() {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(completion("\"   \""))));

        assertThat(model.answer("q", ARTICLES)).isEmpty();
    }

    @Test
    void fallsBackOnAReplyWithoutChoices() {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"error\":{\"message\":\"no credits\",\"code\":402}}")));

        assertThat(model.suggest("q", List.of(), ARTICLES)).isEmpty();
    }

    @Test
    void fallsBackWithoutRetryOn401() {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));

        assertThat(model.answer("q", ARTICLES)).isEmpty();
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void retriesAConnectionResetThenFallsBack() {
        wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(model.answer("q", ARTICLES)).isEmpty();
        wm.verify(4, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void fallsBackWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModelConfig down = ModelConfig.defaults(URI.create("http://127.0.0.1:" + port + "/v1"), ModelKey.of(KEY), "m")
                .withBudget(Duration.ofSeconds(2), FAST);
        try (OpenAiLanguageModel m = new OpenAiLanguageModel(down)) {
            assertThat(m.answer("q", ARTICLES)).isEmpty();
        }
    }

    @Test
    void keyAppearsInNoLogLineEvenWithHttpClientAtDebug() {
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
        try {
            wm.stubFor(post(urlPathEqualTo(PATH)).inScenario("l").whenScenarioStateIs("Started").willSetStateTo("ok")
                    .willReturn(aResponse().withStatus(503)));
            wm.stubFor(post(urlPathEqualTo(PATH)).inScenario("l").whenScenarioStateIs("ok")
                    .willReturn(okJson(completion("\"fine\""))));
            try (OpenAiLanguageModel debug = new OpenAiLanguageModel(config(Duration.ofSeconds(5), FAST))) {
                assertThat(debug.answer("q", ARTICLES)).contains("fine");
                wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)));
                assertThat(debug.answer("q", ARTICLES)).isEmpty();
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            hc.setLevel(hcLevel);
        }

        assertThat(appender.list).anyMatch(e -> e.getLoggerName().startsWith("org.apache.hc"));
        assertThat(appender.list).anyMatch(e -> e.getFormattedMessage().contains("model retry"));
        assertThat(appender.list).noneMatch(e -> e.getFormattedMessage().contains(KEY)
                || e.getFormattedMessage().contains("MODEL_s3cr3t"));
    }
}
