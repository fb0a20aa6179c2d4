package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link KnowledgeSource} in memory; passes {@code KnowledgeSourceContract}. Counts how many times
 * {@link #loadAll} was called, so tests can tell a cached snapshot from a reload. Thread-safe (one lock).
 */
public class InMemoryKnowledgeSource implements KnowledgeSource {

    private final Map<ArticleId, Article> articles = new TreeMap<>();
    private int loadCount;

    /** An empty source. */
    public InMemoryKnowledgeSource() {
    }

    /** A source holding {@code initial}. */
    public InMemoryKnowledgeSource(Collection<Article> initial) {
        initial.forEach(a -> articles.put(a.id(), a));
    }

    @Override
    public synchronized List<Article> loadAll() {
        loadCount++;
        return List.copyOf(articles.values());
    }

    @Override
    public synchronized int save(Collection<Article> toSave) {
        toSave.forEach(a -> articles.put(a.id(), a));
        return toSave.size();
    }

    /** How many times {@link #loadAll} was called. */
    public synchronized int loadCount() {
        return loadCount;
    }
}
