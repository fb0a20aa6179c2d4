package dev.forgebot.adapter.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramJson;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's webhook endpoint on the JDK's HTTP server, a listener of its own (not the management
 * server's): it takes each delivery into the inbox and answers 200 once it is stored, so the ack comes
 * well inside Telegram's 60 s and handling happens afterwards, in the background.
 *
 * <p>Per request, in this order:
 * <ol>
 *   <li>only {@code POST} on {@link WebhookSettings#path()} (exactly; the query string is ignored):
 *       another path is 404, another method 405;</li>
 *   <li>{@code X-Telegram-Bot-Api-Secret-Token} must be present once and be the secret (compared in
 *       constant time, see {@link WebhookSecret#matches}): otherwise 401, before any of the body is
 *       read, with {@code Connection: close};</li>
 *   <li>a {@code Content-Length} over {@link WebhookSettings#maxBodyBytes()} is 413 without reading;
 *       a body (chunked ones too) is read up to the cap and one byte more: over it is 413;</li>
 *   <li>a body that is not JSON, or has no numeric {@code update_id}, is 400;</li>
 *   <li>the update is read ({@link TelegramJson#readUpdate}), mapped, and given to
 *       {@link HandleInboundMessage#receive}: 200 {@code {}} once stored, whether it was new or a
 *       redelivery (recognised by its inbox key, stored once); a {@link TransientStorageException} is
 *       503 and a {@link PermanentStorageException} or any other failure 500, so Telegram redelivers.</li>
 * </ol>
 * After the 200 is sent and the exchange closed, a callback query is answered
 * ({@code answerCallbackQuery} without text, best effort, failures at DEBUG), which stops the
 * button's spinner without delaying the ack.
 *
 * <p>Refusals never read the body: the JDK's server discards at most 64 KiB of it afterwards (its
 * {@code sun.net.httpserver.drainAmount}) and then closes the connection. It puts no time limit on a
 * client that announces a body and never sends it; bootstrap can bound that JVM-wide with
 * {@code -Dsun.net.httpserver.maxReqTime=<seconds>}. A client sending {@code Expect: 100-continue} (Telegram
 * does not) is told to continue by the JDK's server before the secret is checked.
 *
 * <p>Neither the secret nor a body is ever logged. Requests run on the {@link Executor} given (threads
 * are created only in {@code bootstrap.runtime}). The constructor does no I/O; {@link #start()} binds.
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class TelegramWebhookServer implements AutoCloseable {

    /** The header Telegram puts the secret in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Seconds {@link #close()} lets deliveries in flight finish (an interrupted one is redelivered). */
    private static final int STOP_DELAY_SECONDS = 2;
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookServer.class);

    private final WebhookSettings settings;
    private final Executor executor;
    private final HandleInboundMessage intake;
    private final Function<ReceivedUpdate, InboundEvent> mapping;
    private final TelegramApi api;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final LongAdder tooLarge = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder storeFailed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    private HttpServer server;
    private boolean closed;

    /**
     * @param settings where to listen, the secret and the body cap
     * @param executor runs each request (given by bootstrap)
     * @param intake   stores the mapped event; returns once it is durable
     * @param mapping  turns an update into the event to store (the update mapper's {@code map})
     * @param api      answers callback queries after they are stored
     */
    public TelegramWebhookServer(WebhookSettings settings, Executor executor, HandleInboundMessage intake,
            Function<ReceivedUpdate, InboundEvent> mapping, TelegramApi api) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException  when the address cannot be bound (port in use, unknown host)
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (server != null || closed) {
            throw new IllegalStateException("the webhook server can be started once");
        }
        try {
            var address = new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port());
            HttpServer created = HttpServer.create(address, 0);
            created.setExecutor(executor);
            // One context for everything: the JDK matches contexts by string prefix, the path must match exactly.
            created.createContext("/", this::handle);
            created.start();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot bind the webhook server to " + settings.host() + ":" + settings.port(), e);
        }
        log.info("webhook server listening address={} path={} maxBodyBytes={}", address(), settings.path(),
                settings.maxBodyBytes());
    }

    /** The bound address; the port is the real one when 0 was asked for. */
    public synchronized InetSocketAddress address() {
        if (server == null) {
            throw new IllegalStateException("the webhook server is not started");
        }
        return server.getAddress();
    }

    /** The bound port; the real one when 0 was asked for. */
    public int port() {
        return address().getPort();
    }

    /** What happened to deliveries so far; cheap, for health and metrics. */
    public WebhookCounters snapshot() {
        return new WebhookCounters(accepted.sum(), duplicates.sum(), unauthorized.sum(), tooLarge.sum(),
                malformed.sum(), storeFailed.sum(), failed.sum());
    }

    /** Stops accepting, gives deliveries in flight a moment to finish, then stops. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(STOP_DELAY_SECONDS);
            log.info("webhook server stopped");
        }
    }

    private void handle(HttpExchange exchange) {
        String callbackQueryId = null;
        try (exchange) {
            callbackQueryId = deliver(exchange);
        } catch (IOException e) {
            // The client went away mid-request; Telegram redelivers what it did not get a 200 for.
            log.debug("webhook request aborted problem={}", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.error("webhook request failed", e);
        }
        if (callbackQueryId != null) {
            answerCallback(callbackQueryId);
        }
    }

    /** Answers one request; returns the id of a stored callback query to answer afterwards, or null. */
    private String deliver(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(settings.path())) {
            refuse(exchange, 404, "not found\n");
            return null;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            refuse(exchange, 405, "method not allowed\n");
            return null;
        }
        Headers headers = exchange.getRequestHeaders();
        List<String> presented = headers.get(SECRET_HEADER);
        if (presented == null || presented.size() != 1 || !settings.secret().matches(presented.get(0))) {
            unauthorized.increment();
            logUnauthorized(exchange, presented == null);
            refuse(exchange, 401, "unauthorized\n");
            return null;
        }
        String announced = headers.getFirst("Content-Length");
        if (announced != null && Long.parseLong(announced.strip()) > settings.maxBodyBytes()) {
            // The JDK's server has already checked it is a non-negative number.
            return tooLarge(exchange);
        }
        byte[] body = readCapped(exchange.getRequestBody(), settings.maxBodyBytes());
        if (body.length > settings.maxBodyBytes()) {
            return tooLarge(exchange);
        }
        ReceivedUpdate update = read(body);
        if (update == null) {
            malformed.increment();
            respond(exchange, 400, TEXT, "not an update\n", false);
            return null;
        }
        return store(exchange, update);
    }

    private String store(HttpExchange exchange, ReceivedUpdate update) throws IOException {
        long updateId = update.updateId();
        int fresh;
        try {
            fresh = intake.receive(List.of(mapping.apply(update)));
        } catch (TransientStorageException e) {
            storeFailed.increment();
            log.warn("webhook update not stored, answering 503 so Telegram redelivers update={} problem={}",
                    updateId, e.getMessage());
            respond(exchange, 503, TEXT, "not stored, try again\n", false);
            return null;
        } catch (PermanentStorageException e) {
            storeFailed.increment();
            log.error("webhook update not stored, answering 500 update={}", updateId, e);
            respond(exchange, 500, TEXT, "not stored\n", false);
            return null;
        } catch (RuntimeException e) {
            failed.increment();
            log.error("webhook update not taken in, answering 500 update={}", updateId, e);
            respond(exchange, 500, TEXT, "not stored\n", false);
            return null;
        }
        if (fresh > 0) {
            accepted.increment();
            log.debug("webhook update stored update={}", updateId);
        } else {
            duplicates.increment();
            log.debug("webhook update redelivered, already stored update={}", updateId);
        }
        respond(exchange, 200, JSON, "{}", false);
        return update instanceof ReceivedUpdate.Parsed parsed && parsed.update().callbackQuery() != null
                ? parsed.update().callbackQuery().id()
                : null;
    }

    /** The update in {@code body}, or null (logged) when it is not one. */
    private static ReceivedUpdate read(byte[] body) {
        JsonNode node;
        try {
            node = TelegramJson.MAPPER.readTree(body);
        } catch (IOException e) {
            // A parser's message quotes the body: name the problem's kind only.
            log.warn("webhook delivery refused reason=malformed problem={}", e.getClass().getSimpleName());
            return null;
        }
        if (node == null || !node.isObject()) {
            log.warn("webhook delivery refused reason=malformed problem=not-an-object");
            return null;
        }
        try {
            return TelegramJson.readUpdate(node);
        } catch (IllegalArgumentException e) {
            log.warn("webhook delivery refused reason=malformed problem=no-numeric-update-id");
            return null;
        }
    }

    private String tooLarge(HttpExchange exchange) throws IOException {
        tooLarge.increment();
        log.warn("webhook delivery refused reason=too-large maxBodyBytes={}", settings.maxBodyBytes());
        refuse(exchange, 413, "body too large\n");
        return null;
    }

    private void answerCallback(String callbackQueryId) {
        try {
            api.answerCallbackQuery(callbackQueryId, null);
        } catch (RuntimeException e) {
            // Late or repeated answers are refused ("query is too old"); the customer's update is stored either way.
            log.debug("callback query not answered problem={}", e.getMessage());
        }
    }

    /**
     * A refusal's log line. A wrong secret after a rotation shows here; so would a scanner, so only
     * the 1st, 2nd, 4th, 8th, ... refusal is logged at WARN, the others at DEBUG.
     */
    private void logUnauthorized(HttpExchange exchange, boolean missing) {
        long count = unauthorized.sum();
        String reason = missing ? "missing-secret" : "wrong-secret";
        InetAddress remote = exchange.getRemoteAddress() == null ? null : exchange.getRemoteAddress().getAddress();
        if (Long.bitCount(count) == 1) {
            log.warn("webhook delivery refused reason=unauthorized problem={} remote={} refusedSoFar={}", reason,
                    remote == null ? "?" : remote.getHostAddress(), count);
        } else {
            log.debug("webhook delivery refused reason=unauthorized problem={} remote={} refusedSoFar={}", reason,
                    remote == null ? "?" : remote.getHostAddress(), count);
        }
    }

    /** Reads at most {@code cap + 1} bytes: one more than allowed tells an oversize body. */
    private static byte[] readCapped(InputStream in, int cap) throws IOException {
        return in.readNBytes(cap + 1);
    }

    /** A refusal with the body left unread: the connection cannot be reused. */
    private static void refuse(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, TEXT, body, true);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body, boolean close)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Cache-Control", "no-store");
        if (close) {
            headers.set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
