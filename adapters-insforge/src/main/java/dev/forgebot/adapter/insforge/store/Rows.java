package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.out.PermanentStorageException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading and writing row columns as PostgREST JSON. Times go out as ISO-8601 UTC truncated to
 * microseconds (what timestamptz keeps) and come back in PostgREST's form ({@code +00:00} offset).
 * A row that does not read back as expected is a {@link PermanentStorageException}.
 */
final class Rows {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** PostgreSQL's timestamptz range ends in 294276 AD; ISO text with a year beyond 9999 is not worth the risk. */
    private static final Instant LATEST_WRITTEN = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final Instant EARLIEST_WRITTEN = Instant.parse("0001-01-01T00:00:00Z");

    private Rows() {
    }

    /** Limits of the ports' list queries: any non-negative number. */
    static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative, was " + limit);
        }
    }

    /**
     * The first {@code limit} rows of {@code query} (which must have a stable order): one page when the
     * limit fits one, else pages of {@link RecordsQuery#MAX_LIMIT}.
     */
    static List<JsonNode> select(InsForgeHttpClient client, RecordsQuery query, int limit) {
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        if (limit <= RecordsQuery.MAX_LIMIT) {
            return client.select(query.limit(limit));
        }
        return client.selectAll(query.limit(RecordsQuery.MAX_LIMIT), limit);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The stored form of a time: truncated to microseconds. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A time to write. */
    static String time(Instant instant) {
        if (instant.isAfter(LATEST_WRITTEN) || instant.isBefore(EARLIEST_WRITTEN)) {
            throw new IllegalArgumentException("instant outside the storable range (1..9999): " + instant);
        }
        return stored(instant).toString();
    }

    /** A time as a query bound; instants outside the written range compare like the nearest end. */
    static String bound(Instant instant) {
        if (instant.isAfter(LATEST_WRITTEN)) {
            return "infinity";
        }
        if (instant.isBefore(EARLIEST_WRITTEN)) {
            return "-infinity";
        }
        return stored(instant).toString();
    }

    static void putTime(ObjectNode row, String column, Optional<Instant> instant) {
        if (instant.isPresent()) {
            row.put(column, time(instant.get()));
        } else {
            row.putNull(column);
        }
    }

    static void putText(ObjectNode row, String column, Optional<String> text) {
        if (text.isPresent()) {
            row.put(column, text.get());
        } else {
            row.putNull(column);
        }
    }

    private static JsonNode required(String op, JsonNode row, String column) {
        JsonNode v = row.get(column);
        if (v == null || v.isNull()) {
            throw new PermanentStorageException(op, "stored row lacks " + column);
        }
        return v;
    }

    static String text(String op, JsonNode row, String column) {
        return required(op, row, column).asText();
    }

    static Optional<String> optionalText(JsonNode row, String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    static long longValue(String op, JsonNode row, String column) {
        JsonNode v = required(op, row, column);
        if (!v.canConvertToLong()) {
            throw new PermanentStorageException(op, "stored " + column + " is not an integer");
        }
        return v.asLong();
    }

    static int intValue(String op, JsonNode row, String column) {
        JsonNode v = required(op, row, column);
        if (!v.canConvertToInt()) {
            throw new PermanentStorageException(op, "stored " + column + " is not an int");
        }
        return v.asInt();
    }

    static double doubleValue(String op, JsonNode row, String column) {
        JsonNode v = required(op, row, column);
        if (!v.isNumber()) {
            throw new PermanentStorageException(op, "stored " + column + " is not a number");
        }
        return v.asDouble();
    }

    static UUID uuid(String op, JsonNode row, String column) {
        try {
            return UUID.fromString(text(op, row, column));
        } catch (IllegalArgumentException e) {
            throw new PermanentStorageException(op, "stored " + column + " is not a uuid");
        }
    }

    static Instant instant(String op, JsonNode row, String column) {
        return parseTime(op, column, text(op, row, column));
    }

    static Optional<Instant> optionalInstant(String op, JsonNode row, String column) {
        return optionalText(row, column).map(t -> parseTime(op, column, t));
    }

    private static Instant parseTime(String op, String column, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new PermanentStorageException(op, "stored " + column + " is not a timestamp");
        }
    }

    static <E extends Enum<E>> E enumValue(String op, JsonNode row, String column, Class<E> type) {
        try {
            return Enum.valueOf(type, text(op, row, column));
        } catch (IllegalArgumentException e) {
            throw new PermanentStorageException(op, "stored " + column + " is not a " + type.getSimpleName());
        }
    }

    /** Wraps a failure to read a row (a domain constructor refusing it) as permanent. */
    static <T> T reading(String op, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (PermanentStorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PermanentStorageException(op, "stored row does not read back: " + e.getClass().getSimpleName(), e);
        }
    }
}
