package dev.forgebot.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.adapter.local.jdbc.EmbeddedDatabase;
import dev.forgebot.adapter.local.terminal.FileLineIds;
import dev.forgebot.adapter.local.terminal.TerminalChannel;
import dev.forgebot.adapter.local.terminal.TerminalConsole;
import dev.forgebot.adapter.local.terminal.TerminalMessenger;
import dev.forgebot.adapter.local.terminal.TerminalSettings;
import dev.forgebot.application.BotSettings;
import dev.forgebot.application.BotTexts;
import dev.forgebot.application.fake.VirtualThreadTasks;
import dev.forgebot.application.inbox.DispatcherSettings;
import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.Pipelines;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.service.HandoffService;
import dev.forgebot.application.service.InboxIntake;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.application.service.LeadEnricher;
import dev.forgebot.application.service.OperatorDesk;
import dev.forgebot.application.service.ReachabilityService;
import dev.forgebot.application.service.ScenarioService;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.scenario.QuestionClusterer;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot on its embedded default, driven through the terminal with piped input: the real
 * pipeline and dispatcher, the SQLite store in a temporary data directory, the bundled sample
 * knowledge base imported on first start.
 */
class TerminalConversationIT {

    @TempDir
    Path dataDir;

    /** One run of the local bot over {@code script}; returns what the terminal printed. */
    private String run(String script) throws InterruptedException {
        TerminalSettings terminal = TerminalSettings.defaults();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerminalConsole console = new TerminalConsole(new PrintStream(out, true, StandardCharsets.UTF_8));
        Clock clock = Clock.systemUTC();
        VirtualThreadTasks tasks = new VirtualThreadTasks();
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDir)) {
            new KnowledgeImporter(db.knowledge()).importSampleIfEmpty();
            TerminalMessenger messenger = new TerminalMessenger(console, terminal.operatorsChat());
            BotSettings bot = BotSettings.defaults(terminal.operatorsChat());
            BotTexts texts = BotTexts.english();
            FollowUpPolicy followUps = new FollowUpPolicy(FollowUpSchedule.defaults());
            KnowledgeService knowledge = new KnowledgeService(db.knowledge(), db.scenarios());
            ChannelFiles noFiles = (id, max) -> {
                throw new PermanentStorageException("files.fetch", "the terminal sends no files");
            };
            MessagePipeline pipeline = Pipelines.standard(bot, texts, followUps, db.leads(), db.conversations(),
                    db.questions(), knowledge, noFiles, db.files(), messenger, Optional.empty(),
                    new ReachabilityService(db.leads(), followUps),
                    new HandoffService(bot, db.leads(), db.tickets(), db.conversations(), messenger, followUps),
                    new OperatorDesk(bot, db.leads(), db.tickets(), db.conversations(), messenger, db.statistics(),
                            knowledge, db.scenarios(), followUps),
                    new LeadEnricher(db.leads(), db.conversations(), followUps), tasks, clock);
            InboxDispatcher dispatcher = new InboxDispatcher(db.updateInbox(), pipeline, tasks, messenger, texts, clock,
                    DispatcherSettings.defaults());
            ScenarioService scenarios = new ScenarioService(db.questions(), db.scenarios(), knowledge, Optional.empty(),
                    new QuestionClusterer(), clock, 1_000);
            TerminalChannel channel = new TerminalChannel(new BufferedReader(new StringReader(script)), console,
                    new InboxIntake(db.updateInbox(), dispatcher, clock), scenarios, db.updateInbox(),
                    new FileLineIds(dataDir.resolve("terminal.seq")), d -> Thread.sleep(d.toMillis()), clock, terminal);

            channel.run();
            tasks.awaitIdle(Duration.ofSeconds(30));

            assertThat(tasks.failures()).isEmpty();
            assertThat(db.updateInbox().pendingCount()).isZero();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScriptedConversationGetsAnswersHandsOffAndDraftsAScenario() throws InterruptedException {
        String printed = run("""
                how much does it cost?
                do you sponsor hackathons?
                /scenarios
                op> /drafts
                I'd like to talk to a human please
                op> Hi, Dana here. What can I do for you?
                thanks Dana!
                op> /close
                /quit
                """);

        assertThat(printed)
                .as("answered from the sample knowledge base").contains("bot> Pricing plans")
                .as("an honest no-answer with a human offered").contains("bot> I'm not sure about that one")
                .contains("[scenarios] 1 unanswered question(s), 1 draft(s) stored")
                .as("the draft is listed to operators").contains("1. do you sponsor hackathons? (asked 1 time)")
                .as("the handoff is confirmed").contains("bot> Thanks! I've passed the conversation to our team")
                .as("the operator's line reaches the customer").contains("bot> Hi, Dana here. What can I do for you?")
                .as("the customer's next line goes to the operators").contains("thanks Dana!")
                .contains("Ticket closed");
        assertThat(printed.indexOf("bot> Hi, Dana here")).isLessThan(printed.indexOf("Ticket closed"));
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDir)) {
            assertThat(db.scenarios().list(ScenarioStatus.DRAFT, 10)).singleElement()
                    .satisfies(d -> assertThat(d.representative()).isEqualTo("do you sponsor hackathons?"));
            assertThat(db.tickets().open(10)).isEmpty();
        }
    }

    @Test
    void aSecondRunKeepsTheDataAndItsLinesAreNewMessages() throws InterruptedException {
        run("how do I export my data?\n");

        String second = run("how do I export my data?\n");

        assertThat(second).as("not taken for a redelivery of the first run's line").contains("bot> Export your data");
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDir)) {
            assertThat(db.conversations().count(Direction.INBOUND)).isEqualTo(2);
            assertThat(db.conversations().count(Direction.OUTBOUND)).isEqualTo(2);
            assertThat(db.leads().count()).isEqualTo(1);
            assertThat(db.knowledge().loadAll()).as("the sample is imported once").hasSizeGreaterThanOrEqualTo(40);
        }
    }
}
