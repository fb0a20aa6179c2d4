package dev.forgebot.bootstrap.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management endpoints on the JDK's HTTP server: {@code GET /healthz} (JSON; 200 when live and
 * ready, 503 otherwise) and {@code GET /metrics} (Prometheus text). Other paths answer 404, other
 * methods 405. Requests run on the {@link Executor} it is given (threads are created only in
 * {@code bootstrap.runtime}). It binds in {@link #start()}, not in the constructor, so building it does
 * no I/O. Thread-safe; {@link #close()} is idempotent.
 */
public final class ManagementServer implements AutoCloseable {

    /** The Prometheus text exposition format. */
    public static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String HEALTH_CONTENT_TYPE = "application/json; charset=utf-8";
    /** Seconds {@link #close()} lets a request in flight finish. */
    private static final int STOP_DELAY_SECONDS = 1;

    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);

    private final String host;
    private final int port;
    private final Executor executor;
    private final Supplier<HealthSnapshot> health;
    private final PrometheusMeterRegistry registry;
    private HttpServer server;
    private boolean closed;

    /**
     * @param host     the address to bind, such as {@code 127.0.0.1} (the configured default)
     * @param port     the port to bind; 0 picks a free one, see {@link #port()}
     * @param executor runs each request
     * @param health   asked on every {@code /healthz}; it must be quick and must not block
     * @param registry scraped on every {@code /metrics}
     */
    public ManagementServer(String host, int port, Executor executor, Supplier<HealthSnapshot> health,
            PrometheusMeterRegistry registry) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        this.port = port;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.health = Objects.requireNonNull(health, "health");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException when the address cannot be bound (port in use, unknown host)
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (server != null || closed) {
            throw new IllegalStateException("the management server can be started once");
        }
        try {
            var address = new InetSocketAddress(InetAddress.getByName(host), port);
            HttpServer created = HttpServer.create(address, 0);
            created.setExecutor(executor);
            created.createContext("/", this::handle);
            created.start();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the management server to " + host + ":" + port, e);
        }
        log.info("management server listening address={} endpoints=/healthz,/metrics", address());
    }

    /** The bound address; the port is the real one when 0 was asked for. */
    public synchronized InetSocketAddress address() {
        if (server == null) {
            throw new IllegalStateException("the management server is not started");
        }
        return server.getAddress();
    }

    /** The bound port; the real one when 0 was asked for. */
    public int port() {
        return address().getPort();
    }

    /** Stops accepting, gives requests in flight a moment to finish, then stops. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(STOP_DELAY_SECONDS);
            log.info("management server stopped");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            boolean known = path.equals("/healthz") || path.equals("/metrics");
            if (!known) {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            if (path.equals("/healthz")) {
                HealthSnapshot snapshot = snapshot();
                respond(exchange, snapshot.healthy() ? 200 : 503, HEALTH_CONTENT_TYPE, Json.health(snapshot) + "\n");
            } else {
                respond(exchange, 200, METRICS_CONTENT_TYPE, registry.scrape());
            }
        } catch (RuntimeException e) {
            log.error("management request failed path={}", exchange.getRequestURI().getPath(), e);
            throw e;
        }
    }

    /** A health check that throws is itself a reason to be unhealthy, not a 500. */
    private HealthSnapshot snapshot() {
        try {
            return Objects.requireNonNull(health.get(), "health snapshot");
        } catch (RuntimeException e) {
            log.error("health check failed", e);
            return new HealthSnapshot(false, false, Map.of(), List.of("health check failed: " + e.getClass().getSimpleName()));
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
