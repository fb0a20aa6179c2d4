package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.in.RunScenarios.ScenarioRun;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.scenario.QuestionClusterer;
import dev.forgebot.domain.scenario.ScenarioDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ScenarioServiceTest {

    private static final Instant LAST_RUN = Instant.parse("2026-11-01T00:00:00Z");

    @Mock
    private QuestionLog questions;
    @Mock
    private ScenarioRepository scenarios;
    @Mock
    private KnowledgeSource source;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T06:00:00Z"));

    private ScenarioService service(Optional<LanguageModel> model, int maxQuestions) {
        when(source.loadAll()).thenReturn(List.of(new Article(new ArticleId("payments"), "Payment methods",
                "We accept cards and bank transfers.", List.of("billing"))));
        KnowledgeService knowledge = new KnowledgeService(source, scenarios);
        return new ScenarioService(questions, scenarios, knowledge, model, new QuestionClusterer(), clock, maxQuestions);
    }

    private static LoggedQuestion asked(int n, String text, Instant at) {
        return new LoggedQuestion(new InboundKey("test", Integer.toString(n)), LeadId.random(), text, 0.1, at);
    }

    @Test
    void draftsOneScenarioPerClusterSinceTheLastRunAndRecordsTheRun() {
        when(scenarios.lastRunUntil()).thenReturn(Optional.of(LAST_RUN));
        when(questions.askedBetween(LAST_RUN, clock.instant(), 500)).thenReturn(List.of(
                asked(1, "can I pay with crypto?", LAST_RUN.plusSeconds(10)),
                asked(2, "do you accept bitcoin or crypto payments", LAST_RUN.plusSeconds(20)),
                asked(3, "is there a linux desktop app", LAST_RUN.plusSeconds(30))));

        ScenarioRun run = service(Optional.empty(), 500).runOnce();

        ArgumentCaptor<ScenarioDraft> drafts = ArgumentCaptor.forClass(ScenarioDraft.class);
        verify(scenarios, times(run.drafts())).save(drafts.capture());
        assertThat(run.questions()).isEqualTo(3);
        assertThat(run.drafts()).isEqualTo(2);
        assertThat(drafts.getAllValues().getFirst().frequency()).isEqualTo(2);
        assertThat(drafts.getAllValues()).allSatisfy(d -> assertThat(d.fingerprint()).startsWith(clock.instant().toString()));
        verify(scenarios).recordRun(clock.instant());
    }

    @Test
    void suggestsTheModelsAnswerWhenThereIsOneAndTheNearestArticleOtherwise() {
        when(scenarios.lastRunUntil()).thenReturn(Optional.empty());
        when(questions.askedBetween(Instant.EPOCH, clock.instant(), 500))
                .thenReturn(List.of(asked(1, "which payment methods for crypto", LAST_RUN)));
        LanguageModel model = mock(LanguageModel.class);
        when(model.suggest(any(), any(), any())).thenReturn(Optional.empty(), Optional.of("We do not accept crypto yet."));
        ScenarioService service = service(Optional.of(model), 500);

        service.runOnce();
        service.runOnce();

        ArgumentCaptor<ScenarioDraft> drafts = ArgumentCaptor.forClass(ScenarioDraft.class);
        verify(scenarios, times(2)).save(drafts.capture());
        assertThat(drafts.getAllValues()).extracting(ScenarioDraft::suggestedAnswer)
                .containsExactly("We accept cards and bank transfers.", "We do not accept crypto yet.");
    }

    @Test
    void leavesQuestionsBeyondTheCapForTheNextWindow() {
        when(scenarios.lastRunUntil()).thenReturn(Optional.of(LAST_RUN));
        List<LoggedQuestion> full = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            full.add(asked(i, "question number " + i + " about invoices", LAST_RUN.plusSeconds(i)));
        }
        when(questions.askedBetween(LAST_RUN, clock.instant(), 4)).thenReturn(full);

        ScenarioRun run = service(Optional.empty(), 4).runOnce();

        assertThat(run.questions()).isEqualTo(3);
        verify(scenarios).recordRun(LAST_RUN.plusSeconds(3));
    }

    @Test
    void aVeryLongQuestionIsClusteredByItsStartInsteadOfBreakingTheRun() {
        when(scenarios.lastRunUntil()).thenReturn(Optional.of(LAST_RUN));
        String longQuestion = "do you support crypto payments " + "and more ".repeat(2_000);
        when(questions.askedBetween(LAST_RUN, clock.instant(), 500))
                .thenReturn(List.of(asked(1, longQuestion, LAST_RUN.plusSeconds(1))));

        ScenarioRun run = service(Optional.empty(), 500).runOnce();

        assertThat(run.drafts()).isEqualTo(1);
        ArgumentCaptor<ScenarioDraft> draft = ArgumentCaptor.forClass(ScenarioDraft.class);
        verify(scenarios).save(draft.capture());
        assertThat(draft.getValue().representative()).startsWith("do you support crypto payments").hasSizeLessThanOrEqualTo(4_096);
    }

    @Test
    void anEmptyWindowStoresNoDraftButStillAdvances() {
        when(scenarios.lastRunUntil()).thenReturn(Optional.of(LAST_RUN));
        when(questions.askedBetween(any(), any(), anyInt())).thenReturn(List.of());

        ScenarioRun run = new ScenarioService(questions, scenarios, new KnowledgeService(source, scenarios), Optional.empty(),
                new QuestionClusterer(), clock, 500).runOnce();

        assertThat(run).isEqualTo(new ScenarioRun(0, 0));
        verify(scenarios, never()).save(any());
        verify(scenarios).recordRun(clock.instant());
    }
}
