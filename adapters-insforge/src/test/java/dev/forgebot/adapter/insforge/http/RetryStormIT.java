package dev.forgebot.adapter.insforge.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded retry storm against a small stateful records fake (JDK HttpServer on loopback) that keeps
 * rows unique on the natural key {@code ext}, fails some requests with 503 before the write and drops
 * the response of others after the write committed. Every operation must succeed or fail transiently,
 * and the stored rows must equal what the operations that took effect wrote, each key exactly once.
 */
class RetryStormIT {

    static final ObjectMapper JSON = new ObjectMapper();

    HttpServer server;
    InsForgeHttpClient client;
    final Fake fake = new Fake(new Random(20261129L));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/database/records/items", fake::handle);
        server.start();
        InsForgeClientConfig config = InsForgeClientConfig.defaults(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()), ApiKey.of("ik_storm"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetry(new InsForgeClientConfig.RetrySettings(Set.of(429, 500, 502, 503),
                        List.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(3)), Duration.ofSeconds(10)));
        client = new InsForgeHttpClient(config);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void everyOperationSucceedsOrFailsTransientlyAndStoredRowsMatchExactlyOnce() {
        Random ops = new Random(7L);
        Map<String, String> model = new HashMap<>();
        int successes = 0;
        int transients = 0;
        int committedButFailed = 0;

        for (int i = 0; i < 300; i++) {
            String ext = "k" + ops.nextInt(60);
            String value = "v" + i + " ,.:()\"\\ 😀";
            int kind = ops.nextInt(3);
            boolean ok;
            try {
                switch (kind) {
                    case 0 -> client.insertIgnoringDuplicates("items", List.of(row(ext, value, i)), "ext");
                    case 1 -> client.upsert("items", List.of(row(ext, value, i)), "ext");
                    default -> {
                        List<JsonNode> changed = client.update("items", List.of(Filter.eq("ext", ext)), row(ext, value, i));
                        assertThat(changed).hasSize(model.containsKey(ext) ? 1 : 0);
                    }
                }
                ok = true;
                successes++;
            } catch (InsForgeTransientException e) {
                ok = false;
                transients++;
            }
            boolean tookEffect = ok || fake.committedOps.contains(i);
            if (!ok && tookEffect) {
                committedButFailed++;
            }
            if (tookEffect) {
                switch (kind) {
                    case 0 -> model.putIfAbsent(ext, value);
                    case 1 -> model.put(ext, value);
                    default -> model.computeIfPresent(ext, (k, v) -> value);
                }
            }
        }

        Map<String, String> stored = new LinkedHashMap<>();
        for (ObjectNode r : fake.rows) {
            assertThat(stored.put(r.get("ext").asText(), r.get("value").asText())).as("key stored once").isNull();
        }
        assertThat(stored).isEqualTo(model);
        assertThat(successes + transients).isEqualTo(300);
        assertThat(fake.dropped).isGreaterThan(30);
        assertThat(fake.rejected).isGreaterThan(30);
        System.out.printf("storm: ops=300 successes=%d transients=%d committedButFailed=%d requests=%d "
                        + "503s=%d dropped=%d rows=%d%n", successes, transients, committedButFailed, fake.requests,
                fake.rejected, fake.dropped, fake.rows.size());
    }

    static Map<String, Object> row(String ext, String value, int op) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ext", ext);
        m.put("value", value);
        m.put("op", op);
        return m;
    }

    /** Records table with a unique natural key, and a seeded fault injector. One request at a time. */
    static final class Fake {
        final Random faults;
        final List<ObjectNode> rows = new ArrayList<>();
        final Set<Integer> committedOps = new HashSet<>();
        int requests;
        int rejected;
        int dropped;

        Fake(Random faults) {
            this.faults = faults;
        }

        synchronized void handle(HttpExchange ex) throws IOException {
            requests++;
            double roll = faults.nextDouble();
            if (roll < 0.2) {
                rejected++;
                respond(ex, 503, "{\"code\":\"PGRST001\",\"details\":null,\"hint\":null,\"message\":\"no connection\"}");
                return;
            }
            JsonNode body = JSON.readTree(ex.getRequestBody());
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            String prefer = ex.getRequestHeaders().getFirst("Prefer");
            ArrayNode result = JSON.createArrayNode();
            switch (ex.getRequestMethod()) {
                case "POST" -> {
                    if (!"ext".equals(query.get("on_conflict"))) {
                        respond(ex, 400, "{\"code\":\"X\",\"message\":\"missing on_conflict\"}");
                        return;
                    }
                    boolean merge = prefer != null && prefer.contains("resolution=merge-duplicates");
                    boolean ignore = prefer != null && prefer.contains("resolution=ignore-duplicates");
                    for (JsonNode r : body) {
                        ObjectNode existing = find(r.get("ext").asText());
                        if (existing == null) {
                            ObjectNode copy = ((ObjectNode) r).deepCopy();
                            rows.add(copy);
                            result.add(copy);
                        } else if (merge) {
                            existing.setAll((ObjectNode) r);
                            result.add(existing);
                        } else if (!ignore) {
                            respond(ex, 409, "{\"code\":\"23505\",\"details\":null,\"hint\":null,\"message\":\"duplicate key\"}");
                            return;
                        }
                    }
                    committedOps.add(body.get(0).get("op").asInt());
                }
                case "PATCH" -> {
                    String eq = query.get("ext");
                    ObjectNode existing = eq != null && eq.startsWith("eq.") ? find(eq.substring(3)) : null;
                    if (existing != null) {
                        existing.setAll((ObjectNode) body);
                        result.add(existing);
                    }
                    committedOps.add(body.get("op").asInt());
                }
                default -> {
                    respond(ex, 405, "{}");
                    return;
                }
            }
            if (roll < 0.35) {
                dropped++;
                // committed, but the answer is lost: the JDK server closes the connection without a response
                throw new IllegalStateException("dropping the response after commit");
            }
            respond(ex, "POST".equals(ex.getRequestMethod()) ? 201 : 200, result.toString());
        }

        ObjectNode find(String ext) {
            return rows.stream().filter(r -> r.get("ext").asText().equals(ext)).findFirst().orElse(null);
        }

        static Map<String, String> query(String raw) {
            Map<String, String> m = new HashMap<>();
            if (raw != null) {
                for (String p : raw.split("&")) {
                    int eq = p.indexOf('=');
                    String key = URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8);
                    if (m.put(key, URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                        throw new IllegalStateException("query key sent twice: " + key);
                    }
                }
            }
            return m;
        }

        static void respond(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        }
    }
}
