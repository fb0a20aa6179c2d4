package dev.forgebot.application.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.fake.InMemoryUpdateInbox;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.fake.RecordingMessenger;
import dev.forgebot.application.fake.ManualTasks;
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher over the in-memory inbox, with scripted pipelines. Background tasks run on the
 * test's thread when the test says so, and time only moves when the test moves the clock; the
 * parallel cases are in {@code InboxDispatcherIT}.
 */
class InboxDispatcherTest {

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final InMemoryUpdateInbox inbox = new InMemoryUpdateInbox();
    private final ManualTasks tasks = new ManualTasks();
    private final RecordingMessenger messenger = new RecordingMessenger();
    private final BotTexts texts = BotTexts.english();

    private InboxDispatcher dispatcher(DispatcherSettings settings, PipelineStep... steps) {
        return new InboxDispatcher(inbox, new MessagePipeline(List.of(steps), tasks, clock), tasks, messenger, texts, clock,
                settings);
    }

    private InboxDispatcher dispatcher(PipelineStep... steps) {
        return dispatcher(DispatcherSettings.defaults(), steps);
    }

    private static ChatMessage message(long chat, long id) {
        return ChatMessage.text(new InboundKey("test", Long.toString(id)), new ChatId(chat),
                new InboundEvent.Sender(new CustomerId(chat), "c" + chat), "message " + id,
                java.time.Instant.parse("2026-11-01T09:00:00Z"));
    }

    private void store(List<ChatMessage> events) {
        inbox.store(events, clock.instant());
    }

    /** Runs passes and their tasks until a pass starts nothing. */
    private void drain(InboxDispatcher dispatcher) {
        tasks.runAll();
        while (dispatcher.dispatchOnce() > 0) {
            tasks.runAll();
        }
    }

    @Test
    void resumesEntriesLeftPendingByACrash() {
        store(List.of(message(1, 1), message(1, 2), message(2, 3)));
        PipelineStep crashOnSecond = context -> {
            if (context.entry().key().externalId().equals("2")) {
                throw new SimulatedCrash();
            }
            return StepOutcome.CONTINUE;
        };
        dispatcher(crashOnSecond).dispatchOnce();
        tasks.runAll();
        assertThat(inbox.find(new InboundKey("test", "2")).orElseThrow().state()).isEqualTo(InboxState.PENDING);

        List<String> handledAfterRestart = new CopyOnWriteArrayList<>();
        InboxDispatcher restarted = dispatcher(context -> {
            handledAfterRestart.add(context.entry().key().externalId());
            return StepOutcome.CONTINUE;
        });
        drain(restarted);

        assertThat(handledAfterRestart).containsExactly("2");
        assertThat(inbox.all()).extracting(InboxEntry::state).containsOnly(InboxState.HANDLED);
    }

    @Test
    void leavesAnEntryPendingAfterATransientFailureAndRetriesItAfterTheBackoff() {
        store(List.of(message(1, 1), message(1, 2)));
        AtomicInteger calls = new AtomicInteger();
        List<String> order = new CopyOnWriteArrayList<>();
        InboxDispatcher dispatcher = dispatcher(context -> {
            order.add(context.entry().key().externalId());
            if (context.entry().key().externalId().equals("1") && calls.incrementAndGet() == 1) {
                throw new TransientStorageException("leads.find", "503 from the store");
            }
            return StepOutcome.CONTINUE;
        });

        dispatcher.dispatchOnce();
        tasks.runAll();
        InboxEntry waiting = inbox.find(new InboundKey("test", "1")).orElseThrow();

        assertThat(waiting.state()).isEqualTo(InboxState.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.notBefore()).isEqualTo(clock.instant().plus(DispatcherSettings.defaults().backoffAfter(1)));
        assertThat(waiting.lastError()).hasValueSatisfying(e -> assertThat(e).contains("503"));
        assertThat(order).as("the second entry of the chat waits behind the first").containsExactly("1");

        dispatcher.dispatchOnce();
        tasks.runAll();
        assertThat(order).as("not retried before the backoff ends").containsExactly("1");

        clock.advance(DispatcherSettings.defaults().backoffAfter(1));
        drain(dispatcher);

        assertThat(order).containsExactly("1", "1", "2");
        assertThat(inbox.all()).extracting(InboxEntry::state).containsOnly(InboxState.HANDLED);
        assertThat(messenger.sent()).as("no apology for a failure that healed").isEmpty();
    }

