package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.api.SendMessageRequest;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.WebhookRegistration;
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
import java.util.TreeMap;

/**
 * An in-memory Bot API for the intake's tests: a queue of pending updates with Telegram's offset
 * semantics ({@code getUpdates} with an offset forgets every update below it, the confirmation; without
 * one it returns the oldest unconfirmed), files to hand out, and failures scripted per method (thrown
 * before the call has any effect). It outlives the pollers of a test, as Telegram outlives a crashed
 * bot. Records every call. Thread-safe (one lock).
 */
final class ScriptedTelegramApi implements TelegramApi {

    /** One {@code getUpdates} as called. */
    record GetUpdatesCall(OptionalLong offset, int limit, Duration timeout, List<String> allowedUpdates) {
    }

    private final TreeMap<Long, ReceivedUpdate> pending = new TreeMap<>();
    private final Map<String, Deque<RuntimeException>> failures = new HashMap<>();
    private final List<GetUpdatesCall> getUpdatesCalls = new ArrayList<>();
    private final List<String> answeredCallbacks = new ArrayList<>();
    private final List<String> calledMethods = new ArrayList<>();
    private final Map<String, TelegramFile> files = new HashMap<>();
    private final Map<String, byte[]> contents = new HashMap<>();
    private final List<String> downloadedPaths = new ArrayList<>();

    /** Queues updates, as if users had just sent them. */
    synchronized ScriptedTelegramApi push(ReceivedUpdate... updates) {
        for (ReceivedUpdate update : updates) {
            pending.put(update.updateId(), update);
        }
        return this;
    }

    /** The next call of {@code method} throws {@code failure} (queued: several calls fail in turn). */
    synchronized ScriptedTelegramApi failNext(String method, RuntimeException failure) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(failure);
        return this;
    }

    /** {@code getFile(fileId)} answers {@code file}; a download of its path answers {@code content}. */
    synchronized ScriptedTelegramApi file(TelegramFile file, byte[] content) {
        files.put(file.fileId(), file);
        if (file.filePath() != null) {
            contents.put(file.filePath(), content.clone());
        }
        return this;
    }

    /** Updates Telegram still holds (not confirmed yet), in id order. */
    synchronized List<Long> pendingIds() {
        return List.copyOf(pending.keySet());
    }

    synchronized List<GetUpdatesCall> getUpdatesCalls() {
        return List.copyOf(getUpdatesCalls);
    }

    synchronized List<String> answeredCallbacks() {
        return List.copyOf(answeredCallbacks);
    }

    /** Every method called, in order, failed calls included. */
    synchronized List<String> calledMethods() {
        return List.copyOf(calledMethods);
    }

    synchronized List<String> downloadedPaths() {
        return List.copyOf(downloadedPaths);
    }

    /** A refusal as the HTTP client would report it. */
    static TelegramApiException refusal(String method, int code, String description) {
        return new TelegramApiException(method, code, description, null, null, false);
    }

    private void enter(String method) {
        calledMethods.add(method);
        Deque<RuntimeException> planned = failures.get(method);
        if (planned != null && !planned.isEmpty()) {
            throw planned.poll();
        }
    }

    @Override
    public synchronized List<ReceivedUpdate> getUpdates(OptionalLong offset, int limit, Duration timeout,
            List<String> allowedUpdates) {
        getUpdatesCalls.add(new GetUpdatesCall(offset, limit, timeout, List.copyOf(allowedUpdates)));
        enter("getUpdates");
        if (offset.isPresent()) {
            pending.headMap(offset.getAsLong()).clear();
        }
        return pending.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized void answerCallbackQuery(String callbackQueryId, String text) {
        enter("answerCallbackQuery");
        answeredCallbacks.add(callbackQueryId);
    }

    @Override
    public synchronized TelegramFile getFile(String fileId) {
        enter("getFile");
        TelegramFile file = files.get(fileId);
        if (file == null) {
            throw refusal("getFile", 400, "Bad Request: invalid file_id");
        }
        return file;
    }

    @Override
    public synchronized byte[] downloadFile(String filePath, long maxBytes) {
        enter("downloadFile");
        downloadedPaths.add(filePath);
        byte[] content = contents.get(filePath);
        if (content == null) {
            throw refusal("downloadFile", 404, "Not Found");
        }
        if (content.length > maxBytes) {
            throw refusal("downloadFile", 413, "file is longer than " + maxBytes + " bytes");
        }
        return content.clone();
    }

    @Override
    public synchronized void deleteWebhook(boolean dropPendingUpdates) {
        enter("deleteWebhook");
    }

    @Override
    public synchronized User getMe() {
        enter("getMe");
        return new User(1, true, "forgebot", null, "forgebot");
    }

    @Override
    public synchronized Message sendMessage(SendMessageRequest request) {
        enter("sendMessage");
        throw new UnsupportedOperationException("the intake never sends");
    }

    @Override
    public synchronized void sendChatAction(long chatId, String action) {
        enter("sendChatAction");
        throw new UnsupportedOperationException("the intake never sends");
    }

    @Override
    public synchronized void setWebhook(WebhookRegistration registration) {
        enter("setWebhook");
    }

    @Override
    public synchronized WebhookInfo getWebhookInfo() {
        enter("getWebhookInfo");
        return new WebhookInfo("", false, pending.size(), null, null, null, null);
    }
}
