package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ConversationLog} contract: {@code record} is idempotent on (inbound key, direction),
 * returning the first message and storing nothing on a replay; {@code find} by that pair;
 * {@code recent} gives a lead's latest messages oldest first; {@code count} per direction; texts
 * (empty, unicode, 10,000 characters) round-trip intact.
 *
 * <p>An adapter uses it by subclassing it as {@code <Technology>ConversationLogContractTest} and
 * returning a fresh, empty log from {@link #newStore()}. The log's rows name a lead; a store that
 * enforces that reference overrides {@link #givenLead(LeadId)} to create one. Thread-free.
 */
public abstract class ConversationLogContract {

    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private ConversationLog log;
    private LeadId lead;
    private LeadId otherLead;

    /** A fresh, empty log; called once per test. */
    protected abstract ConversationLog newStore();

    /**
     * Makes {@code leadId} a lead the store can file messages against. The default does nothing,
     * for stores without a lead reference.
     */
    protected void givenLead(LeadId leadId) {
    }

    @BeforeEach
    void createStore() {
        log = newStore();
        lead = LeadId.random();
        otherLead = LeadId.random();
        givenLead(lead);
        givenLead(otherLead);
    }

    private static InboundKey key(int id) {
        return new InboundKey("telegram", Integer.toString(id));
    }

    private static Message message(LeadId leadId, int key, Direction direction, String text, Instant at) {
        return new Message(MessageId.random(), leadId, direction, text, key(key), at);
    }

    @Test
    void recordStoresTheMessageAndReturnsIt() {
        Message message = message(lead, 1, Direction.INBOUND, "hello", T0);

        Message stored = log.record(message);

        assertThat(stored).isEqualTo(message);
        assertThat(log.find(key(1), Direction.INBOUND)).contains(message);
    }

    @Test
    void aSecondRecordOfTheSameKeyAndDirectionReturnsTheFirstAndStoresNothing() {
        Message first = log.record(message(lead, 1, Direction.OUTBOUND, "first answer", T0));

        Message replay = log.record(message(lead, 1, Direction.OUTBOUND, "another answer", T0.plusSeconds(5)));

        assertThat(replay).isEqualTo(first);
        assertThat(log.find(key(1), Direction.OUTBOUND)).contains(first);
        assertThat(log.count(Direction.OUTBOUND)).isEqualTo(1);
        assertThat(log.recent(lead, 10)).containsExactly(first);
    }

    @Test
    void theSameKeyInTheOtherDirectionIsAnotherMessage() {
        Message question = log.record(message(lead, 1, Direction.INBOUND, "question", T0));
        Message answer = log.record(message(lead, 1, Direction.OUTBOUND, "answer", T0.plusSeconds(1)));

        assertThat(log.find(key(1), Direction.INBOUND)).contains(question);
        assertThat(log.find(key(1), Direction.OUTBOUND)).contains(answer);
        assertThat(log.recent(lead, 10)).containsExactly(question, answer);
    }

    @Test
    void findOfAnUnrecordedPairIsEmpty() {
        log.record(message(lead, 1, Direction.INBOUND, "question", T0));

        assertThat(log.find(key(1), Direction.OUTBOUND)).isEmpty();
        assertThat(log.find(key(2), Direction.INBOUND)).isEmpty();
    }

    @Test
    void recentReturnsTheLeadsLatestMessagesOldestFirst() {
        Message m1 = log.record(message(lead, 1, Direction.INBOUND, "one", T0));
        Message m2 = log.record(message(lead, 1, Direction.OUTBOUND, "two", T0.plusSeconds(1)));
        Message m3 = log.record(message(lead, 2, Direction.INBOUND, "three", T0.plusSeconds(2)));
        Message m4 = log.record(message(lead, 2, Direction.OUTBOUND, "four", T0.plusSeconds(3)));

        assertThat(log.recent(lead, 10)).containsExactly(m1, m2, m3, m4);
        assertThat(log.recent(lead, 2)).containsExactly(m3, m4);
    }

    @Test
    void recentOrdersByWhenMessagesWereWrittenNotWhenRecorded() {
        Message later = log.record(message(lead, 2, Direction.INBOUND, "later", T0.plusSeconds(10)));
        Message earlier = log.record(message(lead, 1, Direction.INBOUND, "earlier", T0));

        assertThat(log.recent(lead, 10)).containsExactly(earlier, later);
    }

    @Test
    void recentLeavesOutOtherLeadsMessages() {
        Message mine = log.record(message(lead, 1, Direction.INBOUND, "mine", T0));
        log.record(message(otherLead, 2, Direction.INBOUND, "theirs", T0.plusSeconds(1)));

        assertThat(log.recent(lead, 10)).containsExactly(mine);
        assertThat(log.recent(LeadId.random(), 10)).isEmpty();
    }

    @Test
    void countCountsTheMessagesOfOneDirection() {
        log.record(message(lead, 1, Direction.INBOUND, "a", T0));
        log.record(message(lead, 1, Direction.OUTBOUND, "b", T0));
        log.record(message(otherLead, 2, Direction.INBOUND, "c", T0));

        assertThat(log.count(Direction.INBOUND)).isEqualTo(2);
        assertThat(log.count(Direction.OUTBOUND)).isEqualTo(1);
    }

    @Test
    void anEmptyLogCountsNothing() {
        assertThat(log.count(Direction.INBOUND)).isZero();
        assertThat(log.count(Direction.OUTBOUND)).isZero();
    }

    @Test
    void unicodeEmptyAndLongTextsRoundTripIntact() {
        Message unicode = log.record(message(lead, 1, Direction.INBOUND, SampleTexts.UNICODE, T0));
        Message empty = log.record(message(lead, 2, Direction.INBOUND, "", T0.plusSeconds(1)));
        Message longText = log.record(message(lead, 3, Direction.OUTBOUND, SampleTexts.ofLength(10_000), T0.plusSeconds(2)));

        assertThat(log.find(key(1), Direction.INBOUND).orElseThrow().text()).isEqualTo(SampleTexts.UNICODE);
        assertThat(log.find(key(2), Direction.INBOUND).orElseThrow().text()).isEmpty();
        assertThat(log.find(key(3), Direction.OUTBOUND).orElseThrow().text()).isEqualTo(SampleTexts.ofLength(10_000));
        assertThat(log.recent(lead, 10)).containsExactly(unicode, empty, longText);
    }
}
