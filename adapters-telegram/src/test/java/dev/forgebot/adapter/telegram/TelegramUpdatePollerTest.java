package dev.forgebot.adapter.telegram;

import static dev.forgebot.adapter.telegram.ScriptedTelegramApi.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.forgebot.adapter.telegram.ScriptedTelegramApi.GetUpdatesCall;
import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.application.fake.Faults;
import dev.forgebot.application.fake.InMemoryUpdateInbox;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The poller against the in-memory Bot API and inbox: no threads, no clock, waits recorded. */
class TelegramUpdatePollerTest {

    private static final PollerSettings SETTINGS = PollerSettings.defaults();

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final ScriptedTelegramApi telegram = new ScriptedTelegramApi();
    private final InMemoryUpdateInbox inbox = new InMemoryUpdateInbox();
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = waits::add;
    private final Deque<Double> jitterValues = new ArrayDeque<>();
    private final DoubleSupplier jitter = () -> jitterValues.isEmpty() ? 0.5 : jitterValues.poll();

    /** The application's intake reduced to its contract: one inbox write per batch, new keys counted. */
    private HandleInboundMessage intakeOn(UpdateInbox store) {
        return events -> store.store(events, clock.instant()).size();
    }

    private TelegramUpdatePoller poller(HandleInboundMessage intake) {
        return new TelegramUpdatePoller(telegram, intake, new TelegramUpdateMapper(new ChatMigrations(), clock), SETTINGS,
                sleeper, jitter);
    }

    private TelegramUpdatePoller poller() {
        return poller(intakeOn(inbox));
    }

    private List<String> storedKeys() {
        return inbox.all().stream().map(InboxEntry::key).map(InboundKey::externalId).toList();
    }

    // ---- the happy path and the offset ----------------------------------------------------------

    @Test
    void storesABatchThenMovesTheOffsetPastItAndTheNextPollConfirmsIt() throws InterruptedException {
        telegram.push(TestUpdates.text(10, 42, "a"), TestUpdates.text(11, 43, "b"), TestUpdates.text(12, 42, "c"));
        TelegramUpdatePoller poller = poller();

        PollOutcome first = poller.pollOnce();

        assertThat(first).isEqualTo(new PollOutcome.Received(3, 3));
        assertThat(storedKeys()).containsExactly("10", "11", "12");
        assertThat(poller.nextOffset()).isEqualTo(OptionalLong.of(13));
        assertThat(telegram.pendingIds()).as("nothing confirmed on fetch").containsExactly(10L, 11L, 12L);

        PollOutcome second = poller.pollOnce();

        assertThat(second).isEqualTo(PollOutcome.IDLE);
        assertThat(telegram.pendingIds()).isEmpty();
        assertThat(telegram.getUpdatesCalls()).extracting(GetUpdatesCall::offset)
                .containsExactly(OptionalLong.empty(), OptionalLong.of(13));
    }

