package dev.forgebot.application.pipeline;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.step.AnswerCommandStep;
import dev.forgebot.application.pipeline.step.AnswerFromKnowledgeStep;
import dev.forgebot.application.pipeline.step.EnrichLeadStep;
import dev.forgebot.application.pipeline.step.ForwardToOperatorsStep;
import dev.forgebot.application.pipeline.step.HandOffStep;
import dev.forgebot.application.pipeline.step.HandleOperatorMessageStep;
import dev.forgebot.application.pipeline.step.IdentifyLeadStep;
import dev.forgebot.application.pipeline.step.RecordInboundMessageStep;
import dev.forgebot.application.pipeline.step.RecordOutboundMessageStep;
import dev.forgebot.application.pipeline.step.RouteMessageStep;
import dev.forgebot.application.pipeline.step.SaveSharedContactStep;
import dev.forgebot.application.pipeline.step.SendReplyStep;
import dev.forgebot.application.pipeline.step.SkipUnsupportedEventStep;
import dev.forgebot.application.pipeline.step.StoreFileStep;
import dev.forgebot.application.port.in.ChangeReachability;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.service.HandoffService;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.application.service.LeadEnricher;
import dev.forgebot.application.service.OperatorDesk;
import dev.forgebot.domain.followup.FollowUpPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the standard message pipeline, for wiring and benchmarks. The steps, in order:
 * skip unsupported events (and apply block/unblock) → operators' chat to the operator desk →
 * identify the lead → record the inbound message → route → answer a command / hand off / forward to
 * operators / save a shared contact / store a file / answer from the knowledge base → send the reply
 * → record the outbound message → enrich the lead in the background.
 */
public final class Pipelines {

    private Pipelines() {
    }

    /**
     * The standard pipeline.
     *
     * @param model the language model, or empty to answer with the best article
     */
    public static MessagePipeline standard(
            BotSettings settings,
            BotTexts texts,
            FollowUpPolicy followUps,
            LeadRepository leads,
            ConversationLog conversations,
            QuestionLog questions,
            KnowledgeService knowledge,
            ChannelFiles channelFiles,
            FileStore fileStore,
            Messenger messenger,
            Optional<LanguageModel> model,
            ChangeReachability reachability,
            HandoffService handoffs,
            OperatorDesk operatorDesk,
            LeadEnricher enricher,
            BackgroundTasks backgroundTasks,
            Clock clock) {
        List<PipelineStep> steps = List.of(
                new SkipUnsupportedEventStep(reachability),
                new HandleOperatorMessageStep(settings, operatorDesk),
                new IdentifyLeadStep(leads, followUps),
                new RecordInboundMessageStep(conversations),
                new RouteMessageStep(),
                new AnswerCommandStep(texts),
                new HandOffStep(handoffs, texts),
                new ForwardToOperatorsStep(settings, messenger),
                new SaveSharedContactStep(leads, followUps, texts),
                new StoreFileStep(settings, channelFiles, fileStore, texts),
                new AnswerFromKnowledgeStep(settings, knowledge, questions, conversations, model, texts),
                new SendReplyStep(messenger, conversations, leads, followUps),
                new RecordOutboundMessageStep(conversations),
                new EnrichLeadStep(enricher));
        return new MessagePipeline(steps, backgroundTasks, clock);
    }
}
