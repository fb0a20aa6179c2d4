package dev.forgebot.bootstrap.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.adapter.telegram.fake.FakeBotApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot running as a user runs it, with the management server on: health and metrics
 * answer while it runs, and SIGTERM stops it gracefully with exit status 0; the same on Telegram in
 * webhook mode against the fake Bot API.
 */
class RunningBotIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path scratch;

    @Test
    void servesHealthAndMetricsAndStopsWithExitZeroOnSigterm() throws Exception {
        Path home = unpack();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/forgebot").toString())
                .redirectError(scratch.resolve("stderr.log").toFile());
        builder.environment().put("FORGEBOT_DATA_DIR", scratch.resolve("data").toString());
        builder.environment().put("FORGEBOT_MANAGEMENT_PORT", Integer.toString(port));
        Process bot = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("[reader failed: " + e + "]");
            }
        });
        try {
            awaitLine(lines, "forgebot is running");
            OutputStream stdin = bot.getOutputStream();
            stdin.write("how do I reset my password?\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            awaitLine(lines, "bot> Reset your password");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"inbox-dispatcher\"", "\"follow-ups\"", "RUNNING");
            assertThat(metrics.body()).contains("forgebot_replies_sent_total", "forgebot_updates_handled_total",
                    "forgebot_inbox_depth", "forgebot_background_tasks");

            bot.destroy(); // SIGTERM
            assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(bot.exitValue()).isZero();
            String log = Files.readString(scratch.resolve("stderr.log"));
            assertThat(log).as(String.join("\n", log.lines().skip(Math.max(0, log.lines().count() - 8)).toList()))
                    .contains("forgebot stopped cleanly");
        } finally {
            bot.destroyForcibly();
        }
    }

    @Test
    void runsOnTelegramByWebhookAndStopsOnSigtermWithExitZero() throws Exception {
        Path home = unpack();
        int managementPort = freePort();
        int webhookPort = freePort();
        try (FakeBotApi telegram = FakeBotApi.start()) {
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/forgebot").toString())
                    .redirectError(scratch.resolve("stderr.log").toFile())
                    .redirectOutput(scratch.resolve("stdout.log").toFile());
            builder.environment().put("FORGEBOT_DATA_DIR", scratch.resolve("data").toString());
            builder.environment().put("FORGEBOT_MANAGEMENT_PORT", Integer.toString(managementPort));
            builder.environment().put("TELEGRAM_BOT_TOKEN", telegram.token().reveal());
            builder.environment().put("TELEGRAM_API_URL", telegram.baseUrl().toString());
            builder.environment().put("FORGEBOT_OPERATOR_CHAT_ID", "-1001234567890");
            builder.environment().put("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram/webhook");
            builder.environment().put("TELEGRAM_WEBHOOK_SECRET", "dist-test-Secret_1");
            builder.environment().put("FORGEBOT_WEBHOOK_PORT", Integer.toString(webhookPort));
            Process bot = builder.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String update = "{\"update_id\":7001,\"message\":{\"message_id\":1,\"date\":1790000000,"
                        + "\"chat\":{\"id\":4242,\"type\":\"private\"},\"from\":{\"id\":4242,\"is_bot\":false,"
                        + "\"first_name\":\"Ada\"},\"text\":\"how do I reset my password?\"}}";
                HttpResponse<String> delivered = deliverWhenListening(http, webhookPort, update);
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (telegram.textsTo(4242).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(delivered.statusCode()).isEqualTo(200);
                assertThat(telegram.textsTo(4242)).singleElement().asString().startsWith("Reset your password");
                assertThat(telegram.setWebhookCalls()).isEqualTo(1);
                assertThat(health.body()).contains("\"telegram.mode\":\"webhook\"", "\"webhook.accepted\":\"1\"");

                bot.destroy(); // SIGTERM
                assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(bot.exitValue()).isZero();
                String log = Files.readString(scratch.resolve("stderr.log"));
                assertThat(log).contains("forgebot stopped cleanly").doesNotContain(telegram.token().reveal())
                        .doesNotContain("dist-test-Secret_1");
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    /** Posts the update once the webhook listens (the process is still starting before that). */
    private static HttpResponse<String> deliverWhenListening(HttpClient http, int port, String update) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                        .header("X-Telegram-Bot-Api-Secret-Token", "dist-test-Secret_1")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void awaitLine(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.contains(expected)) {
                return;
            }
        }
        throw new AssertionError("no line containing '" + expected + "' within " + WAIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path unpack() throws Exception {
        Path archive;
        try (Stream<Path> target = Files.list(Paths.get("target"))) {
            archive = target.filter(p -> p.getFileName().toString().matches("forgebot-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/forgebot-*.tar.gz; run mvn package"));
        }
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", scratch.toString()).inheritIO().start();
        assertThat(tar.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        try (Stream<Path> unpacked = Files.list(scratch)) {
            return unpacked.filter(p -> p.getFileName().toString().startsWith("forgebot-")).findFirst().orElseThrow();
        }
    }
}
