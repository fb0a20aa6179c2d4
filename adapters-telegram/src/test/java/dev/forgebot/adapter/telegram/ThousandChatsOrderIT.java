package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.forgebot.adapter.telegram.PollingBot.Setup;
import dev.forgebot.application.fake.VirtualThreadTasks;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.LeadId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * 1,000 chats writing 5 messages each, interleaved as Telegram would deliver them (every chat's first
 * message, then every chat's second, ...), fetched by the poller in batches of 100 while the dispatcher
 * handles them on virtual threads through the real pipeline: each chat's messages are handled in the
 * order they were sent and each exactly once, and each chat receives its 5 answers in that order.
 * Each message asks about another topic, so the order of the answers a chat received shows the order
 * its messages were handled in.
 *
 * <p>Run on two Telegram sides: in memory ({@link ScriptedTelegramApi} and a recording messenger), and
 * the {@code FakeBotApi} over loopback HTTP, fetched through {@code HttpTelegramApi} and answered through
 * {@link TelegramMessenger} (no flood limits), where the order is the one the fake accepted the
 * {@code sendMessage} calls in.
 */
class ThousandChatsOrderIT {

    private static final int CHATS = 1_000;
    private static final int PER_CHAT = 5;
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** The message of each round, and the title of the article answering it. */
    private static final List<String> QUESTIONS = List.of("How much does the Pro plan cost per month?",
            "Can I get a refund, my money back?", "how do I export my data to csv?",
            "Where is the invoice with VAT for last month?", "I forgot my password, how do I reset it?");
    private static final List<String> TOPICS = List.of("Pricing plans", "Refunds", "Exporting your data", "Invoices",
            "Resetting your password");

    /** Where Telegram is. */
    enum Transport {
        IN_MEMORY {
            @Override
            PollingBot.Telegram open() {
                return new InMemoryTelegram();
            }
        },
        LOOPBACK_HTTP {
            @Override
            PollingBot.Telegram open() {
                // The last poll finds nothing: it answers at once instead of holding the poll open.
                return LoopbackTelegram.start(Duration.ZERO);
            }
        };

        abstract PollingBot.Telegram open();
    }

    private static String topicOf(String reply) {
        return TOPICS.stream().filter(reply::startsWith).findFirst().orElse(reply);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void handlesEachChatsMessagesInOrderAndEachOnceWhilePollingInBatchesOf100(Transport transport)
            throws InterruptedException {
        VirtualThreadTasks tasks = new VirtualThreadTasks();
        try (PollingBot bot = new PollingBot(transport.open()); QuietHttpClientLogs quiet = new QuietHttpClientLogs()) {
            Map<Long, List<Long>> sentUpdatesByChat = new HashMap<>();
            long lastUpdateId = 0;
            for (int round = 0; round < PER_CHAT; round++) {
                for (long chat = 1; chat <= CHATS; chat++) {
                    lastUpdateId = bot.telegram.customerWrites(chat, QUESTIONS.get(round));
                    sentUpdatesByChat.computeIfAbsent(chat, c -> new ArrayList<>()).add(lastUpdateId);
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

            long start = System.nanoTime();
            List<PollOutcome> outcomes = new ArrayList<>();
            PollOutcome outcome;
            do {
                outcome = process.poller().pollOnce();
                outcomes.add(outcome);
            } while (outcome instanceof PollOutcome.Received);
            long polled = System.nanoTime();
            awaitDrained(bot, process, tasks);
            long drained = System.nanoTime();

            assertThat(outcomes).hasSize(CHATS * PER_CHAT / 100 + 1).last().isEqualTo(PollOutcome.IDLE);
            assertThat(outcomes.subList(0, outcomes.size() - 1)).containsOnly(new PollOutcome.Received(100, 100));
            assertThat(bot.telegram.pendingUpdates()).isZero();
            assertThat(bot.telegram.confirmedBelow()).isEqualTo(lastUpdateId + 1);
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
            assertThat(handledUpdatesByChat).isEqualTo(sentUpdatesByChat);
            for (long chat = 1; chat <= CHATS; chat++) {
                assertThat(bot.telegram.textsTo(chat).stream().map(ThousandChatsOrderIT::topicOf).toList())
                        .as("answers chat %d received", chat).isEqualTo(TOPICS);
            }
            assertThat(bot.telegram.sentCount()).isEqualTo(CHATS * PER_CHAT);
            assertThat(maxSending.get()).as("chats were handled in parallel").isGreaterThan(1);
            System.out.printf("thousand chats [%s]: updates=%d batches=%d handled=%d replies=%d tasks=%d "
                            + "maxParallelSends=%d waits=%d pollMs=%d drainMs=%d totalMs=%d%n",
                    transport, bot.inbox.all().size(), outcomes.size() - 1, bot.conversations.count(Direction.INBOUND),
                    bot.telegram.sentCount(), tasks.launched(), maxSending.get(), bot.waits.size(),
                    (polled - start) / 1_000_000, (drained - polled) / 1_000_000, (drained - start) / 1_000_000);
            if (bot.telegram instanceof LoopbackTelegram loopback) {
                System.out.printf("thousand chats [%s]: requests getUpdates=%d sendMessage=%d%n", transport,
                        loopback.fake.requestCount("getUpdates"), loopback.fake.requestCount("sendMessage"));
            }
        } finally {
            tasks.shutDown();
        }
    }

    private static long updateIdOf(Message message) {
        return Long.parseLong(message.inboundKey().externalId());
    }

    /** Waits until the inbox has no pending entry and no task runs; a lost wake-up fails here. */
    /**
     * Waits until the inbox is drained. Time stands still in this test, so an entry that had to wait for a
     * retry (a send that timed out on a machine too loaded to hand out a connection in time) would never
     * come due: when the tasks are idle and entries are still pending, time moves on by the longest backoff
     * and the dispatcher gets a pass, as its periodic loop would. Then the test checks, as always, that
     * every update was answered once and in order.
     */
    private static void awaitDrained(PollingBot bot, PollingBot.Process process, VirtualThreadTasks tasks)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bot.inbox.pendingCount() > 0 && System.nanoTime() < deadline) {
            tasks.awaitIdle(WAIT);
            if (bot.inbox.pendingCount() > 0) {
                bot.clock.advance(Duration.ofMinutes(5));
                process.dispatcher().dispatchOnce();
            }
        }
        tasks.awaitIdle(WAIT);
    }

    /**
     * HttpClient's DEBUG lines (several per request, 5,000 requests) at INFO while open: the test's
     * time goes to the bot, not to the console.
     */
    private static final class QuietHttpClientLogs implements AutoCloseable {
        private final Logger logger = (Logger) LoggerFactory.getLogger("org.apache.hc");
        private final Level before = logger.getLevel();

        QuietHttpClientLogs() {
            logger.setLevel(Level.INFO);
        }

        @Override
        public void close() {
            logger.setLevel(before);
        }
    }
}
