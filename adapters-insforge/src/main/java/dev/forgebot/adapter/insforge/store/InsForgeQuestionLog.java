package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.insforge.http.Direction;
import dev.forgebot.adapter.insforge.http.Filter;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link QuestionLog} on the InsForge {@code unanswered_questions} table, idempotent through
 * {@code on_conflict=source,external_id} with ignore-duplicates. The time window is one
 * {@code and=(asked_at.gte...,asked_at.lt...)}; ties in time keep recording order (identity
 * {@code position}). Thread-safe.
 */
public final class InsForgeQuestionLog implements QuestionLog {

    private static final String TABLE = "unanswered_questions";

    private final InsForgeHttpClient client;

    public InsForgeQuestionLog(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void record(LoggedQuestion question) {
        Objects.requireNonNull(question, "question");
        ObjectNode row = Rows.object();
        row.put("source", question.key().source());
        row.put("external_id", question.key().externalId());
        row.put("lead_id", question.leadId().value().toString());
        row.put("text", question.text());
        row.put("best_score", question.bestScore());
        row.put("asked_at", Rows.time(question.askedAt()));
        client.insertIgnoringDuplicates(TABLE, List.of(row), "source", "external_id");
    }

    @Override
    public List<LoggedQuestion> askedBetween(Instant since, Instant until, int limit) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        RecordsQuery query = RecordsQuery.from(TABLE)
                .where(Filter.gte("asked_at", Rows.bound(since)), Filter.lt("asked_at", Rows.bound(until)))
                .orderBy("asked_at", Direction.ASC).orderBy("position", Direction.ASC);
        String op = "questions.askedBetween";
        List<LoggedQuestion> out = new ArrayList<>();
        for (JsonNode row : Rows.select(client, query, limit)) {
            out.add(Rows.reading(op, () -> new LoggedQuestion(
                    new InboundKey(Rows.text(op, row, "source"), Rows.text(op, row, "external_id")),
                    new LeadId(Rows.uuid(op, row, "lead_id")),
                    Rows.text(op, row, "text"),
                    Rows.doubleValue(op, row, "best_score"),
                    Rows.instant(op, row, "asked_at"))));
        }
        return List.copyOf(out);
    }

    @Override
    public long count() {
        return client.count(RecordsQuery.from(TABLE).orderBy("position", Direction.ASC));
    }
}
