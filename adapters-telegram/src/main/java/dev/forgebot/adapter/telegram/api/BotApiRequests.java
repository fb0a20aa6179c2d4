package dev.forgebot.adapter.telegram.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** The JSON bodies of the Bot API calls forgebot makes. */
final class BotApiRequests {

    /** The label of the one button of {@link SendMessageRequest.Keyboard#REQUEST_CONTACT}. */
    static final String SHARE_PHONE = "Share my phone number";

    private BotApiRequests() {
    }

    static ObjectNode empty() {
        return TelegramJson.MAPPER.createObjectNode();
    }

    static ObjectNode getUpdates(OptionalLong offset, int limit, long timeoutSeconds, List<String> allowedUpdates) {
        ObjectNode body = empty();
        offset.ifPresent(o -> body.put("offset", o));
        body.put("limit", limit);
        body.put("timeout", timeoutSeconds);
        body.set("allowed_updates", strings(allowedUpdates));
        return body;
    }

    static ObjectNode sendMessage(SendMessageRequest request) {
        ObjectNode body = empty();
        body.put("chat_id", request.chatId());
        body.put("text", request.text());
        if (request.html()) {
            body.put("parse_mode", "HTML");
        }
        ObjectNode markup = replyMarkup(request.keyboard());
        if (markup != null) {
            body.set("reply_markup", markup);
        }
        return body;
    }

    /** The {@code reply_markup} for a keyboard, or null for none. */
    static ObjectNode replyMarkup(SendMessageRequest.Keyboard keyboard) {
        return switch (keyboard) {
            case NONE -> null;
            case REMOVE -> empty().put("remove_keyboard", true);
            case REQUEST_CONTACT -> {
                ObjectNode markup = empty();
                ObjectNode button = empty().put("text", SHARE_PHONE).put("request_contact", true);
                markup.putArray("keyboard").addArray().add(button);
                markup.put("one_time_keyboard", true);
                markup.put("resize_keyboard", true);
                yield markup;
            }
        };
    }

    static ObjectNode sendChatAction(long chatId, String action) {
        return empty().put("chat_id", chatId).put("action", Objects.requireNonNull(action, "action"));
    }

    static ObjectNode getFile(String fileId) {
        return empty().put("file_id", Objects.requireNonNull(fileId, "fileId"));
    }

    static ObjectNode answerCallbackQuery(String callbackQueryId, String text) {
        ObjectNode body = empty().put("callback_query_id", Objects.requireNonNull(callbackQueryId, "callbackQueryId"));
        if (text != null) {
            body.put("text", text);
        }
        return body;
    }

    /** Never {@code drop_pending_updates}: setting a webhook must not discard customers' messages. */
    static ObjectNode setWebhook(WebhookRegistration registration) {
        ObjectNode body = empty();
        body.put("url", registration.url().toString());
        body.put("secret_token", registration.secretToken());
        body.set("allowed_updates", strings(registration.allowedUpdates()));
        body.put("max_connections", registration.maxConnections());
        return body;
    }

    static ObjectNode deleteWebhook(boolean dropPendingUpdates) {
        return empty().put("drop_pending_updates", dropPendingUpdates);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = TelegramJson.MAPPER.createArrayNode();
        for (String value : values) {
            array.add(Objects.requireNonNull(value, "an update type"));
        }
        return array;
    }
}
