package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link QuestionLog} contract: {@code record} is idempotent on the key (the first question
 * stays); {@code askedBetween} covers [since, until), oldest first, within the limit; {@code count};
 * unicode and 10,000-character questions and scores round-trip.
 *
 * <p>An adapter uses it by subclassing it as {@code <Technology>QuestionLogContractTest}, returning a
 * fresh, empty log from {@link #newStore()} and, if its rows reference stored leads, creating them
 * in {@link #givenLead(LeadId)}. Thread-free.
 */
public abstract class QuestionLogContract {

    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private QuestionLog questions;
    private LeadId lead;

    /** A fresh, empty log; called once per test. */
    protected abstract QuestionLog newStore();

    /** Makes {@code leadId} a lead questions can be filed against. The default does nothing. */
    protected void givenLead(LeadId leadId) {
    }

    @BeforeEach
    void createStore() {
        questions = newStore();
        lead = LeadId.random();
        givenLead(lead);
    }

    private LoggedQuestion question(int key, String text, Instant at) {
        return new LoggedQuestion(new InboundKey("telegram", Integer.toString(key)), lead, text, 0.25, at);
    }

    @Test
    void recordedQuestionsAreFoundInTheirWindow() {
        LoggedQuestion question = question(1, "how do I reset my password?", T0);

        questions.record(question);

        assertThat(questions.askedBetween(T0, T0.plusSeconds(1), 10)).containsExactly(question);
        assertThat(questions.count()).isEqualTo(1);
    }

    @Test
    void aSecondRecordOfTheSameKeyKeepsTheFirstQuestion() {
        LoggedQuestion first = question(1, "first wording", T0);
        questions.record(first);

        questions.record(question(1, "second wording", T0.plusSeconds(5)));

        assertThat(questions.count()).isEqualTo(1);
        assertThat(questions.askedBetween(T0, T0.plusSeconds(60), 10)).containsExactly(first);
    }

    @Test
    void askedBetweenIncludesSinceAndExcludesUntil() {
        LoggedQuestion before = question(1, "before", T0.minusSeconds(1));
        LoggedQuestion atSince = question(2, "at since", T0);
        LoggedQuestion inside = question(3, "inside", T0.plusSeconds(30));
        LoggedQuestion atUntil = question(4, "at until", T0.plusSeconds(60));
        questions.record(before);
        questions.record(atSince);
        questions.record(inside);
        questions.record(atUntil);

        assertThat(questions.askedBetween(T0, T0.plusSeconds(60), 10)).containsExactly(atSince, inside);
    }

    @Test
    void askedBetweenReturnsOldestFirstWithinTheLimit() {
        LoggedQuestion third = question(1, "third", T0.plusSeconds(3));
        LoggedQuestion first = question(2, "first", T0.plusSeconds(1));
        LoggedQuestion second = question(3, "second", T0.plusSeconds(2));
        questions.record(third);
        questions.record(first);
        questions.record(second);

        assertThat(questions.askedBetween(T0, T0.plusSeconds(60), 10)).containsExactly(first, second, third);
        assertThat(questions.askedBetween(T0, T0.plusSeconds(60), 2)).containsExactly(first, second);
    }

    @Test
    void anEmptyLogHasNothingToReport() {
        assertThat(questions.count()).isZero();
        assertThat(questions.askedBetween(Instant.EPOCH, T0.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void unicodeAndLongQuestionsRoundTripWithTheirScore() {
        LoggedQuestion unicode = new LoggedQuestion(new InboundKey("telegram", "1"), lead, SampleTexts.UNICODE, 0.0, T0);
        LoggedQuestion longText = new LoggedQuestion(new InboundKey("terminal", "1"), lead, SampleTexts.ofLength(10_000),
                0.875, T0.plusSeconds(1));

        questions.record(unicode);
        questions.record(longText);

        assertThat(questions.askedBetween(T0, T0.plusSeconds(2), 10)).containsExactly(unicode, longText);
    }
}
