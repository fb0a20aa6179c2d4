package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.conversation.TicketStatus;
import dev.forgebot.domain.lead.ChatId;
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
 * {@link TicketRepository} on the {@code tickets} table. At most one open ticket per lead is a
 * partial unique index; {@code openIfNone} inserts with {@code ON CONFLICT DO NOTHING} (the lead's
 * open ticket or the candidate's own id) and then returns the lead's open ticket, or else the stored
 * ticket of the candidate's id (a replay of a ticket closed since). Thread-safe through {@link Database}.
 */
final class SqliteTicketRepository implements TicketRepository {

    private static final String COLUMNS = "id, lead_id, chat_id, reason, status, opened_at, closed_at, operator_message_ref";

    private final Database database;

    SqliteTicketRepository(Database database) {
        this.database = database;
    }

    @Override
    public Ticket openIfNone(Ticket candidate) {
        Objects.requireNonNull(candidate, "candidate");
        if (!candidate.isOpen()) {
            throw new IllegalArgumentException("a candidate ticket must be open");
        }
        return database.inTransaction("tickets.openIfNone", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tickets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                bind(insert, candidate);
                insert.executeUpdate();
            }
            Optional<Ticket> open = selectOne(connection, "lead_id = ? AND status = 'OPEN'",
                    candidate.leadId().value().toString());
            if (open.isPresent()) {
                return open.get();
            }
            return selectOne(connection, "id = ?", candidate.id().value().toString())
                    .orElseThrow(() -> new PermanentStorageException("tickets.openIfNone", "ticket vanished after insert"));
        });
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
        Objects.requireNonNull(id, "id");
        return database.inTransaction("tickets.find",
                connection -> selectOne(connection, "id = ?", id.value().toString()));
    }

    @Override
    public Optional<Ticket> findOpenByLead(LeadId leadId) {
        Objects.requireNonNull(leadId, "leadId");
        return database.inTransaction("tickets.findOpenByLead",
                connection -> selectOne(connection, "lead_id = ? AND status = 'OPEN'", leadId.value().toString()));
    }

    @Override
    public Optional<Ticket> findByOperatorMessage(String operatorMessageRef) {
        Objects.requireNonNull(operatorMessageRef, "operatorMessageRef");
        return database.inTransaction("tickets.findByOperatorMessage", connection -> selectOne(connection,
                "operator_message_ref = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1", operatorMessageRef));
    }

    @Override
    public Ticket update(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return database.inTransaction("tickets.update", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tickets SET id = ?, lead_id = ?,"
                    + " chat_id = ?, reason = ?, status = ?, opened_at = ?, closed_at = ?, operator_message_ref = ?"
                    + " WHERE id = ?")) {
                bind(update, ticket);
                update.setString(9, ticket.id().value().toString());
                if (update.executeUpdate() == 0) {
                    throw new PermanentStorageException("tickets.update", "no ticket " + ticket.id().value());
                }
            }
            return ticket;
        });
    }

    @Override
    public List<Ticket> open(int limit) {
        Database.requireLimit(limit);
        return database.inTransaction("tickets.open", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM tickets WHERE status = 'OPEN' ORDER BY opened_at, rowid LIMIT ?")) {
                select.setInt(1, limit);
                return tickets(select);
            }
        });
    }

    private static void bind(PreparedStatement statement, Ticket ticket) throws SQLException {
        statement.setString(1, ticket.id().value().toString());
        statement.setString(2, ticket.leadId().value().toString());
        statement.setLong(3, ticket.chatId().value());
        statement.setString(4, ticket.reason());
        statement.setString(5, ticket.status().name());
        statement.setLong(6, Times.stored(ticket.openedAt()));
        Database.setOptionalTime(statement, 7, ticket.closedAt());
        Database.setOptionalText(statement, 8, ticket.operatorMessageRef());
    }

    private static Optional<Ticket> selectOne(Connection connection, String condition, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM tickets WHERE " + condition)) {
            select.setString(1, key);
            return tickets(select).stream().findFirst();
        }
    }

    private static List<Ticket> tickets(PreparedStatement select) throws SQLException {
        List<Ticket> tickets = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                tickets.add(new Ticket(
                        new TicketId(UUID.fromString(row.getString("id"))),
                        new LeadId(UUID.fromString(row.getString("lead_id"))),
                        new ChatId(row.getLong("chat_id")),
                        row.getString("reason"),
                        TicketStatus.valueOf(row.getString("status")),
                        Database.time(row, "opened_at"),
                        Database.optionalTime(row, "closed_at"),
                        Database.optionalText(row, "operator_message_ref")));
            }
        }
        return List.copyOf(tickets);
    }
}
