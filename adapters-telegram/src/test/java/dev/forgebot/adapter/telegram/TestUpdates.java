package dev.forgebot.adapter.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.api.TelegramJson;
import dev.forgebot.adapter.telegram.dto.CallbackQuery;
import dev.forgebot.adapter.telegram.dto.Chat;
import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.adapter.telegram.dto.Update;
import dev.forgebot.adapter.telegram.dto.User;

/** Updates as Telegram sends them, for tests: from wire JSON, or built for the common cases. */
final class TestUpdates {

    /** 2026-11-01T09:00:00Z, the date of the built messages. */
    static final long DATE = 1_793_523_600L;

    private TestUpdates() {
    }

    /** An update read from its wire JSON, as polling and the webhook read it. */
    static ReceivedUpdate json(String json) {
        try {
            return TelegramJson.readUpdate(TelegramJson.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test JSON does not parse", e);
        }
    }

    /** A text message from user {@code user} in their private chat (same number). */
    static ReceivedUpdate text(long updateId, long user, String text) {
        return new ReceivedUpdate.Parsed(new Update(updateId, message(updateId, user, text), null, null, null));
    }

    /** A button press by {@code user} on a message in their private chat. */
    static ReceivedUpdate callback(long updateId, long user, String queryId, String data) {
        CallbackQuery query = new CallbackQuery(queryId, user(user), message(updateId, user, "pick one"), data);
        return new ReceivedUpdate.Parsed(new Update(updateId, null, null, query, null));
    }

    static User user(long id) {
        return new User(id, false, "User", Long.toString(id), null);
    }

    private static Message message(long messageId, long user, String text) {
        return new Message(messageId, user(user), new Chat(user, "private", null), DATE, text, null, null, null, null,
                null, null, null);
    }
}
