package dev.forgebot.adapter.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.adapter.telegram.api.SendMessageRequest.Keyboard;
import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BotApiRequestsTest {

    @Test
    void getUpdatesOmitsAnAbsentOffsetAndAlwaysSendsAllowedUpdates() {
        assertThat(BotApiRequests.getUpdates(OptionalLong.empty(), 100, 30, List.of("message")))
                .hasToString("{\"limit\":100,\"timeout\":30,\"allowed_updates\":[\"message\"]}");
        assertThat(BotApiRequests.getUpdates(OptionalLong.of(12), 1, 0, List.of()))
                .hasToString("{\"offset\":12,\"limit\":1,\"timeout\":0,\"allowed_updates\":[]}");
    }

    @Test
    void plainTextHasNoParseModeAndNoMarkup() {
        assertThat(BotApiRequests.sendMessage(new SendMessageRequest(42, "a < b", false, Keyboard.NONE)))
                .hasToString("{\"chat_id\":42,\"text\":\"a < b\"}");
    }

    @Test
    void htmlSetsParseModeAndKeyboardsHaveTheirMarkup() {
        assertThat(BotApiRequests.sendMessage(new SendMessageRequest(-7, "<b>x</b>", true, Keyboard.REMOVE)))
                .hasToString("{\"chat_id\":-7,\"text\":\"<b>x</b>\",\"parse_mode\":\"HTML\","
                        + "\"reply_markup\":{\"remove_keyboard\":true}}");
        assertThat(BotApiRequests.replyMarkup(Keyboard.REQUEST_CONTACT))
                .hasToString("{\"keyboard\":[[{\"text\":\"Share my phone number\",\"request_contact\":true}]],"
                        + "\"one_time_keyboard\":true,\"resize_keyboard\":true}");
        assertThat(BotApiRequests.replyMarkup(Keyboard.NONE)).isNull();
    }

    @Test
    void setWebhookNeverDropsPendingUpdates() {
        String body = BotApiRequests.setWebhook(new WebhookRegistration(URI.create("https://x.example/hook"), "s_1",
                List.of("message", "callback_query"), 40)).toString();

        assertThat(body).isEqualTo("{\"url\":\"https://x.example/hook\",\"secret_token\":\"s_1\","
                + "\"allowed_updates\":[\"message\",\"callback_query\"],\"max_connections\":40}");
        assertThat(body).doesNotContain("drop_pending_updates");
    }

    @Test
    void answerCallbackQueryOmitsAnAbsentText() {
        assertThat(BotApiRequests.answerCallbackQuery("q1", null)).hasToString("{\"callback_query_id\":\"q1\"}");
        assertThat(BotApiRequests.answerCallbackQuery("q1", "ok"))
                .hasToString("{\"callback_query_id\":\"q1\",\"text\":\"ok\"}");
        assertThat(BotApiRequests.deleteWebhook(false)).hasToString("{\"drop_pending_updates\":false}");
    }
}
