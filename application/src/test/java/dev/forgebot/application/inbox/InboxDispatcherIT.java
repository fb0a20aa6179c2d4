package dev.forgebot.application.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.fake.InMemoryUpdateInbox;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.fake.RecordingMessenger;
import dev.forgebot.application.fake.VirtualThreadTasks;
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dispatcher with chat tasks on real virtual threads: order, parallelism and the memory bound under load. */
class InboxDispatcherIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final InMemoryUpdateInbox inbox = new InMemoryUpdateInbox();
    private final VirtualThreadTasks tasks = new VirtualThreadTasks();
    private final RecordingMessenger messenger = new RecordingMessenger();

    private InboxDispatcher dispatcher(DispatcherSettings settings, PipelineStep step) {
        return new InboxDispatcher(inbox, new MessagePipeline(List.of(step), tasks, clock), tasks, messenger,
                BotTexts.english(), clock, settings);
    }

    private static ChatMessage message(long chat, long id) {
        return ChatMessage.text(new InboundKey("test", Long.toString(id)), new ChatId(chat),
                new InboundEvent.Sender(new CustomerId(chat), "c" + chat), "message " + id,
                Instant.parse("2026-11-01T09:00:00Z"));
    }

    /** Wakes the dispatcher and waits until the inbox is drained; a lost wake-up fails here. */
    private void wakeAndAwaitDrained(InboxDispatcher dispatcher) throws InterruptedException {
        dispatcher.wake();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (inbox.pendingCount() > 0 && System.nanoTime() < deadline) {
            tasks.awaitIdle(WAIT);
        }
        tasks.awaitIdle(WAIT);
    }

    @Test
    void keepsEachChatsOrderWhileHandling1000ChatsInParallel() throws InterruptedException {
        int chats = 1_000;
        int perChat = 5;
        List<ChatMessage> events = new ArrayList<>();
        long id = 0;
        for (int round = 0; round < perChat; round++) {
            for (long chat = 1; chat <= chats; chat++) {
                events.add(message(chat, ++id));
            }
        }
        inbox.store(events, clock.instant());
        Map<ChatId, List<Long>> seen = new ConcurrentHashMap<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        PipelineStep record = context -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            seen.computeIfAbsent(context.entry().chatId(), c -> new CopyOnWriteArrayList<>()).add(context.entry().sequence());
            Thread.yield();
            concurrent.decrementAndGet();
            return StepOutcome.CONTINUE;
        };

        wakeAndAwaitDrained(dispatcher(DispatcherSettings.defaults(), record));

        assertThat(seen).hasSize(chats);
        assertThat(seen.values()).allSatisfy(sequences -> assertThat(sequences).hasSize(perChat).isSorted());
        assertThat(inbox.all()).extracting(InboxEntry::state).containsOnly(InboxState.HANDLED);
        assertThat(tasks.failures()).isEmpty();
        assertThat(maxConcurrent.get()).as("chats ran in parallel").isGreaterThan(1);
    }

    @Test
    void handlesDifferentChatsAtTheSameTime() throws InterruptedException {
        inbox.store(List.of(message(1, 1), message(2, 2)), clock.instant());
        CountDownLatch bothStarted = new CountDownLatch(2);
        AtomicInteger met = new AtomicInteger();
        PipelineStep meet = context -> {
            bothStarted.countDown();
            try {
                if (bothStarted.await(10, TimeUnit.SECONDS)) {
                    met.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StepOutcome.CONTINUE;
        };

        dispatcher(DispatcherSettings.defaults(), meet).dispatchOnce();
        tasks.awaitIdle(WAIT);

        assertThat(met).hasValue(2);
    }

    @Test
    void neverHoldsMoreEntriesThanItsBoundUnderConcurrentLoad() throws InterruptedException {
        int bound = 50;
        DispatcherSettings settings = new DispatcherSettings(200, bound, 5, Duration.ofSeconds(1), Duration.ofSeconds(1));
        List<ChatMessage> events = new ArrayList<>();
        for (long i = 1; i <= 5_000; i++) {
            events.add(message(1 + i % 300, i));
        }
        inbox.store(events, clock.instant());
        AtomicInteger maxHeld = new AtomicInteger();
        InboxDispatcher[] self = new InboxDispatcher[1];
        self[0] = dispatcher(settings, context -> {
            maxHeld.accumulateAndGet(self[0].heldEntries(), Math::max);
            return StepOutcome.CONTINUE;
        });

        wakeAndAwaitDrained(self[0]);

        assertThat(inbox.pendingCount()).isZero();
        assertThat(maxHeld.get()).isPositive().isLessThanOrEqualTo(bound);
        assertThat(self[0].heldEntries()).isZero();
    }
}
