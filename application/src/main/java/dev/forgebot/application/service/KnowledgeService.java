package dev.forgebot.application.service;

import dev.forgebot.application.port.in.ReloadKnowledge;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import dev.forgebot.domain.knowledge.KnowledgeBase;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.ScenarioStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the one knowledge-base snapshot every handler shares. It is loaded from the
 * {@link KnowledgeSource} on first use (not in the constructor, so wiring does no I/O) and then only
 * by {@link #reload()}, which builds a new snapshot from the articles plus the approved scenario
 * drafts and swaps it in atomically; a handler keeps the snapshot it started with.
 *
 * <p>Thread-safe. A failed load throws the source's storage exception and leaves the previous
 * snapshot in place.
 */
public final class KnowledgeService implements ReloadKnowledge {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

    /** Approved drafts beyond this many are not turned into articles in one reload. */
    static final int MAX_APPROVED_DRAFTS = 10_000;

    private final KnowledgeSource source;
    private final ScenarioRepository scenarios;
    private final AtomicReference<KnowledgeBase> snapshot = new AtomicReference<>();
    private final ReentrantLock loading = new ReentrantLock();

    public KnowledgeService(KnowledgeSource source, ScenarioRepository scenarios) {
        this.source = Objects.requireNonNull(source, "source");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
    }

    /** The current snapshot, loading it first if nothing was loaded yet. */
    public KnowledgeBase current() {
        KnowledgeBase current = snapshot.get();
        if (current != null) {
            return current;
        }
        loading.lock();
        try {
            current = snapshot.get();
            if (current == null) {
                current = build().base();
                snapshot.set(current);
            }
            return current;
        } finally {
            loading.unlock();
        }
    }

    @Override
    public KnowledgeReload reload() {
        loading.lock();
        try {
            Built built = build();
            snapshot.set(built.base());
            log.info("knowledge base reloaded articles={} fromDrafts={}", built.base().size(), built.fromDrafts());
            return new KnowledgeReload(built.base().size(), built.fromDrafts());
        } finally {
            loading.unlock();
        }
    }

    private Built build() {
        Map<ArticleId, Article> articles = new LinkedHashMap<>();
        for (Article article : source.loadAll()) {
            articles.put(article.id(), article);
        }
        int fromDrafts = 0;
        for (ScenarioDraft draft : scenarios.list(ScenarioStatus.APPROVED, MAX_APPROVED_DRAFTS)) {
            Article article = articleOf(draft);
            if (article != null && articles.putIfAbsent(article.id(), article) == null) {
                fromDrafts++;
            }
        }
        return new Built(KnowledgeBase.of(new ArrayList<>(articles.values())), fromDrafts);
    }

    /** The article an approved draft becomes; null when it has no answer to offer. */
    static Article articleOf(ScenarioDraft draft) {
        if (draft.suggestedAnswer().isBlank()) {
            return null;
        }
        String title = draft.representative().length() > 200 ? draft.representative().substring(0, 200) : draft.representative();
        String body = draft.suggestedAnswer() + "\n\n" + String.join("\n", draft.examples());
        return new Article(new ArticleId("scenario-" + draft.number()), title, body, List.of("scenario"));
    }

    private record Built(KnowledgeBase base, int fromDrafts) {
    }
}
