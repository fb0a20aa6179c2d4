package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.forgebot.adapter.insforge.http.ApiKey;
import dev.forgebot.adapter.insforge.http.InsForgeClientConfig;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A stateful, PostgREST-like records server on loopback for the store tests: rows per table in
 * memory, for the subset of insforge-api.md section 2 the stores send. GET with
 * {@code select/order/limit/offset} and filters ({@code eq neq gt gte lt lte in is}, {@code and=(...)}
 * and {@code or=(...)} trees, nested, with quoted values), {@code Prefer: count=exact} answered in
 * {@code Content-Range}; POST of a JSON array with {@code on_conflict} and {@code resolution=ignore-duplicates|merge-duplicates}, unique
 * constraints (also partial ones) answered 409 {@code 23505}, {@code lead_id} foreign keys answered 409
 * {@code 23503}, identity columns and defaults; PATCH and
 * DELETE with filters, returning the rows with {@code return=representation}. timestamptz columns are
 * kept at microsecond precision and rendered as PostgREST does ({@code +00:00}). Each statement runs
 * under one lock, so it is atomic like a PostgreSQL statement.
 */
final class FakeRecordsServer implements AutoCloseable {

    enum Type { TEXT, NUM, TS, JSON, BOOL }

    /** A unique constraint on columns, partial when {@code where} is given (cannot back on_conflict). */
    record Unique(List<String> columns, Predicate<ObjectNode> where) {
        Unique(String... columns) {
            this(List.of(columns), null);
        }
    }

    static final class Table {
        final String name;
        final Map<String, Type> types = new LinkedHashMap<>();
        final Map<String, JsonNode> defaults = new HashMap<>();
        final List<Unique> uniques = new ArrayList<>();
        final Map<String, String> references = new HashMap<>();
        String identity;
        long nextIdentity = 1;
        final List<ObjectNode> rows = new ArrayList<>();

        Table(String name) {
            this.name = name;
        }

        Table col(String column, Type type) {
            types.put(column, type);
            return this;
        }

        Table identity(String column) {
            identity = column;
            return col(column, Type.NUM);
        }

        Table defaultValue(String column, JsonNode value) {
            defaults.put(column, value);
            return this;
        }

        /** {@code column REFERENCES table (id)}. */
        Table references(String column, String table) {
            references.put(column, table);
            return this;
        }

        Table unique(Unique u) {
            uniques.add(u);
            return this;
        }

        Type type(String column) {
            Type t = types.get(column);
            if (t == null) {
                throw new Fail(400, "42703", "column " + name + "." + column + " does not exist");
            }
            return t;
        }
    }

    static final class Fail extends RuntimeException {
        final int status;
        final String code;