    @Test
    void asksForTheConfiguredLimitTimeoutAndUpdateTypesOnEveryPoll() throws InterruptedException {
        TelegramUpdatePoller poller = poller();

        poller.pollOnce();
        poller.pollOnce();

        assertThat(telegram.getUpdatesCalls()).hasSize(2).allSatisfy(call -> {
            assertThat(call.limit()).isEqualTo(100);
            assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(25));
            assertThat(call.allowedUpdates())
                    .containsExactly("message", "edited_message", "callback_query", "my_chat_member");
        });
    }

    @Test
    void movesTheOffsetOnlyAfterTheInboxWriteReturned() throws InterruptedException {
        telegram.push(TestUpdates.text(20, 42, "a"), TestUpdates.text(21, 42, "b"));
        List<OptionalLong> offsetDuringWrite = new ArrayList<>();
        TelegramUpdatePoller[] self = new TelegramUpdatePoller[1];
        HandleInboundMessage store = intakeOn(inbox);
        self[0] = poller(events -> {
            offsetDuringWrite.add(self[0].nextOffset());
            return store.receive(events);
        });

        self[0].pollOnce();

        assertThat(offsetDuringWrite).containsExactly(OptionalLong.empty());
        assertThat(self[0].nextOffset()).isEqualTo(OptionalLong.of(22));
    }

    @Test
    void storesABatchInOneInboxWrite() throws InterruptedException {
        telegram.push(TestUpdates.text(1, 42, "a"), TestUpdates.text(2, 43, "b"), TestUpdates.text(3, 44, "c"));
        List<Integer> batchSizes = new ArrayList<>();
        HandleInboundMessage store = intakeOn(inbox);

        poller(events -> {
            batchSizes.add(events.size());
            return store.receive(events);
        }).pollOnce();

        assertThat(batchSizes).containsExactly(3);
    }

    @Test
    void storesUpdatesThatComeBackAfterARestartAgainAndTheInboxKeepsOneOfEach() throws InterruptedException {
        telegram.push(TestUpdates.text(30, 42, "a"), TestUpdates.text(31, 42, "b"));
        poller().pollOnce();
        telegram.push(TestUpdates.text(32, 42, "c"));

        PollOutcome afterRestart = poller().pollOnce();

        assertThat(afterRestart).isEqualTo(new PollOutcome.Received(3, 1));
        assertThat(storedKeys()).containsExactly("30", "31", "32");
    }

    // ---- the inbox fails ------------------------------------------------------------------------

    @Test
    void confirmsNothingWhenTheInboxCannotBeWrittenAndStoresTheSameBatchOnceLater() throws InterruptedException {
        telegram.push(TestUpdates.text(40, 42, "a"), TestUpdates.text(41, 43, "b"));
        Faults<UpdateInbox> faults = Faults.of(UpdateInbox.class, (UpdateInbox) inbox).transientOn("store", 1);
        TelegramUpdatePoller poller = poller(intakeOn(faults.port()));

        PollOutcome failed = poller.pollOnce();

        assertThat(failed).isInstanceOf(PollOutcome.BackedOff.class);
        assertThat(waits).containsExactly(((PollOutcome.BackedOff) failed).waited());
        assertThat(poller.nextOffset()).isEmpty();
        assertThat(inbox.all()).isEmpty();

        PollOutcome retried = poller.pollOnce();
        poller.pollOnce();

        assertThat(retried).isEqualTo(new PollOutcome.Received(2, 2));
        assertThat(telegram.getUpdatesCalls()).extracting(GetUpdatesCall::offset)
                .containsExactly(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(42));
        assertThat(storedKeys()).containsExactly("40", "41");
        assertThat(telegram.pendingIds()).isEmpty();
    }

    @Test
    void keepsTheBatchWhenTheInboxCommittedButItsAnswerWasLostAndStoresItOnce() throws InterruptedException {
        telegram.push(TestUpdates.text(50, 42, "a"), TestUpdates.text(51, 43, "b"));
        Faults<UpdateInbox> faults = Faults.of(UpdateInbox.class, (UpdateInbox) inbox).lostAnswerOn("store", 1);
        TelegramUpdatePoller poller = poller(intakeOn(faults.port()));

        PollOutcome failed = poller.pollOnce();
        PollOutcome retried = poller.pollOnce();

        assertThat(failed).isInstanceOf(PollOutcome.BackedOff.class);
        assertThat(retried).isEqualTo(new PollOutcome.Received(2, 0));
        assertThat(storedKeys()).containsExactly("50", "51");
        assertThat(poller.nextOffset()).isEqualTo(OptionalLong.of(52));
    }

    @Test
    void treatsAPermanentInboxFailureLikeATransientOneAndConfirmsNothing() throws InterruptedException {
        telegram.push(TestUpdates.text(55, 42, "a"));
        Faults<UpdateInbox> faults = Faults.of(UpdateInbox.class, (UpdateInbox) inbox).permanentOn("store", 1);
        TelegramUpdatePoller poller = poller(intakeOn(faults.port()));

        PollOutcome failed = poller.pollOnce();

        assertThat(failed).isInstanceOf(PollOutcome.BackedOff.class);
        assertThat(poller.nextOffset()).isEmpty();
        assertThat(telegram.pendingIds()).containsExactly(55L);
    }

    // ---- Telegram refuses or is away ------------------------------------------------------------

    static Stream<Arguments> fatalRefusals() {
        return Stream.of(
                Arguments.of(refusal("getUpdates", 401, "Unauthorized"), "the bot token is wrong: Telegram answered 401 Unauthorized"),
                Arguments.of(refusal("getUpdates", 404, "Not Found"), "404"),
                Arguments.of(refusal("getUpdates", 409,
                        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
                        "Telegram refused getUpdates (409): a webhook is set or another instance is polling this bot"),
                Arguments.of(refusal("getUpdates", 409,
                        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
                        "terminated by other getUpdates request"));
    }

    @ParameterizedTest
    @MethodSource("fatalRefusals")
    void stopsOnAWrongTokenWrongUrlOrConflictWithoutEverDeletingTheWebhook(TelegramApiException refusal, String reason)
            throws InterruptedException {
        telegram.push(TestUpdates.text(60, 42, "a")).failNext("getUpdates", refusal);
        TelegramUpdatePoller poller = poller();

        PollOutcome outcome = poller.pollOnce();

        assertThat(outcome).isInstanceOf(PollOutcome.Fatal.class);
        assertThat(((PollOutcome.Fatal) outcome).reason()).contains(reason);
        assertThat(telegram.calledMethods()).containsExactly("getUpdates").doesNotContain("deleteWebhook");
        assertThat(waits).isEmpty();
        assertThat(inbox.all()).isEmpty();
        assertThat(telegram.pendingIds()).containsExactly(60L);
    }

    @Test
    void namesTheConflictTelegramReportedInTheFatalReason() throws InterruptedException {
        telegram.failNext("getUpdates", refusal("getUpdates", 409, "Conflict: terminated by setWebhook request"));

        PollOutcome outcome = poller().pollOnce();

        assertThat(((PollOutcome.Fatal) outcome).reason()).endsWith("Conflict: terminated by setWebhook request");
    }

    @Test
    void logsAFatalRefusalAtErrorAndEachBackoffAtWarn() throws InterruptedException {
        jitterValues.add(0.0);
        telegram.failNext("getUpdates", transientFailure(0))
                .failNext("getUpdates", refusal("getUpdates", 401, "Unauthorized"));
        TelegramUpdatePoller poller = poller();

        try (LogLines logs = LogLines.of(TelegramUpdatePoller.class)) {
            poller.pollOnce();
            poller.pollOnce();

            assertThat(logs.at(Level.WARN)).singleElement().asString()
                    .contains("attempt=1", "wait=PT0.5S", "offset=none", "502 Bad Gateway");
            assertThat(logs.at(Level.ERROR)).singleElement().asString()
                    .contains("polling stopped", "the bot token is wrong");
        }
    }

    @Test
    void waitsTheRetryAfterTelegramAsksForOnFloodControl() throws InterruptedException {
        telegram.push(TestUpdates.text(70, 42, "a")).failNext("getUpdates",
                new TelegramApiException("getUpdates", 429, "Too Many Requests: retry after 7", Duration.ofSeconds(7), null,
                        false));
        TelegramUpdatePoller poller = poller();

        PollOutcome outcome = poller.pollOnce();

        assertThat(outcome).isEqualTo(new PollOutcome.BackedOff(Duration.ofSeconds(7)));
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(poller.pollOnce()).isEqualTo(new PollOutcome.Received(1, 1));
    }

    @Test
    void backsOffExponentiallyOnFloodControlWithoutRetryAfter() throws InterruptedException {
        jitterValues.add(0.0);
        telegram.failNext("getUpdates", refusal("getUpdates", 429, "Too Many Requests"));

        PollOutcome outcome = poller().pollOnce();

        assertThat(outcome).isEqualTo(new PollOutcome.BackedOff(Duration.ofMillis(500)));
    }

    private static RuntimeException transientFailure(int i) {
        return switch (i % 3) {
            case 0 -> refusal("getUpdates", 502, "Bad Gateway");
            case 1 -> new TelegramApiException("getUpdates", 503, "unreadable body (text/html)", null, null, true);
            default -> new TelegramUnreachableException("getUpdates", true, "read timed out");
        };
    }

    private List<Duration> failTimes(TelegramUpdatePoller poller, int times) throws InterruptedException {
        List<Duration> waited = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            telegram.failNext("getUpdates", transientFailure(i));
            PollOutcome outcome = poller.pollOnce();
            assertThat(outcome).isInstanceOf(PollOutcome.BackedOff.class);
            waited.add(((PollOutcome.BackedOff) outcome).waited());
        }
        return waited;
    }

    @Test
    void doublesTheWaitOnServerErrorsFromHalfTheFirstStepWithTheLowestJitter() throws InterruptedException {
        for (int i = 0; i < 8; i++) {
            jitterValues.add(0.0);
        }
        TelegramUpdatePoller poller = poller();

        List<Duration> waited = failTimes(poller, 8);

        assertThat(waited).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        assertThat(waits).isEqualTo(waited);
        assertThat(poller.nextOffset()).isEmpty();
    }

    @Test
    void doublesTheWaitOnServerErrorsUpToTheCapWithTheHighestJitter() throws InterruptedException {
        for (int i = 0; i < 8; i++) {
            jitterValues.add(0.999_999);
        }

        List<Duration> waited = failTimes(poller(), 8);

        assertThat(waited).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(60),
                Duration.ofSeconds(60));
    }

    @Test
    void spreadsEachWaitWithinTheUpperHalfOfItsStep() throws InterruptedException {
        jitterValues.addAll(List.of(0.25, 0.5, 0.75));

        List<Duration> waited = failTimes(poller(), 3);

        assertThat(waited).containsExactly(Duration.ofMillis(625), Duration.ofMillis(1_500), Duration.ofMillis(3_500));
    }

    @Test
    void startsTheBackoffAgainAfterASuccessfulPoll() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            jitterValues.add(0.0);
        }
        TelegramUpdatePoller poller = poller();
        failTimes(poller, 3);

        assertThat(poller.pollOnce()).isEqualTo(PollOutcome.IDLE);
        List<Duration> afterSuccess = failTimes(poller, 1);

        assertThat(afterSuccess).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void backsOffOnAnUnexpectedRefusalInsteadOfStopping() throws InterruptedException {
        jitterValues.add(0.0);
        telegram.failNext("getUpdates", refusal("getUpdates", 400, "Bad Request: something new"));

        PollOutcome outcome = poller().pollOnce();

        assertThat(outcome).isEqualTo(new PollOutcome.BackedOff(Duration.ofMillis(500)));
    }

    @Test
    void passesAnInterruptDuringTheBackoffOnWithoutConfirmingAnything() {
        telegram.push(TestUpdates.text(75, 42, "a")).failNext("getUpdates", transientFailure(0));
        TelegramUpdatePoller poller = new TelegramUpdatePoller(telegram, intakeOn(inbox),
                new TelegramUpdateMapper(new ChatMigrations(), clock), SETTINGS, duration -> {
                    throw new InterruptedException("stopping");
                }, jitter);

        assertThatThrownBy(poller::pollOnce).isInstanceOf(InterruptedException.class);
        assertThat(poller.nextOffset()).isEmpty();
    }

    // ---- one batch, many kinds ------------------------------------------------------------------

    @Test
    void storesAMalformedUpdateAsSkippedAndGoesOnWithTheRestOfTheBatch() throws InterruptedException {
        telegram.push(TestUpdates.text(80, 42, "a"), new ReceivedUpdate.Malformed(81, "MismatchedInputException"),
                TestUpdates.text(82, 43, "b"));
        TelegramUpdatePoller poller = poller();

        PollOutcome outcome = poller.pollOnce();

        assertThat(outcome).isEqualTo(new PollOutcome.Received(3, 3));
        assertThat(inbox.all()).extracting(InboxEntry::event)
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("ChatMessage", "Unsupported", "ChatMessage");
        assertThat(((InboundEvent.Unsupported) inbox.all().get(1).event()).kind()).isEqualTo("malformed");
        assertThat(poller.nextOffset()).isEqualTo(OptionalLong.of(83));
    }

    @Test
    void answersEveryCallbackQueryOnlyAfterTheBatchIsStored() throws InterruptedException {
        telegram.push(TestUpdates.callback(90, 42, "cbq-a", "/human"), TestUpdates.text(91, 42, "hi"),
                TestUpdates.callback(92, 43, "cbq-b", "yes"));
        List<List<String>> answeredDuringWrite = new ArrayList<>();
        HandleInboundMessage store = intakeOn(inbox);

        poller(events -> {
            answeredDuringWrite.add(telegram.answeredCallbacks());
            return store.receive(events);
        }).pollOnce();

        assertThat(answeredDuringWrite).containsExactly(List.of());
        assertThat(telegram.answeredCallbacks()).containsExactly("cbq-a", "cbq-b");
    }

    @Test
    void answersNoCallbackQueryOfABatchTheInboxRefused() throws InterruptedException {
        telegram.push(TestUpdates.callback(93, 42, "cbq-c", "/human"));
        Faults<UpdateInbox> faults = Faults.of(UpdateInbox.class, (UpdateInbox) inbox).transientOn("store", 1);
        TelegramUpdatePoller poller = poller(intakeOn(faults.port()));

        poller.pollOnce();

        assertThat(telegram.answeredCallbacks()).isEmpty();
        poller.pollOnce();
        assertThat(telegram.answeredCallbacks()).containsExactly("cbq-c");
    }

    @Test
    void goesOnWhenAnsweringACallbackQueryFails() throws InterruptedException {
        telegram.push(TestUpdates.callback(95, 42, "cbq-old", "/human"), TestUpdates.callback(96, 43, "cbq-new", "yes"))
                .failNext("answerCallbackQuery", refusal("answerCallbackQuery", 400,
                        "Bad Request: query is too old and response timeout expired or query ID is invalid"));
        TelegramUpdatePoller poller = poller();

        PollOutcome outcome = poller.pollOnce();

        assertThat(outcome).isEqualTo(new PollOutcome.Received(2, 2));
        assertThat(telegram.answeredCallbacks()).containsExactly("cbq-new");
        assertThat(poller.nextOffset()).isEqualTo(OptionalLong.of(97));
        assertThat(waits).isEmpty();
    }

    // ---- a clean stop ---------------------------------------------------------------------------

    @Test
    void confirmsWhatWasStoredWithOneLastImmediatePollWhoseUpdatesStayAtTelegram() throws InterruptedException {
        telegram.push(TestUpdates.text(100, 42, "a"), TestUpdates.text(101, 42, "b"));
        TelegramUpdatePoller poller = poller();
        poller.pollOnce();
        telegram.push(TestUpdates.text(102, 43, "arrived while stopping"));
        int callsBefore = telegram.getUpdatesCalls().size();

        boolean confirmed = poller.confirmStored();

        assertThat(confirmed).isTrue();
        List<GetUpdatesCall> calls = telegram.getUpdatesCalls();
        assertThat(calls).hasSize(callsBefore + 1);
        GetUpdatesCall last = calls.getLast();
        assertThat(last.offset()).isEqualTo(OptionalLong.of(102));
        assertThat(last.timeout()).isEqualTo(Duration.ZERO);
        assertThat(last.limit()).isEqualTo(1);
        assertThat(storedKeys()).containsExactly("100", "101");
        assertThat(telegram.pendingIds()).containsExactly(102L);
        assertThat(poller.nextOffset()).isEqualTo(OptionalLong.of(102));
    }

    @Test
    void confirmsNothingWhenNothingWasStoredSinceTheLastPoll() throws InterruptedException {
        telegram.push(TestUpdates.text(110, 42, "a"));
        TelegramUpdatePoller poller = poller();
        poller.pollOnce();
        poller.pollOnce();
        int callsBefore = telegram.getUpdatesCalls().size();

        assertThat(poller.confirmStored()).isFalse();
        assertThat(poller().confirmStored()).isFalse();
        assertThat(telegram.getUpdatesCalls()).hasSize(callsBefore);
    }

    @Test
    void reportsAFailedConfirmationSoTheNextStartFetchesTheBatchAgain() throws InterruptedException {
        telegram.push(TestUpdates.text(120, 42, "a"));
        TelegramUpdatePoller poller = poller();
        poller.pollOnce();
        telegram.failNext("getUpdates", new TelegramUnreachableException("getUpdates", false, "connection refused"));

        assertThat(poller.confirmStored()).isFalse();
        assertThat(telegram.pendingIds()).containsExactly(120L);
        assertThat(poller().pollOnce()).isEqualTo(new PollOutcome.Received(1, 0));
    }
}
