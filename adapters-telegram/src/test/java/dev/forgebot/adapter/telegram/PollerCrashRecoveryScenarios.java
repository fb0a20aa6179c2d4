package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.adapter.telegram.PollingBot.Setup;
import dev.forgebot.adapter.telegram.PollingBot.SimulatedCrash;
import dev.forgebot.application.fake.Faults;
import dev.forgebot.application.fake.ManualTasks;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.lead.ChatId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Telegram intake end to end (poller → inbox → dispatcher → standard pipeline → messenger), with
 * the process dying at each point between Telegram's delivery and the entry being marked handled, and a
 * fresh process (new poller, mapper, dispatcher, services and Bot API connection) started over the same
 * stores and the same Telegram. Every update must be stored once, every question answered once and
 * everything confirmed at Telegram in the end, except the one duplicate design.md accepts: a reply sent
 * just before the process died, not yet recorded, goes out again.
 *
 * <p>Run on two Telegram sides: in memory ({@link PollerCrashRecoveryTest}, a unit test) and the fake
 * Bot API over loopback HTTP through the real client and messenger ({@link PollerCrashRecoveryIT}).
 * What customers received is read from the Telegram side: what it accepted, in order.
 */
abstract class PollerCrashRecoveryScenarios {

    static final long ANA = 42;
    static final long BEN = 43;
    static final String PRICING = "Pricing plans";
    static final String EXPORT = "Exporting your data";
    static final String REFUNDS = "Refunds";

    protected final PollingBot bot = new PollingBot(newTelegram());

    /** A fresh Telegram side, nothing queued; called once per test. */
    protected abstract PollingBot.Telegram newTelegram();

    @AfterEach
    void closeTheBot() {
        bot.close();
    }

    /** Where the first process dies. */
    enum CrashPoint {
        /** Telegram delivered the batch; the inbox write never started. */
        AFTER_FETCH_BEFORE_THE_INBOX_WRITE,
        /** The batch is in the inbox; the poller never saw the write return, nothing confirmed. */
        AFTER_THE_INBOX_WRITE_BEFORE_CONFIRMING,
        /** The batch is in the inbox and confirmed at Telegram; nothing handled yet. */
        AFTER_CONFIRMING_BEFORE_HANDLING,
        /** The replies went out; the process died before recording them. */
        AFTER_SENDING_BEFORE_RECORDING_THE_REPLY,
        /** Everything handled and recorded; the entries were not marked handled yet. */
        AFTER_HANDLING_BEFORE_MARKING_HANDLED
    }

    /** Three questions from two chats: updates 1, 2 and 3. */
    void customersAsk() {
        assertThat(List.of(
                bot.telegram.customerWrites(ANA, "How much does the Pro plan cost per month?"),
                bot.telegram.customerWrites(BEN, "how do I export my data to csv?"),
                bot.telegram.customerWrites(ANA, "Can I get a refund, my money back?"))).containsExactly(1L, 2L, 3L);
    }

    /** What the customer in {@code chat} received, each answer shortened to its article's title. */
    List<String> repliesTo(long chat) {
        return bot.telegram.textsTo(chat).stream()
                .map(text -> text.startsWith(PRICING) ? PRICING : text.startsWith(EXPORT) ? EXPORT
                        : text.startsWith(REFUNDS) ? REFUNDS : text)
                .toList();
    }

    Map<InboundKey, Long> recorded(Direction direction) {
        return bot.conversations.all().stream().filter(m -> m.direction() == direction)
                .collect(Collectors.groupingBy(Message::inboundKey, Collectors.counting()));
    }

    static InboundKey key(long updateId) {
        return new InboundKey("telegram", Long.toString(updateId));
    }

    /** Every update of {@link #customersAsk()} stored once and handled, each question answered once. */
    void everyQuestionStoredAndAnsweredOnce() {
        assertThat(bot.inbox.all()).extracting(InboxEntry::key).containsExactly(key(1), key(2), key(3));
        assertThat(bot.inbox.all()).extracting(InboxEntry::state).containsOnly(InboxState.HANDLED);
        assertThat(bot.inbox.deadLetters(10)).isEmpty();
        assertThat(recorded(Direction.INBOUND)).isEqualTo(Map.of(key(1), 1L, key(2), 1L, key(3), 1L));
        assertThat(recorded(Direction.OUTBOUND)).isEqualTo(Map.of(key(1), 1L, key(2), 1L, key(3), 1L));
        assertThat(repliesTo(ANA)).containsExactly(PRICING, REFUNDS);
        assertThat(repliesTo(BEN)).containsExactly(EXPORT);
    }