        Fail(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter PG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Map<String, Table> tables = new HashMap<>();
    private final HttpServer server;
    private final List<String> requests = new ArrayList<>();

    FakeRecordsServer() {
        defineForgebotTables();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/database/records/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    /** A client for this server (no retries: the fake never fails transiently). */
    InsForgeHttpClient client() {
        InsForgeClientConfig config = InsForgeClientConfig.defaults(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), ApiKey.of("ik_" + "0".repeat(64)))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
        return new InsForgeHttpClient(config);
    }

    /** The request lines seen so far (method, path and query), for assertions on what was sent. */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ------------------------------------------------------------------ schema (mirrors the migrations)

    private void defineForgebotTables() {
        JsonNode zero = NODES.numberNode(0);
        add(new Table("inbox").identity("sequence").col("source", Type.TEXT).col("external_id", Type.TEXT)
                .col("chat_id", Type.NUM).col("event", Type.JSON).col("state", Type.TEXT).col("attempts", Type.NUM)
                .col("last_error", Type.TEXT).col("received_at", Type.TS).col("next_attempt_at", Type.TS)
                .col("handled_at", Type.TS).col("claimed_by", Type.TEXT).col("claimed_until", Type.TS)
                .defaultValue("attempts", zero)
                .unique(new Unique("sequence")).unique(new Unique("source", "external_id")));
        add(new Table("leads").col("id", Type.TEXT).col("telegram_user_id", Type.NUM).col("chat_id", Type.NUM)
                .col("display_name", Type.TEXT).col("name", Type.TEXT).col("email", Type.TEXT).col("phone", Type.TEXT)
                .col("company", Type.TEXT).col("status", Type.TEXT).col("reachability", Type.TEXT)
                .col("intent", Type.TEXT).col("score", Type.NUM).col("created_at", Type.TS)
                .col("last_customer_message_at", Type.TS).col("follow_ups_sent", Type.NUM)
                .col("last_follow_up_at", Type.TS).col("next_follow_up_at", Type.TS).col("claim_token", Type.TEXT)
                .col("version", Type.NUM).defaultValue("version", zero)
                .unique(new Unique("id")).unique(new Unique("telegram_user_id")));
        add(new Table("messages").references("lead_id", "leads").col("id", Type.TEXT).col("lead_id", Type.TEXT).col("direction", Type.TEXT)
                .col("text", Type.TEXT).col("inbox_source", Type.TEXT).col("inbox_external_id", Type.TEXT)
                .col("created_at", Type.TS).identity("position")
                .unique(new Unique("id")).unique(new Unique("inbox_source", "inbox_external_id", "direction")));
        add(new Table("tickets").references("lead_id", "leads").col("id", Type.TEXT).col("lead_id", Type.TEXT).col("chat_id", Type.NUM)
                .col("reason", Type.TEXT).col("status", Type.TEXT).col("opened_at", Type.TS).col("closed_at", Type.TS)
                .col("operator_message_ref", Type.TEXT).identity("position")
                .unique(new Unique("id"))
                .unique(new Unique(List.of("lead_id"), row -> "OPEN".equals(row.path("status").asText(null)))));
        add(new Table("unanswered_questions").references("lead_id", "leads").col("source", Type.TEXT).col("external_id", Type.TEXT)
                .col("lead_id", Type.TEXT).col("text", Type.TEXT).col("best_score", Type.NUM).col("asked_at", Type.TS)
                .identity("position").unique(new Unique("source", "external_id")));
        add(new Table("scenarios").identity("number").col("fingerprint", Type.TEXT).col("representative", Type.TEXT)
                .col("examples", Type.JSON).col("frequency", Type.NUM).col("suggested_answer", Type.TEXT)
                .col("status", Type.TEXT).col("created_at", Type.TS).col("approved_at", Type.TS)
                .unique(new Unique("number")).unique(new Unique("fingerprint")));
        add(new Table("scenario_runs").identity("id").col("until_at", Type.TS).unique(new Unique("id")));
        add(new Table("kb_articles").col("id", Type.TEXT).col("title", Type.TEXT).col("body", Type.TEXT)
                .col("tags", Type.JSON).unique(new Unique("id")));
    }

    private void add(Table t) {
        tables.put(t.name, t);
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String tableName = URLDecoder.decode(path.substring("/api/database/records/".length()), StandardCharsets.UTF_8);
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String method = exchange.getRequestMethod();
            String prefer = String.valueOf(exchange.getRequestHeaders().getFirst("Prefer"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                requests.add(method + " " + path + (rawQuery == null ? "" : "?" + rawQuery));
            }
            if (!"Bearer ik_".regionMatches(0, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), 0, 10)) {
                send(exchange, 401, error("AUTH_INVALID_API_KEY", "missing API key"), null);
                return;
            }
            try {
                Table table = tables.get(tableName);
                if (table == null) {
                    throw new Fail(404, "PGRST205", "Could not find the table 'public." + tableName + "'");
                }
                Map<String, String> params = params(rawQuery);
                switch (method) {
                    case "GET" -> get(exchange, table, params, prefer);
                    case "POST" -> post(exchange, table, params, prefer, body);
                    case "PATCH" -> patch(exchange, table, params, prefer, body);
                    case "DELETE" -> delete(exchange, table, params, prefer);
                    default -> throw new Fail(405, "PGRST117", "Unsupported HTTP method: " + method);
                }
            } catch (Fail f) {
                send(exchange, f.status, error(f.code, f.getMessage()), null);
            }
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode n = NODES.objectNode();
        n.put("code", code);
        n.putNull("details");
        n.putNull("hint");
        n.put("message", message);
        return n;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body, String contentRange) throws IOException {
        byte[] bytes = body == null ? new byte[0] : MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (contentRange != null) {
            exchange.getResponseHeaders().set("Content-Range", contentRange);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (params.put(key, value) != null) {
                // Express would turn a repeated key into key[]: PostgREST then sees a bogus column
                throw new Fail(400, "42703", "column " + key + "[] does not exist");
            }
        }
        return params;
    }

    private static final Set<String> RESERVED = Set.of("select", "order", "limit", "offset", "on_conflict", "columns");

    private Predicate<ObjectNode> where(Table table, Map<String, String> params) {
        Predicate<ObjectNode> all = row -> true;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (RESERVED.contains(e.getKey())) {
                continue;
            }
            Predicate<ObjectNode> p;
            if (e.getKey().equals("and")) {
                p = tree(table, e.getValue(), true);
            } else if (e.getKey().equals("or")) {
                p = tree(table, e.getValue(), false);
            } else {
                p = condition(table, e.getKey(), e.getValue(), false);
            }
            all = all.and(p);
        }
        return all;
    }

