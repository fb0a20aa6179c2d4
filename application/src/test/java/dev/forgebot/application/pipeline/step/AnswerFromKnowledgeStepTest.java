package dev.forgebot.application.pipeline.step;

import static dev.forgebot.application.pipeline.step.Fixtures.KEY;
import static dev.forgebot.application.pipeline.step.Fixtures.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.application.service.KnowledgeService;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AnswerFromKnowledgeStepTest {

    private static final Article PRICING = new Article(new ArticleId("pricing"), "Pricing plans",
            "The Starter plan costs 10 EUR per month and the Pro plan costs 30 EUR per month.", List.of("price", "cost"));
    private static final Article REFUNDS = new Article(new ArticleId("refunds"), "Refunds",
            "You can ask for a refund within 30 days of purchase.", List.of("refund"));

    private final BotTexts texts = BotTexts.english();
    private final QuestionLog questions = mock(QuestionLog.class);
    private final ConversationLog conversations = mock(ConversationLog.class);
    private final LanguageModel model = mock(LanguageModel.class);
    private final KnowledgeService knowledge;

    AnswerFromKnowledgeStepTest() {
        KnowledgeSource source = mock(KnowledgeSource.class);
        when(source.loadAll()).thenReturn(List.of(PRICING, REFUNDS));
        ScenarioRepository scenarios = mock(ScenarioRepository.class);
        when(scenarios.list(any(), anyInt())).thenReturn(List.of());
        knowledge = new KnowledgeService(source, scenarios);
        when(conversations.find(any(), any())).thenReturn(Optional.empty());
    }

    private AnswerFromKnowledgeStep step(Optional<LanguageModel> withModel) {
        return new AnswerFromKnowledgeStep(SETTINGS, knowledge, questions, conversations, withModel, texts);
    }

    private String answer(AnswerFromKnowledgeStep step, String question) {
        PipelineContext context = Fixtures.context(Fixtures.text(question), Route.QUESTION);
        step.apply(context);
        return context.reply().orElseThrow().text();
    }

    @Test
    void withoutAModelAnswersWithTheBestArticle() {
        String answer = answer(step(Optional.empty()), "How much does the Pro plan cost per month?");

        assertThat(answer).startsWith("Pricing plans").contains("Pro plan costs 30 EUR");
        verifyNoInteractions(questions);
    }

    @Test
    void withAModelAnswersWithItsGroundedAnswerFromTheTopArticles() {
        when(model.answer(any(), any())).thenReturn(Optional.of("Pro is 30 EUR a month."));

        String answer = answer(step(Optional.of(model)), "How much does the Pro plan cost per month?");

        assertThat(answer).isEqualTo("Pro is 30 EUR a month.");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Article>> grounding = ArgumentCaptor.forClass(List.class);
        verify(model).answer(any(), grounding.capture());
        assertThat(grounding.getValue()).first().isEqualTo(PRICING);
        assertThat(grounding.getValue()).hasSizeLessThanOrEqualTo(SETTINGS.maxSearchResults());
    }

    @Test
    void fallsBackToTheBestArticleWhenTheModelGivesNoAnswer() {
        when(model.answer(any(), any())).thenReturn(Optional.empty());

        String answer = answer(step(Optional.of(model)), "How much does the Pro plan cost per month?");

        assertThat(answer).startsWith("Pricing plans");
    }

    @Test
    void fallsBackToTheBestArticleWhenTheModelAnswersBlank() {
        when(model.answer(any(), any())).thenReturn(Optional.of("  "));

        assertThat(answer(step(Optional.of(model)), "How much does the Pro plan cost per month?")).startsWith("Pricing plans");
    }

    @Test
    void belowTheThresholdSaysSoAndLogsTheQuestionWithItsBestScore() {
        String answer = answer(step(Optional.of(model)), "Do you ship to Mars by rocket?");

        assertThat(answer).isEqualTo(texts.noAnswer());
        ArgumentCaptor<LoggedQuestion> logged = ArgumentCaptor.forClass(LoggedQuestion.class);
        verify(questions).record(logged.capture());
        assertThat(logged.getValue().key()).isEqualTo(KEY);
        assertThat(logged.getValue().text()).isEqualTo("Do you ship to Mars by rocket?");
        assertThat(logged.getValue().bestScore()).isLessThan(SETTINGS.answerThreshold());
        assertThat(logged.getValue().leadId()).isEqualTo(Fixtures.LEAD_ID);
        verifyNoInteractions(model);
    }

    @Test
    void aReRunReusesTheRecordedAnswerWithoutAskingTheModelAgain() {
        when(conversations.find(KEY, Direction.OUTBOUND)).thenReturn(Optional.of(
                new Message(MessageId.random(), Fixtures.LEAD_ID, Direction.OUTBOUND, "Pro is 30 EUR.", KEY, Fixtures.T0)));

        String answer = answer(step(Optional.of(model)), "How much does the Pro plan cost per month?");

        assertThat(answer).isEqualTo("Pro is 30 EUR.");
        verifyNoInteractions(model);
        verify(questions, never()).record(any());
    }

    @Test
    void blankTextGetsTheHelpText() {
        assertThat(answer(step(Optional.empty()), " ")).isEqualTo(texts.help());
        verifyNoInteractions(questions);
    }

    @Test
    void aLongArticleIsTrimmedAtAWord() {
        Article longOne = new Article(new ArticleId("long"), "Long", "word ".repeat(1_000), List.of());

        String answer = AnswerFromKnowledgeStep.extractive(longOne);

        assertThat(answer).hasSizeLessThanOrEqualTo(AnswerFromKnowledgeStep.MAX_EXTRACTIVE_CHARS).endsWith("word…");
    }
}
