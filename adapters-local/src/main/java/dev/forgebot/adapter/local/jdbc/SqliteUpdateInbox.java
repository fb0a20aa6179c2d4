package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link UpdateInbox} on the {@code inbox} table. A store is one transaction of
 * {@code INSERT ... ON CONFLICT DO NOTHING} per event (a known key is left exactly as it is); state
 * changes are {@code UPDATE ... WHERE state = 'PENDING'}, so a late or repeated call changes nothing.
 * A claim is one conditional {@code UPDATE} of {@code claimed_by}/{@code claimed_until} that matches only
 * a pending row that is unclaimed, whose claim ran out, or that the owner holds; one row changed means
 * the claim is held. Being a single statement, it takes SQLite's write lock before it reads the row, so
 * two connections on the file cannot both win. Thread-safe through {@link Database}.
 */
final class SqliteUpdateInbox implements UpdateInbox {

    private static final String COLUMNS =
            "seq, event, state, attempts, last_error, received_at, next_attempt_at, handled_at";

    private final Database database;
    private final JsonCodec json;

    SqliteUpdateInbox(Database database, JsonCodec json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public List<InboundKey> store(List<? extends InboundEvent> events, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        events.forEach(event -> Objects.requireNonNull(event, "event"));
        if (events.isEmpty()) {
            return List.of();
        }
        return database.inTransaction("inbox.store", connection -> {
            List<InboundKey> fresh = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox (source, external_id, chat_id, event, state, attempts, received_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)
                    ON CONFLICT (source, external_id) DO NOTHING""")) {
                long at = Times.stored(receivedAt);
                for (InboundEvent event : events) {
                    insert.setString(1, event.key().source());
                    insert.setString(2, event.key().externalId());
                    insert.setLong(3, event.chatId().value());
                    insert.setString(4, json.writeEvent(event));
                    insert.setLong(5, at);
                    insert.setLong(6, at);
                    if (insert.executeUpdate() == 1) {
                        fresh.add(event.key());
                    }
                }
            }
            return List.copyOf(fresh);
        });
    }

    @Override
    public List<InboxEntry> pending(int limit, Set<ChatId> excludedChats) {
        Database.requireLimit(limit);
        Objects.requireNonNull(excludedChats, "excludedChats");
        String exclusion = excludedChats.isEmpty() ? ""
                : " AND chat_id NOT IN (" + excludedChats.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        return database.inTransaction("inbox.pending", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM inbox WHERE state = 'PENDING'" + exclusion + " ORDER BY seq LIMIT ?")) {
                int index = 1;
                for (ChatId chat : excludedChats) {
                    select.setLong(index++, chat.value());
                }
                select.setInt(index, limit);
                return entries(select);
            }
        });
    }

    @Override
    public Optional<InboxEntry> find(InboundKey key) {
        Objects.requireNonNull(key, "key");
        return database.inTransaction("inbox.find", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM inbox WHERE source = ? AND external_id = ?")) {
                select.setString(1, key.source());
                select.setString(2, key.externalId());
                return entries(select).stream().findFirst();
            }
        });
    }

    @Override
    public void markHandled(InboundKey key, InboxState finalState, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        if (!finalState.isFinal()) {
            throw new IllegalArgumentException("not a final state: " + finalState);
        }
        database.inTransaction("inbox.markHandled", connection -> updatePending(connection,
                "state = ?, handled_at = ?", key, statement -> {
                    statement.setString(1, finalState.name());
                    statement.setLong(2, Times.stored(at));
                    return 3;
                }));
    }

    @Override
    public boolean claim(InboundKey key, String owner, Instant until, Instant now) {
        Objects.requireNonNull(key, "key");
        requireOwner(owner);
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(now, "now");
        return database.inTransaction("inbox.claim", connection -> {
            try (PreparedStatement claim = connection.prepareStatement("""
                    UPDATE inbox SET claimed_by = ?, claimed_until = ?
                    WHERE source = ? AND external_id = ? AND state = 'PENDING'
                        AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_by = ?)""")) {
                claim.setString(1, owner);
                claim.setLong(2, Times.stored(until));
                claim.setString(3, key.source());
                claim.setString(4, key.externalId());
                claim.setLong(5, Times.bound(now));
                claim.setString(6, owner);
                return claim.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void scheduleRetry(InboundKey key, int attempts, String error, Instant notBefore) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(notBefore, "notBefore");
        requireAttempts(attempts);
        database.inTransaction("inbox.scheduleRetry", connection -> updatePending(connection,
                "attempts = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL", key,
                statement -> {
                    statement.setInt(1, attempts);
                    statement.setString(2, error);
                    statement.setLong(3, Times.stored(notBefore));
                    return 4;
                }));
    }

    @Override
    public void deadLetter(InboundKey key, int attempts, String error, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(at, "at");
        requireAttempts(attempts);
        database.inTransaction("inbox.deadLetter", connection -> updatePending(connection,
                "state = 'DEAD', attempts = ?, last_error = ?, handled_at = ?", key, statement -> {
                    statement.setInt(1, attempts);
                    statement.setString(2, error);
                    statement.setLong(3, Times.stored(at));
                    return 4;
                }));
    }

    @Override
    public int pruneHandled(Instant before) {
        Objects.requireNonNull(before, "before");
        return database.inTransaction("inbox.pruneHandled", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM inbox WHERE state IN ('HANDLED', 'SKIPPED') AND handled_at < ?")) {
                delete.setLong(1, Times.bound(before));
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public long pendingCount() {
        return database.inTransaction("inbox.pendingCount", connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM inbox WHERE state = 'PENDING'"); ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public List<InboxEntry> deadLetters(int limit) {
        Database.requireLimit(limit);
        return database.inTransaction("inbox.deadLetters", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM inbox WHERE state = 'DEAD' ORDER BY handled_at DESC, seq DESC LIMIT ?")) {
                select.setInt(1, limit);
                return entries(select);
            }
        });
    }

    private static void requireOwner(String owner) {
        Objects.requireNonNull(owner, "owner");
        if (!owner.matches("[\\x21-\\x7E]{1,64}")) {
            throw new IllegalArgumentException("owner must be 1..64 visible ASCII characters, had length " + owner.length());
        }
    }

    private static void requireAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative, was " + attempts);
        }
    }

    /** Sets the leading parameters of an update and returns the next parameter index. */
    @FunctionalInterface
    private interface Parameters {
        int set(PreparedStatement statement) throws SQLException;
    }

    private static Void updatePending(Connection connection, String assignments, InboundKey key, Parameters parameters)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE inbox SET " + assignments
                + " WHERE source = ? AND external_id = ? AND state = 'PENDING'")) {
            int index = parameters.set(update);
            update.setString(index, key.source());
            update.setString(index + 1, key.externalId());
            update.executeUpdate();
        }
        return null;
    }

    private List<InboxEntry> entries(PreparedStatement select) throws SQLException, IOException {
        List<InboxEntry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                entries.add(new InboxEntry(
                        row.getLong("seq"),
                        json.readEvent(row.getString("event")),
                        InboxState.valueOf(row.getString("state")),
                        row.getInt("attempts"),
                        Database.optionalText(row, "last_error"),
                        Database.time(row, "received_at"),
                        Database.time(row, "next_attempt_at"),
                        Database.optionalTime(row, "handled_at")));
            }
        }
        return List.copyOf(entries);
    }
}