    /** {@code (a.eq.1,b.lt."x,y",or(...))}: the body of an and/or parameter. */
    private Predicate<ObjectNode> tree(Table table, String body, boolean and) {
        if (!body.startsWith("(") || !body.endsWith(")")) {
            throw new Fail(400, "PGRST100", "failed to parse logic tree");
        }
        List<String> parts = splitTopLevel(body.substring(1, body.length() - 1));
        Predicate<ObjectNode> result = null;
        for (String part : parts) {
            Predicate<ObjectNode> p;
            if (part.startsWith("and(")) {
                p = tree(table, part.substring(3), true);
            } else if (part.startsWith("or(")) {
                p = tree(table, part.substring(2), false);
            } else {
                int dot = part.indexOf('.');
                if (dot < 0) {
                    throw new Fail(400, "PGRST100", "failed to parse tree element");
                }
                p = condition(table, part.substring(0, dot), part.substring(dot + 1), true);
            }
            result = result == null ? p : and ? result.and(p) : result.or(p);
        }
        return result;
    }

    /** Splits on commas outside parentheses and double quotes. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        parts.add(cur.toString());
        return parts;
    }

    /** Removes the double quotes of a list/tree value and its backslash escapes. */
    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    c = v.charAt(++i);
                }
                sb.append(c);
            }
            return sb.toString();
        }
        return v;
    }

    private Predicate<ObjectNode> condition(Table table, String column, String opAndValue, boolean inTree) {
        Type type = table.type(column);
        int dot = opAndValue.indexOf('.');
        if (dot < 0) {
            throw new Fail(400, "PGRST100", "failed to parse filter (" + opAndValue + ")");
        }
        String op = opAndValue.substring(0, dot);
        String raw = opAndValue.substring(dot + 1);
        String value = inTree ? unquote(raw) : raw;
        return switch (op) {
            case "eq" -> row -> compare(type, row.get(column), value).map(c -> c == 0).orElse(false);
            case "neq" -> row -> compare(type, row.get(column), value).map(c -> c != 0).orElse(false);
            case "gt" -> row -> compare(type, row.get(column), value).map(c -> c > 0).orElse(false);
            case "gte" -> row -> compare(type, row.get(column), value).map(c -> c >= 0).orElse(false);
            case "lt" -> row -> compare(type, row.get(column), value).map(c -> c < 0).orElse(false);
            case "lte" -> row -> compare(type, row.get(column), value).map(c -> c <= 0).orElse(false);
            case "is" -> switch (value) {
                case "null" -> row -> isNull(row.get(column));
                case "true" -> row -> !isNull(row.get(column)) && row.get(column).asBoolean();
                case "false" -> row -> !isNull(row.get(column)) && !row.get(column).asBoolean();
                default -> throw new Fail(400, "PGRST100", "failed to parse is value");
            };
            case "in" -> {
                if (!raw.startsWith("(") || !raw.endsWith(")")) {
                    throw new Fail(400, "PGRST100", "failed to parse in list");
                }
                List<String> items = splitTopLevel(raw.substring(1, raw.length() - 1)).stream()
                        .map(FakeRecordsServer::unquote).toList();
                yield row -> items.stream()
                        .anyMatch(item -> compare(type, row.get(column), item).map(c -> c == 0).orElse(false));
            }
            default -> throw new Fail(400, "PGRST100", "unknown operator " + op);
        };
    }

    private static boolean isNull(JsonNode n) {
        return n == null || n.isNull();
    }

    /** SQL comparison of a stored value with a filter literal; empty when the stored value is null. */
    private static java.util.Optional<Integer> compare(Type type, JsonNode stored, String literal) {
        if (isNull(stored)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(switch (type) {
                case NUM -> new BigDecimal(stored.asText()).compareTo(new BigDecimal(literal));
                case TS -> parseTime(stored.asText()).compareTo(parseTime(literal));
                case BOOL -> Boolean.compare(stored.asBoolean(), Boolean.parseBoolean(literal));
                case TEXT -> stored.asText().compareTo(literal);
                case JSON -> throw new Fail(400, "42883", "operator does not exist: jsonb = unknown");
            });
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new Fail(400, "22P02", "invalid input syntax for type: " + literal);
        }
    }

    private static Instant parseTime(String text) {
        return switch (text) {
            case "infinity" -> Instant.MAX;
            case "-infinity" -> Instant.MIN;
            default -> OffsetDateTime.parse(text).toInstant();
        };
    }

    /** timestamptz as PostgREST renders it (UTC server): microseconds, trailing zeros trimmed, +00:00. */
    private static String renderTime(Instant instant) {
        Instant t = instant.truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime odt = t.atOffset(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(PG_TIME.format(odt));
        int micros = odt.getNano() / 1000;
        if (micros != 0) {
            String f = String.format("%06d", micros);
            sb.append('.').append(f.replaceAll("0+$", ""));
        }
        return sb.append("+00:00").toString();
    }

    private Comparator<ObjectNode> order(Table table, String order) {
        Comparator<ObjectNode> result = (a, b) -> 0;
        if (order == null || order.isEmpty()) {
            return result;
        }
        for (String term : order.split(",")) {
            String[] parts = term.split("\\.");
            String column = parts[0];
            Type type = table.type(column);
            boolean desc = parts.length > 1 && parts[1].equals("desc");
            boolean nullsFirst = desc;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equals("nullsfirst")) {
                    nullsFirst = true;
                } else if (parts[i].equals("nullslast")) {
                    nullsFirst = false;
                }
            }
            boolean nf = nullsFirst;
            Comparator<ObjectNode> c = (a, b) -> {
                JsonNode x = a.get(column);
                JsonNode y = b.get(column);
                if (isNull(x) || isNull(y)) {
                    if (isNull(x) && isNull(y)) {
                        return 0;
                    }
                    return isNull(x) == nf ? -1 : 1;
                }
                int cmp = compare(type, x, y.asText()).orElse(0);
                return desc ? -cmp : cmp;
            };
            result = result.thenComparing(c);
        }
        return result;
    }

    private static ArrayNode project(List<ObjectNode> rows, String select) {
        ArrayNode out = NODES.arrayNode();
        for (ObjectNode row : rows) {
            if (select == null || select.equals("*")) {
                out.add(row.deepCopy());
            } else {
                ObjectNode p = NODES.objectNode();
                for (String c : select.split(",")) {
                    p.set(c, row.has(c) ? row.get(c).deepCopy() : NODES.nullNode());
                }
                out.add(p);
            }
        }
        return out;
    }

    private static int intParam(Map<String, String> params, String key, int dflt) {
        String v = params.get(key);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private synchronized void get(HttpExchange exchange, Table table, Map<String, String> params, String prefer)
            throws IOException {
        Predicate<ObjectNode> where = where(table, params);
        List<ObjectNode> matching = new ArrayList<>(table.rows.stream().filter(where).toList());
        matching.sort(order(table, params.get("order")));
        int offset = intParam(params, "offset", 0);
        int limit = intParam(params, "limit", Integer.MAX_VALUE);
        List<ObjectNode> page = matching.subList(Math.min(offset, matching.size()),
                (int) Math.min((long) offset + limit, matching.size()));
        String range = null;
        if (prefer.contains("count=exact")) {
            range = (page.isEmpty() ? "*" : offset + "-" + (offset + page.size() - 1)) + "/" + matching.size();
        }
        send(exchange, 200, project(page, params.get("select")), range);
    }

    private synchronized void post(HttpExchange exchange, Table table, Map<String, String> params, String prefer,
                                   byte[] body) throws IOException {
        JsonNode parsed = MAPPER.readTree(body);
        if (parsed == null || !parsed.isArray()) {
            throw new Fail(400, "INVALID_INPUT", "body must be a JSON array");
        }
        List<String> conflict = params.containsKey("on_conflict")
                ? List.of(params.get("on_conflict").split(",")) : null;
        boolean ignore = prefer.contains("resolution=ignore-duplicates");
        boolean merge = prefer.contains("resolution=merge-duplicates");
        Unique target = null;
        if (conflict != null) {
            target = table.uniques.stream()
                    .filter(u -> u.where() == null && Set.copyOf(u.columns()).equals(Set.copyOf(conflict)))
                    .findFirst()
                    .orElseThrow(() -> new Fail(400, "42P10",
                            "there is no unique or exclusion constraint matching the ON CONFLICT specification"));
        }
        // PostgREST takes the columns of the first object; a key missing in a later one is NULL
        List<String> columns = new ArrayList<>();
        if (!parsed.isEmpty()) {
            parsed.get(0).fieldNames().forEachRemaining(columns::add);
        }
        for (String c : columns) {
            table.type(c);
            if (c.equals(table.identity)) {
                throw new Fail(400, "428C9", "cannot insert a non-DEFAULT value into column \"" + c + "\"");
            }
        }
        List<ObjectNode> snapshot = new ArrayList<>();
        table.rows.forEach(r -> snapshot.add(r.deepCopy()));
        long identityBefore = table.nextIdentity;
        ArrayNode out = NODES.arrayNode();
        try {
            for (JsonNode in : parsed) {
                ObjectNode row = NODES.objectNode();
                for (String c : table.types.keySet()) {
                    row.putNull(c);
                }
                table.defaults.forEach(row::set);
                for (String c : columns) {
                    row.set(c, normalize(table, c, in.has(c) ? in.get(c) : NODES.nullNode()));
                }
                if (table.identity != null) {
                    row.put(table.identity, table.nextIdentity++);
                }
                ObjectNode existing = target == null ? null : find(table, target, row);
                if (existing != null) {
                    if (merge) {
                        for (String c : columns) {
                            existing.set(c, row.get(c));
                        }
                        checkUniques(table, existing);
                        out.add(existing.deepCopy());
                    } else if (!ignore) {
                        throw new Fail(409, "23505", "duplicate key value violates unique constraint");
                    }
                    continue;
                }
                table.rows.add(row);
                checkUniques(table, row);
                checkReferences(table, row);
                out.add(row.deepCopy());
            }
        } catch (Fail f) {
            table.rows.clear();
            table.rows.addAll(snapshot);
            table.nextIdentity = Math.max(identityBefore, table.nextIdentity); // sequences are not rolled back
            throw f;
        }
        send(exchange, 201, prefer.contains("return=representation") ? out : NODES.arrayNode(), null);
    }

    private static ObjectNode find(Table table, Unique unique, ObjectNode row) {
        for (ObjectNode other : table.rows) {
            if (other != row && sameKey(unique, row, other)) {
                return other;
            }
        }
        return null;
    }

    private static boolean sameKey(Unique unique, ObjectNode a, ObjectNode b) {
        if (unique.where() != null && !(unique.where().test(a) && unique.where().test(b))) {
            return false;
        }
        for (String c : unique.columns()) {
            JsonNode x = a.get(c);
            JsonNode y = b.get(c);
            if (isNull(x) || isNull(y) || !x.equals(y)) {
                return false; // NULLs are distinct in a unique constraint
            }
        }
        return true;
    }

    private void checkReferences(Table table, ObjectNode row) {
        for (Map.Entry<String, String> fk : table.references.entrySet()) {
            JsonNode value = row.get(fk.getKey());
            if (isNull(value)) {
                continue;
            }
            boolean found = tables.get(fk.getValue()).rows.stream().anyMatch(r -> value.equals(r.get("id")));
            if (!found) {
                throw new Fail(409, "23503", "insert or update on table \"" + table.name
                        + "\" violates foreign key constraint on " + fk.getKey());
            }
        }
    }

    private static void checkUniques(Table table, ObjectNode row) {
        for (Unique u : table.uniques) {
            if (find(table, u, row) != null) {
                throw new Fail(409, "23505", "duplicate key value violates unique constraint on " + u.columns());
            }
        }
    }

    /** What PostgreSQL would store: timestamps at microseconds, numbers as numbers. */
    private static JsonNode normalize(Table table, String column, JsonNode value) {
        if (isNull(value)) {
            return NODES.nullNode();
        }
        return switch (table.type(column)) {
            case TS -> {
                try {
                    yield NODES.textNode(renderTime(parseTime(value.asText())));
                } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
                    throw new Fail(400, "22007", "invalid input syntax for type timestamp with time zone");
                }
            }
            case NUM -> {
                if (!value.isNumber()) {
                    try {
                        yield NODES.numberNode(new BigDecimal(value.asText()));
                    } catch (NumberFormatException e) {
                        throw new Fail(400, "22P02", "invalid input syntax for a number");
                    }
                }
                yield value;
            }
            case TEXT -> value.isTextual() ? value : NODES.textNode(value.asText());
            case JSON, BOOL -> value;
        };
    }

    private synchronized void patch(HttpExchange exchange, Table table, Map<String, String> params, String prefer,
                                    byte[] body) throws IOException {
        JsonNode changes = MAPPER.readTree(body);
        if (changes == null || !changes.isObject()) {
            throw new Fail(400, "INVALID_INPUT", "body must be a JSON object");
        }
        Predicate<ObjectNode> where = where(table, params);
        List<ObjectNode> snapshot = new ArrayList<>();
        table.rows.forEach(r -> snapshot.add(r.deepCopy()));
        ArrayNode out = NODES.arrayNode();
        try {
            List<ObjectNode> matching = table.rows.stream().filter(where).toList();
            for (ObjectNode row : matching) {
                for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals(table.identity)) {
                        throw new Fail(400, "428C9", "column \"" + e.getKey() + "\" can only be updated to DEFAULT");
                    }
                    row.set(e.getKey(), normalize(table, e.getKey(), e.getValue()));
                }
            }
            for (ObjectNode row : matching) {
                checkUniques(table, row);
                checkReferences(table, row);
                out.add(row.deepCopy());
            }
        } catch (Fail f) {
            table.rows.clear();
            table.rows.addAll(snapshot);
            throw f;
        }
        if (prefer.contains("return=representation")) {
            send(exchange, 200, out, null);
        } else {
            send(exchange, 204, null, null);
        }
    }

    private synchronized void delete(HttpExchange exchange, Table table, Map<String, String> params, String prefer)
            throws IOException {
        Predicate<ObjectNode> where = where(table, params);
        ArrayNode out = NODES.arrayNode();
        for (Iterator<ObjectNode> it = table.rows.iterator(); it.hasNext(); ) {
            ObjectNode row = it.next();
            if (where.test(row)) {
                out.add(row);
                it.remove();
            }
        }
        if (prefer.contains("return=representation")) {
            send(exchange, 200, out, null);
        } else {
            send(exchange, 204, null, null);
        }
    }
}
