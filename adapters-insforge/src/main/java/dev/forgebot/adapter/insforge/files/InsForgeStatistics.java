package dev.forgebot.adapter.insforge.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.Statistics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * {@link Statistics} from the {@code bot_stats} Postgres function ({@code POST
 * /api/database/rpc/bot_stats} with {@code {"since": "<ISO instant>"}}), exactly one attempt.
 * A reply without one of the seven figures is a {@link PermanentStorageException}. Thread-safe.
 */
public final class InsForgeStatistics implements Statistics {

    static final String FUNCTION = "bot_stats";

    private final InsForgeHttpClient client;

    public InsForgeStatistics(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public BotStats since(Instant since) {
        Objects.requireNonNull(since, "since");
        JsonNode reply = client.rpc(FUNCTION, Map.of("since", since.toString()));
        JsonNode row = reply.isArray() && reply.size() == 1 ? reply.get(0) : reply;
        return new BotStats(figure(row, "leads"), figure(row, "new_leads"), figure(row, "qualified_leads"),
                figure(row, "inbound_messages"), figure(row, "open_tickets"), figure(row, "unanswered"),
                figure(row, "drafts"));
    }

    private static long figure(JsonNode row, String field) {
        JsonNode v = row == null ? null : row.get(field);
        if (v == null || !(v.isIntegralNumber() || v.isTextual() && v.asText().matches("\\d{1,18}"))) {
            throw new PermanentStorageException("stats.since", FUNCTION + " reply lacks a whole number for " + field);
        }
        return v.asLong();
    }
}
