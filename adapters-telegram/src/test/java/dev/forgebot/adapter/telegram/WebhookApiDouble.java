package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.api.SendMessageRequest;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.WebhookRegistration;
import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.adapter.telegram.dto.TelegramFile;
import dev.forgebot.adapter.telegram.dto.User;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written {@link TelegramApi} for the webhook's tests: scripted {@code getWebhookInfo} answers,
 * recorded {@code setWebhook} calls with scripted failures, recorded {@code answerCallbackQuery} calls
 * that can be held at a gate. Every other method fails: the webhook must not call it. Thread-safe.
 */
final class WebhookApiDouble implements TelegramApi {

    private volatile WebhookInfo webhookInfo = new WebhookInfo("", false, 0, null, null, null, null);
    private final AtomicInteger webhookInfoCalls = new AtomicInteger();
    private final List<WebhookRegistration> registrations = new CopyOnWriteArrayList<>();
    private final Deque<RuntimeException> setWebhookFailures = new ArrayDeque<>();
    private final AtomicInteger deleteWebhookCalls = new AtomicInteger();
    private final List<String> answeredCallbacks = new CopyOnWriteArrayList<>();
    private final CountDownLatch callbackEntered = new CountDownLatch(1);
    private volatile CountDownLatch callbackGate;
    private volatile RuntimeException callbackFailure;

    /** {@code getWebhookInfo} answers {@code info} from now on. */
    WebhookApiDouble givenWebhookInfo(WebhookInfo info) {
        this.webhookInfo = info;
        return this;
    }

    /** The next {@code setWebhook} calls throw these, in order; later ones succeed. */
    synchronized WebhookApiDouble failSetWebhookWith(RuntimeException... failures) {
        setWebhookFailures.addAll(List.of(failures));
        return this;
    }

    /** {@code answerCallbackQuery} waits until {@code gate} opens (at most 10 s). */
    WebhookApiDouble holdCallbackAnswersAt(CountDownLatch gate) {
        this.callbackGate = gate;
        return this;
    }

    /** {@code answerCallbackQuery} throws {@code failure} (after recording the call). */
    WebhookApiDouble failCallbackAnswersWith(RuntimeException failure) {
        this.callbackFailure = failure;
        return this;
    }

    int webhookInfoCalls() {
        return webhookInfoCalls.get();
    }

    /** Every {@code setWebhook} call, failed ones included. */
    List<WebhookRegistration> registrations() {
        return List.copyOf(registrations);
    }

    int deleteWebhookCalls() {
        return deleteWebhookCalls.get();
    }

    List<String> answeredCallbacks() {
        return List.copyOf(answeredCallbacks);
    }

    /** Waits until {@code answerCallbackQuery} was entered. */
    boolean awaitCallbackAnswer(Duration timeout) throws InterruptedException {
        return callbackEntered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public WebhookInfo getWebhookInfo() {
        webhookInfoCalls.incrementAndGet();
        return webhookInfo;
    }

    @Override
    public void setWebhook(WebhookRegistration registration) {
        registrations.add(registration);
        RuntimeException failure;
        synchronized (this) {
            failure = setWebhookFailures.poll();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void deleteWebhook(boolean dropPendingUpdates) {
        deleteWebhookCalls.incrementAndGet();
    }

    @Override
    public void answerCallbackQuery(String callbackQueryId, String text) {
        answeredCallbacks.add(callbackQueryId);
        callbackEntered.countDown();
        CountDownLatch gate = callbackGate;
        if (gate != null) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException failure = callbackFailure;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public User getMe() {
        throw new UnsupportedOperationException("getMe");
    }

    @Override
    public List<ReceivedUpdate> getUpdates(OptionalLong offset, int limit, Duration timeout, List<String> allowedUpdates) {
        throw new UnsupportedOperationException("getUpdates");
    }

    @Override
    public Message sendMessage(SendMessageRequest request) {
        throw new UnsupportedOperationException("sendMessage");
    }

    @Override
    public void sendChatAction(long chatId, String action) {
        throw new UnsupportedOperationException("sendChatAction");
    }

    @Override
    public TelegramFile getFile(String fileId) {
        throw new UnsupportedOperationException("getFile");
    }

    @Override
    public byte[] downloadFile(String filePath, long maxBytes) {
        throw new UnsupportedOperationException("downloadFile");
    }
}
