package dev.forgebot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.adapter.telegram.fake.FakeBotApi;
import dev.forgebot.bootstrap.config.ConfigLoader;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot on Telegram, end to end: the real wiring, long polling against a fake Bot API on
 * loopback, the embedded store on disk. Customers ask and get answers from the sample knowledge base,
 * one hands off to a person, the operator replies to the summary in the operators' group and the
 * customer gets it; a clean stop confirms every stored update, and a restart answers nothing twice.
 */
class TelegramBotIT {

    private static final long OPERATORS = -1001234567890L;
    private static final long OPERATOR = 9001;
    private static final long ALICE = 111111;
    private static final long BOB = 222222;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private final FakeBotApi telegram = FakeBotApi.start();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private RunningBot bot;

    @AfterEach
    void stopEverything() {
        if (bot != null) {
            bot.stop();
        }
        telegram.close();
    }

    private ForgebotConfig config(FakeBotApi api, int managementPort) {
        Map<String, String> env = new HashMap<>();
        env.put(ConfigLoader.TELEGRAM_BOT_TOKEN, api.token().reveal());
        env.put(ConfigLoader.TELEGRAM_API_URL, api.baseUrl().toString());
        env.put(ConfigLoader.FORGEBOT_OPERATOR_CHAT_ID, Long.toString(OPERATORS));
        env.put(ConfigLoader.FORGEBOT_DATA_DIR, data.toString());
        env.put(ConfigLoader.FORGEBOT_MANAGEMENT_PORT, Integer.toString(managementPort));
        env.put(ConfigLoader.FORGEBOT_SHUTDOWN_GRACE, "5s");
        return ConfigLoader.load(env);
    }

    private RunningBot start(ForgebotConfig config) {
        var launcher = new ForgebotLauncher(InputStream.nullInputStream(), new PrintStream(console, true, StandardCharsets.UTF_8));
        return launcher.startTelegram(config).orElseThrow(() -> new AssertionError("did not start: " + console));
    }

    @Test
    void customersAskGetAnswersHandOffAndAnOperatorReplies() throws Exception {
        int port = freePort();
        bot = start(config(telegram, port));

        long aliceAsks = telegram.enqueueText(ALICE, ALICE, "how do I reset my password?");
        long bobAsks = telegram.enqueueText(BOB, BOB, "Do you offer refunds?");
        await(() -> telegram.textsTo(ALICE).size() == 1 && telegram.textsTo(BOB).size() == 1);
        assertThat(telegram.textsTo(ALICE).get(0)).startsWith("Reset your password");
        assertThat(telegram.textsTo(BOB).get(0)).containsIgnoringCase("refund");

        telegram.enqueueText(ALICE, ALICE, "/human");
        await(() -> telegram.textsTo(OPERATORS).size() == 1 && telegram.textsTo(ALICE).size() == 2);
        assertThat(telegram.textsTo(ALICE).get(1)).contains("a person will reply here");
        FakeBotApi.SentMessage summary = telegram.sent().stream().filter(m -> m.chatId() == OPERATORS).findFirst().orElseThrow();

        long operatorReplies = telegram.enqueueReply(OPERATORS, OPERATOR, "Hi Alice, Dana here. I've reset it for you.",
                summary.messageId());
        await(() -> telegram.textsTo(ALICE).size() == 3);
        assertThat(telegram.textsTo(ALICE).get(2)).isEqualTo("Hi Alice, Dana here. I've reset it for you.");

        String health = get(port, "/healthz");
        String metrics = get(port, "/metrics");
        assertThat(health).contains("\"status\":\"UP\"").contains("\"telegram.mode\":\"polling\"")
                .contains("\"telegram-poller\":\"RUNNING\"");
        assertThat(metrics).contains("forgebot_send_latency_seconds_count").contains("forgebot_replies_sent_total")
                .contains("forgebot_inbox_depth");

        bot.stop();
        bot = null;

        assertThat(telegram.confirmedBelow()).as("a clean stop confirms every stored update")
                .isEqualTo(operatorReplies + 1);
        assertThat(List.of(aliceAsks, bobAsks)).allSatisfy(id -> assertThat(id).isLessThan(operatorReplies));
        assertThat(telegram.requestCount("deleteWebhook")).isZero();
        assertThat(telegram.allowedUpdates()).containsExactlyInAnyOrder("message", "edited_message", "callback_query",
                "my_chat_member");
    }

    @Test
    void aRestartAnswersOnlyWhatIsNewEvenWhenTelegramDeliversAnUpdateAgain() throws Exception {
        bot = start(config(telegram, freePort()));
        long asked = telegram.enqueueText(ALICE, ALICE, "how do I reset my password?");
        await(() -> telegram.textsTo(ALICE).size() == 1);
        bot.stop();
        bot = null;

        // Telegram after a crash before the confirmation: the same update (same update_id) comes again,
        // followed by a new one.
        try (FakeBotApi again = FakeBotApi.builder().firstUpdateId(asked).start()) {
            long redelivered = again.enqueueText(ALICE, ALICE, "how do I reset my password?");
            long fresh = again.enqueueText(ALICE, ALICE, "Do you offer refunds?");
            bot = start(config(again, freePort()));
            await(() -> again.textsTo(ALICE).size() == 1 && again.confirmedBelow() == fresh + 1);
            bot.stop();
            bot = null;

            assertThat(redelivered).isEqualTo(asked);
            assertThat(again.textsTo(ALICE)).singleElement().asString().containsIgnoringCase("refund");
        }
    }

    @Test
    void aStopEndsALongPollInProgressWithoutWaitingForItAndConfirmsWhatWasStored() throws Exception {
        try (FakeBotApi slow = FakeBotApi.builder().longPollCap(Duration.ofSeconds(25)).start()) {
            bot = start(config(slow, freePort()));
            long asked = slow.enqueueText(ALICE, ALICE, "how do I reset my password?");
            await(() -> slow.textsTo(ALICE).size() == 1 && slow.requestCount("getUpdates") >= 2);

            long started = System.nanoTime();
            bot.stop();
            bot = null;
            Duration stopping = Duration.ofNanos(System.nanoTime() - started);

            System.out.printf("telegram bot: stopped during a 25 s long poll in %d ms%n", stopping.toMillis());
            assertThat(stopping).as("the long poll is interrupted, not waited out").isLessThan(Duration.ofSeconds(5));
            assertThat(slow.confirmedBelow()).isEqualTo(asked + 1);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