    @Test
    void deadLettersAPermanentFailureWithExactlyOneApology() {
        store(List.of(message(1, 1), message(1, 2)));
        List<String> handled = new CopyOnWriteArrayList<>();
        InboxDispatcher dispatcher = dispatcher(context -> {
            if (context.entry().key().externalId().equals("1")) {
                throw new PermanentStorageException("leads.create", "400 bad column");
            }
            handled.add(context.entry().key().externalId());
            return StepOutcome.CONTINUE;
        });

        drain(dispatcher);

        InboxEntry dead = inbox.find(new InboundKey("test", "1")).orElseThrow();
        assertThat(dead.state()).isEqualTo(InboxState.DEAD);
        assertThat(dead.lastError()).hasValueSatisfying(e -> assertThat(e).contains("400 bad column"));
        assertThat(messenger.sentTo(new ChatId(1))).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo(texts.apology()));
        assertThat(handled).as("a dead entry does not hold back the chat").containsExactly("2");
    }

    @Test
    void deadLettersAfterTheLastAllowedAttemptWithExactlyOneApology() {
        DispatcherSettings settings = new DispatcherSettings(100, 100, 3, Duration.ofSeconds(1), Duration.ofSeconds(4));
        store(List.of(message(1, 1)));
        AtomicInteger attempts = new AtomicInteger();
        InboxDispatcher dispatcher = dispatcher(settings, context -> {
            attempts.incrementAndGet();
            throw new TransientStorageException("leads.find", "connection refused");
        });

        for (int i = 0; i < 10; i++) {
            dispatcher.dispatchOnce();
            tasks.runAll();
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(attempts).hasValue(3);
        InboxEntry dead = inbox.find(new InboundKey("test", "1")).orElseThrow();
        assertThat(dead.state()).isEqualTo(InboxState.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(messenger.sent()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo(texts.apology()));
    }

    @Test
    void deadLettersAnUnexpectedExceptionInsteadOfLoopingOnIt() {
        store(List.of(message(1, 1)));
        InboxDispatcher dispatcher = dispatcher(context -> {
            throw new IllegalStateException("a bug");
        });

        drain(dispatcher);

        assertThat(inbox.find(new InboundKey("test", "1")).orElseThrow().state()).isEqualTo(InboxState.DEAD);
        assertThat(messenger.sent()).hasSize(1);
    }

    @Test
    void aStepAskingToRetryLaterWaitsAtLeastAsLongAsItAsked() {
        store(List.of(message(1, 1)));
        AtomicInteger calls = new AtomicInteger();
        InboxDispatcher dispatcher = dispatcher(context -> calls.incrementAndGet() == 1
                ? new StepOutcome.RetryLater(Duration.ofSeconds(30), "rate limited")
                : StepOutcome.CONTINUE);

        dispatcher.dispatchOnce();
        tasks.runAll();

        assertThat(inbox.find(new InboundKey("test", "1")).orElseThrow().notBefore())
                .isEqualTo(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        drain(dispatcher);
        assertThat(calls).hasValue(2);
    }

    @Test
    void neverHoldsMoreEntriesInMemoryThanItsBound() {
        int bound = 25;
        DispatcherSettings settings = new DispatcherSettings(100, bound, 5, Duration.ofSeconds(1), Duration.ofSeconds(1));
        List<ChatMessage> events = new ArrayList<>();
        for (long i = 1; i <= 2_000; i++) {
            events.add(message(1 + i % 200, i));
        }
        store(events);
        AtomicInteger maxHeld = new AtomicInteger();
        InboxDispatcher[] self = new InboxDispatcher[1];
        self[0] = dispatcher(settings, context -> {
            maxHeld.accumulateAndGet(self[0].heldEntries(), Math::max);
            return StepOutcome.CONTINUE;
        });

        self[0].wake();
        drain(self[0]);

        assertThat(inbox.pendingCount()).isZero();
        assertThat(maxHeld.get()).isPositive().isLessThanOrEqualTo(bound);
        assertThat(self[0].heldEntries()).isZero();
        assertThat(self[0].runningChats()).isZero();
    }

    @Test
    void leavesEverythingPendingWhenTheExecutorIsShutDown() {
        store(List.of(message(1, 1)));
        tasks.shutDown();
        InboxDispatcher dispatcher = dispatcher(context -> StepOutcome.CONTINUE);

        assertThat(dispatcher.dispatchOnce()).isZero();

        assertThat(inbox.pendingCount()).isEqualTo(1);
        assertThat(dispatcher.runningChats()).isZero();
        assertThat(dispatcher.heldEntries()).isZero();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        DispatcherSettings settings = new DispatcherSettings(1, 1, 10, Duration.ofSeconds(2), Duration.ofSeconds(10));

        assertThat(List.of(1, 2, 3, 4, 40)).map(settings::backoffAfter).containsExactly(Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** Stands for the process dying mid-step: not an exception the dispatcher handles. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    // --- several instances on one inbox

    private InboxDispatcher instance(String id, PipelineStep... steps) {
        return new InboxDispatcher(inbox, new MessagePipeline(List.of(steps), tasks, clock), tasks, messenger, texts, clock,
                DispatcherSettings.defaults(), id);
    }

    @Test
    void twoInstancesOnOneInboxHandleEveryEntryOnceAndEachChatInOrder() {
        store(List.of(message(1, 1), message(2, 2), message(1, 3), message(3, 4), message(2, 5), message(1, 6)));
        List<String> handled = new CopyOnWriteArrayList<>();
        InboxDispatcher a = instance("instance-a", context -> {
            handled.add("a:" + context.entry().key().externalId());
            return StepOutcome.CONTINUE;
        });
        InboxDispatcher b = instance("instance-b", context -> {
            handled.add("b:" + context.entry().key().externalId());
            return StepOutcome.CONTINUE;
        });

        // Both passes see every chat pending and start a task for each before any of them runs.
        int startedByA = a.dispatchOnce();
        int startedByB = b.dispatchOnce();
        tasks.runAll();
        for (int round = 0; round < 5; round++) {
            clock.advance(InboxDispatcher.HOLD_BACK);
            a.dispatchOnce();
            b.dispatchOnce();
            tasks.runAll();
        }

        assertThat(startedByA).isEqualTo(3);
        assertThat(startedByB).isEqualTo(3);
        assertThat(handled).extracting(h -> h.substring(2)).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
        assertThat(handled.stream().map(h -> h.substring(2)).filter(List.of("1", "3", "6")::contains).toList())
                .containsExactly("1", "3", "6");
        assertThat(handled.stream().map(h -> h.substring(2)).filter(List.of("2", "5")::contains).toList())
                .containsExactly("2", "5");
        assertThat(inbox.all()).extracting(InboxEntry::state).containsOnly(InboxState.HANDLED);
    }

    @Test
    void anEntryClaimedByAnotherInstanceIsLeftAloneUntilTheClaimRunsOut() {
        store(List.of(message(1, 1), message(1, 2)));
        InboundKey first = new InboundKey("test", "1");
        inbox.claim(first, "instance-that-died", clock.instant().plus(InboxDispatcher.CLAIM_LEASE), clock.instant());
        List<String> handled = new CopyOnWriteArrayList<>();
        InboxDispatcher dispatcher = instance("instance-a", context -> {
            handled.add(context.entry().key().externalId());
            return StepOutcome.CONTINUE;
        });

        drain(dispatcher);
        clock.advance(InboxDispatcher.HOLD_BACK);
        drain(dispatcher);
        List<String> whileClaimed = List.copyOf(handled);
        clock.advance(InboxDispatcher.CLAIM_LEASE);
        drain(dispatcher);

        assertThat(whileClaimed).as("neither the claimed entry nor the one after it").isEmpty();
        assertThat(handled).containsExactly("1", "2");
    }

    @Test
    void aRestartedInstanceTakesItsOwnClaimsBackAtOnce() {
        store(List.of(message(1, 1)));
        inbox.claim(new InboundKey("test", "1"), "instance-a", clock.instant().plus(InboxDispatcher.CLAIM_LEASE),
                clock.instant());
        List<String> handled = new CopyOnWriteArrayList<>();

        drain(instance("instance-a", context -> {
            handled.add(context.entry().key().externalId());
            return StepOutcome.CONTINUE;
        }));

        assertThat(handled).containsExactly("1");
    }

    @Test
    void anEntryThatCannotBeClaimedNowIsTriedAgainLaterWithoutCountingAnAttempt() {
        store(List.of(message(1, 1)));
        InboundKey key = new InboundKey("test", "1");
        AtomicInteger claims = new AtomicInteger();
        InMemoryUpdateInbox flaky = new InMemoryUpdateInbox() {
            @Override
            public synchronized boolean claim(InboundKey k, String owner, java.time.Instant until, java.time.Instant now) {
                if (claims.incrementAndGet() == 1) {
                    throw new TransientStorageException("inbox.claim", "503 from the store");
                }
                return super.claim(k, owner, until, now);
            }
        };
        flaky.store(List.of(message(1, 1)), clock.instant());
        List<String> handled = new CopyOnWriteArrayList<>();
        InboxDispatcher dispatcher = new InboxDispatcher(flaky, new MessagePipeline(List.<PipelineStep>of(context -> {
            handled.add(context.entry().key().externalId());
            return StepOutcome.CONTINUE;
        }), tasks, clock), tasks, messenger, texts, clock, DispatcherSettings.defaults(), "instance-a");

        drain(dispatcher);
        List<String> first = List.copyOf(handled);
        clock.advance(InboxDispatcher.HOLD_BACK);
        drain(dispatcher);

        assertThat(first).isEmpty();
        assertThat(handled).containsExactly("1");
        assertThat(flaky.find(key).orElseThrow().attempts()).isZero();
        assertThat(flaky.find(key).orElseThrow().state()).isEqualTo(InboxState.HANDLED);
    }
}