    /** Telegram holds nothing more: every update up to 3 confirmed. */
    void everythingConfirmedAtTelegram() {
        assertThat(bot.telegram.pendingUpdates()).as("updates Telegram still holds").isZero();
        assertThat(bot.telegram.confirmedBelow()).as("confirmed below").isEqualTo(4);
    }

    /** Runs the first process until it dies at {@code point}; the dead process's connections close. */
    void dieAt(CrashPoint point) throws InterruptedException {
        PollingBot.Process dying = switch (point) {
            case AFTER_FETCH_BEFORE_THE_INBOX_WRITE -> {
                PollingBot.Process process = bot.start(Setup.plain().withIntake(
                        intake -> PollingBot.crashing(HandleInboundMessage.class, intake, "receive", false)));
                assertThatThrownBy(process.poller()::pollOnce).isInstanceOf(SimulatedCrash.class);
                assertThat(bot.inbox.all()).isEmpty();
                assertThat(bot.telegram.pendingUpdates()).as("still held by Telegram").isEqualTo(3);
                yield process;
            }
            case AFTER_THE_INBOX_WRITE_BEFORE_CONFIRMING -> {
                PollingBot.Process process = bot.start(Setup.plain().withIntake(
                        intake -> PollingBot.crashing(HandleInboundMessage.class, intake, "receive", true)));
                assertThatThrownBy(process.poller()::pollOnce).isInstanceOf(SimulatedCrash.class);
                assertThat(bot.inbox.all()).hasSize(3);
                assertThat(process.poller().nextOffset()).isEmpty();
                assertThat(bot.telegram.pendingUpdates()).as("still held by Telegram").isEqualTo(3);
                yield process;
            }
            case AFTER_CONFIRMING_BEFORE_HANDLING -> {
                PollingBot.Process process = bot.start();
                assertThat(process.poller().pollOnce()).isEqualTo(new PollOutcome.Received(3, 3));
                assertThat(process.poller().pollOnce()).isEqualTo(PollOutcome.IDLE);
                assertThat(bot.telegram.pendingUpdates()).as("confirmed at Telegram").isZero();
                assertThat(bot.telegram.confirmedBelow()).isEqualTo(4);
                // Dies here: the dispatcher's tasks never run.
                yield process;
            }
            case AFTER_SENDING_BEFORE_RECORDING_THE_REPLY -> dieWhileHandling(Setup.plain().withMessenger(
                    messenger -> PollingBot.crashing(Messenger.class, messenger, "send", true)));
            case AFTER_HANDLING_BEFORE_MARKING_HANDLED -> dieWhileHandling(Setup.plain().withInbox(
                    inbox -> PollingBot.crashing(UpdateInbox.class, inbox, "markHandled", false)));
        };
        dying.close();
    }

