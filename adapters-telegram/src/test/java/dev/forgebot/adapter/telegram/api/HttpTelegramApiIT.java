package dev.forgebot.adapter.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgebot.adapter.telegram.api.SendMessageRequest.Keyboard;
import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.adapter.telegram.dto.TelegramFile;
import dev.forgebot.adapter.telegram.dto.Update;
import dev.forgebot.adapter.telegram.dto.User;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import dev.forgebot.adapter.telegram.fake.FakeBotApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpTelegramApi} against {@link FakeBotApi} on loopback: every method, every failure. */
class HttpTelegramApiIT {

    static final List<String> ALLOWED = List.of("message", "edited_message", "callback_query", "my_chat_member");
    static final long CHAT = 4242;
    static final long USER = 4242;

    FakeBotApi telegram;
    HttpTelegramApi api;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start();
        api = new HttpTelegramApi(TelegramApiConfig.defaults(telegram.baseUrl(), telegram.token()));
    }

    @AfterEach
    void stop() {
        api.close();
        telegram.close();
    }

    private static SendMessageRequest plain(long chatId, String text) {
        return new SendMessageRequest(chatId, text, false, Keyboard.NONE);
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void getMeReturnsTheBot() {
        User me = api.getMe();

        assertThat(me.id()).isEqualTo(telegram.botId());
        assertThat(me.isBot()).isTrue();
        assertThat(me.firstName()).isEqualTo("Forgebot Test");
        assertThat(me.username()).isEqualTo("forgebot_test_bot");
    }

    @Test
    void getUpdatesReadsEveryKindOfUpdateAndTheNextOffsetConfirmsThem() {
        telegram.addFile("doc-1", "offer.pdf", new byte[] {1, 2, 3});
        long text = telegram.enqueueText(CHAT, USER, "Hello, do you ship to Riga?");
        long contact = telegram.enqueueContact(CHAT, USER, "+37120000000");
        long document = telegram.enqueueDocument(CHAT, USER, "doc-1", "offer.pdf", "application/pdf", "my offer");
        long photo = telegram.enqueuePhoto(CHAT, USER, "photo-1", null);
        long callback = telegram.enqueueCallback(CHAT, USER, 7, "more");
        long blocked = telegram.enqueueMyChatMember(CHAT, USER, "member", "kicked");
        long reply = telegram.enqueueReply(-100, USER, "answer", 3);

        List<ReceivedUpdate> updates = api.getUpdates(OptionalLong.empty(), 100, Duration.ZERO, ALLOWED);

        assertThat(updates).extracting(ReceivedUpdate::updateId)
                .containsExactly(text, contact, document, photo, callback, blocked, reply);
        assertThat(updates).allMatch(u -> u instanceof ReceivedUpdate.Parsed);
        List<Update> parsed = updates.stream().map(u -> ((ReceivedUpdate.Parsed) u).update()).toList();
        assertThat(parsed.get(0).message().text()).isEqualTo("Hello, do you ship to Riga?");
        assertThat(parsed.get(0).message().chat().isPrivate()).isTrue();
        assertThat(parsed.get(0).message().from().id()).isEqualTo(USER);
        assertThat(parsed.get(1).message().contact().phoneNumber()).isEqualTo("+37120000000");
        assertThat(parsed.get(1).message().contact().userId()).isEqualTo(USER);
        assertThat(parsed.get(2).message().document().fileId()).isEqualTo("doc-1");
        assertThat(parsed.get(2).message().document().fileSize()).isEqualTo(3L);
        assertThat(parsed.get(2).message().caption()).isEqualTo("my offer");
        assertThat(parsed.get(3).message().photo()).last().extracting(p -> p.fileId()).isEqualTo("photo-1");
        assertThat(parsed.get(4).callbackQuery().data()).isEqualTo("more");
        assertThat(parsed.get(4).callbackQuery().message().messageId()).isEqualTo(7);
        assertThat(parsed.get(5).myChatMember().newChatMember().status()).isEqualTo("kicked");
        assertThat(parsed.get(6).message().chat().type()).isEqualTo("group");
        assertThat(parsed.get(6).message().replyToMessage().messageId()).isEqualTo(3);
        JsonNode sent = telegram.paramsOf("getUpdates").get(0);
        assertThat(sent.has("offset")).isFalse();
        assertThat(sent.get("limit").asInt()).isEqualTo(100);
        assertThat(sent.get("timeout").asInt()).isZero();
        assertThat(telegram.allowedUpdates()).isEqualTo(ALLOWED);

        List<ReceivedUpdate> after = api.getUpdates(OptionalLong.of(reply + 1), 100, Duration.ZERO, ALLOWED);

        assertThat(after).isEmpty();
        assertThat(telegram.confirmedBelow()).isEqualTo(reply + 1);
        assertThat(telegram.pendingUpdates()).isZero();
        assertThat(telegram.getUpdatesOffsets()).containsExactly(OptionalLong.empty(), OptionalLong.of(reply + 1));
    }

    @Test
    void getUpdatesReturnsAtMostTheLimitAndKeepsTheRestUntilConfirmed() {
        long first = telegram.enqueueText(CHAT, USER, "one");
        telegram.enqueueText(CHAT, USER, "two");
        long third = telegram.enqueueText(CHAT, USER, "three");

        List<ReceivedUpdate> page = api.getUpdates(OptionalLong.empty(), 2, Duration.ZERO, ALLOWED);
        List<ReceivedUpdate> next = api.getUpdates(OptionalLong.of(page.get(1).updateId() + 1), 2, Duration.ZERO,
                ALLOWED);

        assertThat(page).extracting(ReceivedUpdate::updateId).containsExactly(first, first + 1);
        assertThat(next).extracting(ReceivedUpdate::updateId).containsExactly(third);
        assertThat(telegram.pendingUpdates()).isEqualTo(1);
    }

    @Test
    void aLongPollAnswersAsSoonAsAnUpdateArrives() throws Exception {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> telegram.enqueueText(CHAT, USER, "late"), 300, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();

            List<ReceivedUpdate> updates = api.getUpdates(OptionalLong.empty(), 100, Duration.ofSeconds(30), ALLOWED);

            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("long poll answered after ms=" + tookMs + " (update enqueued at 300 ms, cap 2000 ms)");
            assertThat(updates).hasSize(1);
            assertThat(tookMs).isBetween(250L, 1900L);
            assertThat(telegram.paramsOf("getUpdates").get(0).get("timeout").asInt()).isEqualTo(30);
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void aLongPollOutlastsTheResponseTimeoutByThePollMargin() {
        try (FakeBotApi slow = FakeBotApi.builder().longPollCap(Duration.ofMillis(1500)).start();
             HttpTelegramApi shortTimeouts = new HttpTelegramApi(new TelegramApiConfig(slow.baseUrl(), slow.token(),
                     Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2), 4))) {

            List<ReceivedUpdate> updates = shortTimeouts.getUpdates(OptionalLong.empty(), 100, Duration.ofSeconds(1),
                    ALLOWED);

            assertThat(updates).isEmpty();
            // the same wait on an ordinary call is cut at the 300 ms response timeout
            slow.delayNext("getMe", Duration.ofSeconds(1));
            assertThatThrownBy(shortTimeouts::getMe).isInstanceOf(TelegramUnreachableException.class);
        }
    }

    @Test
    void sendMessageReturnsTheMessageAndSendsParseModeAndKeyboards() {
        Message plain = api.sendMessage(plain(CHAT, "Hi & welcome"));
        Message html = api.sendMessage(new SendMessageRequest(CHAT, "<b>Price:</b> 10 &lt; 20", true,
                Keyboard.REQUEST_CONTACT));
        Message removed = api.sendMessage(new SendMessageRequest(CHAT, "Thanks", false, Keyboard.REMOVE));

        assertThat(plain.messageId()).isEqualTo(1);
        assertThat(html.messageId()).isEqualTo(2);
        assertThat(removed.messageId()).isEqualTo(3);
        assertThat(plain.chat().id()).isEqualTo(CHAT);
        assertThat(html.text()).isEqualTo("Price: 10 < 20");
        List<FakeBotApi.SentMessage> sent = telegram.sent();
        assertThat(sent.get(0).parseMode()).isNull();
        assertThat(sent.get(0).replyMarkupJson()).isNull();
        assertThat(sent.get(1).parseMode()).isEqualTo("HTML");
        assertThat(sent.get(1).rawText()).isEqualTo("<b>Price:</b> 10 &lt; 20");
        assertThat(sent.get(1).replyMarkupJson()).isEqualTo("{\"keyboard\":[[{\"text\":\"Share my phone number\","
                + "\"request_contact\":true}]],\"one_time_keyboard\":true,\"resize_keyboard\":true}");
        assertThat(sent.get(2).replyMarkupJson()).isEqualTo("{\"remove_keyboard\":true}");
        assertThat(telegram.textsTo(CHAT)).containsExactly("Hi & welcome", "Price: 10 < 20", "Thanks");
    }

    @Test
    void sendChatActionIsRecorded() {
        api.sendChatAction(CHAT, "typing");

        assertThat(telegram.chatActions()).containsExactly(new FakeBotApi.ChatAction(CHAT, "typing"));
    }

    @Test
    void getFileThenDownloadFileReturnsTheBytes() {
        byte[] content = "%PDF-1.7 offer".getBytes(StandardCharsets.UTF_8);
        String path = telegram.addFile("doc-9", "offer.pdf", content);

        TelegramFile file = api.getFile("doc-9");
        byte[] downloaded = api.downloadFile(file.filePath(), 1024);

        assertThat(file.filePath()).isEqualTo(path);
        assertThat(file.fileSize()).isEqualTo(content.length);
        assertThat(downloaded).isEqualTo(content);
    }

    @Test
    void aDownloadOverTheLimitIsRefusedWith413AndTheClientStaysUsable() {
        byte[] big = new byte[256 * 1024];
        Arrays.fill(big, (byte) 'x');
        String path = telegram.addFile("big", "big.bin", big);

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class, () -> api.downloadFile(path, 1000));

        assertThat(e.errorCode()).isEqualTo(413);
        assertThat(e.description()).isEqualTo("file is larger than 1000 bytes");
        assertThat(e.unreadableBody()).isFalse();
        assertThat(api.downloadFile(path, big.length)).hasSize(big.length);
        assertThat(api.getMe().id()).isEqualTo(telegram.botId());
    }

    @Test
    void aChunkedDownloadOverTheLimitIsCutAtTheLimitWith413AndTheClientStaysUsable() {
        try (FakeBotApi chunked = FakeBotApi.builder().chunkedDownloads(true).start();
             HttpTelegramApi client = new HttpTelegramApi(TelegramApiConfig.defaults(chunked.baseUrl(),
                     chunked.token()))) {
            byte[] big = new byte[1024 * 1024];
            String path = chunked.addFile("big", "big.bin", big);

            TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                    () -> client.downloadFile(path, 4096));

            assertThat(e.errorCode()).isEqualTo(413);
            assertThat(client.downloadFile(path, big.length)).hasSize(big.length);
            assertThat(client.getMe().id()).isEqualTo(chunked.botId());
        }
    }

    @Test
    void closingTheClientEndsALongPollInProgress() throws Exception {
        try (FakeBotApi slow = FakeBotApi.builder().longPollCap(Duration.ofSeconds(20)).start()) {
            HttpTelegramApi client = new HttpTelegramApi(TelegramApiConfig.defaults(slow.baseUrl(), slow.token()));
            ExecutorService poller = Executors.newSingleThreadExecutor();
            try {
                Future<List<ReceivedUpdate>> poll = poller.submit(
                        () -> client.getUpdates(OptionalLong.empty(), 100, Duration.ofSeconds(20), ALLOWED));
                while (slow.requestCount("getUpdates") == 0) {
                    Thread.onSpinWait();
                }
                long started = System.nanoTime();

                client.close();

                ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> poll.get(5, TimeUnit.SECONDS));
                assertThat(e.getCause()).isInstanceOf(TelegramUnreachableException.class);
                assertThat(((TelegramUnreachableException) e.getCause()).requestSent()).isTrue();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
            } finally {
                poller.shutdownNow();
            }
        }
    }

    @Test
    void anUnknownFileIdIsRefusedAndAMissingFileIs404() {
        TelegramApiException unknown = catchThrowableOfType(TelegramApiException.class, () -> api.getFile("nope"));
        TelegramApiException missing = catchThrowableOfType(TelegramApiException.class,
                () -> api.downloadFile("documents/file_99.pdf", 1000));

        assertThat(unknown.errorCode()).isEqualTo(400);
        assertThat(unknown.description()).isEqualTo("Bad Request: invalid file_id");
        assertThat(missing.errorCode()).isEqualTo(404);
        assertThat(missing.method()).isEqualTo("downloadFile");
        assertThat(missing.unreadableBody()).isFalse();
    }

    @Test
    void answerCallbackQueryWithAndWithoutText() {
        long first = telegram.enqueueCallback(CHAT, USER, 1, "a");
        long second = telegram.enqueueCallback(CHAT, USER, 1, "b");

        api.answerCallbackQuery("cb-" + first, "Done");
        api.answerCallbackQuery("cb-" + second, null);

        assertThat(telegram.answeredCallbacks()).containsExactly(
                new FakeBotApi.AnsweredCallback("cb-" + first, "Done"),
                new FakeBotApi.AnsweredCallback("cb-" + second, null));
        assertThat(telegram.paramsOf("answerCallbackQuery").get(1).has("text")).isFalse();
    }

    @Test
    void setWebhookThenInfoThenDeleteRoundTrip() {
        telegram.enqueueText(CHAT, USER, "queued");
        WebhookRegistration registration = new WebhookRegistration(URI.create("https://bot.example.com/telegram"),
                "s3cret_Value-1", ALLOWED, 20);

        api.setWebhook(registration);
        WebhookInfo info = api.getWebhookInfo();
        String secretSeen = telegram.webhookSecret();
        api.deleteWebhook(false);
        WebhookInfo afterDelete = api.getWebhookInfo();

        assertThat(info.isSet()).isTrue();
        assertThat(info.url()).isEqualTo("https://bot.example.com/telegram");
        assertThat(info.pendingUpdateCount()).isEqualTo(1);
        assertThat(info.maxConnections()).isEqualTo(20);
        assertThat(info.allowedUpdates()).isEqualTo(ALLOWED);
        assertThat(telegram.setWebhookCalls()).isEqualTo(1);
        assertThat(secretSeen).isEqualTo("s3cret_Value-1");
        assertThat(telegram.paramsOf("setWebhook").get(0).has("drop_pending_updates")).isFalse();
        assertThat(afterDelete.isSet()).isFalse();
        assertThat(telegram.pendingUpdates()).isEqualTo(1);
        assertThat(telegram.paramsOf("deleteWebhook").get(0).get("drop_pending_updates").asBoolean()).isFalse();
    }

    @Test
    void deleteWebhookWithDropDiscardsQueuedUpdates() {
        telegram.enqueueText(CHAT, USER, "queued");

        api.deleteWebhook(true);

        assertThat(telegram.pendingUpdates()).isZero();
    }

    @Test
    void getWebhookInfoReportsTheLastDeliveryError() {
        telegram.presetWebhook("https://bot.example.com/telegram");
        telegram.webhookError(1_780_000_000L, "Wrong response from the webhook: 502 Bad Gateway");

        WebhookInfo info = api.getWebhookInfo();

        assertThat(info.lastErrorDate()).isEqualTo(1_780_000_000L);
        assertThat(info.lastErrorMessage()).isEqualTo("Wrong response from the webhook: 502 Bad Gateway");
    }

    @Test
    void aBaseUrlWithAPathPrefixAndATrailingSlashWorks() {
        try (FakeBotApi prefixed = FakeBotApi.builder().pathPrefix("/telegram/api").start();
             HttpTelegramApi client = new HttpTelegramApi(TelegramApiConfig.defaults(
                     URI.create(prefixed.baseUrl() + "/"), prefixed.token()))) {
            prefixed.addFile("f", "a.txt", new byte[] {42});

            User me = client.getMe();
            byte[] file = client.downloadFile(client.getFile("f").filePath(), 10);

            assertThat(prefixed.baseUrl().getPath()).isEqualTo("/telegram/api");
            assertThat(me.id()).isEqualTo(prefixed.botId());
            assertThat(file).containsExactly(42);
            assertThat(prefixed.requests()).containsExactly("getMe", "getFile", "downloadFile");
        }
    }

    // ---------------------------------------------------------------- Telegram's refusals

    @Test
    void malformedHtmlIs400WithTelegramsDescription() {
        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.sendMessage(new SendMessageRequest(CHAT, "<b>bold", true, Keyboard.NONE)));

        assertThat(e.method()).isEqualTo("sendMessage");
        assertThat(e.errorCode()).isEqualTo(400);
        assertThat(e.description()).startsWith("Bad Request: can't parse entities:");
        assertThat(e.describedAs("bad request: can't parse entities")).isTrue();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.migrateToChatId()).isEmpty();
        assertThat(e.unreadableBody()).isFalse();
        assertThat(telegram.sent()).isEmpty();
    }

    @Test
    void aTooLongMessageIs400() {
        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.sendMessage(plain(CHAT, "x".repeat(4097))));

        assertThat(e.errorCode()).isEqualTo(400);
        assertThat(e.description()).isEqualTo("Bad Request: message is too long");
    }

    @Test
    void aWrongTokenIs401() {
        try (HttpTelegramApi wrong = new HttpTelegramApi(TelegramApiConfig.defaults(telegram.baseUrl(),
                BotToken.of("111:AAnother-token_000000000000000")))) {

            TelegramApiException e = catchThrowableOfType(TelegramApiException.class, wrong::getMe);

            assertThat(e.errorCode()).isEqualTo(401);
            assertThat(e.description()).isEqualTo("Unauthorized");
            assertThat(e.unreadableBody()).isFalse();
        }
    }

    @Test
    void aBlockedUserIs403() {
        telegram.scriptBlocked(CHAT);

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.sendMessage(plain(CHAT, "hi")));

        assertThat(e.errorCode()).isEqualTo(403);
        assertThat(e.description()).isEqualTo("Forbidden: bot was blocked by the user");
    }

    @Test
    void aGoneChatIs400ChatNotFound() {
        telegram.scriptGone(CHAT);

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.sendChatAction(CHAT, "typing"));

        assertThat(e.errorCode()).isEqualTo(400);
        assertThat(e.mentions("chat not found")).isTrue();
    }

    @Test
    void getUpdatesWhileAWebhookIsActiveIs409() {
        telegram.presetWebhook("https://bot.example.com/telegram");

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.getUpdates(OptionalLong.empty(), 100, Duration.ZERO, ALLOWED));

        assertThat(e.errorCode()).isEqualTo(409);
        assertThat(e.description()).startsWith("Conflict: can't use getUpdates method while webhook is active");
    }

    @Test
    void floodControlIs429WithRetryAfter() {
        telegram.scriptTooManyRequests(CHAT, 1, 17);

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.sendMessage(plain(CHAT, "hi")));
        Message then = api.sendMessage(plain(CHAT, "hi again"));

        assertThat(e.errorCode()).isEqualTo(429);
        assertThat(e.isTooManyRequests()).isTrue();
        assertThat(e.description()).isEqualTo("Too Many Requests: retry after 17");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
        assertThat(then.messageId()).isEqualTo(1);
    }

    @Test
    void aMigratedGroupIs400WithTheNewChatId() {
        telegram.scriptMigrated(-4001, -1_002_000_000_001L);

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.sendMessage(plain(-4001, "hi")));

        assertThat(e.errorCode()).isEqualTo(400);
        assertThat(e.description()).isEqualTo("Bad Request: group chat was upgraded to a supergroup chat");
        assertThat(e.migrateToChatId()).hasValue(-1_002_000_000_001L);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void aGatewayHtmlPageOn502IsAnUnreadableBody() {
        telegram.failNext("sendMessage", 1, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                "text/html");

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.sendMessage(plain(CHAT, "hi")));

        assertThat(e.errorCode()).isEqualTo(502);
        assertThat(e.isServerError()).isTrue();
        assertThat(e.unreadableBody()).isTrue();
        assertThat(e.description()).isEqualTo("unreadable 502 answer (content-type text/html)");
        assertThat(e.description()).doesNotContain("Bad Gateway");
    }

    @Test
    void a200WithBrokenJsonIsAnUnreadableBody() {
        telegram.failNext("getMe", 1, 200, "{\"ok\":tru", "application/json");

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class, api::getMe);

        assertThat(e.errorCode()).isEqualTo(200);
        assertThat(e.unreadableBody()).isTrue();
        assertThat(e.description()).startsWith("unreadable 200 answer (content-type application/json)");
    }

    @Test
    void a200WhoseResultHasTheWrongShapeIsAnUnreadableBody() {
        telegram.failNext("sendMessage", 1, 200, "{\"ok\":true,\"result\":[1,2]}", "application/json");

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> api.sendMessage(plain(CHAT, "hi")));

        assertThat(e.unreadableBody()).isTrue();
        assertThat(e.description()).contains("result is not a Message");
    }

    // ---------------------------------------------------------------- malformed updates

    @Test
    void aMalformedUpdateIsMalformedWithItsIdAndTheOthersAreParsed() {
        long before = telegram.enqueueText(CHAT, USER, "fine");
        long oops = telegram.enqueueRaw("{\"message\":\"oops\"}");
        long stringChat = telegram.enqueueRaw("{\"message\":{\"message_id\":5,\"date\":1,"
                + "\"chat\":{\"id\":\"not-a-number\",\"type\":\"private\"},\"text\":\"x\"}}");
        long noId = telegram.enqueueElementWithoutId("{\"message\":{\"message_id\":6}}");
        long after = telegram.enqueueText(CHAT, USER, "also fine");

        List<ReceivedUpdate> updates = api.getUpdates(OptionalLong.empty(), 100, Duration.ZERO, ALLOWED);

        assertThat(updates).extracting(ReceivedUpdate::updateId).containsExactly(before, oops, stringChat, after);
        assertThat(updates.get(0)).isInstanceOf(ReceivedUpdate.Parsed.class);
        assertThat(updates.get(1)).isInstanceOf(ReceivedUpdate.Malformed.class);
        assertThat(updates.get(2)).isInstanceOf(ReceivedUpdate.Malformed.class);
        assertThat(updates.get(3)).isInstanceOf(ReceivedUpdate.Parsed.class);
        assertThat(((ReceivedUpdate.Malformed) updates.get(1)).problem()).doesNotContain("oops");
        assertThat(noId).isBetween(stringChat, after);

        api.getUpdates(OptionalLong.of(after + 1), 100, Duration.ZERO, ALLOWED);

        assertThat(telegram.pendingUpdates()).isZero();
    }

    // ---------------------------------------------------------------- no answer

    @Test
    void aRefusedConnectionIsUnreachableWithNothingSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (HttpTelegramApi nowhere = new HttpTelegramApi(TelegramApiConfig.defaults(
                URI.create("http://127.0.0.1:" + closedPort), telegram.token()))) {

            TelegramUnreachableException e = catchThrowableOfType(TelegramUnreachableException.class,
                    () -> nowhere.sendMessage(plain(CHAT, "hi")));

            assertThat(e.method()).isEqualTo("sendMessage");
            assertThat(e.requestSent()).isFalse();
            assertThat(e.getMessage()).contains("connection refused");
        }
    }

    @Test
    void noAnswerAfterTelegramActedIsUnreachableWithTheRequestSent() {
        telegram.dropNext("sendMessage", 1, true);

        TelegramUnreachableException e = catchThrowableOfType(TelegramUnreachableException.class,
                () -> api.sendMessage(plain(CHAT, "hi")));

        assertThat(e.requestSent()).isTrue();
        assertThat(telegram.textsTo(CHAT)).containsExactly("hi");
        assertThat(api.sendMessage(plain(CHAT, "again")).messageId()).isEqualTo(2);
    }

    @Test
    void noAnswerBeforeTelegramActedIsStillUnreachableWithTheRequestSent() {
        telegram.dropNext("sendMessage", 1, false);

        TelegramUnreachableException e = catchThrowableOfType(TelegramUnreachableException.class,
                () -> api.sendMessage(plain(CHAT, "hi")));

        assertThat(e.requestSent()).isTrue();
        assertThat(telegram.sent()).isEmpty();
    }

    @Test
    void aResponseTimeoutIsUnreachableWithTheRequestSent() {
        try (HttpTelegramApi impatient = new HttpTelegramApi(TelegramApiConfig.defaults(telegram.baseUrl(),
                telegram.token()).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(1)))) {
            telegram.delayNext("sendMessage", Duration.ofSeconds(2));

            TelegramUnreachableException e = catchThrowableOfType(TelegramUnreachableException.class,
                    () -> impatient.sendMessage(plain(CHAT, "hi")));

            assertThat(e.requestSent()).isTrue();
            assertThat(e.getMessage()).contains("read timed out");
        }
    }

    @Test
    void anUnknownHostIsUnreachableWithNothingSent() {
        try (HttpTelegramApi nowhere = new HttpTelegramApi(TelegramApiConfig.defaults(
                URI.create("http://no-such-host.invalid"), telegram.token()))) {

            TelegramUnreachableException e = catchThrowableOfType(TelegramUnreachableException.class, nowhere::getMe);

            assertThat(e.requestSent()).isFalse();
            assertThat(e.getMessage()).contains("unknown host");
        }
    }
}
