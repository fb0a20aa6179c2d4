package dev.forgebot.benchmarks;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.BotTexts;
import dev.forgebot.application.fake.InMemoryChannelFiles;
import dev.forgebot.application.fake.InMemoryConversationLog;
import dev.forgebot.application.fake.InMemoryFileStore;
import dev.forgebot.application.fake.InMemoryKnowledgeSource;
import dev.forgebot.application.fake.InMemoryLeadRepository;
import dev.forgebot.application.fake.InMemoryQuestionLog;
import dev.forgebot.application.fake.InMemoryScenarioRepository;
import dev.forgebot.application.fake.InMemoryStatistics;
import dev.forgebot.application.fake.InMemoryTicketRepository;
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.Pipelines;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.service.HandoffService;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.application.service.LeadEnricher;
import dev.forgebot.application.service.OperatorDesk;
import dev.forgebot.application.service.ReachabilityService;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Messages per second through one pass of the standard message pipeline over the in-memory fakes:
 * identify the lead, record the message, route, answer from a 200-article knowledge base (or log
 * the question), send, record the reply, and enrich the lead (run inline here, so its cost counts).
 * Customers return (10,000 of them in rotation) and the question mix is the search benchmark's, so
 * about half are answered and half logged as unanswered. The fakes are rebuilt every iteration to
 * keep memory flat.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Pipeline -f 1 -wi 3 -w 3s -i 5 -r 3s -t 2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark {

    private static final Instant SENT_AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final ChatId OPERATORS = new ChatId(-100);

    @Param("10000")
    private int customers;

    private final AtomicLong sequence = new AtomicLong();
    private MessagePipeline pipeline;

    /** A fresh set of fakes and a pipeline over them, loaded knowledge base included. */
    @Setup(Level.Iteration)
    public void buildPipeline() {
        Clock clock = Clock.fixed(SENT_AT.plusSeconds(1), ZoneOffset.UTC);
        BotSettings settings = BotSettings.defaults(OPERATORS);
        BotTexts texts = BotTexts.english();
        FollowUpPolicy followUps = new FollowUpPolicy(FollowUpSchedule.defaults());
        InMemoryLeadRepository leads = new InMemoryLeadRepository();
        InMemoryConversationLog conversations = new InMemoryConversationLog();
        InMemoryQuestionLog questions = new InMemoryQuestionLog();
        InMemoryTicketRepository tickets = new InMemoryTicketRepository();
        InMemoryScenarioRepository scenarios = new InMemoryScenarioRepository();
        KnowledgeService knowledge = new KnowledgeService(new InMemoryKnowledgeSource(SyntheticKnowledge.articles(200)), scenarios);
        knowledge.current();
        Messenger messenger = message -> new SendResult.Sent("m");
        BackgroundTasks inline = (name, task) -> {
            try {
                task.run();
            } catch (Exception e) {
                throw new IllegalStateException("background step failed: " + name, e);
            }
            return true;
        };
        pipeline = Pipelines.standard(settings, texts, followUps, leads, conversations, questions, knowledge,
                new InMemoryChannelFiles(), new InMemoryFileStore(1 << 20), messenger, Optional.empty(),
                new ReachabilityService(leads, followUps),
                new HandoffService(settings, leads, tickets, conversations, messenger, followUps),
                new OperatorDesk(settings, leads, tickets, conversations, messenger,
                        new InMemoryStatistics(leads, conversations, tickets, questions, scenarios), knowledge, scenarios,
                        followUps),
                new LeadEnricher(leads, conversations, followUps), inline, clock);
    }

    /** One customer message through the whole pipeline. */
    @Benchmark
    public StepOutcome handleOneMessage() {
        long n = sequence.incrementAndGet();
        long customer = 1 + n % customers;
        String question = KnowledgeBaseSearchBenchmark.QUERIES[(int) (n % KnowledgeBaseSearchBenchmark.QUERIES.length)];
        ChatMessage message = ChatMessage.text(new InboundKey("bench", Long.toString(n)), new ChatId(customer),
                new InboundEvent.Sender(new CustomerId(customer), "Customer " + customer), question, SENT_AT.plusMillis(n));
        InboxEntry entry = new InboxEntry(n, message, InboxState.PENDING, 0, Optional.empty(), SENT_AT, SENT_AT,
                Optional.empty());
        return pipeline.handle(entry);
    }
}