    private PollingBot.Process dieWhileHandling(Setup setup) throws InterruptedException {
        PollingBot.Process dying = bot.start(setup);
        assertThat(dying.poller().pollOnce()).isEqualTo(new PollOutcome.Received(3, 3));
        // One round of the tasks the write woke: each chat's task dies at the planted point. (Draining
        // would start them again and again: the entries stay pending, as a dead process leaves them.)
        ((ManualTasks) dying.tasks()).runAll();
        assertThat(((ManualTasks) dying.tasks()).failures()).isNotEmpty().allSatisfy(
                failure -> assertThat(failure).isInstanceOf(SimulatedCrash.class));
        assertThat(bot.inbox.pendingCount()).isEqualTo(3);
        return dying;
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void storesEveryUpdateOnceAndAnswersEveryQuestionAfterACrash(CrashPoint point) throws InterruptedException {
        customersAsk();
        dieAt(point);

        PollingBot.Process restarted = bot.start();
        restarted.pollAndDrain();
        restarted.poller().confirmStored();

        assertThat(bot.inbox.all()).extracting(InboxEntry::key).containsExactly(key(1), key(2), key(3));
        assertThat(bot.inbox.all()).extracting(InboxEntry::state).containsOnly(InboxState.HANDLED);
        assertThat(bot.inbox.deadLetters(10)).isEmpty();
        assertThat(recorded(Direction.INBOUND)).isEqualTo(Map.of(key(1), 1L, key(2), 1L, key(3), 1L));
        assertThat(recorded(Direction.OUTBOUND)).isEqualTo(Map.of(key(1), 1L, key(2), 1L, key(3), 1L));
        if (point == CrashPoint.AFTER_SENDING_BEFORE_RECORDING_THE_REPLY) {
            // The one unavoidable duplicate: the first question of each chat was answered, then the
            // process died before recording it, so the restart answers it again.
            assertThat(repliesTo(ANA)).containsExactly(PRICING, PRICING, REFUNDS);
            assertThat(repliesTo(BEN)).containsExactly(EXPORT, EXPORT);
        } else {
            assertThat(repliesTo(ANA)).containsExactly(PRICING, REFUNDS);
            assertThat(repliesTo(BEN)).containsExactly(EXPORT);
        }
        everythingConfirmedAtTelegram();
    }

    @Test
    void anInboxThatCannotBeWrittenLeavesTheBatchAtTelegramAndTheNextPollStoresItOnce() throws InterruptedException {
        customersAsk();
        PollingBot.Process process = bot.start(Setup.plain().withInbox(
                inbox -> Faults.of(UpdateInbox.class, inbox).transientOn("store", 1).port()));

        PollOutcome failed = process.poller().pollOnce();
        int heldAfterTheFailure = bot.telegram.pendingUpdates();
        int storedAfterTheFailure = bot.inbox.all().size();
        PollOutcome retried = process.poller().pollOnce();
        process.drain();
        PollOutcome confirming = process.poller().pollOnce();

        assertThat(failed).isInstanceOf(PollOutcome.BackedOff.class);
        assertThat(heldAfterTheFailure).as("updates Telegram still holds after the failed write").isEqualTo(3);
        assertThat(storedAfterTheFailure).isZero();
        assertThat(retried).isEqualTo(new PollOutcome.Received(3, 3));
        assertThat(confirming).isEqualTo(PollOutcome.IDLE);
        assertThat(bot.telegram.getUpdatesOffsets())
                .containsExactly(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(4));
        everyQuestionStoredAndAnsweredOnce();
        everythingConfirmedAtTelegram();
    }

    @Test
    void storesRedeliveredAndNewUpdatesOfOneBatchAfterACrashOnce() throws InterruptedException {
        customersAsk();
        dieAt(CrashPoint.AFTER_THE_INBOX_WRITE_BEFORE_CONFIRMING);
        long late = bot.telegram.customerWrites(BEN, "and the price of the Starter plan?");

        PollingBot.Process restarted = bot.start();
        PollOutcome outcome = restarted.poller().pollOnce();
        restarted.drain();

        assertThat(late).isEqualTo(4);
        assertThat(outcome).isEqualTo(new PollOutcome.Received(4, 1));
        assertThat(bot.inbox.all()).extracting(InboxEntry::key).containsExactly(key(1), key(2), key(3), key(4));
        assertThat(repliesTo(BEN)).containsExactly(EXPORT, PRICING);
        assertThat(restarted.poller().nextOffset()).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void aCleanStopConfirmsTheStoredBatchSoTheNextStartFetchesNothingAgain() throws InterruptedException {
        customersAsk();
        PollingBot.Process first = bot.start();
        first.poller().pollOnce();
        first.drain();

        first.poller().confirmStored();
        PollingBot.Process next = bot.start();
        PollOutcome afterRestart = next.poller().pollOnce();

        assertThat(afterRestart).isEqualTo(PollOutcome.IDLE);
        assertThat(bot.telegram.getUpdatesOffsets().getLast()).isEmpty();
        assertThat(repliesTo(ANA)).containsExactly(PRICING, REFUNDS);
        everythingConfirmedAtTelegram();
    }

    @Test
    void withoutACleanStopTheNextStartFetchesTheLastBatchAgainAndHandlesNothingTwice() throws InterruptedException {
        customersAsk();
        PollingBot.Process first = bot.start();
        first.poller().pollOnce();
        first.drain();

        PollingBot.Process next = bot.start();
        PollOutcome afterRestart = next.poller().pollOnce();
        next.drain();

        assertThat(afterRestart).isEqualTo(new PollOutcome.Received(3, 0));
        assertThat(repliesTo(ANA)).containsExactly(PRICING, REFUNDS);
        assertThat(repliesTo(BEN)).containsExactly(EXPORT);
    }
}
