package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.insforge.http.Direction;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link KnowledgeSource} on the InsForge {@code kb_articles} table. {@code loadAll} pages through
 * every article ordered by id (pages of {@value RecordsQuery#MAX_LIMIT}, the documented maximum) and
 * sorts them in Java, since the contract's order is Java's string order whatever the column's
 * collation. {@code save} is one upsert ({@code merge-duplicates}) on the id. Thread-safe.
 */
public final class InsForgeKnowledgeSource implements KnowledgeSource {

    private static final String TABLE = "kb_articles";

    private final InsForgeHttpClient client;

    public InsForgeKnowledgeSource(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<Article> loadAll() {
        String op = "kb_articles.loadAll";
        List<JsonNode> rows = client.selectAll(RecordsQuery.from(TABLE).orderBy("id", Direction.ASC)
                .limit(RecordsQuery.MAX_LIMIT), Integer.MAX_VALUE);
        List<Article> articles = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            articles.add(Rows.reading(op, () -> new Article(new ArticleId(Rows.text(op, row, "id")),
                    Rows.text(op, row, "title"), Rows.text(op, row, "body"), EventJson.readStrings(op, row.get("tags")))));
        }
        articles.sort(Comparator.comparing(Article::id));
        return List.copyOf(articles);
    }

    @Override
    public int save(Collection<Article> articles) {
        Objects.requireNonNull(articles, "articles");
        articles.forEach(article -> Objects.requireNonNull(article, "article"));
        if (articles.isEmpty()) {
            return 0;
        }
        // PostgreSQL refuses to upsert one row twice in a statement: the last article of an id wins
        Map<ArticleId, Article> byId = new LinkedHashMap<>();
        for (Article article : articles) {
            byId.put(article.id(), article);
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (Article article : byId.values()) {
            ObjectNode row = Rows.object();
            row.put("id", article.id().value());
            row.put("title", article.title());
            row.put("body", article.body());
            row.set("tags", EventJson.strings(article.tags()));
            rows.add(row);
        }
        int written = 0;
        for (int from = 0; from < rows.size(); from += RecordsQuery.MAX_LIMIT) {
            written += client.upsert(TABLE, rows.subList(from, Math.min(rows.size(), from + RecordsQuery.MAX_LIMIT)), "id")
                    .size();
        }
        return written;
    }
}
