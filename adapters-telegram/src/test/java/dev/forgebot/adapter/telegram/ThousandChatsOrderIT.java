package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.adapter.telegram.PollingBot.Setup;
import dev.forgebot.application.fake.VirtualThreadTasks;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.LeadId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 1,000 chats writing 5 messages each, interleaved as Telegram would deliver them, fetched by the
 * poller in batches of 100 while the dispatcher handles them on virtual threads through the real
 * pipeline: each chat's messages are handled in the order they were sent, and each exactly once.
 */
class ThousandChatsOrderIT {

    private static final int CHATS = 1_000;
    private static final int PER_CHAT = 5;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final PollingBot bot = new PollingBot();
    private final VirtualThreadTasks tasks = new VirtualThreadTasks();

    /** Update ids in delivery order: every chat's first message, then every chat's second, and so on. */
    private static long updateId(int round, long chat) {
        return (long) round * CHATS + chat;
    }

    @Test
    void handlesEachChatsMessagesInOrderAndEachOnceWhilePollingInBatchesOf100() throws InterruptedException {
        for (int round = 1; round <= PER_CHAT; round++) {
            for (long chat = 1; chat <= CHATS; chat++) {
                bot.telegram.push(TestUpdates.text(updateId(round, chat), chat,
                        "How much does the Pro plan cost? (message " + round + ")"));
            }
        }
        AtomicInteger sending = new AtomicInteger();
        AtomicInteger maxSending = new AtomicInteger();
        PollingBot.Process process = bot.start(Setup.plain().with(tasks,
                new PollerSettings(Duration.ZERO, 100, PollerSettings.DEFAULT_ALLOWED_UPDATES, Duration.ofSeconds(1),
                        Duration.ofSeconds(60))).withMessenger(messenger -> message -> {
                            maxSending.accumulateAndGet(sending.incrementAndGet(), Math::max);
                            Thread.yield();
                            try {
                                return messenger.send(message);
                            } finally {
                                sending.decrementAndGet();
                            }
                        }));

        List<PollOutcome> outcomes = new ArrayList<>();
        PollOutcome outcome;
        do {
            outcome = process.poller().pollOnce();
            outcomes.add(outcome);
        } while (outcome instanceof PollOutcome.Received);
        awaitDrained();

        assertThat(outcomes).hasSize(CHATS * PER_CHAT / 100 + 1).last().isEqualTo(PollOutcome.IDLE);
        assertThat(outcomes.subList(0, outcomes.size() - 1)).containsOnly(new PollOutcome.Received(100, 100));
        assertThat(bot.telegram.pendingIds()).isEmpty();
        assertThat(tasks.failures()).isEmpty();
        assertThat(bot.inbox.all()).hasSize(CHATS * PER_CHAT)
                .extracting(InboxEntry::state).containsOnly(InboxState.HANDLED);

        Map<LeadId, Long> chatOfLead = new LinkedHashMap<>();
        for (long chat = 1; chat <= CHATS; chat++) {
            chatOfLead.put(bot.leads.findByCustomer(new CustomerId(chat)).orElseThrow().id(), chat);
        }
        Map<Long, List<Long>> handledUpdatesByChat = bot.conversations.all().stream()
                .filter(m -> m.direction() == Direction.INBOUND)
                .collect(Collectors.groupingBy(m -> chatOfLead.get(m.leadId()),
                        Collectors.mapping(ThousandChatsOrderIT::updateIdOf, Collectors.toList())));
        assertThat(handledUpdatesByChat).hasSize(CHATS);
        handledUpdatesByChat.forEach((chat, handled) -> assertThat(handled).as("chat %d", chat)
                .containsExactly(updateId(1, chat), updateId(2, chat), updateId(3, chat), updateId(4, chat),
                        updateId(5, chat)));
        for (long chat = 1; chat <= CHATS; chat++) {
            assertThat(bot.messenger.sentTo(new ChatId(chat))).as("replies to chat %d", chat).hasSize(PER_CHAT);
        }
        assertThat(bot.messenger.sent()).hasSize(CHATS * PER_CHAT);
        assertThat(maxSending.get()).as("chats were handled in parallel").isGreaterThan(1);
        System.out.printf("thousand chats: updates=%d batches=%d handled=%d replies=%d tasks=%d maxParallelSends=%d%n",
                bot.inbox.all().size(), outcomes.size() - 1, bot.conversations.count(Direction.INBOUND),
                bot.messenger.sent().size(), tasks.launched(), maxSending.get());
    }

    private static long updateIdOf(Message message) {
        return Long.parseLong(message.inboundKey().externalId());
    }

    /** Waits until the inbox has no pending entry and no task runs; a lost wake-up fails here. */
    private void awaitDrained() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bot.inbox.pendingCount() > 0 && System.nanoTime() < deadline) {
            tasks.awaitIdle(WAIT);
        }
        tasks.awaitIdle(WAIT);
    }
}
