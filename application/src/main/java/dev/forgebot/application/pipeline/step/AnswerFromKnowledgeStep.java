package dev.forgebot.application.pipeline.step;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.PipelineStep;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ScoredArticle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a question from the shared knowledge-base snapshot. When the best hit scores at least
 * {@link BotSettings#answerThreshold()}, the answer is the language model's, grounded in the top
 * hits, when a model is configured and gives one; otherwise (no model, or it failed) the best
 * article's title and body, trimmed to {@value #MAX_EXTRACTIVE_CHARS} characters. Below the
 * threshold the bot says it does not know, offers a human, and logs the question with its best score
 * for scenario drafts. Blank text gets the help text.
 *
 * <p>Idempotent: an answer already recorded for this entry (a re-run after the reply went out) is
 * reused as it is, without searching or asking the model again; the question log keeps one question
 * per key.
 */
public final class AnswerFromKnowledgeStep implements PipelineStep {

    private static final Logger log = LoggerFactory.getLogger(AnswerFromKnowledgeStep.class);

    /** Longest extractive answer; the channel splits longer texts, but a wall of text helps no one. */
    static final int MAX_EXTRACTIVE_CHARS = 1_500;

    private final BotSettings settings;
    private final KnowledgeService knowledge;
    private final QuestionLog questions;
    private final ConversationLog conversations;
    private final Optional<LanguageModel> model;
    private final BotTexts texts;

    public AnswerFromKnowledgeStep(BotSettings settings, KnowledgeService knowledge, QuestionLog questions,
            ConversationLog conversations, Optional<LanguageModel> model, BotTexts texts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.questions = Objects.requireNonNull(questions, "questions");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.model = Objects.requireNonNull(model, "model");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public StepOutcome apply(PipelineContext context) {
        if (context.route() != Route.QUESTION) {
            return StepOutcome.CONTINUE;
        }
        ChatMessage message = Events.chatMessage(context).orElseThrow();
        Optional<Message> answered = conversations.find(message.key(), Direction.OUTBOUND);
        if (answered.isPresent()) {
            context.reply(OutboundMessage.text(message.chatId(), answered.get().text()));
            return StepOutcome.CONTINUE;
        }
        if (message.text().isBlank()) {
            context.reply(OutboundMessage.text(message.chatId(), texts.help()));
            return StepOutcome.CONTINUE;
        }
        List<ScoredArticle> hits = knowledge.current().search(message.text(), settings.maxSearchResults());
        double best = hits.isEmpty() ? 0.0 : hits.getFirst().score();
        if (best < settings.answerThreshold()) {
            questions.record(new LoggedQuestion(message.key(), context.requireLead().id(), message.text(),
                    Math.max(0.0, Math.min(1.0, best)), context.now()));
            log.info("question not answered entry={} bestScore={}", message.key(), best);
            context.reply(OutboundMessage.text(message.chatId(), texts.noAnswer()));
            return StepOutcome.CONTINUE;
        }
        List<Article> grounding = hits.stream().map(ScoredArticle::article).toList();
        String answer = model.flatMap(m -> m.answer(message.text(), grounding))
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .orElseGet(() -> extractive(grounding.getFirst()));
        context.reply(OutboundMessage.text(message.chatId(), answer));
        return StepOutcome.CONTINUE;
    }

    /** The best article as an answer: its title, then its body, trimmed. */
    static String extractive(Article article) {
        return Events.trimmed(article.title().strip() + "\n\n" + article.body().strip(), MAX_EXTRACTIVE_CHARS);
    }
}
