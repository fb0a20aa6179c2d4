package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.Statistics;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link Statistics} in one query over the other tables; windows start at {@code since}, inclusive,
 * with the meaning of each figure as in {@link BotStats}. Thread-safe through {@link Database}.
 */
final class SqliteStatistics implements Statistics {

    private final Database database;

    SqliteStatistics(Database database) {
        this.database = database;
    }

    @Override
    public BotStats since(Instant since) {
        Objects.requireNonNull(since, "since");
        return database.inTransaction("statistics.since", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT (SELECT COUNT(*) FROM leads),
                           (SELECT COUNT(*) FROM leads WHERE created_at >= ?1),
                           (SELECT COUNT(*) FROM leads WHERE email IS NOT NULL OR phone IS NOT NULL),
                           (SELECT COUNT(*) FROM messages WHERE direction = 'INBOUND' AND created_at >= ?1),
                           (SELECT COUNT(*) FROM tickets WHERE status = 'OPEN'),
                           (SELECT COUNT(*) FROM unanswered_questions WHERE asked_at >= ?1),
                           (SELECT COUNT(*) FROM scenarios WHERE status = 'DRAFT')""")) {
                select.setLong(1, Times.bound(since));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new BotStats(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                            row.getLong(6), row.getLong(7));
                }
            }
        });
    }
}
