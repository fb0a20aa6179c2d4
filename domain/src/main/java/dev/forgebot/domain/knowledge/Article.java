package dev.forgebot.domain.knowledge;

import java.util.List;

/**
 * One knowledge-base article: what the bot may answer with.
 *
 * @param id    its stable identifier
 * @param title a short, non-blank title; weighted highest in search
 * @param body  the non-blank answer text
 * @param tags  keywords weighted above the body in search; copied and immutable, possibly empty
 */
public record Article(ArticleId id, String title, String body, List<String> tags) {

    /**
     * Validates and copies the article.
     *
     * @throws IllegalArgumentException if the id is missing, the title or body blank, or a tag null
     */
    public Article {
        if (id == null) {
            throw new IllegalArgumentException("article id must not be null");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("article " + id + ": title must not be blank");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("article " + id + ": body must not be blank");
        }
        if (tags == null) {
            throw new IllegalArgumentException("article " + id + ": tags must not be null (use an empty list)");
        }
        if (tags.stream().anyMatch(tag -> tag == null)) {
            throw new IllegalArgumentException("article " + id + ": tags must not contain null");
        }
        tags = List.copyOf(tags);
    }
}
