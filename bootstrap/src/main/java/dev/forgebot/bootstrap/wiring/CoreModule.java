package dev.forgebot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.forgebot.application.BotSettings;
import dev.forgebot.application.BotTexts;
import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.Pipelines;
import dev.forgebot.application.port.in.ChangeReachability;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.ReloadKnowledge;
import dev.forgebot.application.port.in.RunFollowUps;
import dev.forgebot.application.port.in.RunScenarios;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.application.port.out.Statistics;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.application.service.FollowUpService;
import dev.forgebot.application.service.HandoffService;
import dev.forgebot.application.service.InboxIntake;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.application.service.LeadEnricher;
import dev.forgebot.application.service.OperatorDesk;
import dev.forgebot.application.service.ReachabilityService;
import dev.forgebot.application.service.ScenarioService;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.scenario.QuestionClusterer;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The application core: use cases, the pipeline and the dispatcher, built from the ports the
 * adapter modules bind and the runtime module's {@link BackgroundTasks} and {@link Clock}.
 * {@code @Provides} methods call plain constructors; nothing here does I/O.
 */
public final class CoreModule extends AbstractModule {

    private final CoreSettings settings;

    public CoreModule(CoreSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        // No language model unless a module binds one: answers are then the best article.
        OptionalBinder.newOptionalBinder(binder(), LanguageModel.class);
    }

    @Provides
    @Singleton
    BotSettings botSettings() {
        return BotSettings.defaults(settings.operatorsChat());
    }

    @Provides
    @Singleton
    BotTexts botTexts() {
        return BotTexts.english();
    }

    @Provides
    @Singleton
    FollowUpPolicy followUpPolicy() {
        return new FollowUpPolicy(settings.followUps());
    }

    @Provides
    @Singleton
    KnowledgeService knowledge(KnowledgeSource source, ScenarioRepository scenarios) {
        return new KnowledgeService(source, scenarios);
    }

    @Provides
    @Singleton
    ReloadKnowledge reloadKnowledge(KnowledgeService knowledge) {
        return knowledge;
    }

    @Provides
    @Singleton
    ChangeReachability changeReachability(LeadRepository leads, FollowUpPolicy policy) {
        return new ReachabilityService(leads, policy);
    }

    @Provides
    @Singleton
    HandoffService handoffs(BotSettings bot, LeadRepository leads, TicketRepository tickets, ConversationLog conversations,
            Messenger messenger, FollowUpPolicy policy) {
        return new HandoffService(bot, leads, tickets, conversations, messenger, policy);
    }

    @Provides
    @Singleton
    OperatorDesk operatorDesk(BotSettings bot, LeadRepository leads, TicketRepository tickets,
            ConversationLog conversations, Messenger messenger, Statistics statistics, KnowledgeService knowledge,
            ScenarioRepository scenarios, FollowUpPolicy policy) {
        return new OperatorDesk(bot, leads, tickets, conversations, messenger, statistics, knowledge, scenarios, policy);
    }

    @Provides
    @Singleton
    LeadEnricher leadEnricher(LeadRepository leads, ConversationLog conversations, FollowUpPolicy policy) {
        return new LeadEnricher(leads, conversations, policy);
    }

    @Provides
    @Singleton
    MessagePipeline pipeline(BotSettings bot, BotTexts texts, FollowUpPolicy policy, LeadRepository leads,
            ConversationLog conversations, QuestionLog questions, KnowledgeService knowledge, ChannelFiles channelFiles,
            FileStore files, Messenger messenger, Optional<LanguageModel> model, ChangeReachability reachability,
            HandoffService handoffs, OperatorDesk desk, LeadEnricher enricher, BackgroundTasks tasks, Clock clock) {
        return Pipelines.standard(bot, texts, policy, leads, conversations, questions, knowledge, channelFiles, files,
                messenger, model, reachability, handoffs, desk, enricher, tasks, clock);
    }

    @Provides
    @Singleton
    InboxDispatcher dispatcher(UpdateInbox inbox, MessagePipeline pipeline, BackgroundTasks tasks, Messenger messenger,
            BotTexts texts, Clock clock) {
        return new InboxDispatcher(inbox, pipeline, tasks, messenger, texts, clock, settings.dispatcher(), settings.instanceId());
    }

    @Provides
    @Singleton
    HandleInboundMessage handleInboundMessage(UpdateInbox inbox, InboxDispatcher dispatcher, Clock clock) {
        return new InboxIntake(inbox, dispatcher, clock);
    }

    @Provides
    @Singleton
    RunFollowUps runFollowUps(LeadRepository leads, ConversationLog conversations, Messenger messenger,
            FollowUpPolicy policy, BotTexts texts, Clock clock) {
        return new FollowUpService(leads, conversations, messenger, policy, texts, clock, settings.batchSize());
    }

    @Provides
    @Singleton
    RunScenarios runScenarios(QuestionLog questions, ScenarioRepository scenarios, KnowledgeService knowledge,
            Optional<LanguageModel> model, Clock clock) {
        return new ScenarioService(questions, scenarios, knowledge, model, new QuestionClusterer(), clock,
                settings.maxScenarioQuestions());
    }
}
