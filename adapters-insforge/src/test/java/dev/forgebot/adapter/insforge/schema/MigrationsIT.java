package dev.forgebot.adapter.insforge.schema;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forgebot.adapter.insforge.http.ApiKey;
import dev.forgebot.adapter.insforge.http.InsForgeClientConfig;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.application.port.out.PermanentStorageException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migrations and the check command against a WireMock InsForge that already has some migrations. */
class MigrationsIT {

    static final String KEY = "ik_SCHEMA_s3cr3t_0123456789abcdef";
    static final String INDEX = "forgebot-test-migrations/migrations.txt";
    static final String BASE = "forgebot-20261101000000-base";
    static final String LEADS = "forgebot-20261115000000-leads";
    static final String FILES = "forgebot-20261129000000-files";

    static WireMockServer wm;
    InsForgeHttpClient client;
    InsForgeMigrations migrations;

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
        client = client(URI.create("http://127.0.0.1:" + wm.port()));
        migrations = new InsForgeMigrations(client, INDEX);
        wm.stubFor(get(urlPathMatching("/api/database/records/[a-z_]+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Range", "*/0").withBody("[]")));
        wm.stubFor(get(urlPathEqualTo("/api/health")).willReturn(okJson("{\"status\":\"ok\",\"version\":\"2.3.1\"}")));
    }

    static InsForgeHttpClient client(URI base) {
        return new InsForgeHttpClient(InsForgeClientConfig.defaults(base, ApiKey.of(KEY))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetry(new InsForgeClientConfig.RetrySettings(Set.of(429, 500, 502, 503),
                        List.of(Duration.ofMillis(5)), Duration.ofSeconds(1))));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static void history(String... names) {
        StringBuilder sb = new StringBuilder("{\"migrations\":[");
        for (int i = 0; i < names.length; i++) {
            String version = names[i].split("-")[1];
            sb.append(i == 0 ? "" : ",").append("{\"version\":\"").append(version).append("\",\"name\":\"")
                    .append(names[i]).append("\",\"createdAt\":\"2026-11-01T00:00:00Z\"}");
        }
        wm.stubFor(get(urlPathEqualTo("/api/database/migrations")).willReturn(okJson(sb.append("]}").toString())));
    }

    static void acceptPosts() {
        wm.stubFor(post(urlPathEqualTo("/api/database/migrations")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"statements\":[]}")));
    }

    @Test
    void appliesOnlyTheMissingMigrationsInOrderAndVerifiesTheirTables() {
        history(BASE);
        acceptPosts();

        assertThat(migrations.pending()).containsExactly(LEADS, FILES);
        MigrateReport report = migrations.migrate();

        assertThat(report.applied()).containsExactly(LEADS, FILES);
        assertThat(report.alreadyApplied()).containsExactly(BASE);
        assertThat(report.verifiedTables()).containsExactly("inbox", "leads", "messages", "attachments");
        var posts = wm.findAll(postRequestedFor(urlPathEqualTo("/api/database/migrations")));
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).getBodyAsString()).satisfies(b -> assertThat(equalToJson(
                "{\"version\":\"20261115000000\",\"name\":\"" + LEADS + "\",\"sql\":\"${json-unit.any-string}\"}")
                .match(b).isExactMatch()).isTrue());
        assertThat(posts.get(0).getBodyAsString()).contains("CREATE TABLE IF NOT EXISTS leads");
        assertThat(posts.get(1).getBodyAsString()).contains("\"name\":\"" + FILES + "\"")
                .contains("\"version\":\"20261129000000\"").contains("attachments").doesNotContain("leads");
        wm.verify(getRequestedFor(urlPathEqualTo("/api/database/records/attachments")));
    }

    @Test
    void secondRunAppliesNothing() {
        history(BASE);
        acceptPosts();
        migrations.migrate();
        history(BASE, LEADS, FILES);
        wm.resetRequests();

        MigrateReport second = migrations.migrate();

        assertThat(second.nothingApplied()).isTrue();
        assertThat(second.alreadyApplied()).containsExactly(BASE, LEADS, FILES);
        assertThat(migrations.pending()).isEmpty();
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void conflictForAMigrationWhoseNameIsThenInTheHistoryCountsAsApplied() {
        // another instance applied LEADS between our history read and our POST
        wm.stubFor(get(urlPathEqualTo("/api/database/migrations")).inScenario("race").whenScenarioStateIs("Started")
                .willSetStateTo("raced").willReturn(okJson("{\"migrations\":[{\"version\":\"20261101000000\",\"name\":\"" + BASE + "\"}]}")));
        wm.stubFor(get(urlPathEqualTo("/api/database/migrations")).inScenario("race").whenScenarioStateIs("raced")
                .willReturn(okJson("{\"migrations\":[{\"version\":\"20261101000000\",\"name\":\"" + BASE
                        + "\"},{\"version\":\"20261115000000\",\"name\":\"" + LEADS + "\"}]}")));
        acceptPosts();
        wm.stubFor(post(urlPathEqualTo("/api/database/migrations")).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing(LEADS))
                .willReturn(conflict()));

        MigrateReport report = migrations.migrate();

        assertThat(report.applied()).containsExactly(FILES);
        assertThat(report.alreadyApplied()).containsExactly(BASE, LEADS);
    }

    @Test
    void failsNamingTheMigrationWhenItsVersionIsRefusedButItsNameIsMissing() {
        // the server has a newer, foreign migration, so our LEADS version is "old"
        wm.stubFor(get(urlPathEqualTo("/api/database/migrations")).willReturn(okJson(
                "{\"migrations\":[{\"version\":\"20261101000000\",\"name\":\"" + BASE
                        + "\"},{\"version\":\"20261120000000\",\"name\":\"someone-else\"}]}")));
        wm.stubFor(post(urlPathEqualTo("/api/database/migrations")).willReturn(conflict()));

        assertThatThrownBy(() -> migrations.migrate())
                .isInstanceOf(PermanentStorageException.class)
                .hasMessageContaining(LEADS)
                .hasMessageContaining("20261115000000")
                .hasMessageContaining("409")
                .hasMessageNotContaining(KEY);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/database/migrations")));
    }

    @Test
    void aMissingTableAfterMigratingFailsNamingIt() {
        history(BASE, LEADS, FILES);
        wm.stubFor(get(urlPathEqualTo("/api/database/records/messages")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"PGRST205\",\"message\":\"no table\",\"details\":null,\"hint\":null}")));

        assertThatThrownBy(() -> migrations.migrate())
                .isInstanceOf(PermanentStorageException.class)
                .hasMessageContaining("table messages");
    }

    @Test
    void schemaSqlConcatenatesEveryMigrationInOrder() {
        String sql = migrations.schemaSql();

        assertThat(sql).containsSubsequence("-- migration: " + BASE, "inbox", "-- migration: " + LEADS, "messages",
                "-- migration: " + FILES, "attachments");
    }

    @Test
    void checkReportsReachableValidKeyAndCurrentSchema() {
        history(BASE, LEADS, FILES);

        CheckReport report = new InsForgeCheck(client, migrations).check();

        assertThat(report.ok()).isTrue();
        assertThat(report.lines()).containsExactly("reachable: yes (InsForge 2.3.1)", "api key: valid",
                "schema: current", "result: OK");
    }

    @Test
    void checkReportsAWrongKeyOn401() {
        wm.stubFor(get(urlPathEqualTo("/api/database/migrations")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"AUTH_INVALID_API_KEY\",\"message\":\"Invalid API key\",\"statusCode\":401}")));

        CheckReport report = new InsForgeCheck(client, migrations).check();

        assertThat(report.ok()).isFalse();
        assertThat(report.key()).isEqualTo(CheckReport.KeyStatus.INVALID);
        assertThat(report.lines()).contains("reachable: yes (InsForge 2.3.1)").anyMatch(l -> l.contains("INVALID"));
        assertThat(report.toString()).doesNotContain(KEY);
    }

    @Test
    void checkReportsAMissingSchema() {
        history();

        CheckReport report = new InsForgeCheck(client, migrations).check();

        assertThat(report.ok()).isFalse();
        assertThat(report.pending()).containsExactly(BASE, LEADS, FILES);
        assertThat(report.lines()).contains("schema: 3 migration(s) pending: " + BASE + ", " + LEADS + ", " + FILES
                + " (run migrate)", "result: NOT OK");
    }

    @Test
    void checkReportsAnUnreachableServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (InsForgeHttpClient down = client(URI.create("http://127.0.0.1:" + port))) {
            CheckReport report = new InsForgeCheck(down, new InsForgeMigrations(down, INDEX)).check();

            assertThat(report.reachable()).isFalse();
            assertThat(report.lines()).first().isEqualTo("reachable: no");
            assertThat(report.toString()).doesNotContain(KEY).contains("result: NOT OK");
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder conflict() {
        return aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"DATABASE_MIGRATION_ALREADY_EXISTS\",\"message\":\"exists\",\"statusCode\":409}");
    }
}
