package dev.forgebot.adapter.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgebot.adapter.telegram.dto.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BotApiAnswersTest {

    static final BotToken TOKEN = BotToken.of("123456:AAsecret_part-0123456789abcdef");
    static final TokenRedaction REDACTION = new TokenRedaction(TOKEN);

    private static BotApiAnswers.Raw raw(int status, String contentType, String body) {
        return new BotApiAnswers.Raw(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static TelegramApiException failure(BotApiAnswers.Raw raw) {
        return catchThrowableOfType(TelegramApiException.class, () -> BotApiAnswers.result("sendMessage", raw, REDACTION));
    }

    @Test
    void okTrueGivesTheResult() {
        JsonNode result = BotApiAnswers.result("getMe", raw(200, "application/json",
                "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"B\",\"new_field\":1}}"), REDACTION);

        User user = BotApiAnswers.as("getMe", raw(200, null, ""), result, User.class);

        assertThat(user.id()).isEqualTo(1);
        assertThat(user.isBot()).isTrue();
    }

    @Test
    void okFalseCarriesCodeDescriptionRetryAfterAndMigration() {
        TelegramApiException flood = failure(raw(429, "application/json", "{\"ok\":false,\"error_code\":429,"
                + "\"description\":\"Too Many Requests: retry after 31\",\"parameters\":{\"retry_after\":31}}"));
        TelegramApiException migrated = failure(raw(400, "application/json", "{\"ok\":false,\"error_code\":400,"
                + "\"description\":\"Bad Request: group chat was upgraded to a supergroup chat\","
                + "\"parameters\":{\"migrate_to_chat_id\":-1001234567890}}"));

        assertThat(flood.errorCode()).isEqualTo(429);
        assertThat(flood.retryAfter()).contains(Duration.ofSeconds(31));
        assertThat(flood.migrateToChatId()).isEmpty();
        assertThat(flood.unreadableBody()).isFalse();
        assertThat(flood.getMessage()).isEqualTo("sendMessage failed: 429 Too Many Requests: retry after 31");
        assertThat(migrated.migrateToChatId()).hasValue(-1001234567890L);
        assertThat(migrated.retryAfter()).isEmpty();
    }

    @Test
    void okFalseWithoutErrorCodeOrDescriptionFallsBackToTheHttpStatus() {
        TelegramApiException e = failure(raw(403, "application/json", "{\"ok\":false}"));

        assertThat(e.errorCode()).isEqualTo(403);
        assertThat(e.description()).isEqualTo("no description");
        assertThat(e.unreadableBody()).isFalse();
    }

    @Test
    void anHtmlPageIsUnreadableWithTheHttpStatusAndNoneOfItsText() {
        TelegramApiException e = failure(raw(502, "text/html; charset=utf-8", "<html>Bad Gateway</html>"));

        assertThat(e.errorCode()).isEqualTo(502);
        assertThat(e.unreadableBody()).isTrue();
        assertThat(e.description()).isEqualTo("unreadable 502 answer (content-type text/html; charset=utf-8)");
    }

    @Test
    void jsonThatIsNotTheEnvelopeIsUnreadable() {
        assertThat(failure(raw(200, "application/json", "{\"ok\":tr")).unreadableBody()).isTrue();
        assertThat(failure(raw(200, "application/json", "[1,2]")).unreadableBody()).isTrue();
        assertThat(failure(raw(200, "application/json", "{\"ok\":\"yes\",\"result\":1}")).unreadableBody()).isTrue();
        assertThat(failure(raw(200, null, "")).description()).isEqualTo("unreadable 200 answer (content-type none)");
        assertThat(failure(raw(200, "application/json", "{\"ok\":true}")).description()).endsWith(": no result");
    }

    @Test
    void aResultOfTheWrongShapeIsUnreadableWithoutQuotingIt() {
        BotApiAnswers.Raw answer = raw(200, "application/json", "{\"ok\":true,\"result\":\"customer text\"}");
        JsonNode result = BotApiAnswers.result("getMe", answer, REDACTION);

        TelegramApiException e = catchThrowableOfType(TelegramApiException.class,
                () -> BotApiAnswers.as("getMe", answer, result, User.class));

        assertThat(e.unreadableBody()).isTrue();
        assertThat(e.description()).contains("result is not a User").doesNotContain("customer text");
    }

    @Test
    void aDescriptionEchoingTheTokenIsRedacted() {
        TelegramApiException e = failure(raw(400, "application/json", "{\"ok\":false,\"error_code\":400,"
                + "\"description\":\"Bad Request: /bot" + TOKEN.reveal() + "/x and AAsecret_part-0123456789abcdef\"}"));

        assertThat(e.description()).isEqualTo("Bad Request: /bot****/x and ****");
    }

    @Test
    void aDownloadFailureReadsTheEnvelopeWhenThereIsOne() {
        TelegramApiException json = BotApiAnswers.failure("downloadFile", raw(404, "application/json",
                "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"), REDACTION);
        TelegramApiException html = BotApiAnswers.failure("downloadFile", raw(502, "text/html", "<html/>"), REDACTION);

        assertThat(json.errorCode()).isEqualTo(404);
        assertThat(json.unreadableBody()).isFalse();
        assertThat(html.errorCode()).isEqualTo(502);
        assertThat(html.unreadableBody()).isTrue();
    }
}
