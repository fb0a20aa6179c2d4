package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.FileRef;
import dev.forgebot.application.port.in.InboundEvent.ReachabilityChanged;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.in.InboundEvent.SharedContact;
import dev.forgebot.application.port.in.InboundEvent.Unsupported;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link UpdateInbox} contract, sentence by sentence: idempotent, atomic stores per key that
 * never touch a stored entry; pending entries in arrival order, due or not; state changes that
 * apply to pending entries only (a late or repeated call resurrects nothing); pruning that keeps
 * dead letters; events (every kind, every field, unicode and long texts) that round-trip intact.
 *
 * <p>An adapter uses it by subclassing it in its own tests as {@code <Technology>UpdateInboxContractTest}
 * and returning a fresh, empty store from {@link #newStore()}. A durable store also overrides
 * {@link #reopen} to open the same storage anew, which checks that stored entries survive the process.
 * Thread-free: no test starts a thread, sleeps or reads the clock (times are passed in).
 */
public abstract class UpdateInboxContract {

    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final ChatId CHAT_A = new ChatId(1001);
    private static final ChatId CHAT_B = new ChatId(1002);
    private static final Sender SENDER = new Sender(new CustomerId(1001), "Ada");

    private UpdateInbox inbox;

    /** A fresh, empty inbox; called once per test. */
    protected abstract UpdateInbox newStore();

    /**
     * The same storage opened anew, as after a restart of the process. The default returns
     * {@code store} itself (for stores that live only in memory).
     */
    protected UpdateInbox reopen(UpdateInbox store) {
        return store;
    }

    @BeforeEach
    void createStore() {
        inbox = newStore();
    }

    private static InboundKey key(int id) {
        return new InboundKey("telegram", Integer.toString(id));
    }

    private static ChatMessage message(int id, ChatId chat) {
        return ChatMessage.text(key(id), chat, SENDER, "message " + id, T0.minusSeconds(60));
    }

    private static ChatMessage message(int id) {
        return message(id, CHAT_A);
    }

    @Test
    void storeReturnsTheNewKeysInInputOrder() {
        List<InboundKey> fresh = inbox.store(List.of(message(3), message(1), message(2)), T0);

        assertThat(fresh).containsExactly(key(3), key(1), key(2));
    }

    @Test
    void storedEntryStartsPendingWithNoAttempts() {
        inbox.store(List.of(message(1)), T0);

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.event()).isEqualTo(message(1));
        assertThat(entry.state()).isEqualTo(InboxState.PENDING);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.lastError()).isEmpty();
        assertThat(entry.receivedAt()).isEqualTo(T0);
        assertThat(entry.handledAt()).isEmpty();
        assertThat(entry.notBefore()).isBeforeOrEqualTo(T0);
    }

    @Test
    void findOfAnUnknownKeyIsEmpty() {
        assertThat(inbox.find(key(42))).isEmpty();
    }

    @Test
    void storingAKnownKeyAgainReportsNothingNewAndLeavesTheEntryAsItIs() {
        inbox.store(List.of(message(1)), T0);
        inbox.scheduleRetry(key(1), 2, "timeout", T0.plusSeconds(30));
        InboxEntry before = inbox.find(key(1)).orElseThrow();

        List<InboundKey> fresh = inbox.store(
                List.of(ChatMessage.text(key(1), CHAT_B, SENDER, "a different text", T0)), T0.plusSeconds(5));

        assertThat(fresh).isEmpty();
        assertThat(inbox.find(key(1))).contains(before);
    }

    @Test
    void storingAHandledKeyAgainDoesNotMakeItPendingAgain() {
        inbox.store(List.of(message(1)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(1));

        List<InboundKey> fresh = inbox.store(List.of(message(1)), T0.plusSeconds(2));

        assertThat(fresh).isEmpty();
        assertThat(inbox.find(key(1)).orElseThrow().state()).isEqualTo(InboxState.HANDLED);
        assertThat(inbox.pendingCount()).isZero();
    }

    @Test
    void aBatchMixingKnownAndNewKeysStoresAndReportsOnlyTheNewOnes() {
        inbox.store(List.of(message(2)), T0);

        List<InboundKey> fresh = inbox.store(List.of(message(1), message(2), message(3)), T0.plusSeconds(1));

        assertThat(fresh).containsExactly(key(1), key(3));
        assertThat(inbox.find(key(2)).orElseThrow().receivedAt()).isEqualTo(T0);
        assertThat(inbox.pendingCount()).isEqualTo(3);
    }

    @Test
    void aBatchRepeatingAKeyStoresItOnce() {
        List<InboundKey> fresh = inbox.store(List.of(message(1), message(1)), T0);

        assertThat(fresh).containsExactly(key(1));
        assertThat(inbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void anEmptyBatchStoresNothing() {
        assertThat(inbox.store(List.of(), T0)).isEmpty();
        assertThat(inbox.pendingCount()).isZero();
    }

    @Test
    void sequencesFollowArrivalOrderAcrossBatches() {
        inbox.store(List.of(message(5), message(4)), T0);
        inbox.store(List.of(message(1)), T0.plusSeconds(1));

        long s5 = inbox.find(key(5)).orElseThrow().sequence();
        long s4 = inbox.find(key(4)).orElseThrow().sequence();
        long s1 = inbox.find(key(1)).orElseThrow().sequence();
        assertThat(s5).isLessThan(s4);
        assertThat(s4).isLessThan(s1);
    }

    @Test
    void storedEntriesSurviveReopeningTheStore() {
        inbox.store(List.of(message(1), message(2)), T0);

        UpdateInbox reopened = reopen(inbox);

        assertThat(reopened.pending(10, Set.of())).extracting(InboxEntry::key).containsExactly(key(1), key(2));
    }

    @Test
    void pendingReturnsPendingEntriesInArrivalOrderDueOrNot() {
        inbox.store(List.of(message(1), message(2)), T0);
        inbox.store(List.of(message(3)), T0.plusSeconds(1));
        inbox.scheduleRetry(key(1), 1, "timeout", T0.plus(Duration.ofHours(1)));

        List<InboxEntry> pending = inbox.pending(10, Set.of());

        assertThat(pending).extracting(InboxEntry::key).containsExactly(key(1), key(2), key(3));
    }

    @Test
    void pendingReturnsAtMostTheLimitOldestFirst() {
        inbox.store(List.of(message(1), message(2), message(3)), T0);

        assertThat(inbox.pending(2, Set.of())).extracting(InboxEntry::key).containsExactly(key(1), key(2));
    }

    @Test
    void pendingLeavesOutExcludedChats() {
        inbox.store(List.of(message(1, CHAT_A), message(2, CHAT_B), message(3, CHAT_A)), T0);

        List<InboxEntry> pending = inbox.pending(10, Set.of(CHAT_A));

        assertThat(pending).extracting(InboxEntry::key).containsExactly(key(2));
    }

    @Test
    void pendingLeavesOutHandledSkippedAndDeadEntries() {
        inbox.store(List.of(message(1), message(2), message(3), message(4)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0);
        inbox.markHandled(key(2), InboxState.SKIPPED, T0);
        inbox.deadLetter(key(3), 1, "rejected", T0);

        assertThat(inbox.pending(10, Set.of())).extracting(InboxEntry::key).containsExactly(key(4));
        assertThat(inbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void markHandledFinishesAPendingEntry() {
        inbox.store(List.of(message(1)), T0);

        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(3));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.state()).isEqualTo(InboxState.HANDLED);
        assertThat(entry.handledAt()).contains(T0.plusSeconds(3));
    }

    @Test
    void markHandledCanSkipAPendingEntry() {
        inbox.store(List.of(new Unsupported(key(1), new ChatId(0), "poll", T0)), T0);

        inbox.markHandled(key(1), InboxState.SKIPPED, T0.plusSeconds(1));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.state()).isEqualTo(InboxState.SKIPPED);
        assertThat(entry.handledAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void aRepeatedMarkHandledKeepsTheFirstOutcome() {
        inbox.store(List.of(message(1)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(1));

        inbox.markHandled(key(1), InboxState.SKIPPED, T0.plusSeconds(9));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.state()).isEqualTo(InboxState.HANDLED);
        assertThat(entry.handledAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void aLateMarkHandledCannotResurrectADeadEntry() {
        inbox.store(List.of(message(1)), T0);
        inbox.deadLetter(key(1), 5, "gave up", T0.plusSeconds(1));

        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(2));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.state()).isEqualTo(InboxState.DEAD);
        assertThat(entry.lastError()).contains("gave up");
        assertThat(entry.handledAt()).contains(T0.plusSeconds(1));
        assertThat(inbox.deadLetters(10)).extracting(InboxEntry::key).containsExactly(key(1));
    }

    @Test
    void aLateScheduleRetryCannotMakeAHandledEntryPendingAgain() {
        inbox.store(List.of(message(1)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(1));

        inbox.scheduleRetry(key(1), 1, "timeout", T0.plusSeconds(30));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.state()).isEqualTo(InboxState.HANDLED);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.lastError()).isEmpty();
        assertThat(inbox.pendingCount()).isZero();
    }

    @Test
    void aLateDeadLetterCannotOverwriteAHandledEntry() {
        inbox.store(List.of(message(1)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(1));

        inbox.deadLetter(key(1), 3, "too late", T0.plusSeconds(2));

        assertThat(inbox.find(key(1)).orElseThrow().state()).isEqualTo(InboxState.HANDLED);
        assertThat(inbox.deadLetters(10)).isEmpty();
    }

    @Test
    void aRepeatedDeadLetterKeepsTheFirstError() {
        inbox.store(List.of(message(1)), T0);
        inbox.deadLetter(key(1), 2, "first", T0.plusSeconds(1));

        inbox.deadLetter(key(1), 3, "second", T0.plusSeconds(2));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.lastError()).contains("first");
        assertThat(entry.handledAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void stateChangesToAnUnknownKeyAreIgnored() {
        inbox.markHandled(key(1), InboxState.HANDLED, T0);
        inbox.scheduleRetry(key(2), 1, "timeout", T0);
        inbox.deadLetter(key(3), 1, "rejected", T0);

        assertThat(inbox.find(key(1))).isEmpty();
        assertThat(inbox.find(key(2))).isEmpty();
        assertThat(inbox.find(key(3))).isEmpty();
        assertThat(inbox.pendingCount()).isZero();
        assertThat(inbox.deadLetters(10)).isEmpty();
    }

    @Test
    void aStoreAfterAnIgnoredStateChangeStoresTheEntryAsNew() {
        inbox.markHandled(key(1), InboxState.HANDLED, T0);

        List<InboundKey> fresh = inbox.store(List.of(message(1)), T0.plusSeconds(1));

        assertThat(fresh).containsExactly(key(1));
        assertThat(inbox.find(key(1)).orElseThrow().state()).isEqualTo(InboxState.PENDING);
    }

    // --- claims: of several instances sharing the inbox, one handles an entry at a time

    private static final String ME = "instance-a";
    private static final String OTHER = "instance-b";

    @Test
    void aPendingUnclaimedEntryCanBeClaimed() {
        inbox.store(List.of(message(1)), T0);

        assertThat(inbox.claim(key(1), ME, T0.plusSeconds(300), T0)).isTrue();
    }

    @Test
    void anEntryClaimedByAnotherOwnerCannotBeClaimedUntilTheClaimRunsOut() {
        inbox.store(List.of(message(1)), T0);
        inbox.claim(key(1), OTHER, T0.plusSeconds(300), T0);

        boolean whileHeld = inbox.claim(key(1), ME, T0.plusSeconds(310), T0.plusSeconds(10));
        boolean atTheEnd = inbox.claim(key(1), ME, T0.plusSeconds(600), T0.plusSeconds(300));

        assertThat(whileHeld).isFalse();
        assertThat(atTheEnd).isTrue();
        assertThat(inbox.claim(key(1), OTHER, T0.plusSeconds(900), T0.plusSeconds(301)))
                .as("now the first owner's claim is the one taken over").isFalse();
    }

    @Test
    void theOwnerCanClaimAgainWhichExtendsTheClaim() {
        inbox.store(List.of(message(1)), T0);
        inbox.claim(key(1), ME, T0.plusSeconds(300), T0);

        boolean again = inbox.claim(key(1), ME, T0.plusSeconds(600), T0.plusSeconds(200));

        assertThat(again).isTrue();
        assertThat(inbox.claim(key(1), OTHER, T0.plusSeconds(900), T0.plusSeconds(400)))
                .as("the extended claim still holds").isFalse();
    }

    @Test
    void entriesThatAreNotPendingOrUnknownCannotBeClaimed() {
        inbox.store(List.of(message(1), message(2)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0);
        inbox.deadLetter(key(2), 5, "gave up", T0);

        assertThat(inbox.claim(key(1), ME, T0.plusSeconds(300), T0)).isFalse();
        assertThat(inbox.claim(key(2), ME, T0.plusSeconds(300), T0)).isFalse();
        assertThat(inbox.claim(key(3), ME, T0.plusSeconds(300), T0)).isFalse();
    }

    @Test
    void aScheduledRetryReleasesTheClaimAndKeepsTheEntryAsItWas() {
        inbox.store(List.of(message(1)), T0);
        inbox.claim(key(1), OTHER, T0.plusSeconds(300), T0);

        inbox.scheduleRetry(key(1), 1, "storage unavailable", T0.plusSeconds(30));

        assertThat(inbox.claim(key(1), ME, T0.plusSeconds(340), T0.plusSeconds(40))).isTrue();
        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.state()).isEqualTo(InboxState.PENDING);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.event()).isEqualTo(message(1));
    }

    @Test
    void aClaimedEntryIsStillListedAsPendingAndCanBeMarkedHandled() {
        inbox.store(List.of(message(1)), T0);
        inbox.claim(key(1), ME, T0.plusSeconds(300), T0);

        assertThat(inbox.pending(10, Set.of())).extracting(InboxEntry::key).containsExactly(key(1));
        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(1));
        assertThat(inbox.find(key(1)).orElseThrow().state()).isEqualTo(InboxState.HANDLED);
    }

    @Test
    void scheduleRetryRecordsTheFailedAttemptAndKeepsTheEntryPending() {
        inbox.store(List.of(message(1)), T0);

        inbox.scheduleRetry(key(1), 1, "storage unavailable", T0.plusSeconds(30));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.state()).isEqualTo(InboxState.PENDING);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.lastError()).contains("storage unavailable");
        assertThat(entry.notBefore()).isEqualTo(T0.plusSeconds(30));
        assertThat(entry.handledAt()).isEmpty();
        assertThat(entry.event()).isEqualTo(message(1));
    }

    @Test
    void aSecondRetryReplacesTheFirstOnesAttemptsErrorAndTime() {
        inbox.store(List.of(message(1)), T0);
        inbox.scheduleRetry(key(1), 1, "first", T0.plusSeconds(30));

        inbox.scheduleRetry(key(1), 2, "second", T0.plusSeconds(90));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.lastError()).contains("second");
        assertThat(entry.notBefore()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void deadLetterGivesUpOnAPendingEntryKeepingItsError() {
        inbox.store(List.of(message(1)), T0);

        inbox.deadLetter(key(1), 4, "rejected: bad request", T0.plusSeconds(7));

        InboxEntry entry = inbox.find(key(1)).orElseThrow();
        assertThat(entry.state()).isEqualTo(InboxState.DEAD);
        assertThat(entry.attempts()).isEqualTo(4);
        assertThat(entry.lastError()).contains("rejected: bad request");
        assertThat(entry.handledAt()).contains(T0.plusSeconds(7));
        assertThat(entry.event()).isEqualTo(message(1));
    }

    @Test
    void deadLettersAreListedNewestFirstUpToTheLimit() {
        inbox.store(List.of(message(1), message(2), message(3)), T0);
        inbox.deadLetter(key(2), 1, "b", T0.plusSeconds(1));
        inbox.deadLetter(key(1), 1, "a", T0.plusSeconds(3));
        inbox.deadLetter(key(3), 1, "c", T0.plusSeconds(2));

        assertThat(inbox.deadLetters(10)).extracting(InboxEntry::key).containsExactly(key(1), key(3), key(2));
        assertThat(inbox.deadLetters(2)).extracting(InboxEntry::key).containsExactly(key(1), key(3));
    }

    @Test
    void pruneDeletesHandledAndSkippedEntriesHandledBeforeTheCutOff() {
        inbox.store(List.of(message(1), message(2), message(3)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(1));
        inbox.markHandled(key(2), InboxState.SKIPPED, T0.plusSeconds(2));
        inbox.markHandled(key(3), InboxState.HANDLED, T0.plusSeconds(10));

        int deleted = inbox.pruneHandled(T0.plusSeconds(5));

        assertThat(deleted).isEqualTo(2);
        assertThat(inbox.find(key(1))).isEmpty();
        assertThat(inbox.find(key(2))).isEmpty();
        assertThat(inbox.find(key(3))).isPresent();
    }

    @Test
    void pruneKeepsEntriesHandledExactlyAtTheCutOff() {
        inbox.store(List.of(message(1)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0.plusSeconds(5));

        int deleted = inbox.pruneHandled(T0.plusSeconds(5));

        assertThat(deleted).isZero();
        assertThat(inbox.find(key(1))).isPresent();
    }

    @Test
    void pruneKeepsDeadLettersAndPendingEntries() {
        inbox.store(List.of(message(1), message(2)), T0);
        inbox.deadLetter(key(1), 5, "gave up", T0.plusSeconds(1));
        inbox.scheduleRetry(key(2), 1, "timeout", T0.plusSeconds(1));

        int deleted = inbox.pruneHandled(T0.plus(Duration.ofDays(30)));

        assertThat(deleted).isZero();
        assertThat(inbox.deadLetters(10)).extracting(InboxEntry::key).containsExactly(key(1));
        assertThat(inbox.pending(10, Set.of())).extracting(InboxEntry::key).containsExactly(key(2));
    }

    @Test
    void pendingCountCountsOnlyPendingEntries() {
        inbox.store(List.of(message(1), message(2), message(3)), T0);
        inbox.markHandled(key(1), InboxState.HANDLED, T0);

        assertThat(inbox.pendingCount()).isEqualTo(2);
    }

    @Test
    void everyKindOfEventRoundTripsWithAllItsFields() {
        ChatMessage full = new ChatMessage(key(1), new ChatId(-1001234567890L), new Sender(new CustomerId(7), "Zoë 🦊"),
                "see attached", T0.minusSeconds(5), Optional.of("msg-77"),
                Optional.of(new SharedContact("+44 20 7946 0958", "Zoë", Optional.of(new CustomerId(7)))),
                Optional.of(new FileRef("AgADBAAD-file", "счёт.pdf", "application/pdf", 123_456)));
        ChatMessage bare = new ChatMessage(key(2), CHAT_A, new Sender(new CustomerId(8), ""), "", T0.minusSeconds(4),
                Optional.empty(), Optional.of(new SharedContact("12345678", "", Optional.empty())),
                Optional.of(new FileRef("f2", "photo.jpg", "image/jpeg", -1)));
        ReachabilityChanged blocked = new ReachabilityChanged(key(3), CHAT_A, new CustomerId(1001), true, T0.minusSeconds(3));
        ReachabilityChanged unblocked = new ReachabilityChanged(key(4), CHAT_A, new CustomerId(1001), false, T0.minusSeconds(2));
        Unsupported unsupported = new Unsupported(key(5), new ChatId(0), "edited_message", T0.minusSeconds(1));
        List<InboundEvent> events = List.of(full, bare, blocked, unblocked, unsupported);

        inbox.store(events, T0);

        assertThat(inbox.pending(10, Set.of())).extracting(InboxEntry::event).containsExactlyElementsOf(events);
    }

    @Test
    void unicodeTextRoundTripsIntact() {
        ChatMessage message = ChatMessage.text(key(1), CHAT_A, new Sender(new CustomerId(1), SampleTexts.UNICODE),
                SampleTexts.UNICODE, T0);

        inbox.store(List.of(message), T0);

        assertThat(inbox.find(key(1)).orElseThrow().event()).isEqualTo(message);
    }

    @Test
    void aTenThousandCharacterTextRoundTripsIntact() {
        String text = SampleTexts.ofLength(10_000);
        ChatMessage message = ChatMessage.text(key(1), CHAT_A, SENDER, text, T0);

        inbox.store(List.of(message), T0);

        assertThat(((ChatMessage) inbox.find(key(1)).orElseThrow().event()).text()).isEqualTo(text);
    }

    @Test
    void keysOfDifferentSourcesAreDifferentKeys() {
        InboundKey telegram = new InboundKey("telegram", "1");
        InboundKey terminal = new InboundKey("terminal", "1");

        List<InboundKey> fresh = inbox.store(List.of(ChatMessage.text(telegram, CHAT_A, SENDER, "a", T0),
                ChatMessage.text(terminal, CHAT_A, SENDER, "b", T0)), T0);

        assertThat(fresh).containsExactly(telegram, terminal);
    }
}
