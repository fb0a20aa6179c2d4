package dev.forgebot.bootstrap.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
 * answer while it runs, and SIGTERM stops it gracefully with exit status 0.
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
