package dev.forgebot.adapter.telegram.api;

import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.adapter.telegram.dto.TelegramFile;
import dev.forgebot.adapter.telegram.dto.User;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Bot API methods forgebot calls, one HTTP request each: this layer never retries, because
 * whether a retry is safe depends on the caller (a poll may be repeated, a sent message must not be
 * sent twice). Callers decide from the failure.
 *
 * <p>Failures: {@link TelegramApiException} when Telegram answered with an error (with
 * {@code error_code}, {@code description}, {@code retry_after}, {@code migrate_to_chat_id}),
 * {@link TelegramUnreachableException} when no answer came. Implementations are thread-safe.
 */
public interface TelegramApi {

    /** {@code getMe}: the bot itself; the cheapest check that the token is right. */
    User getMe();

    /**
     * {@code getUpdates}: long polling. Calling it with {@code offset} confirms every update below it.
     *
     * @param offset         the first update id wanted; empty to get the oldest unconfirmed ones
     * @param limit          1..100
     * @param timeout        how long Telegram may hold the request open waiting for updates (0 = answer at once)
     * @param allowedUpdates the update types wanted (sticky at Telegram: always sent)
     * @return the updates, each parsed or malformed, in id order
     */
    List<ReceivedUpdate> getUpdates(OptionalLong offset, int limit, Duration timeout, List<String> allowedUpdates);

    /** {@code sendMessage}: the message as sent, with its id. */
    Message sendMessage(SendMessageRequest request);

    /** {@code sendChatAction}, such as {@code typing}. */
    void sendChatAction(long chatId, String action);

    /** {@code getFile}: where to download a file from. */
    TelegramFile getFile(String fileId);

    /**
     * Downloads a file from its {@code file_path}.
     *
     * @param maxBytes refuse it (a {@link TelegramApiException} with code 413) if it is longer
     */
    byte[] downloadFile(String filePath, long maxBytes);

    /** {@code answerCallbackQuery}, with an optional short text (null for none). */
    void answerCallbackQuery(String callbackQueryId, String text);

    /** {@code setWebhook}. */
    void setWebhook(WebhookRegistration registration);

    /** {@code deleteWebhook}; {@code dropPendingUpdates} discards queued updates, so use it only on purpose. */
    void deleteWebhook(boolean dropPendingUpdates);

    /** {@code getWebhookInfo}: read-only; works while polling too. */
    WebhookInfo getWebhookInfo();
}
