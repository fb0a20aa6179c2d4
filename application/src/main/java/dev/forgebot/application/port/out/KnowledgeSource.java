package dev.forgebot.application.port.out;

import dev.forgebot.domain.knowledge.Article;
import java.util.Collection;
import java.util.List;

/**
 * Where the knowledge base's articles are kept.
 *
 * <p>Contract: {@link #loadAll} returns every article, in a stable order (by id, compared as Java
 * strings compare: a binary or "C" collation in SQL), paging through
 * the store as needed. {@link #save} is an upsert on the article id: a true update of the article's
 * title, body and tags. Failures are {@link TransientStorageException} or
 * {@link PermanentStorageException}. Thread-safe.
 */
public interface KnowledgeSource {

    /** Every article, ordered by id. */
    List<Article> loadAll();

    /**
     * Stores the articles, replacing those with the same ids.
     *
     * @return how many were written
     */
    int save(Collection<Article> articles);
}
