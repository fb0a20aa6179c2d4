package dev.forgebot.adapter.telegram.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.adapter.telegram.dto.TelegramFile;
import dev.forgebot.adapter.telegram.dto.User;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot API over HTTP: one POST of a JSON body per call to {@code {baseUrl}/bot{token}/{method}},
 * and a GET of {@code {baseUrl}/file/bot{token}/{file_path}} to download a file. Built on Apache
 * HttpClient 5 (classic) with a connection pool; automatic retries, redirects, cookies and content
 * compression are off.
 *
 * <p><b>Failures.</b> Every answer's body is read. {@code ok=false} becomes a
 * {@link TelegramApiException} with Telegram's {@code error_code}, {@code description},
 * {@code retry_after} and {@code migrate_to_chat_id}; a body that is not the API's JSON (a gateway's HTML
 * page on a 502, or a 200 that does not parse) becomes a {@link TelegramApiException} with the HTTP
 * status as its code and {@link TelegramApiException#unreadableBody()} true. When no answer came, a
 * {@link TelegramUnreachableException} says whether the request may have been sent (read timeout,
 * connection reset or closed: yes; refused, connect timeout, unknown host: no). Nothing is retried here
 * (see {@link TelegramApi}). No HttpClient or Jackson exception leaves this class.
 *
 * <p><b>The token</b> appears in no log line, exception message or {@code toString}, whatever the
 * logging configuration (HttpClient's own DEBUG, headers and wire logs included): requests are built
 * with a placeholder in its place, and the connections of {@link TokenConnectionFactory} write the real
 * token only into the request line on the socket, and never log headers or wire bytes.
 *
 * <p><b>Threads.</b> Thread-safe; share one instance. A long poll holds one pooled connection for its
 * timeout plus the configured margin. {@link #close()} releases the pool; calls after it fail.
 */
public final class HttpTelegramApi implements TelegramApi, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpTelegramApi.class);

    /** The largest JSON answer read; a longer one is an unreadable answer. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    /** {@code downloadFile} refuses larger limits (the whole file is held in memory). */
    static final long MAX_DOWNLOAD_BYTES = Integer.MAX_VALUE - 16;

    private static final String DOWNLOAD = "downloadFile";

    private final TelegramApiConfig config;
    private final BotApiPaths paths;
    private final TokenRedaction redaction;
    private final RequestConfig requestConfig;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;

    /** A client for {@code config}, trusting the JDK's default certificates; opens no connection yet. */
    public HttpTelegramApi(TelegramApiConfig config) {
        this(config, null);
    }

    /** A client whose TLS connections use {@code sslContext} (null: the JDK's default); for tests. */
    HttpTelegramApi(TelegramApiConfig config, SSLContext sslContext) {
        this.config = Objects.requireNonNull(config, "config");
        this.paths = new BotApiPaths(config.baseUrl());
        this.redaction = new TokenRedaction(config.token());
        this.requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout(config.connectTimeout()))
                .setResponseTimeout(timeout(config.responseTimeout()))
                .setRedirectsEnabled(false)
                .build();
        PoolingHttpClientConnectionManagerBuilder poolBuilder = PoolingHttpClientConnectionManagerBuilder.create();
        if (sslContext != null) {
            poolBuilder.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        this.pool = poolBuilder
                .setConnectionFactory(new TokenConnectionFactory(config.token()))
                .setMaxConnPerRoute(config.maxConnections())
                .setMaxConnTotal(config.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(config.connectTimeout()))
                        .setSocketTimeout(timeout(config.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requestConfig)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    private static Timeout timeout(Duration d) {
        return Timeout.ofMilliseconds(d.toMillis());
    }

    @Override
    public User getMe() {
        return as("getMe", BotApiRequests.empty(), null, User.class);
    }

    @Override
    public List<ReceivedUpdate> getUpdates(OptionalLong offset, int limit, Duration timeout,
            List<String> allowedUpdates) {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(allowedUpdates, "allowedUpdates");
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1-100, was " + limit);
        }
        if (timeout.isNegative() || timeout.toSeconds() > 3600) {
            throw new IllegalArgumentException("timeout must be 0-3600 s, was " + timeout);
        }
        long seconds = timeout.toSeconds();
        Duration responseTimeout = Duration.ofSeconds(seconds).plus(config.pollMargin());
        String method = "getUpdates";
        Exchange exchange = call(method, BotApiRequests.getUpdates(offset, limit, seconds, allowedUpdates),
                responseTimeout);
        if (!exchange.result().isArray()) {
            throw BotApiAnswers.unreadable(method, exchange.raw(), "result is not an array");
        }
        JsonNode result = exchange.result();
        List<ReceivedUpdate> updates = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            try {
                updates.add(TelegramJson.readUpdate(result.get(i)));
            } catch (IllegalArgumentException e) {
                // Without an id it can be neither confirmed nor stored; the next offset passes it anyway.
                log.warn("telegram getUpdates skipped an element without a numeric update_id index={}", i);
            }
        }
        return updates;
    }

    @Override
    public Message sendMessage(SendMessageRequest request) {
        Objects.requireNonNull(request, "request");
        return as("sendMessage", BotApiRequests.sendMessage(request), null, Message.class);
    }

    @Override
    public void sendChatAction(long chatId, String action) {
        call("sendChatAction", BotApiRequests.sendChatAction(chatId, action), null);
    }

    @Override
    public TelegramFile getFile(String fileId) {
        return as("getFile", BotApiRequests.getFile(fileId), null, TelegramFile.class);
    }

    @Override
    public byte[] downloadFile(String filePath, long maxBytes) {
        if (maxBytes < 0 || maxBytes > MAX_DOWNLOAD_BYTES) {
            throw new IllegalArgumentException("maxBytes must be 0-" + MAX_DOWNLOAD_BYTES + ", was " + maxBytes);
        }
        HttpGet get = new HttpGet(paths.file(filePath));
        Read read = exchange(DOWNLOAD, get, maxBytes);
        BotApiAnswers.Raw raw = read.raw();
        if (raw.status() == 200 && read.tooLong()) {
            throw new TelegramApiException(DOWNLOAD, 413, "file is larger than " + maxBytes + " bytes", null, null,
                    false);
        }
        if (raw.status() == 200) {
            return raw.body();
        }
        throw BotApiAnswers.failure(DOWNLOAD, raw, redaction);
    }

    @Override
    public void answerCallbackQuery(String callbackQueryId, String text) {
        call("answerCallbackQuery", BotApiRequests.answerCallbackQuery(callbackQueryId, text), null);
    }

    @Override
    public void setWebhook(WebhookRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        call("setWebhook", BotApiRequests.setWebhook(registration), null);
    }

    @Override
    public void deleteWebhook(boolean dropPendingUpdates) {
        call("deleteWebhook", BotApiRequests.deleteWebhook(dropPendingUpdates), null);
    }

    @Override
    public WebhookInfo getWebhookInfo() {
        return as("getWebhookInfo", BotApiRequests.empty(), null, WebhookInfo.class);
    }

    // ---------------------------------------------------------------- plumbing

    /** A successful call: the answer and its {@code result}. */
    private record Exchange(BotApiAnswers.Raw raw, JsonNode result) {
    }

    /** An answer as read: {@code tooLong} when the body passed the limit (and was cut there). */
    private record Read(BotApiAnswers.Raw raw, boolean tooLong) {
    }

    private <T> T as(String method, ObjectNode body, Duration responseTimeout, Class<T> type) {
        Exchange exchange = call(method, body, responseTimeout);
        return BotApiAnswers.as(method, exchange.raw(), exchange.result(), type);
    }

    /** One POST; the {@code result} of an {@code ok=true} answer, else a typed failure. */
    private Exchange call(String method, ObjectNode body, Duration responseTimeout) {
        HttpPost post = new HttpPost(paths.method(method));
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new ByteArrayEntity(json(body), ContentType.APPLICATION_JSON));
        if (responseTimeout != null) {
            post.setConfig(RequestConfig.copy(requestConfig).setResponseTimeout(timeout(responseTimeout)).build());
        }
        Read read = exchange(method, post, MAX_ANSWER_BYTES);
        if (read.tooLong()) {
            throw BotApiAnswers.unreadable(method, read.raw(), "longer than " + MAX_ANSWER_BYTES + " bytes");
        }
        return new Exchange(read.raw(), BotApiAnswers.result(method, read.raw(), redaction));
    }

    private static byte[] json(ObjectNode body) {
        try {
            return TelegramJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Sends the request and reads the answer's body, at most {@code maxBytes + 1} bytes of it. A longer
     * body is not drained: the connection is dropped instead.
     */
    private Read exchange(String method, HttpUriRequestBase request, long maxBytes) {
        ClassicHttpResponse response;
        try {
            response = http.executeOpen(null, request, null);
        } catch (IOException e) {
            throw NoAnswer.translate(method, e, redaction);
        }
        try {
            return read(method, request, response, maxBytes);
        } catch (IOException e) {
            request.cancel();
            throw NoAnswer.translate(method, e, redaction);
        } finally {
            closeQuietly(response);
        }
    }

    private static Read read(String method, HttpUriRequestBase request, ClassicHttpResponse response, long maxBytes)
            throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        String contentType = contentType(response, entity);
        if (entity == null) {
            log.debug("telegram call method={} status={} bytes=0", method, status);
            return new Read(new BotApiAnswers.Raw(status, contentType, new byte[0]), false);
        }
        if (entity.getContentLength() > maxBytes) {
            // Closing the stream would read the rest to reuse the connection: drop it instead.
            request.cancel();
            log.debug("telegram call method={} status={} declared_bytes={} limit={}", method, status,
                    entity.getContentLength(), maxBytes);
            return new Read(new BotApiAnswers.Raw(status, contentType, new byte[0]), true);
        }
        InputStream in = entity.getContent();
        byte[] body = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        boolean tooLong = body.length > maxBytes;
        if (tooLong) {
            request.cancel();
            closeQuietly(in);
            body = Arrays.copyOf(body, (int) maxBytes);
        } else {
            in.close();
        }
        log.debug("telegram call method={} status={} bytes={}", method, status, body.length);
        return new Read(new BotApiAnswers.Raw(status, contentType, body), tooLong);
    }

    private static String contentType(ClassicHttpResponse response, HttpEntity entity) {
        if (entity != null && entity.getContentType() != null) {
            return entity.getContentType();
        }
        Header header = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        return header == null ? null : header.getValue();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the body was read, or the connection was dropped on purpose
        }
    }

    /** Closes the connection pool; a long poll in progress fails with {@link TelegramUnreachableException}. */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
        pool.close(CloseMode.IMMEDIATE);
    }

    @Override
    public String toString() {
        return "HttpTelegramApi[" + config.baseUrl() + ", bot=" + config.token().botId() + "]";
    }
}
