package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.LeadId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link QuestionLog} on the {@code unanswered_questions} table, idempotent on the inbound key (its
 * primary key). Questions reference a stored lead. Thread-safe through {@link Database}.
 */
final class SqliteQuestionLog implements QuestionLog {

    private final Database database;

    SqliteQuestionLog(Database database) {
        this.database = database;
    }

    @Override
    public void record(LoggedQuestion question) {
        Objects.requireNonNull(question, "question");
        database.inTransaction("questions.record", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO unanswered_questions (source, external_id, lead_id, text, best_score, asked_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_id) DO NOTHING""")) {
                insert.setString(1, question.key().source());
                insert.setString(2, question.key().externalId());
                insert.setString(3, question.leadId().value().toString());
                insert.setString(4, question.text());
                insert.setDouble(5, question.bestScore());
                insert.setLong(6, Times.stored(question.askedAt()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<LoggedQuestion> askedBetween(Instant since, Instant until, int limit) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Database.requireLimit(limit);
        return database.inTransaction("questions.askedBetween", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT source, external_id, lead_id, text, best_score, asked_at FROM unanswered_questions
                    WHERE asked_at >= ? AND asked_at < ? ORDER BY asked_at, rowid LIMIT ?""")) {
                select.setLong(1, Times.bound(since));
                select.setLong(2, Times.bound(until));
                select.setInt(3, limit);
                List<LoggedQuestion> questions = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        questions.add(new LoggedQuestion(
                                new InboundKey(row.getString("source"), row.getString("external_id")),
                                new LeadId(UUID.fromString(row.getString("lead_id"))),
                                row.getString("text"),
                                row.getDouble("best_score"),
                                Database.time(row, "asked_at")));
                    }
                }
                return List.copyOf(questions);
            }
        });
    }

    @Override
    public long count() {
        return database.inTransaction("questions.count", connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM unanswered_questions");
                    ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
