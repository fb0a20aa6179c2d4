package dev.forgebot.adapter.insforge.schema;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forgebot.adapter.insforge.files.InsForgeBuckets;
import dev.forgebot.adapter.insforge.files.InsForgeFileStore;
import dev.forgebot.adapter.insforge.files.InsForgeStatistics;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.domain.lead.LeadId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The InsForge API key stays out of every log line (HttpClient at DEBUG included), exception message
 * and report of the files and schema classes, on the failure paths where it would most likely leak.
 */
class NoSecretsIT {

    static WireMockServer wm;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @Test
    void apiKeyAppearsInNoLogLineExceptionOrReport() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"AUTH_INVALID_API_KEY\",\"message\":\"Invalid API key\",\"statusCode\":401}")));
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
        List<String> texts = new ArrayList<>();
        try (InsForgeHttpClient client = MigrationsIT.client(URI.create("http://127.0.0.1:" + wm.port()))) {
            InsForgeMigrations migrations = new InsForgeMigrations(client, MigrationsIT.INDEX);
            List<Runnable> calls = List.of(
                    migrations::migrate,
                    () -> new InsForgeBuckets(client).ensureFilesBucket(),
                    () -> new InsForgeStatistics(client).since(Instant.EPOCH),
                    () -> new InsForgeFileStore(client, InsForgeBuckets.FILES, 10)
                            .upload(LeadId.random(), "k", "f", "text/plain", new byte[1]));
            for (Runnable call : calls) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    texts.add(e.toString());
                    texts.add(String.valueOf(e.getCause()));
                }
            }
            texts.add(new InsForgeCheck(client, migrations).check().toString());
            texts.add(migrations.toString());
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            hc.setLevel(hcLevel);
        }

        assertThat(texts).hasSizeGreaterThan(8);
        assertThat(appender.list).anyMatch(e -> e.getLoggerName().startsWith("org.apache.hc"));
        assertThat(appender.list).noneMatch(e -> e.getFormattedMessage().contains("SCHEMA_s3cr3t"));
        assertThat(texts).noneMatch(t -> t.contains("SCHEMA_s3cr3t"));
    }
}
