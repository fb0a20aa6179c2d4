package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.insforge.http.Filter;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.lead.LeadId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ConversationLog} on the InsForge {@code messages} table, idempotent through
 * {@code on_conflict=inbox_source,inbox_external_id,direction} with ignore-duplicates; a replay reads
 * the stored message. {@code recent} takes the latest by time (ties: the identity {@code position},
 * i.e. recording order) and turns them oldest first. Thread-safe.
 */
public final class InsForgeConversationLog implements ConversationLog {

    private static final String TABLE = "messages";

    private final InsForgeHttpClient client;

    public InsForgeConversationLog(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Message record(Message message) {
        Objects.requireNonNull(message, "message");
        ObjectNode row = Rows.object();
        row.put("id", message.id().value().toString());
        row.put("lead_id", message.leadId().value().toString());
        row.put("direction", message.direction().name());
        row.put("text", message.text());
        row.put("inbox_source", message.inboundKey().source());
        row.put("inbox_external_id", message.inboundKey().externalId());
        row.put("created_at", Rows.time(message.createdAt()));
        List<JsonNode> inserted = client.insertIgnoringDuplicates(TABLE, List.of(row),
                "inbox_source", "inbox_external_id", "direction");
        if (!inserted.isEmpty()) {
            return message("messages.record", inserted.get(0));
        }
        return find(message.inboundKey(), message.direction())
                .orElseThrow(() -> new PermanentStorageException("messages.record", "message vanished after insert"));
    }

    @Override
    public Optional<Message> find(InboundKey key, Direction direction) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        List<JsonNode> rows = client.select(RecordsQuery.from(TABLE).where(
                Filter.eq("inbox_source", key.source()), Filter.eq("inbox_external_id", key.externalId()),
                Filter.eq("direction", direction.name())).limit(1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(message("messages.find", rows.get(0)));
    }

    @Override
    public List<Message> recent(LeadId leadId, int limit) {
        Objects.requireNonNull(leadId, "leadId");
        RecordsQuery query = RecordsQuery.from(TABLE).where(Filter.eq("lead_id", leadId.value().toString()))
                .orderBy("created_at", dev.forgebot.adapter.insforge.http.Direction.DESC)
                .orderBy("position", dev.forgebot.adapter.insforge.http.Direction.DESC);
        List<Message> out = new ArrayList<>();
        for (JsonNode row : Rows.select(client, query, limit)) {
            out.add(message("messages.recent", row));
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }

    @Override
    public long count(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        return client.count(TABLE, List.of(Filter.eq("direction", direction.name())));
    }

    private static Message message(String op, JsonNode row) {
        return Rows.reading(op, () -> new Message(
                new MessageId(Rows.uuid(op, row, "id")),
                new LeadId(Rows.uuid(op, row, "lead_id")),
                Rows.enumValue(op, row, "direction", Direction.class),
                Rows.text(op, row, "text"),
                new InboundKey(Rows.text(op, row, "inbox_source"), Rows.text(op, row, "inbox_external_id")),
                Rows.instant(op, row, "created_at")));
    }
}
