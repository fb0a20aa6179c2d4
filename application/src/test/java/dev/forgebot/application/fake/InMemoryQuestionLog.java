package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.domain.conversation.InboundKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link QuestionLog} in memory; passes {@code QuestionLogContract}. Thread-safe (one lock). */
public class InMemoryQuestionLog implements QuestionLog {

    private final Map<InboundKey, LoggedQuestion> questions = new LinkedHashMap<>();

    @Override
    public synchronized void record(LoggedQuestion question) {
        questions.putIfAbsent(question.key(), question);
    }

    @Override
    public synchronized List<LoggedQuestion> askedBetween(Instant since, Instant until, int limit) {
        return questions.values().stream()
                .filter(q -> !q.askedAt().isBefore(since) && q.askedAt().isBefore(until))
                .sorted(Comparator.comparing(LoggedQuestion::askedAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long count() {
        return questions.size();
    }

    /** Every question, in recording order (for assertions). */
    public synchronized List<LoggedQuestion> all() {
        return List.copyOf(questions.values());
    }
}
