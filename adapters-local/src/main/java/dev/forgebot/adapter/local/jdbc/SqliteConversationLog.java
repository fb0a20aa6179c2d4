package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.lead.LeadId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ConversationLog} on the {@code messages} table, idempotent through its
 * {@code UNIQUE (inbox_source, inbox_external_id, direction)}. Messages reference a stored lead.
 * Thread-safe through {@link Database}.
 */
final class SqliteConversationLog implements ConversationLog {

    private static final String COLUMNS = "id, lead_id, direction, text, inbox_source, inbox_external_id, created_at";

    private final Database database;

    SqliteConversationLog(Database database) {
        this.database = database;
    }

    @Override
    public Message record(Message message) {
        Objects.requireNonNull(message, "message");
        return database.inTransaction("messages.record", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (inbox_source, inbox_external_id, direction) DO NOTHING")) {
                insert.setString(1, message.id().value().toString());
                insert.setString(2, message.leadId().value().toString());
                insert.setString(3, message.direction().name());
                insert.setString(4, message.text());
                insert.setString(5, message.inboundKey().source());
                insert.setString(6, message.inboundKey().externalId());
                insert.setLong(7, Times.stored(message.createdAt()));
                insert.executeUpdate();
            }
            return select(connection, message.inboundKey(), message.direction())
                    .orElseThrow(() -> new PermanentStorageException("messages.record", "message vanished after insert"));
        });
    }

    @Override
    public Optional<Message> find(InboundKey key, Direction direction) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        return database.inTransaction("messages.find", connection -> select(connection, key, direction));
    }

    @Override
    public List<Message> recent(LeadId leadId, int limit) {
        Objects.requireNonNull(leadId, "leadId");
        Database.requireLimit(limit);
        return database.inTransaction("messages.recent", connection -> {
            // The latest `limit` by time (ties: recording order), then turned oldest first.
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ("
                    + "SELECT rowid AS position, " + COLUMNS + " FROM messages WHERE lead_id = ?"
                    + " ORDER BY created_at DESC, rowid DESC LIMIT ?) ORDER BY created_at, position")) {
                select.setString(1, leadId.value().toString());
                select.setInt(2, limit);
                return messages(select);
            }
        });
    }

    @Override
    public long count(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        return database.inTransaction("messages.count", connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM messages WHERE direction = ?")) {
                count.setString(1, direction.name());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static Optional<Message> select(Connection connection, InboundKey key, Direction direction)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM messages WHERE inbox_source = ? AND inbox_external_id = ? AND direction = ?")) {
            select.setString(1, key.source());
            select.setString(2, key.externalId());
            select.setString(3, direction.name());
            return messages(select).stream().findFirst();
        }
    }

    private static List<Message> messages(PreparedStatement select) throws SQLException {
        List<Message> messages = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                messages.add(new Message(
                        new MessageId(UUID.fromString(row.getString("id"))),
                        new LeadId(UUID.fromString(row.getString("lead_id"))),
                        Direction.valueOf(row.getString("direction")),
                        row.getString("text"),
                        new InboundKey(row.getString("inbox_source"), row.getString("inbox_external_id")),
                        Database.time(row, "created_at")));
            }
        }
        return List.copyOf(messages);
    }
}
