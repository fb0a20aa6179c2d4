package dev.forgebot.adapter.insforge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPatch;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one HTTP client for InsForge: records (select, insert, upsert, update, delete, count), RPC,
 * file upload and the health check, with the retry contract of design.md.
 *
 * <p><b>Retries.</b> Every records call is retried by one Resilience4j {@link Retry}: on the configured
 * statuses (default 429, 500, 502, 503), on a failure to connect (nothing sent) and on a call sent but
 * not answered (read timeout, no response, connection reset), at most {@code waits.size()} times
 * (default 3, waiting 0.5 s, 1 s, 2 s). A {@code Retry-After} longer than the scheduled wait stretches
 * it; one longer than the cap (default 10 s) ends the retries at once. Each retry logs WARN, giving up
 * logs ERROR. RPC, upload and the health check get exactly one attempt. Inserts and upserts are made
 * safe to replay by {@code on_conflict} on a natural key.
 *
 * <p><b>Failures.</b> {@link InsForgeTransientException} when retries ran out, the cap was exceeded or
 * no connection/answer was had; {@link InsForgePermanentException} for every other status (400, 401,
 * 403, 404, 406, 409, 504, ...) and for unreadable responses. Both carry status and the parsed error
 * body. No HttpClient or Jackson exception leaves this class; invalid arguments throw
 * {@link IllegalArgumentException} before anything is sent.
 *
 * <p><b>Threads.</b> Thread-safe; share one instance. {@link #close()} releases the connection pool.
 * The API key is sent only as {@code Authorization: Bearer} and appears in no log line, exception or
 * {@code toString}, even with HttpClient's header and wire logs at DEBUG.
 */
public final class InsForgeHttpClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InsForgeHttpClient.class);

    private static final String RECORDS = "/api/database/records/";
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9_-]{1,63}");
    private static final Pattern FUNCTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final int MAX_ERROR_TEXT = 2000;

    private final URI baseUrl;
    private final String authorization;
    private final Set<Integer> retryableStatuses;
    private final RetrySchedule schedule;
    private final Retry retry;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;

    /** A client with the system UTC clock (used only to read HTTP-date {@code Retry-After}s). */
    public InsForgeHttpClient(InsForgeClientConfig config) {
        this(config, Clock.systemUTC());
    }

    /** A client whose HTTP-date {@code Retry-After}s are measured against {@code clock}. */
    public InsForgeHttpClient(InsForgeClientConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.baseUrl = config.baseUrl();
        this.authorization = "Bearer " + config.apiKey().reveal();
        this.retryableStatuses = config.retry().retryableStatuses();
        this.schedule = RetrySchedule.of(config.retry());
        this.retry = Retry.of("insforge-records", retryConfig(schedule));
        this.retry.getEventPublisher().onRetry(event -> {
            if (event.getLastThrowable() instanceof RetryableFailure f) {
                log.warn("insforge retry operation={} target={} attempt={} status={} reason={} wait_ms={}",
                        f.operation(), f.target(), event.getNumberOfRetryAttempts(), f.status(), f.reason(),
                        event.getWaitInterval().toMillis());
            }
        });
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new QuietConnectionFactory())
                .setMaxConnPerRoute(config.maxConnectionsPerRoute())
                .setMaxConnTotal(config.maxConnectionsTotal())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(config.connectTimeout()))
                        .setSocketTimeout(timeout(config.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout(config.connectionRequestTimeout()))
                        .setResponseTimeout(timeout(config.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
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

    private static RetryConfig retryConfig(RetrySchedule schedule) {
        return RetryConfig.<HttpResult>custom()
                .maxAttempts(schedule.maxAttempts())
                .intervalBiFunction((Integer attempt, Either<Throwable, HttpResult> outcome) -> {
                    Optional<Duration> retryAfter = outcome.isLeft() && outcome.getLeft() instanceof RetryableFailure f
                            ? f.retryAfter() : Optional.empty();
                    // beyondCap was checked before throwing, so a wait is always present here
                    return schedule.waitAfter(attempt, retryAfter).orElse(Duration.ZERO).toMillis();
                })
                .retryOnException(t -> t instanceof RetryableFailure)
                .retryOnResult(r -> false)
                .failAfterMaxAttempts(true)
                .build();
    }

    /** The Resilience4j retry, for its events (tests observe waits through it). */
    Retry retry() {
        return retry;
    }

    // ---------------------------------------------------------------- records

    /** Runs the query and returns one page of rows. Retried per the contract. */
    public List<JsonNode> select(RecordsQuery query) {
        Objects.requireNonNull(query, "query");
        String op = "records.select";
        HttpResult r = withRetry(op, query.table(),
                () -> withJsonHeaders(new HttpGet(recordsUri(query.table(), query.toQueryString()))));
        return rows(op, query.table(), r);
    }

    /** Runs the query and maps each row to {@code type} (unknown properties ignored). */
    public <T> List<T> select(RecordsQuery query, Class<T> type) {
        Objects.requireNonNull(type, "type");
        List<JsonNode> rows = select(query);
        List<T> out = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            try {
                out.add(mapper.treeToValue(row, type));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new InsForgePermanentException("records.select", "table=" + query.table()
                        + " row does not map to " + type.getSimpleName(), 0, null, null);
            }
        }
        return out;
    }

    /**
     * Pages through the query from its offset, one request per page (each retried per the contract),
     * until a page comes back shorter than the limit or {@code maxRows} rows were read. A stable
     * {@code order} on a unique column keeps pages from overlapping.
     *
     * @throws IllegalArgumentException if {@code maxRows} is not positive or the query's limit is 0
     */
    public List<JsonNode> selectAll(RecordsQuery query, int maxRows) {
        Objects.requireNonNull(query, "query");
        if (maxRows < 1 || query.limit() < 1) {
            throw new IllegalArgumentException("need maxRows >= 1 and a limit >= 1");
        }
        List<JsonNode> all = new ArrayList<>();
        RecordsQuery page = query;
        while (true) {
            List<JsonNode> rows = select(page);
            for (JsonNode row : rows) {
                if (all.size() == maxRows) {
                    return all;
                }
                all.add(row);
            }
            if (rows.size() < page.limit() || all.size() == maxRows) {
                return all;
            }
            page = page.nextPage();
        }
    }

    /**
     * Inserts rows, skipping those whose natural key ({@code conflictColumns}) already exists, and
     * returns the rows that were new. Replaying it is harmless, so it is retried per the contract.
     */
    public List<JsonNode> insertIgnoringDuplicates(String table, List<?> rows, String... conflictColumns) {
        return write("records.insert", table, rows, conflictColumns, "resolution=ignore-duplicates");
    }

    /**
     * Inserts rows or updates those whose natural key ({@code conflictColumns}) exists; returns every
     * row as stored. Retried per the contract.
     */
    public List<JsonNode> upsert(String table, List<?> rows, String... conflictColumns) {
        return write("records.upsert", table, rows, conflictColumns, "resolution=merge-duplicates");
    }

    private List<JsonNode> write(String op, String table, List<?> rows, String[] conflictColumns,
                                 String resolution) {
        String t = RecordsQuery.table(table);
        Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to write");
        }
        if (conflictColumns == null || conflictColumns.length == 0) {
            throw new IllegalArgumentException("a natural key (conflict columns) is required");
        }
        List<String> key = new ArrayList<>();
        for (String c : conflictColumns) {
            key.add(Filter.column(c));
        }
        byte[] body = json(rows);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("on_conflict", String.join(",", key));
        String query = RecordsQuery.encode(params);
        HttpResult r = withRetry(op, t, () -> {
            HttpPost post = new HttpPost(recordsUri(t, query));
            withJsonHeaders(post).setHeader("Prefer", resolution + ",return=representation");
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            return post;
        });
        return rows(op, t, r);
    }

    /**
     * Updates the rows matching all {@code where} conditions with {@code changes} (a JSON object) and
     * returns the rows changed; an empty list means nothing matched (the condition did not hold).
     * At least one condition is required. Retried per the contract (a conditional update is
     * idempotent).
     */
    public List<JsonNode> update(String table, List<Filter> where, Object changes) {
        String t = RecordsQuery.table(table);
        String query = filtersOnly(where);
        Objects.requireNonNull(changes, "changes");
        byte[] body = json(changes);
        String op = "records.update";
        HttpResult r = withRetry(op, t, () -> {
            HttpPatch patch = new HttpPatch(recordsUri(t, query));
            withJsonHeaders(patch).setHeader("Prefer", "return=representation");
            patch.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            return patch;
        });
        return rows(op, t, r);
    }

    /** Deletes the rows matching all {@code where} conditions (at least one) and returns them. */
    public List<JsonNode> delete(String table, List<Filter> where) {
        String t = RecordsQuery.table(table);
        String query = filtersOnly(where);
        String op = "records.delete";
        HttpResult r = withRetry(op, t, () -> {
            HttpDelete delete = new HttpDelete(recordsUri(t, query));
            withJsonHeaders(delete).setHeader("Prefer", "return=representation");
            return delete;
        });
        return rows(op, t, r);
    }

    /** Counts the rows matching all {@code where} conditions (none: the whole table), exactly. */
    public long count(String table, List<Filter> where) {
        return count(RecordsQuery.from(table).where(where.toArray(Filter[]::new)));
    }

    /**
     * Counts the rows matching the query's conditions, exactly (its select, order and page are sent
     * but do not change the count). Use it on a table without an {@code id} column: give it an order
     * on a column that exists, since PostgREST rejects an order on an unknown column.
     */
    public long count(RecordsQuery query) {
        Objects.requireNonNull(query, "query");
        RecordsQuery q = query.limit(0).offset(0);
        String op = "records.count";
        HttpResult r = withRetry(op, q.table(), () -> {
            HttpGet get = new HttpGet(recordsUri(q.table(), q.toQueryString()));
            withJsonHeaders(get).setHeader("Prefer", "count=exact");
            return get;
        });
        String range = r.contentRange();
        int slash = range == null ? -1 : range.lastIndexOf('/');
        if (slash < 0) {
            throw new InsForgePermanentException(op, "table=" + q.table() + " no Content-Range total",
                    r.status(), null, null);
        }
        try {
            return Long.parseLong(range.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new InsForgePermanentException(op, "table=" + q.table() + " Content-Range total unknown",
                    r.status(), null, null);
        }
    }

    private static String filtersOnly(List<Filter> where) {
        Objects.requireNonNull(where, "where");
        if (where.isEmpty()) {
            throw new IllegalArgumentException("refusing to change every row: give at least one condition");
        }
        for (Filter f : where) {
            Objects.requireNonNull(f, "condition");
        }
        return RecordsQuery.encode(RecordsQuery.filterParams(where));
    }

    // ---------------------------------------------------------------- single attempt

    /** Calls a Postgres function with named arguments; exactly one attempt, never retried. */
    public JsonNode rpc(String function, Map<String, ?> args) {
        Objects.requireNonNull(function, "function");
        QueryEncoding.refuseNul(function);
        if (!FUNCTION.matcher(function).matches()) {
            throw new IllegalArgumentException("not an allowed function name: " + function);
        }
        byte[] body = json(args == null ? Map.of() : args);
        String path = "/api/database/rpc/" + function;
        HttpPost post = new HttpPost(baseUrl.resolve(path));
        withJsonHeaders(post);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        HttpResult r = once("rpc", path, post);
        return parse("rpc", path, r.body(), r.status());
    }

    /**
     * Uploads (creates or replaces) an object at {@code key} in {@code bucket} as multipart part
     * {@code file}; returns the stored file object. Exactly one attempt, never retried.
     */
    public JsonNode upload(String bucket, String key, byte[] content, String contentType, String fileName) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(content, "content");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("not an allowed bucket name");
        }
        String path = "/api/storage/buckets/" + bucket + "/objects/" + objectKey(key);
        HttpPut put = new HttpPut(baseUrl.resolve(path));
        put.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        put.setHeader(HttpHeaders.ACCEPT, "application/json");
        put.setEntity(MultipartEntityBuilder.create()
                .addBinaryBody("file", content, ContentType.parse(Objects.requireNonNull(contentType, "contentType")),
                        Objects.requireNonNull(fileName, "fileName"))
                .build());
        String target = "/api/storage/buckets/" + bucket + "/objects";
        HttpResult r = once("storage.upload", target, put);
        return parse("storage.upload", target, r.body(), r.status());
    }

    static String objectKey(String key) {
        Objects.requireNonNull(key, "key");
        QueryEncoding.refuseNul(key);
        if (key.isEmpty() || key.startsWith("/")) {
            throw new IllegalArgumentException("object key must be non-empty and not start with /");
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("object key has an empty, . or .. segment");
            }
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(QueryEncoding.percentEncode(segment));
        }
        return sb.toString();
    }

    /** Reads {@code GET /api/health}, logs the server version at INFO and returns it. One attempt. */
    public String checkHealth() {
        String path = "/api/health";
        HttpGet get = new HttpGet(baseUrl.resolve(path));
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        HttpResult r = once("health", path, get);
        JsonNode body = parse("health", path, r.body(), r.status());
        String version = body.path("version").asText("unknown");
        log.info("insforge health status={} version={}", body.path("status").asText("unknown"), version);
        return version;
    }

    // ---------------------------------------------------------------- admin (non-records) paths

    /**
     * {@code GET} on an admin path such as {@code /api/database/migrations} or
     * {@code /api/storage/buckets} (optionally with a query). Idempotent, so retried like a records
     * call. Returns the JSON body (a null node when empty).
     *
     * @throws IllegalArgumentException if the path is not under {@code /api/}
     */
    public JsonNode adminGet(String path) {
        String p = adminPath(path);
        HttpResult r = withRetry("admin.get", targetOf(p), () -> withJsonHeaders(new HttpGet(URI.create(baseUrl + p))));
        return parse("admin.get", targetOf(p), r.body(), r.status());
    }

    /** {@code POST} of a JSON body on an admin path; exactly one attempt, never retried. */
    public JsonNode adminPost(String path, Object body) {
        String p = adminPath(path);
        HttpPost post = new HttpPost(URI.create(baseUrl + p));
        withJsonHeaders(post);
        post.setEntity(new ByteArrayEntity(json(Objects.requireNonNull(body, "body")), ContentType.APPLICATION_JSON));
        HttpResult r = once("admin.post", targetOf(p), post);
        return parse("admin.post", targetOf(p), r.body(), r.status());
    }

    /** {@code PATCH} of a JSON body on an admin path; exactly one attempt, never retried. */
    public JsonNode adminPatch(String path, Object body) {
        String p = adminPath(path);
        HttpPatch patch = new HttpPatch(URI.create(baseUrl + p));
        withJsonHeaders(patch);
        patch.setEntity(new ByteArrayEntity(json(Objects.requireNonNull(body, "body")), ContentType.APPLICATION_JSON));
        HttpResult r = once("admin.patch", targetOf(p), patch);
        return parse("admin.patch", targetOf(p), r.body(), r.status());
    }

    private static String adminPath(String path) {
        Objects.requireNonNull(path, "path");
        QueryEncoding.refuseNul(path);
        if (!path.startsWith("/api/") || path.contains("..") || path.contains("#")
                || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("not an allowed admin path");
        }
        return path;
    }

    private static String targetOf(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    // ---------------------------------------------------------------- plumbing

    private URI recordsUri(String table, String encodedQuery) {
        return URI.create(baseUrl + RECORDS + QueryEncoding.percentEncode(table)
                + (encodedQuery.isEmpty() ? "" : "?" + encodedQuery));
    }

    private <R extends ClassicHttpRequest> R withJsonHeaders(R request) {
        request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        return request;
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private List<JsonNode> rows(String op, String table, HttpResult r) {
        if (r.body().length == 0) {
            return List.of();
        }
        JsonNode node = parse(op, table, r.body(), r.status());
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InsForgePermanentException(op, "table=" + table + " expected a JSON array", r.status(),
                    null, null);
        }
        List<JsonNode> out = new ArrayList<>(node.size());
        node.forEach(out::add);
        return out;
    }

    private JsonNode parse(String op, String target, byte[] body, int status) {
        if (body.length == 0) {
            return mapper.nullNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new InsForgePermanentException(op, "target=" + target + " unreadable JSON response", status,
                    null, null);
        }
    }

    /** A records call under the retry contract. */
    private HttpResult withRetry(String op, String target, Supplier<ClassicHttpRequest> request) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retry.executeSupplier(() -> attempt(op, target, request.get(), attempts.incrementAndGet(), true));
        } catch (RetryableFailure f) {
            log.error("insforge gave up operation={} target={} attempts={} status={} reason={}",
                    op, target, attempts.get(), f.status(), f.reason());
            throw transientFrom(f, attempts.get(), "retries exhausted");
        }
    }

    /** A call with exactly one attempt. */
    private HttpResult once(String op, String target, ClassicHttpRequest request) {
        try {
            return attempt(op, target, request, 1, false);
        } catch (RetryableFailure f) {
            log.error("insforge call failed (not retried) operation={} target={} status={} reason={}",
                    op, target, f.status(), f.reason());
            throw transientFrom(f, 1, "single attempt");
        }
    }

    private static InsForgeTransientException transientFrom(RetryableFailure f, int attempts, String why) {
        String detail = f.error() == null ? "" : " " + f.error().summary();
        return new InsForgeTransientException(f.operation(), "target=" + f.target() + " " + f.reason()
                + " attempts=" + attempts + " (" + why + ")" + detail, f.status(), attempts, f.error(),
                f.getCause());
    }

    /**
     * One HTTP exchange. Returns a 2xx result; throws {@link RetryableFailure} when the contract allows
     * another attempt, or a typed exception when it does not.
     */
    private HttpResult attempt(String op, String target, ClassicHttpRequest request, int attempt,
                               boolean retried) {
        HttpResult r;
        try {
            r = http.execute(request, response -> {
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                return new HttpResult(response.getCode(), header(response.getFirstHeader("Retry-After")),
                        header(response.getFirstHeader("Content-Range")), body);
            });
        } catch (IOException e) {
            throw ioFailure(op, target, e);
        }
        if (r.success()) {
            return r;
        }
        InsForgeError error = parseError(r.body());
        if (retryableStatuses.contains(r.status())) {
            Optional<Duration> retryAfter = RetrySchedule.parseRetryAfter(r.retryAfter(), clock);
            if (retried && schedule.beyondCap(retryAfter)) {
                log.error("insforge gave up operation={} target={} attempts={} status={} reason=retry-after-beyond-cap retry_after_s={}",
                        op, target, attempt, r.status(), retryAfter.get().toSeconds());
                throw new InsForgeTransientException(op, "target=" + target + " status=" + r.status()
                        + " Retry-After " + retryAfter.get().toSeconds() + "s beyond cap, attempts=" + attempt
                        + " " + error.summary(), r.status(), attempt, error, null);
            }
            throw new RetryableFailure(op, target, r.status(), retryAfter, error, "status=" + r.status(), null);
        }
        throw new InsForgePermanentException(op, "target=" + target + " status=" + r.status() + " "
                + error.summary(), r.status(), error, null);
    }

    private static String header(Header h) {
        return h == null ? null : h.getValue();
    }

    /** Classifies a network failure: retryable (nothing sent, or sent but unanswered) or not. */
    static RuntimeException ioFailure(String op, String target, IOException e) {
        IOException copy = new IOException(e.getClass().getSimpleName() + ": " + e.getMessage());
        String kind = ioKind(e);
        return switch (kind) {
            case "connect-failed", "no-answer" -> new RetryableFailure(op, target, 0, Optional.empty(), null,
                    "io=" + kind, copy);
            case "protocol" -> new InsForgePermanentException(op, "target=" + target + " protocol error", 0, null, copy);
            default -> new InsForgeTransientException(op, "target=" + target + " io=" + kind, 0, 1, null, copy);
        };
    }

    static String ioKind(IOException e) {
        if (e instanceof ConnectException || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return "connect-failed";
        }
        if (e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
            return "pool-timeout";
        }
        if (e instanceof SocketTimeoutException || e instanceof NoHttpResponseException
                || e instanceof ConnectionClosedException || e instanceof SocketException) {
            return "no-answer";
        }
        if (e instanceof ClientProtocolException) {
            return "protocol";
        }
        return "io-error";
    }

    InsForgeError parseError(byte[] body) {
        if (body.length == 0) {
            return new InsForgeError(InsForgeError.Shape.EMPTY, null, null, null, null, null, null);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode n;
        try {
            n = mapper.readTree(body);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            return new InsForgeError(InsForgeError.Shape.NON_JSON, null, null, null, null, null,
                    InsForgeError.truncate(text, MAX_ERROR_TEXT));
        }
        if (n.hasNonNull("error")) {
            return new InsForgeError(InsForgeError.Shape.INSFORGE, str(n, "error"), str(n, "message"), null, null,
                    str(n, "nextActions"), null);
        }
        if (n.has("code") && (n.has("details") || n.has("hint") || n.has("message"))) {
            return new InsForgeError(InsForgeError.Shape.POSTGREST, str(n, "code"), str(n, "message"),
                    str(n, "details"), str(n, "hint"), null, null);
        }
        return new InsForgeError(InsForgeError.Shape.OTHER_JSON, str(n, "code"), str(n, "message"), null, null,
                null, InsForgeError.truncate(text, MAX_ERROR_TEXT));
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /** Closes the connection pool; calls after close fail. */
    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "InsForgeHttpClient[" + baseUrl + "]";
    }
}
