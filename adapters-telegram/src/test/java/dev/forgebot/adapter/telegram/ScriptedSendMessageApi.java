package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.api.SendMessageRequest;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.WebhookRegistration;
import dev.forgebot.adapter.telegram.dto.Chat;
import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.adapter.telegram.dto.TelegramFile;
import dev.forgebot.adapter.telegram.dto.User;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An in-memory Bot API for {@code sendMessage}: records every call, accepts a message as Telegram does
 * (refusing texts over 4096 characters and HTML that is not well-formed, as Telegram would), numbers
 * accepted messages per chat, and answers with scripted failures: the next calls to a chat, or every
 * call to it. Other methods are not used by the messenger and throw. Thread-safe.
 */
final class ScriptedSendMessageApi implements TelegramApi {

    /** In a {@link #failNext} script: this call goes through. */
    static final RuntimeException ACCEPT = new RuntimeException("accept (a script marker, never thrown)");

    private final List<SendMessageRequest> calls = new ArrayList<>();
    private final Map<Long, List<SendMessageRequest>> accepted = new HashMap<>();
    private final Map<Long, Deque<RuntimeException>> nextFailures = new HashMap<>();
    private final Map<Long, RuntimeException> alwaysFailing = new HashMap<>();
    private final Map<Long, Long> messageIds = new HashMap<>();
    private Runnable onNextCall;

    /** The next calls to {@code chatId} fail with these, in order ({@link #ACCEPT}: that one goes through); later calls go through. */
    synchronized ScriptedSendMessageApi failNext(long chatId, RuntimeException... failures) {
        Deque<RuntimeException> queue = nextFailures.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        queue.addAll(List.of(failures));
        return this;
    }

    /** Every call to {@code chatId} fails with {@code failure} from now on. */
    synchronized ScriptedSendMessageApi failAlways(long chatId, RuntimeException failure) {
        alwaysFailing.put(chatId, failure);
        return this;
    }

    /** Runs {@code action} at the start of the next call (before it is answered). */
    synchronized void onNextCall(Runnable action) {
        onNextCall = action;
    }

    @Override
    public Message sendMessage(SendMessageRequest request) {
        Runnable action;
        synchronized (this) {
            calls.add(request);
            action = onNextCall;
            onNextCall = null;
        }
        if (action != null) {
            action.run();
        }
        synchronized (this) {
            long chat = request.chatId();
            Deque<RuntimeException> queue = nextFailures.get(chat);
            RuntimeException scripted = queue == null ? null : queue.pollFirst();
            if (scripted != null && scripted != ACCEPT) {
                throw scripted;
            }
            RuntimeException always = alwaysFailing.get(chat);
            if (always != null && scripted != ACCEPT) {
                throw always;
            }
            if (request.text().length() > MessageSplitter.TELEGRAM_LIMIT) {
                throw Failures.badRequest("Bad Request: message is too long");
            }
            if (request.html() && !HtmlChecks.isWellFormed(request.text())) {
                throw Failures.badRequest("Bad Request: can't parse entities: unsupported start tag at byte offset 0");
            }
            accepted.computeIfAbsent(chat, id -> new ArrayList<>()).add(request);
            long id = messageIds.merge(chat, 1L, Long::sum);
            return new Message(id, null, new Chat(chat, chat < 0 ? "supergroup" : "private", null), 0,
                    request.text(), null, null, null, null, null, null, null);
        }
    }

    /** Every {@code sendMessage} call, accepted or not, in order. */
    synchronized List<SendMessageRequest> calls() {
        return List.copyOf(calls);
    }

    /** The chat ids of every call, in order. */
    synchronized List<Long> callChats() {
        return calls.stream().map(SendMessageRequest::chatId).toList();
    }

    /** The requests Telegram accepted for {@code chatId}, in order. */
    synchronized List<SendMessageRequest> acceptedBy(long chatId) {
        return List.copyOf(accepted.getOrDefault(chatId, List.of()));
    }

    /** The texts Telegram accepted for {@code chatId}, in order. */
    synchronized List<String> textsAcceptedBy(long chatId) {
        return acceptedBy(chatId).stream().map(SendMessageRequest::text).toList();
    }

    @Override
    public User getMe() {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    @Override
    public List<ReceivedUpdate> getUpdates(OptionalLong offset, int limit, Duration timeout,
            List<String> allowedUpdates) {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    @Override
    public void sendChatAction(long chatId, String action) {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    @Override
    public TelegramFile getFile(String fileId) {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    @Override
    public byte[] downloadFile(String filePath, long maxBytes) {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    @Override
    public void answerCallbackQuery(String callbackQueryId, String text) {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    @Override
    public void setWebhook(WebhookRegistration registration) {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    @Override
    public void deleteWebhook(boolean dropPendingUpdates) {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    @Override
    public WebhookInfo getWebhookInfo() {
        throw new UnsupportedOperationException("not used by the messenger");
    }

    /** The failures Telegram answers with, as the HTTP client reports them. */
    static final class Failures {

        private Failures() {
        }

        static TelegramApiException tooManyRequests(long retryAfterSeconds) {
            return new TelegramApiException("sendMessage", 429, "Too Many Requests: retry after " + retryAfterSeconds,
                    Duration.ofSeconds(retryAfterSeconds), null, false);
        }

        static TelegramApiException badRequest(String description) {
            return new TelegramApiException("sendMessage", 400, description, null, null, false);
        }

        static TelegramApiException forbidden(String description) {
            return new TelegramApiException("sendMessage", 403, description, null, null, false);
        }

        static TelegramApiException migrated(long newChatId) {
            return new TelegramApiException("sendMessage", 400,
                    "Bad Request: group chat was upgraded to a supergroup chat", null, newChatId, false);
        }

        static TelegramApiException status(int code, String description) {
            return new TelegramApiException("sendMessage", code, description, null, null, false);
        }

        /** A gateway's HTML error page instead of the API's JSON. */
        static TelegramApiException unreadable(int httpStatus) {
            return new TelegramApiException("sendMessage", httpStatus, "unreadable body (text/html)", null, null, true);
        }

        static dev.forgebot.adapter.telegram.api.TelegramUnreachableException notSent() {
            return new dev.forgebot.adapter.telegram.api.TelegramUnreachableException("sendMessage", false,
                    "connection refused");
        }

        static dev.forgebot.adapter.telegram.api.TelegramUnreachableException sentNoAnswer() {
            return new dev.forgebot.adapter.telegram.api.TelegramUnreachableException("sendMessage", true,
                    "read timed out");
        }
    }
}
