package dev.forgebot.adapter.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.forgebot.adapter.telegram.api.BotToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Telegram Bot API for tests, served over HTTP on the loopback interface: the
 * real client talks to it exactly as to {@code api.telegram.org}. It keeps an update queue with
 * Telegram's offset semantics, per-chat message ids, files, callback queries and the webhook state,
 * checks {@code sendMessage} like Telegram (length, empty text, HTML markup), and can be scripted to
 * refuse, fail, delay or drop calls.
 *
 * <pre>{@code
 * try (FakeBotApi telegram = FakeBotApi.start();
 *      HttpTelegramApi api = new HttpTelegramApi(TelegramApiConfig.defaults(telegram.baseUrl(), telegram.token()))) {
 *     long id = telegram.enqueueText(42, 42, "hello");
 *     List<ReceivedUpdate> updates = api.getUpdates(OptionalLong.empty(), 100, Duration.ZERO, List.of("message"));
 *     api.sendMessage(new SendMessageRequest(42, "hi", false, SendMessageRequest.Keyboard.NONE));
 *     assertThat(telegram.textsTo(42)).containsExactly("hi");
 * }
 * }</pre>
 *
 * <p><b>Protocol.</b> {@code POST|GET {baseUrl}/bot<token>/<method>} with a JSON, form or query-string
 * body; {@code GET {baseUrl}/file/bot<token>/<file_path>}. Method names are case-insensitive. Another
 * token gets 401 {@code Unauthorized}, an unknown method 404 {@code Not Found}, both in Telegram's
 * envelope. Supported: {@code getMe, getUpdates, sendMessage, sendChatAction, getFile,
 * answerCallbackQuery, setWebhook, deleteWebhook, getWebhookInfo}, and file downloads, which the
 * request log and the fault scripts call {@value #DOWNLOAD}.
 *
 * <p><b>Updates.</b> {@code enqueue*} add an update (ids increase by one from
 * {@link Builder#firstUpdateId(long)}, default 1) and return its id. {@code getUpdates} with an
 * {@code offset} drops every update below it (a negative one keeps only the last {@code -offset}),
 * returns at most {@code limit} (default 100), and with {@code timeout > 0} and nothing pending waits
 * up to {@code min(timeout, longPollCap)} (default cap 2 s), answering as soon as an update is
 * enqueued. A second {@code getUpdates} or a {@code setWebhook} ends a waiting one with Telegram's 409;
 * with a webhook set, {@code getUpdates} gets 409 at once. Chats with a negative id are groups
 * ({@code supergroup} from {@code -1000000000000} down).
 *
 * <p><b>Threads.</b> Thread-safe: every method may be called from any thread while requests are being
 * served. The server runs on its own daemon threads; {@link #close()} stops it.
 */
public final class FakeBotApi implements AutoCloseable {

    /** The token the fake accepts unless the builder says otherwise. */
    public static final BotToken DEFAULT_TOKEN = BotToken.of("5550001234:AAFakeBotApi-s3cr3t_TestToken012345");

    /** The longest a {@code getUpdates} waits for an update, unless the builder says otherwise. */
    public static final Duration DEFAULT_LONG_POLL_CAP = Duration.ofSeconds(2);

    /** The pseudo-method name of a file download, in {@link #requests()} and for the fault scripts. */
    public static final String DOWNLOAD = "downloadFile";

    /** The bot's first name in {@code getMe} and in messages it sent. */
    public static final String BOT_FIRST_NAME = "Forgebot Test";

    /** The bot's username. */
    public static final String BOT_USERNAME = "forgebot_test_bot";

    private static final int MAX_TEXT = 4096;
    private static final long SUPERGROUP_BELOW = -1_000_000_000_000L;
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location",
            "record_video_note", "upload_video_note");
    private static final List<String> METHODS = List.of("getMe", "getUpdates", "sendMessage", "sendChatAction",
            "getFile", "answerCallbackQuery", "setWebhook", "deleteWebhook", "getWebhookInfo", DOWNLOAD);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A message the bot sent. */
    public record SentMessage(long chatId, long messageId, String text, String rawText, String parseMode,
            String replyMarkupJson) {
        /**
         * @param chatId          the chat
         * @param messageId       its id in that chat
         * @param text            the text a user sees: for {@code parse_mode=HTML} tags stripped and entities
         *                        decoded, else as sent
         * @param rawText         the {@code text} parameter as sent
         * @param parseMode       {@code parse_mode} as sent, or null
         * @param replyMarkupJson {@code reply_markup} as compact JSON, or null
         */
        public SentMessage {
        }
    }

    /** An answered callback query: its id and the text shown, or null. */
    public record AnsweredCallback(String callbackQueryId, String text) {
    }

    /** A {@code sendChatAction} that was accepted. */
    public record ChatAction(long chatId, String action) {
    }

    /** One request as received: the method (canonical name when known) and its parameters as JSON. */
    public record Call(String method, String paramsJson) {
        /** The parameters, parsed. */
        public JsonNode params() {
            try {
                return JSON.readTree(paramsJson);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record StoredFile(String fileId, String fileUniqueId, String path, byte[] content) {
    }

    private sealed interface Fault {
        record Fail(int status, String body, String contentType) implements Fault {
        }

        record Drop(boolean afterProcessing) implements Fault {
        }
    }

    private static final class ChatScript {
        boolean blocked;
        boolean gone;
        Long migrateTo;
        int tooManyTimes;
        int retryAfterSeconds;
    }

    private record Answer(int status, String body) {
    }

    // ---------------------------------------------------------------- state (guarded by lock)

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private final BotToken token;
    private final String prefix;
    private final Duration longPollCap;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final boolean chunkedDownloads;

    private final TreeMap<Long, String> pending = new TreeMap<>();
    private long nextUpdateId;
    private long confirmedBelow;
    private final List<OptionalLong> getUpdatesOffsets = new ArrayList<>();
    private List<String> allowedUpdates;
    private long pollGeneration;
    private String pollTermination = "";

    private final Map<Long, Long> lastMessageIds = new HashMap<>();
    private final Map<Long, Map<Long, String>> textsById = new HashMap<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final List<ChatAction> chatActions = new ArrayList<>();
    private final Set<String> openCallbacks = new HashSet<>();
    private final List<AnsweredCallback> answeredCallbacks = new ArrayList<>();
    private final Map<String, StoredFile> filesById = new LinkedHashMap<>();
    private final Map<String, StoredFile> filesByPath = new HashMap<>();

    private String webhookUrl = "";
    private List<String> webhookAllowedUpdates;
    private Integer webhookMaxConnections;
    private String webhookSecret;
    private int setWebhookCalls;
    private int deleteWebhookCalls;
    private Long webhookErrorDate;
    private String webhookErrorMessage;

    private final Map<Long, ChatScript> scripts = new HashMap<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, Deque<Duration>> delays = new HashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private boolean closed;

    private FakeBotApi(Builder builder) {
        this.token = builder.token;
        this.prefix = builder.pathPrefix;
        this.longPollCap = builder.longPollCap;
        this.clock = builder.clock;
        this.nextUpdateId = builder.firstUpdateId;
        this.chunkedDownloads = builder.chunkedDownloads;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("the fake Bot API could not listen", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    /** A fake with the defaults: {@link #DEFAULT_TOKEN}, no path prefix, long polls capped at 2 s. */
    public static FakeBotApi start() {
        return builder().start();
    }

    /** Options for a fake. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link FakeBotApi}; {@link #start()} starts the server. */
    public static final class Builder {
        private BotToken token = DEFAULT_TOKEN;
        private String pathPrefix = "";
        private Duration longPollCap = DEFAULT_LONG_POLL_CAP;
        private Clock clock = Clock.systemUTC();
        private long firstUpdateId = 1;
        private boolean chunkedDownloads;

        private Builder() {
        }

        /** Serve file downloads chunked, without a {@code Content-Length} (default: with one). */
        public Builder chunkedDownloads(boolean value) {
            this.chunkedDownloads = value;
            return this;
        }

        /** The token to accept. */
        public Builder token(BotToken value) {
            this.token = Objects.requireNonNull(value, "token");
            return this;
        }

        /** Serve under a path prefix such as {@code /telegram/api}; {@link #baseUrl()} includes it. */
        public Builder pathPrefix(String value) {
            Objects.requireNonNull(value, "pathPrefix");
            String p = value;
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (!p.isEmpty() && !p.startsWith("/")) {
                p = "/" + p;
            }
            this.pathPrefix = p;
            return this;
        }

        /** The longest a {@code getUpdates} waits for an update, whatever its {@code timeout}. */
        public Builder longPollCap(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("longPollCap must not be negative");
            }
            this.longPollCap = value;
            return this;
        }

        /** The clock for message dates. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The id of the first enqueued update. */
        public Builder firstUpdateId(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("update ids are positive");
            }
            this.firstUpdateId = value;
            return this;
        }

        /** Starts the fake on a free loopback port. */
        public FakeBotApi start() {
            return new FakeBotApi(this);
        }
    }

    /** The base URL to give the client: {@code http://127.0.0.1:<port>[prefix]}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The token the fake accepts. */
    public BotToken token() {
        return token;
    }

    /** The bot's user id (the token's numeric part). */
    public long botId() {
        return token.botId();
    }

    // ---------------------------------------------------------------- updates

    /** Enqueues a text message from {@code userId} in {@code chatId}; returns the update id. */
    public long enqueueText(long chatId, long userId, String text) {
        Objects.requireNonNull(text, "text");
        return enqueueMessage(chatId, userId, m -> m.put("text", text));
    }

    /** Enqueues a shared contact card that is the sender's own ({@code user_id = userId}). */
    public long enqueueContact(long chatId, long userId, String phoneNumber) {
        return enqueueContact(chatId, userId, phoneNumber, userId);
    }

    /**
     * Enqueues a shared contact card; {@code contactUserId} is whose card it is (null: not a Telegram
     * user, as when someone else's card is forwarded).
     */
    public long enqueueContact(long chatId, long userId, String phoneNumber, Long contactUserId) {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        return enqueueMessage(chatId, userId, m -> {
            ObjectNode contact = m.putObject("contact");
            contact.put("phone_number", phoneNumber);
            contact.put("first_name", "User");
            if (contactUserId != null) {
                contact.put("last_name", String.valueOf(contactUserId));
                contact.put("user_id", contactUserId);
            }
        });
    }

    /**
     * Enqueues a document; its {@code file_size} is the size of the file added under {@code fileId}
     * ({@link #addFile}) if there is one.
     */
    public long enqueueDocument(long chatId, long userId, String fileId, String fileName, String mimeType,
            String caption) {
        Objects.requireNonNull(fileId, "fileId");
        return enqueueMessage(chatId, userId, m -> {
            ObjectNode doc = m.putObject("document");
            doc.put("file_id", fileId);
            doc.put("file_unique_id", "u-" + fileId);
            if (fileName != null) {
                doc.put("file_name", fileName);
            }
            if (mimeType != null) {
                doc.put("mime_type", mimeType);
            }
            StoredFile file = filesById.get(fileId);
            if (file != null) {
                doc.put("file_size", file.content().length);
            }
            if (caption != null) {
                m.put("caption", caption);
            }
        });
    }

    /**
     * Enqueues a photo in two sizes: a thumbnail {@code <fileId>-thumb} and, largest last,
     * {@code fileId} itself.
     */
    public long enqueuePhoto(long chatId, long userId, String fileId, String caption) {
        Objects.requireNonNull(fileId, "fileId");
        return enqueueMessage(chatId, userId, m -> {
            ArrayNode sizes = m.putArray("photo");
            sizes.addObject().put("file_id", fileId + "-thumb").put("file_unique_id", "u-" + fileId + "-thumb")
                    .put("width", 90).put("height", 67).put("file_size", 1200);
            ObjectNode large = sizes.addObject().put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                    .put("width", 1280).put("height", 960);
            StoredFile file = filesById.get(fileId);
            if (file != null) {
                large.put("file_size", file.content().length);
            }
            if (caption != null) {
                m.put("caption", caption);
            }
        });
    }

    /**
     * Enqueues a press on an inline button of message {@code messageId} (a message the bot sent in
     * {@code chatId}); the query's id is {@code cb-<update id>} and may be answered once.
     */
    public long enqueueCallback(long chatId, long userId, long messageId, String data) {
        lock.lock();
        try {
            long updateId = nextUpdateId;
            String id = "cb-" + updateId;
            ObjectNode payload = JSON.createObjectNode();
            ObjectNode query = payload.putObject("callback_query");
            query.put("id", id);
            query.set("from", user(userId));
            ObjectNode message = query.putObject("message");
            message.put("message_id", messageId);
            message.set("from", botUser());
            message.set("chat", chat(chatId));
            message.put("date", now());
            String text = textsById.getOrDefault(chatId, Map.of()).get(messageId);
            if (text != null) {
                message.put("text", text);
            }
            query.put("chat_instance", "ci-" + chatId);
            if (data != null) {
                query.put("data", data);
            }
            openCallbacks.add(id);
            return enqueueLocked(payload);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Enqueues a change of the bot's membership in {@code chatId} made by {@code userId}; in a private
     * chat {@code "member" -> "kicked"} is a block and {@code "kicked" -> "member"} an unblock.
     */
    public long enqueueMyChatMember(long chatId, long userId, String oldStatus, String newStatus) {
        Objects.requireNonNull(oldStatus, "oldStatus");
        Objects.requireNonNull(newStatus, "newStatus");
        lock.lock();
        try {
            ObjectNode payload = JSON.createObjectNode();
            ObjectNode change = payload.putObject("my_chat_member");
            change.set("chat", chat(chatId));
            change.set("from", user(userId));
            change.put("date", now());
            change.putObject("old_chat_member").put("status", oldStatus).set("user", botUser());
            change.putObject("new_chat_member").put("status", newStatus).set("user", botUser());
            return enqueueLocked(payload);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Enqueues a text message replying to message {@code replyToMessageId} of {@code chatId}; when that
     * is a message the bot sent, the quoted message carries its text and the bot as sender.
     */
    public long enqueueReply(long chatId, long userId, String text, long replyToMessageId) {
        Objects.requireNonNull(text, "text");
        return enqueueMessage(chatId, userId, m -> {
            m.put("text", text);
            ObjectNode quoted = m.putObject("reply_to_message");
            quoted.put("message_id", replyToMessageId);
            quoted.set("chat", chat(chatId));
            quoted.put("date", now());
            String original = textsById.getOrDefault(chatId, Map.of()).get(replyToMessageId);
            if (original != null) {
                quoted.set("from", botUser());
                quoted.put("text", original);
            }
        });
    }

    /**
     * Enqueues an update given as the JSON of an object without {@code update_id}, such as
     * {@code {"message":"oops"}}; the fake adds the id. For payloads the other methods cannot make.
     */
    public long enqueueRaw(String updateJsonWithoutId) {
        String body = Objects.requireNonNull(updateJsonWithoutId, "updateJsonWithoutId").strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("an update is a JSON object");
        }
        lock.lock();
        try {
            long id = nextUpdateId++;
            String inner = body.substring(1).strip();
            pending.put(id, "{\"update_id\":" + id + (inner.equals("}") ? "}" : "," + inner));
            changed.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Enqueues an element delivered verbatim, with no {@code update_id} added (such as {@code "x"} or
     * {@code {"message":{}}}): a client cannot confirm it and must skip it. It takes the next id in the
     * queue (returned) and is dropped with the others below an offset.
     */
    public long enqueueElementWithoutId(String json) {
        Objects.requireNonNull(json, "json");
        lock.lock();
        try {
            long id = nextUpdateId++;
            pending.put(id, json);
            changed.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** The highest {@code offset} any {@code getUpdates} sent: every update below it is confirmed (0: none). */
    public long confirmedBelow() {
        return locked(() -> confirmedBelow);
    }

    /** The {@code offset} of every {@code getUpdates}, in order (empty where none was sent). */
    public List<OptionalLong> getUpdatesOffsets() {
        return locked(() -> List.copyOf(getUpdatesOffsets));
    }

    /** Updates not yet confirmed. */
    public int pendingUpdates() {
        return locked(() -> pending.size());
    }

    /** The {@code allowed_updates} last sent with {@code getUpdates}, or null if never. */
    public List<String> allowedUpdates() {
        return locked(() -> allowedUpdates);
    }

    // ---------------------------------------------------------------- what the bot did

    /** Every accepted {@code sendMessage}, in order. */
    public List<SentMessage> sent() {
        return locked(() -> List.copyOf(sent));
    }

    /** The visible texts of the messages sent to {@code chatId}, in order. */
    public List<String> textsTo(long chatId) {
        return locked(() -> sent.stream().filter(m -> m.chatId() == chatId).map(SentMessage::text).toList());
    }

    /** Every accepted {@code sendChatAction}, in order. */
    public List<ChatAction> chatActions() {
        return locked(() -> List.copyOf(chatActions));
    }

    /** Every accepted {@code answerCallbackQuery}, in order. */
    public List<AnsweredCallback> answeredCallbacks() {
        return locked(() -> List.copyOf(answeredCallbacks));
    }

    /** The method of every request received (canonical name; {@value #DOWNLOAD} for files), in order. */
    public List<String> requests() {
        return locked(() -> List.copyOf(requests));
    }

    /** How many requests named {@code method} were received (whatever their outcome). */
    public int requestCount(String method) {
        String name = canonical(method);
        return locked(() -> (int) requests.stream().filter(name::equals).count());
    }

    /** Every request received with its parameters, in order. */
    public List<Call> calls() {
        return locked(() -> List.copyOf(calls));
    }

    /** The parameters of every request named {@code method}, in order. */
    public List<JsonNode> paramsOf(String method) {
        String name = canonical(method);
        return calls().stream().filter(c -> c.method().equals(name)).map(Call::params).toList();
    }

    // ---------------------------------------------------------------- scripts

    /** From now on, sends to {@code chatId} get 403 "Forbidden: bot was blocked by the user". */
    public void scriptBlocked(long chatId) {
        withScript(chatId, s -> s.blocked = true);
    }

    /** From now on, sends to {@code chatId} get 400 "Bad Request: chat not found". */
    public void scriptGone(long chatId) {
        withScript(chatId, s -> s.gone = true);
    }

    /**
     * From now on, sends to group {@code oldChatId} get 400 "Bad Request: group chat was upgraded to a
     * supergroup chat" with {@code parameters.migrate_to_chat_id = newChatId}.
     */
    public void scriptMigrated(long oldChatId, long newChatId) {
        withScript(oldChatId, s -> s.migrateTo = newChatId);
    }

    /**
     * The next {@code times} sends to {@code chatId} get 429 "Too Many Requests: retry after N" with
     * {@code parameters.retry_after = N}.
     */
    public void scriptTooManyRequests(long chatId, int times, int retryAfterSeconds) {
        if (times < 1 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("times >= 1 and retryAfterSeconds >= 0");
        }
        withScript(chatId, s -> {
            s.tooManyTimes = times;
            s.retryAfterSeconds = retryAfterSeconds;
        });
    }

    /** Forgets every script of {@code chatId}: it is reachable again (an unblock, say). */
    public void clearScripts(long chatId) {
        lock.lock();
        try {
            scripts.remove(chatId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next {@code times} requests of {@code method} get this raw answer instead of being handled,
     * such as {@code 502} with an HTML page.
     */
    public void failNext(String method, int times, int status, String body, String contentType) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599");
        }
        addFaults(method, times, new Fault.Fail(status, body, contentType));
    }

    /**
     * The next {@code times} requests of {@code method} get no answer: the connection is closed, before
     * acting on the request or, with {@code afterProcessing}, after it (the message was sent, the offset
     * confirmed) — Telegram did it, the client cannot know.
     */
    public void dropNext(String method, int times, boolean afterProcessing) {
        addFaults(method, times, new Fault.Drop(afterProcessing));
    }

    /** Forgets the failures and drops still planned for {@code method}: it answers normally again. */
    public void clearFaults(String method) {
        String name = canonical(method);
        lock.lock();
        try {
            faults.remove(name);
        } finally {
            lock.unlock();
        }
    }

    /** The next request of {@code method} is held for {@code delay} before it is handled. */
    public void delayNext(String method, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        String name = canonical(method);
        lock.lock();
        try {
            delays.computeIfAbsent(name, k -> new ArrayDeque<>()).add(delay);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- files

    /**
     * Adds a file; {@code getFile(fileId)} then answers with its path ({@code documents/file_<n>.<ext>},
     * returned) and a GET of {@code /file/bot<token>/<path>} serves {@code content}.
     */
    public String addFile(String fileId, String fileName, byte[] content) {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(content, "content");
        lock.lock();
        try {
            String ext = "";
            if (fileName != null && fileName.lastIndexOf('.') > 0) {
                ext = fileName.substring(fileName.lastIndexOf('.')).replaceAll("[^A-Za-z0-9.]", "");
            }
            String path = "documents/file_" + (filesById.size() + 1) + ext;
            StoredFile file = new StoredFile(fileId, "u-" + fileId, path, content.clone());
            StoredFile before = filesById.put(fileId, file);
            if (before != null) {
                filesByPath.remove(before.path());
            }
            filesByPath.put(path, file);
            return path;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- webhook

    /** How many {@code setWebhook} calls were accepted. */
    public int setWebhookCalls() {
        return locked(() -> setWebhookCalls);
    }

    /** How many {@code deleteWebhook} calls were accepted. */
    public int deleteWebhookCalls() {
        return locked(() -> deleteWebhookCalls);
    }

    /** The webhook URL; empty when none is set. */
    public String webhookUrl() {
        return locked(() -> webhookUrl);
    }

    /** The webhook's secret token, or null when none was given. */
    public String webhookSecret() {
        return locked(() -> webhookSecret);
    }

    /** The webhook's {@code allowed_updates}, or null when none were given. */
    public List<String> webhookAllowedUpdates() {
        return locked(() -> webhookAllowedUpdates);
    }

    /** The webhook's {@code max_connections}, or null when no webhook is set. */
    public Integer webhookMaxConnections() {
        return locked(() -> webhookMaxConnections);
    }

    /**
     * Sets a webhook as if {@code setWebhook} had been called (without counting a call), for tests that
     * start from a bot with a webhook.
     */
    public void presetWebhook(String url) {
        Objects.requireNonNull(url, "url");
        lock.lock();
        try {
            webhookUrl = url;
            webhookMaxConnections = url.isEmpty() ? null : 40;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What {@code getWebhookInfo} reports as the last delivery error ({@code last_error_date} in Unix
     * seconds, {@code last_error_message}); null clears it.
     */
    public void webhookError(Long unixDate, String message) {
        lock.lock();
        try {
            webhookErrorDate = unixDate;
            webhookErrorMessage = message;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops the server; a waiting {@code getUpdates} ends without an answer. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FakeBotApi[" + baseUrl + "]";
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) {
        try (exchange) {
            serve(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client went away, or the fake has a bug: the closed exchange tells the client.
            if (!(e instanceof IOException)) {
                e.printStackTrace(System.err);
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(prefix + "/")) {
            record(path, "{}");
            respond(exchange, error(404, "Not Found"));
            return;
        }
        String rest = path.substring(prefix.length());
        boolean file = rest.startsWith("/file/bot");
        if (!file && !rest.startsWith("/bot")) {
            record(rest, "{}");
            respond(exchange, error(404, "Not Found"));
            return;
        }
        String afterBot = rest.substring(file ? "/file/bot".length() : "/bot".length());
        int slash = afterBot.indexOf('/');
        String presented = slash < 0 ? afterBot : afterBot.substring(0, slash);
        String target = slash < 0 ? "" : afterBot.substring(slash + 1);
        String method = file ? DOWNLOAD : knownOrAsIs(target);
        ObjectNode params;
        try {
            params = file ? JSON.createObjectNode() : params(exchange, requestBody);
        } catch (IOException e) {
            record(method, "{}");
            respond(exchange, error(400, "Bad Request: can't parse JSON object"));
            return;
        }
        Duration delay;
        Fault fault;
        lock.lock();
        try {
            record(method, params.toString());
            Deque<Duration> ds = delays.get(method);
            delay = ds == null ? null : ds.poll();
            Deque<Fault> fs = faults.get(method);
            fault = fs == null ? null : fs.poll();
        } finally {
            lock.unlock();
        }
        if (delay != null) {
            Thread.sleep(delay.toMillis());
        }
        if (fault instanceof Fault.Drop drop && !drop.afterProcessing()) {
            return; // closing the exchange before any header closes the connection: no answer
        }
        if (fault instanceof Fault.Fail fail) {
            respond(exchange, fail.status(), fail.contentType(), fail.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!presented.equals(token.reveal())) {
            respond(exchange, error(401, "Unauthorized"));
            return;
        }
        if (file) {
            serveFile(exchange, target, fault);
            return;
        }
        if (!METHODS.contains(method) || target.contains("/")) {
            respond(exchange, error(404, "Not Found"));
            return;
        }
        Answer answer = dispatch(method, params);
        if (answer == null || fault instanceof Fault.Drop) {
            return;
        }
        respond(exchange, answer);
    }

    private void record(String method, String paramsJson) {
        lock.lock();
        try {
            requests.add(method);
            calls.add(new Call(method, paramsJson));
        } finally {
            lock.unlock();
        }
    }

    private void serveFile(HttpExchange exchange, String path, Fault fault) throws IOException {
        StoredFile file;
        lock.lock();
        try {
            file = filesByPath.get(path);
        } finally {
            lock.unlock();
        }
        if (fault instanceof Fault.Drop) {
            return;
        }
        if (file == null) {
            respond(exchange, error(404, "Not Found"));
            return;
        }
        if (chunkedDownloads) {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(file.content());
            return;
        }
        respond(exchange, 200, "application/octet-stream", file.content());
    }

    private static ObjectNode params(HttpExchange exchange, byte[] body) throws IOException {
        ObjectNode params = JSON.createObjectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, params);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (body.length > 0 && mediaType.startsWith("application/json")) {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            params.setAll((ObjectNode) node);
        } else if (body.length > 0 && mediaType.startsWith("application/x-www-form-urlencoded")) {
            form(new String(body, StandardCharsets.UTF_8), params);
        }
        return params;
    }

    private static void form(String encoded, ObjectNode into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    private void respond(HttpExchange exchange, Answer answer) throws IOException {
        respond(exchange, answer.status(), "application/json", answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    // ---------------------------------------------------------------- methods

    private Answer dispatch(String method, ObjectNode params) throws InterruptedException {
        lock.lock();
        try {
            return switch (method) {
                case "getMe" -> ok(botUser());
                case "getUpdates" -> getUpdates(params);
                case "sendMessage" -> sendMessage(params);
                case "sendChatAction" -> sendChatAction(params);
                case "getFile" -> getFile(params);
                case "answerCallbackQuery" -> answerCallbackQuery(params);
                case "setWebhook" -> setWebhook(params);
                case "deleteWebhook" -> deleteWebhook(params);
                case "getWebhookInfo" -> getWebhookInfo();
                default -> error(404, "Not Found");
            };
        } finally {
            lock.unlock();
        }
    }

    private Answer getUpdates(ObjectNode params) throws InterruptedException {
        Long offset = longParam(params, "offset");
        getUpdatesOffsets.add(offset == null ? OptionalLong.empty() : OptionalLong.of(offset));
        if (!webhookUrl.isEmpty()) {
            return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
                    + "to delete the webhook first");
        }
        Long limitParam = longParam(params, "limit");
        int limit = limitParam == null ? 100 : (int) Math.max(1, Math.min(100, limitParam));
        Long timeoutParam = longParam(params, "timeout");
        long timeoutSeconds = timeoutParam == null ? 0 : Math.max(0, timeoutParam);
        List<String> allowed = stringList(params.get("allowed_updates"));
        if (allowed != null) {
            allowedUpdates = allowed;
        }
        if (offset != null && offset > 0) {
            pending.headMap(offset).clear();
            confirmedBelow = Math.max(confirmedBelow, offset);
        } else if (offset != null && offset < 0) {
            while (pending.size() > -offset) {
                pending.pollFirstEntry();
            }
        }
        pollTermination = "other getUpdates";
        long generation = ++pollGeneration;
        changed.signalAll();
        long waitNanos = Math.min(TimeUnit.SECONDS.toNanos(timeoutSeconds), longPollCap.toNanos());
        while (pending.isEmpty() && waitNanos > 0 && !closed && generation == pollGeneration) {
            waitNanos = changed.awaitNanos(waitNanos);
        }
        if (closed) {
            return null;
        }
        if (generation != pollGeneration) {
            return error(409, "Conflict: terminated by " + pollTermination + " request"
                    + (pollTermination.equals("other getUpdates")
                    ? "; make sure that only one bot instance is running" : ""));
        }
        StringBuilder result = new StringBuilder("{\"ok\":true,\"result\":[");
        int count = 0;
        for (String update : pending.values()) {
            if (count == limit) {
                break;
            }
            result.append(count++ == 0 ? "" : ",").append(update);
        }
        return new Answer(200, result.append("]}").toString());
    }

    private Answer sendMessage(ObjectNode params) {
        Long chatId = longParam(params, "chat_id");
        if (chatId == null) {
            return error(400, "Bad Request: chat_id is empty");
        }
        Answer refused = scripted(chatId);
        if (refused != null) {
            return refused;
        }
        JsonNode textNode = params.get("text");
        String raw = textNode == null || textNode.isNull() ? "" : textNode.asText();
        if (raw.isEmpty()) {
            return error(400, "Bad Request: message text is empty");
        }
        JsonNode modeNode = params.get("parse_mode");
        String parseMode = modeNode == null || modeNode.isNull() || modeNode.asText().isEmpty() ? null
                : modeNode.asText();
        String visible = raw;
        if (parseMode != null) {
            switch (parseMode.toLowerCase(Locale.ROOT)) {
                case "html" -> {
                    try {
                        visible = FakeHtml.parse(raw);
                    } catch (FakeHtml.Invalid e) {
                        return error(400, "Bad Request: can't parse entities: " + e.getMessage());
                    }
                }
                case "markdown", "markdownv2" -> {
                    // not checked: forgebot sends HTML or plain text
                }
                default -> {
                    return error(400, "Bad Request: unsupported parse_mode");
                }
            }
        }
        if (visible.isBlank()) {
            return error(400, "Bad Request: message text is empty");
        }
        if (visible.length() > MAX_TEXT) {
            return error(400, "Bad Request: message is too long");
        }
        String markup = null;
        JsonNode markupNode = params.get("reply_markup");
        if (markupNode != null && !markupNode.isNull()) {
            try {
                markup = (markupNode.isTextual() ? JSON.readTree(markupNode.textValue()) : markupNode).toString();
            } catch (IOException e) {
                return error(400, "Bad Request: can't parse reply keyboard markup JSON object");
            }
        }
        long messageId = nextMessageId(chatId);
        sent.add(new SentMessage(chatId, messageId, visible, raw, parseMode, markup));
        textsById.computeIfAbsent(chatId, k -> new HashMap<>()).put(messageId, visible);
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", botUser());
        message.set("chat", chat(chatId));
        message.put("date", now());
        message.put("text", visible);
        return ok(message);
    }

    private Answer sendChatAction(ObjectNode params) {
        Long chatId = longParam(params, "chat_id");
        if (chatId == null) {
            return error(400, "Bad Request: chat_id is empty");
        }
        Answer refused = scripted(chatId);
        if (refused != null) {
            return refused;
        }
        JsonNode action = params.get("action");
        if (action == null || !CHAT_ACTIONS.contains(action.asText())) {
            return error(400, "Bad Request: wrong parameter action in request");
        }
        chatActions.add(new ChatAction(chatId, action.asText()));
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    /** The scripted refusal of a send to {@code chatId}, or null to go on. */
    private Answer scripted(long chatId) {
        ChatScript script = scripts.get(chatId);
        if (script == null) {
            return null;
        }
        if (script.tooManyTimes > 0) {
            script.tooManyTimes--;
            ObjectNode body = errorBody(429, "Too Many Requests: retry after " + script.retryAfterSeconds);
            body.putObject("parameters").put("retry_after", script.retryAfterSeconds);
            return new Answer(429, body.toString());
        }
        if (script.migrateTo != null) {
            ObjectNode body = errorBody(400, "Bad Request: group chat was upgraded to a supergroup chat");
            body.putObject("parameters").put("migrate_to_chat_id", script.migrateTo);
            return new Answer(400, body.toString());
        }
        if (script.gone) {
            return error(400, "Bad Request: chat not found");
        }
        if (script.blocked) {
            return error(403, "Forbidden: bot was blocked by the user");
        }
        return null;
    }

    private Answer getFile(ObjectNode params) {
        JsonNode id = params.get("file_id");
        if (id == null || id.asText().isEmpty()) {
            return error(400, "Bad Request: file_id not specified");
        }
        StoredFile file = filesById.get(id.asText());
        if (file == null) {
            return error(400, "Bad Request: invalid file_id");
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("file_id", file.fileId());
        result.put("file_unique_id", file.fileUniqueId());
        result.put("file_size", file.content().length);
        result.put("file_path", file.path());
        return ok(result);
    }

    private Answer answerCallbackQuery(ObjectNode params) {
        JsonNode id = params.get("callback_query_id");
        if (id == null || !openCallbacks.remove(id.asText())) {
            return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }
        JsonNode text = params.get("text");
        answeredCallbacks.add(new AnsweredCallback(id.asText(), text == null || text.isNull() ? null : text.asText()));
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private Answer setWebhook(ObjectNode params) {
        JsonNode urlNode = params.get("url");
        String url = urlNode == null || urlNode.isNull() ? "" : urlNode.asText();
        JsonNode secretNode = params.get("secret_token");
        String secret = secretNode == null || secretNode.isNull() ? null : secretNode.asText();
        if (secret != null && !SECRET.matcher(secret).matches()) {
            return error(400, "Bad Request: secret token contains unallowed characters");
        }
        Long max = longParam(params, "max_connections");
        if (max != null && (max < 1 || max > 100)) {
            return error(400, "Bad Request: bad webhook: max_connections must be between 1 and 100");
        }
        if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
            return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        setWebhookCalls++;
        if (booleanParam(params, "drop_pending_updates")) {
            pending.clear();
        }
        webhookUrl = url;
        webhookSecret = url.isEmpty() ? null : secret;
        webhookMaxConnections = url.isEmpty() ? null : max == null ? 40 : max.intValue();
        List<String> allowed = stringList(params.get("allowed_updates"));
        if (allowed != null) {
            webhookAllowedUpdates = allowed;
        }
        if (!url.isEmpty()) {
            pollTermination = "setWebhook";
            pollGeneration++;
            changed.signalAll();
        }
        return okWithDescription(url.isEmpty() ? "Webhook was deleted" : "Webhook was set");
    }

    private Answer deleteWebhook(ObjectNode params) {
        deleteWebhookCalls++;
        if (booleanParam(params, "drop_pending_updates")) {
            pending.clear();
        }
        boolean wasSet = !webhookUrl.isEmpty();
        webhookUrl = "";
        webhookSecret = null;
        webhookMaxConnections = null;
        return okWithDescription(wasSet ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private Answer getWebhookInfo() {
        ObjectNode info = JSON.createObjectNode();
        info.put("url", webhookUrl);
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", pending.size());
        if (webhookErrorDate != null) {
            info.put("last_error_date", webhookErrorDate);
        }
        if (webhookErrorMessage != null) {
            info.put("last_error_message", webhookErrorMessage);
        }
        if (!webhookUrl.isEmpty()) {
            info.put("max_connections", webhookMaxConnections);
            if (webhookAllowedUpdates != null) {
                ArrayNode allowed = info.putArray("allowed_updates");
                webhookAllowedUpdates.forEach(allowed::add);
            }
        }
        return ok(info);
    }

    // ---------------------------------------------------------------- helpers (call with the lock held)

    private interface MessageFiller {
        void fill(ObjectNode message);
    }

    private long enqueueMessage(long chatId, long userId, MessageFiller filler) {
        lock.lock();
        try {
            ObjectNode payload = JSON.createObjectNode();
            ObjectNode message = payload.putObject("message");
            message.put("message_id", nextMessageId(chatId));
            message.set("from", user(userId));
            message.set("chat", chat(chatId));
            message.put("date", now());
            filler.fill(message);
            return enqueueLocked(payload);
        } finally {
            lock.unlock();
        }
    }

    private long enqueueLocked(ObjectNode payload) {
        long id = nextUpdateId++;
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", id);
        update.setAll(payload);
        pending.put(id, update.toString());
        changed.signalAll();
        return id;
    }

    private long nextMessageId(long chatId) {
        return lastMessageIds.merge(chatId, 1L, Long::sum);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private ObjectNode botUser() {
        ObjectNode bot = JSON.createObjectNode();
        bot.put("id", token.botId());
        bot.put("is_bot", true);
        bot.put("first_name", BOT_FIRST_NAME);
        bot.put("username", BOT_USERNAME);
        return bot;
    }

    private static ObjectNode user(long userId) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", userId);
        user.put("is_bot", false);
        user.put("first_name", "User");
        user.put("last_name", String.valueOf(userId));
        user.put("username", "user" + userId);
        user.put("language_code", "en");
        return user;
    }

    private static ObjectNode chat(long chatId) {
        ObjectNode chat = JSON.createObjectNode();
        chat.put("id", chatId);
        if (chatId > 0) {
            chat.put("type", "private");
            chat.put("first_name", "User");
            chat.put("last_name", String.valueOf(chatId));
        } else if (chatId <= SUPERGROUP_BELOW) {
            chat.put("type", "supergroup");
            chat.put("title", "Test Supergroup");
        } else {
            chat.put("type", "group");
            chat.put("title", "Test Group");
        }
        return chat;
    }

    private void withScript(long chatId, java.util.function.Consumer<ChatScript> change) {
        lock.lock();
        try {
            change.accept(scripts.computeIfAbsent(chatId, k -> new ChatScript()));
        } finally {
            lock.unlock();
        }
    }

    private void addFaults(String method, int times, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
        String name = canonical(method);
        lock.lock();
        try {
            Deque<Fault> queue = faults.computeIfAbsent(name, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(fault);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The canonical name of a known method; refuses unknown names so a typo in a test fails loudly. */
    private static String canonical(String method) {
        Objects.requireNonNull(method, "method");
        for (String known : METHODS) {
            if (known.equalsIgnoreCase(method)) {
                return known;
            }
        }
        throw new IllegalArgumentException("the fake does not serve " + method + "; it serves " + METHODS);
    }

    private static String knownOrAsIs(String method) {
        for (String known : METHODS) {
            if (known.equalsIgnoreCase(method) && !known.equals(DOWNLOAD)) {
                return known;
            }
        }
        return method;
    }

    private static Long longParam(ObjectNode params, String name) {
        JsonNode node = params.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        try {
            return Long.parseLong(node.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean booleanParam(ObjectNode params, String name) {
        JsonNode node = params.get(name);
        return node != null && (node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asText()));
    }

    private static List<String> stringList(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode array = node;
        if (node.isTextual()) {
            try {
                array = JSON.readTree(node.textValue());
            } catch (IOException e) {
                return null;
            }
        }
        if (!array.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static Answer ok(JsonNode result) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        return new Answer(200, body.toString());
    }

    private static Answer okWithDescription(String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", true);
        body.put("result", true);
        body.put("description", description);
        return new Answer(200, body.toString());
    }

    private static ObjectNode errorBody(int code, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        return body;
    }

    private static Answer error(int code, String description) {
        return new Answer(code, errorBody(code, description).toString());
    }

    /** {@code read} under the fake's lock. */
    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

}
