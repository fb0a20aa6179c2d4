package dev.forgebot.adapter.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads the Bot API's answer envelope, {@code {ok, result | description, error_code, parameters}}:
 * {@code ok=true} gives the result; {@code ok=false} becomes a {@link TelegramApiException} with the
 * error's fields; anything else (a gateway's HTML page, broken JSON, a missing {@code ok}) becomes a
 * {@link TelegramApiException} with {@code unreadableBody=true} and the HTTP status as its code. No
 * body content reaches an exception message except Telegram's own {@code description}.
 */
final class BotApiAnswers {

    private static final int MAX_CONTENT_TYPE = 100;

    /** One HTTP answer: status, {@code Content-Type} (or null) and the body read. */
    record Raw(int status, String contentType, byte[] body) {
        Raw {
            Objects.requireNonNull(body, "body");
        }
    }

    private BotApiAnswers() {
    }

    /** The {@code result} of an {@code ok=true} answer. */
    static JsonNode result(String method, Raw raw, TokenRedaction redaction) {
        JsonNode root = readTree(raw.body());
        if (root == null || !root.isObject() || !root.path("ok").isBoolean()) {
            throw unreadable(method, raw, null);
        }
        if (!root.get("ok").booleanValue()) {
            throw refusal(method, raw.status(), root, redaction);
        }
        JsonNode result = root.get("result");
        if (result == null) {
            throw unreadable(method, raw, "no result");
        }
        return result;
    }

    /** The failure for a non-2xx answer that is not the result of a call (a file download). */
    static TelegramApiException failure(String method, Raw raw, TokenRedaction redaction) {
        JsonNode root = readTree(raw.body());
        if (root != null && root.isObject() && root.path("ok").isBoolean() && !root.get("ok").booleanValue()) {
            return refusal(method, raw.status(), root, redaction);
        }
        return unreadable(method, raw, null);
    }

    /** Reads {@code result} as {@code type}; a result of another shape is an unreadable answer. */
    static <T> T as(String method, Raw raw, JsonNode result, Class<T> type) {
        try {
            T value = TelegramJson.MAPPER.treeToValue(result, type);
            if (value == null) {
                throw unreadable(method, raw, "result is not a " + type.getSimpleName());
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            // Jackson's message quotes the content: name the problem's kind only.
            throw unreadable(method, raw, "result is not a " + type.getSimpleName() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static TelegramApiException refusal(String method, int httpStatus, JsonNode root, TokenRedaction redaction) {
        JsonNode code = root.path("error_code");
        int errorCode = code.isIntegralNumber() && code.canConvertToInt() ? code.intValue() : httpStatus;
        JsonNode text = root.path("description");
        String description = text.isTextual() ? redaction.redact(text.textValue()) : "no description";
        JsonNode parameters = root.path("parameters");
        JsonNode retry = parameters.path("retry_after");
        Duration retryAfter = retry.isIntegralNumber() && retry.canConvertToLong() && retry.longValue() >= 0
                ? Duration.ofSeconds(retry.longValue()) : null;
        JsonNode migrate = parameters.path("migrate_to_chat_id");
        Long migrateTo = migrate.isIntegralNumber() && migrate.canConvertToLong() ? migrate.longValue() : null;
        return new TelegramApiException(method, errorCode, description, retryAfter, migrateTo, false);
    }

    static TelegramApiException unreadable(String method, Raw raw, String what) {
        String type = raw.contentType() == null ? "none" : raw.contentType();
        if (type.length() > MAX_CONTENT_TYPE) {
            type = type.substring(0, MAX_CONTENT_TYPE) + "...";
        }
        type = type.replaceAll("[^\\x20-\\x7e]", "?");
        return new TelegramApiException(method, raw.status(), "unreadable " + raw.status() + " answer (content-type "
                + type + ")" + (what == null ? "" : ": " + what), null, null, true);
    }

    private static JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = TelegramJson.MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }
}
