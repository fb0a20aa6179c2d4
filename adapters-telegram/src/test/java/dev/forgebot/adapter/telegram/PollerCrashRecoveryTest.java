package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.adapter.telegram.PollingBot.Setup;
import dev.forgebot.adapter.telegram.PollingBot.SimulatedCrash;
import dev.forgebot.application.fake.ManualTasks;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.lead.ChatId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Telegram intake end to end (poller → inbox → dispatcher → standard pipeline → messenger) on
 * in-memory fakes, with the process dying at each point between Telegram's delivery and the entry
 * being marked handled, and a fresh process started over the same stores and the same Telegram.
 * Every update must be stored once and every question answered once, except the one duplicate
 * design.md accepts: a reply sent just before the process died, not yet recorded, goes out again.
 */
class PollerCrashRecoveryTest {

    private static final long ANA = 42;
    private static final long BEN = 43;
    private static final ChatId ANA_CHAT = new ChatId(ANA);
    private static final ChatId BEN_CHAT = new ChatId(BEN);
    private static final String PRICING = "Pricing plans";
    private static final String EXPORT = "Exporting your data";
    private static final String REFUNDS = "Refunds";

    private final PollingBot bot = new PollingBot();

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

    private void customersAsk() {
        bot.telegram.push(
                TestUpdates.text(1, ANA, "How much does the Pro plan cost per month?"),
                TestUpdates.text(2, BEN, "how do I export my data to csv?"),
                TestUpdates.text(3, ANA, "Can I get a refund, my money back?"));
    }

    private List<String> repliesTo(ChatId chat) {
        return bot.messenger.sentTo(chat).stream().map(OutboundMessage::text)
                .map(text -> text.startsWith(PRICING) ? PRICING : text.startsWith(EXPORT) ? EXPORT
                        : text.startsWith(REFUNDS) ? REFUNDS : text)
                .toList();
    }

    private Map<InboundKey, Long> recorded(Direction direction) {
        return bot.conversations.all().stream().filter(m -> m.direction() == direction)
                .collect(Collectors.groupingBy(Message::inboundKey, Collectors.counting()));
    }

    private static InboundKey key(long updateId) {
        return new InboundKey("telegram", Long.toString(updateId));
    }

    /** Runs the first process until it dies at {@code point}. */
    private void dieAt(CrashPoint point) throws InterruptedException {
        switch (point) {
            case AFTER_FETCH_BEFORE_THE_INBOX_WRITE -> {
                PollingBot.Process dying = bot.start(Setup.plain().withIntake(
                        intake -> PollingBot.crashing(HandleInboundMessage.class, intake, "receive", false)));
                assertThatThrownBy(dying.poller()::pollOnce).isInstanceOf(SimulatedCrash.class);
                assertThat(bot.inbox.all()).isEmpty();
            }
            case AFTER_THE_INBOX_WRITE_BEFORE_CONFIRMING -> {
                PollingBot.Process dying = bot.start(Setup.plain().withIntake(
                        intake -> PollingBot.crashing(HandleInboundMessage.class, intake, "receive", true)));
                assertThatThrownBy(dying.poller()::pollOnce).isInstanceOf(SimulatedCrash.class);
                assertThat(bot.inbox.all()).hasSize(3);
                assertThat(dying.poller().nextOffset()).isEmpty();
            }
            case AFTER_CONFIRMING_BEFORE_HANDLING -> {
                PollingBot.Process dying = bot.start();
                assertThat(dying.poller().pollOnce()).isEqualTo(new PollOutcome.Received(3, 3));
                assertThat(dying.poller().pollOnce()).isEqualTo(PollOutcome.IDLE);
                assertThat(bot.telegram.pendingIds()).as("confirmed at Telegram").isEmpty();
                // Dies here: the dispatcher's tasks never run.
            }
            case AFTER_SENDING_BEFORE_RECORDING_THE_REPLY -> dieWhileHandling(Setup.plain().withMessenger(
                    messenger -> PollingBot.crashing(Messenger.class, messenger, "send", true)));
            case AFTER_HANDLING_BEFORE_MARKING_HANDLED -> dieWhileHandling(Setup.plain().withInbox(
                    inbox -> PollingBot.crashing(UpdateInbox.class, inbox, "markHandled", false)));
        }
    }

    private void dieWhileHandling(Setup setup) throws InterruptedException {
        PollingBot.Process dying = bot.start(setup);
        assertThat(dying.poller().pollOnce()).isEqualTo(new PollOutcome.Received(3, 3));
        // One round of the tasks the write woke: each chat's task dies at the planted point. (Draining
        // would start them again and again: the entries stay pending, as a dead process leaves them.)
        ((ManualTasks) dying.tasks()).runAll();
        assertThat(((ManualTasks) dying.tasks()).failures()).isNotEmpty().allSatisfy(
                failure -> assertThat(failure).isInstanceOf(SimulatedCrash.class));
        assertThat(bot.inbox.pendingCount()).isEqualTo(3);
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
            assertThat(repliesTo(ANA_CHAT)).containsExactly(PRICING, PRICING, REFUNDS);
            assertThat(repliesTo(BEN_CHAT)).containsExactly(EXPORT, EXPORT);
        } else {
            assertThat(repliesTo(ANA_CHAT)).containsExactly(PRICING, REFUNDS);
            assertThat(repliesTo(BEN_CHAT)).containsExactly(EXPORT);
        }
        assertThat(bot.telegram.pendingIds()).as("everything confirmed at Telegram in the end").isEmpty();
    }

    @Test
    void storesRedeliveredAndNewUpdatesOfOneBatchAfterACrashOnce() throws InterruptedException {
        customersAsk();
        dieAt(CrashPoint.AFTER_THE_INBOX_WRITE_BEFORE_CONFIRMING);
        bot.telegram.push(TestUpdates.text(4, BEN, "and the price of the Starter plan?"));

        PollingBot.Process restarted = bot.start();
        PollOutcome outcome = restarted.poller().pollOnce();
        restarted.drain();

        assertThat(outcome).isEqualTo(new PollOutcome.Received(4, 1));
        assertThat(bot.inbox.all()).extracting(InboxEntry::key).containsExactly(key(1), key(2), key(3), key(4));
        assertThat(repliesTo(BEN_CHAT)).containsExactly(EXPORT, PRICING);
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
        assertThat(bot.telegram.getUpdatesCalls().getLast().offset()).isEmpty();
        assertThat(repliesTo(ANA_CHAT)).containsExactly(PRICING, REFUNDS);
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
        assertThat(repliesTo(ANA_CHAT)).containsExactly(PRICING, REFUNDS);
        assertThat(repliesTo(BEN_CHAT)).containsExactly(EXPORT);
    }
}
