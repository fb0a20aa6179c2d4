package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.forgebot.application.port.in.ReloadKnowledge.KnowledgeReload;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import dev.forgebot.domain.knowledge.KnowledgeBase;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class KnowledgeServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Mock
    private KnowledgeSource source;
    @Mock
    private ScenarioRepository scenarios;

    private static Article article(String id, String title) {
        return new Article(new ArticleId(id), title, title + " explained in detail.", List.of());
    }

    private static ScenarioDraft approved(long number, String question, String answer) {
        return new ScenarioDraft(number, "f" + number, question, List.of(question), 3, answer, ScenarioStatus.APPROVED, T0,
                Optional.of(T0));
    }

    @Test
    void loadsOnceOnFirstUseAndSharesTheSnapshot() {
        when(source.loadAll()).thenReturn(List.of(article("refunds", "Refund policy")));

        KnowledgeService service = new KnowledgeService(source, scenarios);
        KnowledgeBase first = service.current();
        KnowledgeBase second = service.current();

        assertThat(first).isSameAs(second);
        assertThat(first.size()).isEqualTo(1);
        verify(source, times(1)).loadAll();
    }

    @Test
    void reloadSwapsInANewSnapshotWithApprovedDraftsAsArticles() {
        when(source.loadAll()).thenReturn(List.of(article("refunds", "Refund policy")));
        when(scenarios.list(eq(ScenarioStatus.APPROVED), anyInt())).thenReturn(List.of(),
                List.of(approved(4, "Do you accept crypto?", "Not yet; cards and bank transfer only."),
                        approved(5, "Is there a Linux app?", "")));
        KnowledgeService service = new KnowledgeService(source, scenarios);
        KnowledgeBase before = service.current();

        KnowledgeReload reload = service.reload();

        assertThat(reload).isEqualTo(new KnowledgeReload(2, 1));
        assertThat(service.current()).isNotSameAs(before);
        assertThat(service.current().search("do you accept crypto", 1)).singleElement()
                .satisfies(hit -> assertThat(hit.article().id()).isEqualTo(new ArticleId("scenario-4")));
    }

    @Test
    void aFailedReloadKeepsTheSnapshotInPlace() {
        when(source.loadAll()).thenReturn(List.of(article("refunds", "Refund policy")))
                .thenThrow(new TransientStorageException("kb.loadAll", "503"));
        KnowledgeService service = new KnowledgeService(source, scenarios);
        KnowledgeBase before = service.current();

        assertThatThrownBy(service::reload).isInstanceOf(TransientStorageException.class);

        assertThat(service.current()).isSameAs(before);
    }

    @Test
    void aFailedFirstLoadIsTriedAgainOnTheNextUse() {
        when(source.loadAll()).thenThrow(new TransientStorageException("kb.loadAll", "503"))
                .thenReturn(List.of(article("refunds", "Refund policy")));
        KnowledgeService service = new KnowledgeService(source, scenarios);

        assertThatThrownBy(service::current).isInstanceOf(TransientStorageException.class);

        assertThat(service.current().size()).isEqualTo(1);
    }
}
