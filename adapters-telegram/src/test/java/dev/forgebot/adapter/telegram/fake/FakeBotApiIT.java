package dev.forgebot.adapter.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's own Bot API semantics, spoken to in raw HTTP so nothing of the real client is assumed. */
class FakeBotApiIT {

    static final ObjectMapper JSON = new ObjectMapper();

    FakeBotApi telegram;
    HttpClient http;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.builder().longPollCap(Duration.ofSeconds(3)).start();
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        telegram.close();
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply post(String method, String json) throws Exception {
        return post(telegram.token().reveal(), method, json);
    }

    private Reply post(String token, String method, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + token + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    @Test
    void anotherTokenIs401AndAnUnknownMethodIs404() throws Exception {
        Reply wrongToken = post("1:AAxxxxxxxxxxxxxxxxxxxxxxxx", "getMe", "{}");
        Reply unknown = post("sendPigeon", "{}");

        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.body().toString()).isEqualTo("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().toString()).isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }

    @Test
    void methodNamesAreCaseInsensitiveAndQueryParametersWork() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + telegram.token().reveal()
                + "/SENDMESSAGE?chat_id=5&text=hi%20there")).GET().build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(telegram.textsTo(5)).containsExactly("hi there");
        assertThat(telegram.requests()).containsExactly("sendMessage");
    }

    @Test
    void aNegativeOffsetKeepsOnlyTheLastUpdates() throws Exception {
        for (int i = 0; i < 5; i++) {
            telegram.enqueueText(1, 1, "m" + i);
        }

        Reply reply = post("getUpdates", "{\"offset\":-2}");

        assertThat(reply.body().get("result")).hasSize(2);
        assertThat(reply.body().get("result").get(0).get("update_id").asLong()).isEqualTo(4);
        assertThat(telegram.pendingUpdates()).isEqualTo(2);
        assertThat(telegram.getUpdatesOffsets()).containsExactly(OptionalLong.of(-2));
    }

    @Test
    void aSecondPollEndsTheWaitingOneWith409() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return post("getUpdates", "{\"timeout\":30}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool);
            while (telegram.requestCount("getUpdates") == 0) {
                Thread.onSpinWait();
            }
            Thread.sleep(100);

            Reply second = post("getUpdates", "{\"timeout\":0}");

            Reply ended = first.get(5, TimeUnit.SECONDS);
            assertThat(second.status()).isEqualTo(200);
            assertThat(ended.status()).isEqualTo(409);
            assertThat(ended.body().get("description").asText()).isEqualTo(
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sendMessageChecksTextLikeTelegram() throws Exception {
        Reply empty = post("sendMessage", "{\"chat_id\":1,\"text\":\"\"}");
        Reply onlyTags = post("sendMessage", "{\"chat_id\":1,\"text\":\"<b></b>\",\"parse_mode\":\"HTML\"}");
        Reply tooLong = post("sendMessage", "{\"chat_id\":1,\"text\":\"" + "x".repeat(4097) + "\"}");
        Reply longWithTags = post("sendMessage", "{\"chat_id\":1,\"text\":\"<b>" + "x".repeat(4096)
                + "</b>\",\"parse_mode\":\"HTML\"}");
        Reply emoji = post("sendMessage", "{\"chat_id\":1,\"text\":\"" + "\\uD83D\\uDE00".repeat(2049) + "\"}");

        assertThat(empty.body().get("description").asText()).isEqualTo("Bad Request: message text is empty");
        assertThat(onlyTags.body().get("description").asText()).isEqualTo("Bad Request: message text is empty");
        assertThat(tooLong.body().get("description").asText()).isEqualTo("Bad Request: message is too long");
        assertThat(longWithTags.status()).isEqualTo(200);
        assertThat(emoji.body().get("description").asText()).isEqualTo("Bad Request: message is too long");
        assertThat(telegram.sent()).singleElement().satisfies(m -> {
            assertThat(m.text()).hasSize(4096);
            assertThat(m.rawText()).startsWith("<b>");
        });
    }

    @Test
    void messageIdsArePerChatAndSharedWithIncomingMessages() throws Exception {
        telegram.enqueueText(1, 1, "in");

        Reply toOne = post("sendMessage", "{\"chat_id\":1,\"text\":\"a\"}");
        Reply toTwo = post("sendMessage", "{\"chat_id\":2,\"text\":\"b\"}");

        assertThat(toOne.body().at("/result/message_id").asLong()).isEqualTo(2);
        assertThat(toTwo.body().at("/result/message_id").asLong()).isEqualTo(1);
        assertThat(toTwo.body().at("/result/from/id").asLong()).isEqualTo(telegram.botId());
    }

    @Test
    void aCallbackQueryCanBeAnsweredOnce() throws Exception {
        long id = telegram.enqueueCallback(1, 1, 1, "x");

        Reply first = post("answerCallbackQuery", "{\"callback_query_id\":\"cb-" + id + "\"}");
        Reply again = post("answerCallbackQuery", "{\"callback_query_id\":\"cb-" + id + "\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().get("description").asText()).startsWith("Bad Request: query is too old");
    }

    @Test
    void setWebhookEndsAWaitingPollAndBlocksPollingUntilDeleted() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Reply> poll = CompletableFuture.supplyAsync(() -> {
                try {
                    return post("getUpdates", "{\"timeout\":30}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool);
            while (telegram.requestCount("getUpdates") == 0) {
                Thread.onSpinWait();
            }
            Thread.sleep(100);

            post("setWebhook", "{\"url\":\"https://x.example/hook\",\"secret_token\":\"abc\"}");

            assertThat(poll.get(5, TimeUnit.SECONDS).body().get("description").asText())
                    .isEqualTo("Conflict: terminated by setWebhook request");
            assertThat(post("getUpdates", "{}").status()).isEqualTo(409);
            post("deleteWebhook", "{}");
            assertThat(post("getUpdates", "{}").status()).isEqualTo(200);
            assertThat(telegram.setWebhookCalls()).isEqualTo(1);
            assertThat(telegram.deleteWebhookCalls()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aScriptedTooManyRequestsRunsOutAfterItsCount() throws Exception {
        telegram.scriptTooManyRequests(9, 2, 5);

        List<Integer> statuses = List.of(
                post("sendMessage", "{\"chat_id\":9,\"text\":\"a\"}").status(),
                post("sendMessage", "{\"chat_id\":9,\"text\":\"a\"}").status(),
                post("sendMessage", "{\"chat_id\":9,\"text\":\"a\"}").status());

        assertThat(statuses).containsExactly(429, 429, 200);
    }
}
