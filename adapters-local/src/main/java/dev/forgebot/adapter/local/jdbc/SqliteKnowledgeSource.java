package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@link KnowledgeSource} on the {@code kb_articles} table. An embedded database needs no paging:
 * {@code loadAll} reads every row in one query and orders them by {@link ArticleId}'s own order (Java
 * string order, which SQLite's byte order matches only for ASCII ids). {@code save} is one
 * transaction of upserts on the id. Thread-safe through {@link Database}.
 */
final class SqliteKnowledgeSource implements KnowledgeSource {

    private final Database database;
    private final JsonCodec json;

    SqliteKnowledgeSource(Database database, JsonCodec json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public List<Article> loadAll() {
        return database.inTransaction("kb_articles.loadAll", connection -> {
            List<Article> articles = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, title, body, tags FROM kb_articles ORDER BY id"); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    articles.add(new Article(new ArticleId(row.getString("id")), row.getString("title"),
                            row.getString("body"), json.readStrings(row.getString("tags"))));
                }
            }
            articles.sort(Comparator.comparing(Article::id));
            return List.copyOf(articles);
        });
    }

    @Override
    public int save(Collection<Article> articles) {
        Objects.requireNonNull(articles, "articles");
        articles.forEach(article -> Objects.requireNonNull(article, "article"));
        if (articles.isEmpty()) {
            return 0;
        }
        return database.inTransaction("kb_articles.save", connection -> {
            int written = 0;
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO kb_articles (id, title, body, tags) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, tags = excluded.tags""")) {
                for (Article article : articles) {
                    upsert.setString(1, article.id().value());
                    upsert.setString(2, article.title());
                    upsert.setString(3, article.body());
                    upsert.setString(4, json.writeStrings(article.tags()));
                    written += upsert.executeUpdate();
                }
            }
            return written;
        });
    }
}
