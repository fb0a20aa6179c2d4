package dev.forgebot.benchmarks;

import dev.forgebot.adapter.local.jdbc.EmbeddedDatabase;
import dev.forgebot.adapter.telegram.ChatMigrations;
import dev.forgebot.adapter.telegram.TelegramUpdateMapper;
import dev.forgebot.adapter.telegram.TelegramWebhookServer;
import dev.forgebot.adapter.telegram.WebhookSecret;
import dev.forgebot.adapter.telegram.WebhookSettings;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.out.UpdateInbox;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How long Telegram waits for the webhook's 200: one delivery of a customer's message over loopback HTTP
 * (secret check, body read, JSON mapping) until it is durably in the embedded store's inbox (SQLite,
 * WAL, {@code synchronous=FULL}), each delivery a new update. Telegram gives up after 60 s; the answer
 * must come in milliseconds. Handling the message (the pipeline) is not part of it: that runs after the
 * acknowledgement.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WebhookDelivery -f 1 -wi 3 -w 2s -i 5 -r 2s}
 * (add {@code -t 2} for two concurrent senders, as Telegram delivers several chats at once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookDeliveryBenchmark {

    private static final String SECRET = "benchmark-Secret_0123456789";

    private final AtomicLong updateIds = new AtomicLong(1);
    private Path dataDir;
    private EmbeddedDatabase database;
    private ExecutorService requests;
    private TelegramWebhookServer server;
    private HttpClient http;
    private URI endpoint;

    @Setup(Level.Trial)
    public void start() throws IOException {
        dataDir = Files.createTempDirectory("forgebot-webhook-benchmark");
        database = EmbeddedDatabase.open(dataDir);
        UpdateInbox inbox = database.updateInbox();
        Clock clock = Clock.systemUTC();
        HandleInboundMessage intake = events -> inbox.store(events, clock.instant()).size();
        // Button presses are not delivered here, so the Bot API is never called.
        TelegramApi noApi = (TelegramApi) Proxy.newProxyInstance(TelegramApi.class.getClassLoader(),
                new Class<?>[] {TelegramApi.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        requests = Executors.newVirtualThreadPerTaskExecutor();
        server = new TelegramWebhookServer(WebhookSettings.of("127.0.0.1", 0, WebhookSecret.of(SECRET)), requests, intake,
                new TelegramUpdateMapper(new ChatMigrations(), clock)::map, noApi);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.port() + WebhookSettings.DEFAULT_PATH);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @Benchmark
    public int deliverOneUpdate() throws IOException, InterruptedException {
        long id = updateIds.getAndIncrement();
        long chat = 100_000 + id % 1_000;
        String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1790000000,"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"from\":{\"id\":" + chat + ",\"is_bot\":false,"
                + "\"first_name\":\"Ada\"},\"text\":\"How much does the Pro plan cost per month?\"}}";
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("delivery answered " + response.statusCode());
        }
        return response.statusCode();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        http.close();
        server.close();
        requests.close();
        database.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
