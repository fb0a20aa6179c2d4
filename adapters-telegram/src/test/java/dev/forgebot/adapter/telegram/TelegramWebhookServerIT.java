package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.application.fake.Faults;
import dev.forgebot.application.fake.InMemoryUpdateInbox;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.in.InboundEvent.Unsupported;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint over real HTTP: {@link HttpClient} for well-formed requests, a raw socket where
 * the test must control what is (not) sent. The inbox is the application's in-memory fake, with
 * {@link Faults} for failing writes; the mapping is a small stand-in for the update mapper.
 */
class TelegramWebhookServerIT {

    /** 256 characters (Telegram's longest secret), random-looking so no log line contains it by chance. */
    private static final String SECRET = secret(256, 7);
    private static final String PATH = "/telegram/webhook";
    private static final int CAP = 64 * 1024;
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** A customer's words in every delivery: they must never reach a log line. */
    private static final String CUSTOMER_TEXT = "my-private-words-qz7";

    private final InMemoryUpdateInbox inbox = new InMemoryUpdateInbox();
    private final WebhookApiDouble api = new WebhookApiDouble();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private Logger root;
    private Level rootLevel;
    private ExecutorService executor;
    private HttpClient client;
    private TelegramWebhookServer server;

    @BeforeEach
    void setUp() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROMPTLY).build();
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        client.close();
        executor.shutdownNow();
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        // Every test, not only the one about logs: no line may carry the secret or a customer's words.
        assertThat(loggedText()).doesNotContain(SECRET.substring(0, 24)).doesNotContain(CUSTOMER_TEXT);
    }

    // ---- the secret ------------------------------------------------------------------------------

    @Test
    void storesAnUpdateDeliveredWithTheRightSecretAndAnswers200() throws Exception {
        // Arrange
        start(inbox);

        // Act
        HttpResponse<String> response = post(PATH, message(100, 5001), SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(inbox.find(key(100))).get().extracting(InboxEntry::event).isInstanceOfSatisfying(ChatMessage.class,
                m -> {
                    assertThat(m.chatId()).isEqualTo(new ChatId(5001));
                    assertThat(m.text()).isEqualTo(CUSTOMER_TEXT);
                });
        assertThat(server.snapshot()).isEqualTo(new WebhookCounters(1, 0, 0, 0, 0, 0, 0));
    }

    static Stream<Arguments> wrongSecrets() {
        String allButLast = SECRET.substring(0, 255);
        char last = SECRET.charAt(255);
        char first = SECRET.charAt(0);
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("one char off at the end: 256 chars sharing a 255-char prefix",
                        allButLast + (last == 'a' ? 'b' : 'a')),
                Arguments.of("one char off at the start", (first == 'a' ? 'b' : 'a') + SECRET.substring(1)),
                Arguments.of("a 255-char prefix of the right one", allButLast),
                Arguments.of("its first char", SECRET.substring(0, 1)),
                Arguments.of("the right one plus a char", SECRET + "a"),
                Arguments.of("another secret", secret(32, 99)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongSecrets")
    void refusesAWrongSecretWith401AndStoresNothing(String variant, String presented) throws Exception {
        // Arrange
        start(inbox);

        // Act
        HttpResponse<String> response = post(PATH, message(101, 5001), presented);

        // Assert
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Connection")).hasValue("close");
        assertThat(inbox.all()).isEmpty();
        assertThat(server.snapshot().unauthorized()).isEqualTo(1);
    }

    @Test
    void refusesAMissingSecretWith401AndStoresNothing() throws Exception {
        // Arrange
        start(inbox);

        // Act
        HttpResponse<String> response = post(PATH, message(102, 5001), null);

        // Assert
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(inbox.all()).isEmpty();
        assertThat(server.snapshot().unauthorized()).isEqualTo(1);
    }

    @Test
    void refusesTheSecretHeaderSentTwice() throws Exception {
        // Arrange
        start(inbox);
        HttpRequest request = request(PATH).header(TelegramWebhookServer.SECRET_HEADER, SECRET)
                .header(TelegramWebhookServer.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(message(103, 5001))).build();

        // Act
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        // Assert
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void answers401WithoutWaitingForTheAnnouncedBody() throws Exception {
        // Arrange: 50 MB announced, nothing sent; reading any of it would block until the socket times out
        start(inbox);
        String head = "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 50000000\r\n" + TelegramWebhookServer.SECRET_HEADER + ": wrong\r\n\r\n";

        // Act
        RawResponse response = raw(head.getBytes(StandardCharsets.US_ASCII), false);

        // Assert
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("connection")).isEqualTo("close");
        assertThat(response.elapsed()).isLessThan(PROMPTLY);
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void closesTheConnectionAfterRefusingAWrongSecret() throws Exception {
        // Arrange
        start(inbox);
        byte[] body = message(104, 5001).getBytes(StandardCharsets.UTF_8);
        String head = "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length + "\r\n"
                + TelegramWebhookServer.SECRET_HEADER + ": wrong\r\n\r\n";

        // Act
        RawResponse response = raw(concat(head.getBytes(StandardCharsets.US_ASCII), body), true);

        // Assert
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.closedByServer()).isTrue();
    }

    // ---- size ------------------------------------------------------------------------------------

    @Test
    void answers413ForAnAnnouncedLengthOverTheCapWithoutReadingTheBody() throws Exception {
        // Arrange: one byte over the cap announced, nothing sent
        start(inbox);
        String head = "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (CAP + 1) + "\r\n"
                + TelegramWebhookServer.SECRET_HEADER + ": " + SECRET + "\r\n\r\n";

        // Act
        RawResponse response = raw(head.getBytes(StandardCharsets.US_ASCII), false);

        // Assert
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("connection")).isEqualTo("close");
        assertThat(response.elapsed()).isLessThan(PROMPTLY);
        assertThat(server.snapshot().tooLarge()).isEqualTo(1);
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void answers413ForAChunkedBodyOverTheCap() throws Exception {
        // Arrange: a chunked body of the cap and 8 KiB more, in 1 KiB chunks
        start(inbox);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + TelegramWebhookServer.SECRET_HEADER + ": " + SECRET + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = " ".repeat(1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < CAP / 1024 + 8; i++) {
            request.writeBytes("400\r\n".getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(chunk);
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        // Act
        RawResponse response = raw(request.toByteArray(), false);

        // Assert
        assertThat(response.status()).isEqualTo(413);
        assertThat(server.snapshot().tooLarge()).isEqualTo(1);
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void acceptsABodyOfExactlyTheCapSentInChunks() throws Exception {
        // Arrange: a valid update padded with spaces to exactly the cap, length unknown to the server
        start(inbox);
        String update = message(105, 5001);
        byte[] body = (update + " ".repeat(CAP - update.length())).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request(PATH).header(TelegramWebhookServer.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();

        // Act
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        // Assert
        assertThat(body).hasSize(CAP);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.find(key(105))).isPresent();
    }

    // ---- content ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "", "null", "[]", "\"update\"", "{}", "{\"update_id\":\"106\"}",
        "{\"update_id\":1.5}", "{\"update_id\":null}"})
    void refusesABodyThatIsNotAnUpdateWith400AndStoresNothing(String body) throws Exception {
        // Arrange
        start(inbox);

        // Act
        HttpResponse<String> response = post(PATH, body, SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(inbox.all()).isEmpty();
        assertThat(server.snapshot()).isEqualTo(new WebhookCounters(0, 0, 0, 0, 1, 0, 0));
        assertThat(messagesAt(Level.WARN)).anyMatch(m -> m.contains("reason=malformed"));
    }

    @Test
    void storesAnUpdateWithAMalformedPayloadAsTheMappingDecides() throws Exception {
        // Arrange: a numeric update_id, but a message that is not an object
        start(inbox);

        // Act
        HttpResponse<String> response = post(PATH, "{\"update_id\":107,\"message\":\"" + CUSTOMER_TEXT + "\"}", SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.find(key(107))).get().extracting(InboxEntry::event)
                .isInstanceOfSatisfying(Unsupported.class, u -> assertThat(u.kind()).isEqualTo("malformed"));
    }

    // ---- storage ---------------------------------------------------------------------------------

    @Test
    void answers503WhenTheInboxCannotBeWrittenThenStoresTheRedeliveryOnce() throws Exception {
        // Arrange: the first write fails transiently, before anything is stored
        Faults<UpdateInbox> faults = Faults.of(UpdateInbox.class, inbox).transientOn("store", 1);
        start(faults.port());

        // Act: Telegram delivers, gets 503, redelivers, and (a lost 200) redelivers again
        int first = post(PATH, message(108, 5001), SECRET).statusCode();
        int afterFirst = inbox.all().size();
        int second = post(PATH, message(108, 5001), SECRET).statusCode();
        int third = post(PATH, message(108, 5001), SECRET).statusCode();

        // Assert
        assertThat(first).isEqualTo(503);
        assertThat(afterFirst).isZero();
        assertThat(second).isEqualTo(200);
        assertThat(third).isEqualTo(200);
        assertThat(inbox.all()).singleElement().satisfies(e -> assertThat(e.event().key()).isEqualTo(key(108)));
        assertThat(server.snapshot()).isEqualTo(new WebhookCounters(1, 1, 0, 0, 0, 1, 0));
        assertThat(messagesAt(Level.WARN)).anyMatch(m -> m.contains("503") && m.contains("update=108"));
    }

    @Test
    void answers503WhenTheStoresAnswerIsLostAndRecognisesTheRedelivery() throws Exception {
        // Arrange: the first write commits, then its answer is lost
        Faults<UpdateInbox> faults = Faults.of(UpdateInbox.class, inbox).lostAnswerOn("store", 1);
        start(faults.port());

        // Act
        int first = post(PATH, message(109, 5001), SECRET).statusCode();
        int second = post(PATH, message(109, 5001), SECRET).statusCode();

        // Assert
        assertThat(first).isEqualTo(503);
        assertThat(second).isEqualTo(200);
        assertThat(inbox.all()).hasSize(1);
        assertThat(server.snapshot()).isEqualTo(new WebhookCounters(0, 1, 0, 0, 0, 1, 0));
    }

    @Test
    void answers500WhenTheInboxRefusesTheWritePermanently() throws Exception {
        // Arrange
        Faults<UpdateInbox> faults = Faults.of(UpdateInbox.class, inbox).permanentOn("store", 1);
        start(faults.port());

        // Act
        HttpResponse<String> response = post(PATH, message(110, 5001), SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(inbox.all()).isEmpty();
        assertThat(server.snapshot().storeFailed()).isEqualTo(1);
        assertThat(messagesAt(Level.ERROR)).anyMatch(m -> m.contains("update=110"));
    }

    @Test
    void answers500WhenTheMappingFails() throws Exception {
        // Arrange
        start(inbox, update -> {
            throw new IllegalStateException("a mapping bug");
        });

        // Act
        HttpResponse<String> response = post(PATH, message(111, 5001), SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(inbox.all()).isEmpty();
        assertThat(server.snapshot().failed()).isEqualTo(1);
    }

    @Test
    void storesAnUpdateDeliveredTwiceOnce() throws Exception {
        // Arrange
        start(inbox);

        // Act
        int first = post(PATH, message(112, 5001), SECRET).statusCode();
        int second = post(PATH, message(112, 5001), SECRET).statusCode();

        // Assert
        assertThat(List.of(first, second)).containsOnly(200);
        assertThat(inbox.all()).hasSize(1);
        assertThat(server.snapshot()).isEqualTo(new WebhookCounters(1, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void storesAnUpdateDeliveredConcurrentlyOnce() throws Exception {
        // Arrange
        start(inbox);
        int deliveries = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < deliveries; i++) {
                statuses.add(senders.submit(() -> {
                    go.await();
                    return post(PATH, message(113, 5001), SECRET).statusCode();
                }));
            }

            // Act
            go.countDown();

            // Assert
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        assertThat(inbox.all()).hasSize(1);
        assertThat(server.snapshot()).isEqualTo(new WebhookCounters(1, deliveries - 1, 0, 0, 0, 0, 0));
    }

    // ---- routing ---------------------------------------------------------------------------------

    @Test
    void answers405ToAnotherMethodOnThePath() throws Exception {
        // Arrange
        start(inbox);

        // Act
        HttpResponse<String> get = client.send(request(PATH).header(TelegramWebhookServer.SECRET_HEADER, SECRET).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> put = client.send(request(PATH).header(TelegramWebhookServer.SECRET_HEADER, SECRET)
                .PUT(HttpRequest.BodyPublishers.ofString(message(114, 5001))).build(), HttpResponse.BodyHandlers.ofString());

        // Assert
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(inbox.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/telegram", "/telegram/webhookx", "/telegram/webhook/", "/other"})
    void answers404ToAnotherPath(String path) throws Exception {
        // Arrange
        start(inbox);

        // Act
        HttpResponse<String> response = post(path, message(115, 5001), SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void ignoresTheQueryStringTheRegistrarAdds() throws Exception {
        // Arrange
        start(inbox);

        // Act
        HttpResponse<String> response = post(PATH + "?fbv=0123456789ab", message(116, 5001), SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.find(key(116))).isPresent();
    }

    // ---- callback queries ------------------------------------------------------------------------

    @Test
    void answersACallbackQueryAfterThe200() throws Exception {
        // Arrange: answering blocks until released; a 200 that waited for it would time out
        CountDownLatch release = new CountDownLatch(1);
        api.holdCallbackAnswersAt(release);
        start(inbox);

        // Act
        HttpResponse<String> response;
        try {
            response = post(PATH, callback(117, "cb-117"), SECRET);
        } finally {
            release.countDown();
        }

        // Assert
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.find(key(117))).isPresent();
        assertThat(api.awaitCallbackAnswer(PROMPTLY)).isTrue();
        assertThat(api.answeredCallbacks()).containsExactly("cb-117");
    }

    @Test
    void storesACallbackQueryWhoseAnswerFailsAndLogsTheFailureAtDebug() throws Exception {
        // Arrange
        api.failCallbackAnswersWith(new TelegramApiException("answerCallbackQuery", 400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid", null, null, false));
        start(inbox);

        // Act
        HttpResponse<String> response = post(PATH, callback(118, "cb-118"), SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.find(key(118))).isPresent();
        awaitLogged(Level.DEBUG, "callback query not answered");
    }

    @Test
    void doesNotAnswerAMessage() throws Exception {
        // Arrange
        start(inbox);

        // Act
        HttpResponse<String> response = post(PATH, message(119, 5001), SECRET);

        // Assert
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.awaitCallbackAnswer(Duration.ofMillis(200))).isFalse();
    }

    // ---- logs and lifecycle ----------------------------------------------------------------------

    @Test
    void neverLogsTheSecretOrTheBody() throws Exception {
        // Arrange: every path that logs, at DEBUG
        Faults<UpdateInbox> faults = Faults.of(UpdateInbox.class, inbox).transientOn("store", 1).permanentOn("store", 2);
        api.failCallbackAnswersWith(new TelegramApiException("answerCallbackQuery", 400, "Bad Request", null, null, false));
        start(faults.port());

        // Act
        post(PATH, message(120, 5001), SECRET);
        post(PATH, message(120, 5001), SECRET);
        post(PATH, message(120, 5001), SECRET);
        post(PATH, message(120, 5001), SECRET);
        post(PATH, callback(121, "cb-121"), SECRET);
        post(PATH, message(122, 5001), SECRET + "a");
        post(PATH, message(122, 5001), SECRET.substring(0, 255));
        post(PATH, message(122, 5001), null);
        post(PATH, "{\"update_id\":\"" + CUSTOMER_TEXT + "\"}", SECRET);
        post(PATH, "{" + CUSTOMER_TEXT, SECRET);
        awaitLogged(Level.DEBUG, "callback query not answered");

        // Assert
        assertThat(logs.list).hasSizeGreaterThan(8);
        assertThat(loggedText()).doesNotContain(SECRET.substring(0, 24)).doesNotContain(CUSTOMER_TEXT);
    }

    @Test
    void bindsOnlyOnStartAndClosesIdempotently() {
        // Arrange
        TelegramWebhookServer created = new TelegramWebhookServer(settings(), executor,
                events -> inbox.store(events, NOW).size(), TelegramWebhookServerIT::toEvent, api);

        // Act + Assert
        assertThatThrownBy(created::address).isInstanceOf(IllegalStateException.class);
        created.start();
        assertThat(created.port()).isPositive();
        assertThatThrownBy(created::start).isInstanceOf(IllegalStateException.class);
        created.close();
        created.close();
        assertThatThrownBy(created::start).isInstanceOf(IllegalStateException.class);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void start(UpdateInbox store) {
        start(store, TelegramWebhookServerIT::toEvent);
    }

    private void start(UpdateInbox store, Function<ReceivedUpdate, InboundEvent> mapping) {
        server = new TelegramWebhookServer(settings(), executor, events -> store.store(events, NOW).size(), mapping, api);
        server.start();
    }

    private static WebhookSettings settings() {
        return new WebhookSettings("127.0.0.1", 0, PATH, WebhookSecret.of(SECRET), CAP);
    }

    /** A stand-in for the update mapper: messages become chat messages, anything else is unsupported. */
    static InboundEvent toEvent(ReceivedUpdate received) {
        InboundKey key = key(received.updateId());
        return switch (received) {
            case ReceivedUpdate.Malformed malformed -> new Unsupported(key, new ChatId(0), "malformed", Instant.EPOCH);
            case ReceivedUpdate.Parsed parsed when parsed.update().message() != null -> {
                Message message = parsed.update().message();
                yield ChatMessage.text(key, new ChatId(message.chat().id()),
                        new Sender(new CustomerId(message.from().id()), message.from().displayName()),
                        message.text() == null ? "" : message.text(), Instant.ofEpochSecond(message.date()));
            }
            case ReceivedUpdate.Parsed parsed -> new Unsupported(key, new ChatId(0),
                    parsed.update().callbackQuery() != null ? "callback_query" : "other", Instant.EPOCH);
        };
    }

    private static InboundKey key(long updateId) {
        return new InboundKey(TelegramUpdateMapper.SOURCE, Long.toString(updateId));
    }

    private static String message(long updateId, long chatId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":1,\"from\":{\"id\":42,\"is_bot\":false,"
                + "\"first_name\":\"Ann\"},\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"},\"date\":1780000000,"
                + "\"text\":\"" + CUSTOMER_TEXT + "\"}}";
    }

    private static String callback(long updateId, String callbackId) {
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"" + callbackId + "\",\"from\":{\"id\":42,"
                + "\"is_bot\":false,\"first_name\":\"Ann\"},\"chat_instance\":\"77\",\"data\":\"" + CUSTOMER_TEXT + "\"}}";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(PROMPTLY)
                .header("Content-Type", "application/json");
    }

    private HttpResponse<String> post(String path, String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            builder.header(TelegramWebhookServer.SECRET_HEADER, secret);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code request} on a raw socket and reads the response head. With {@code readToEnd} it then
     * reads until the server closes the connection.
     */
    private RawResponse raw(byte[] request, boolean readToEnd) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) PROMPTLY.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            long sent = System.nanoTime();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before the response head ended");
                }
                head.write(b);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - sent);
            String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            boolean closed = false;
            if (readToEnd) {
                byte[] buffer = new byte[1024];
                while (in.read(buffer) >= 0) {
                    // the response body; then the server's close ends the loop (a hang times out instead)
                }
                closed = true;
            }
            return new RawResponse(status, headers, elapsed, closed);
        }
    }

    private record RawResponse(int status, Map<String, String> headers, Duration elapsed, boolean closedByServer) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private List<String> messagesAt(Level level) {
        synchronized (logs) {
            return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Every captured line with its exception, as one text. */
    private String loggedText() {
        StringBuilder text = new StringBuilder();
        synchronized (logs) {
            for (ILoggingEvent event : logs.list) {
                text.append(event.getFormattedMessage()).append('\n');
                IThrowableProxy thrown = event.getThrowableProxy();
                if (thrown != null) {
                    text.append(ThrowableProxyUtil.asString(thrown)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private void awaitLogged(Level level, String fragment) throws InterruptedException {
        Supplier<Boolean> logged = () -> messagesAt(level).stream().anyMatch(m -> m.contains(fragment));
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (!logged.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(messagesAt(level)).anyMatch(m -> m.contains(fragment));
    }

    private static String secret(int length, long seed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        Random random = new Random(seed);
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }
}
