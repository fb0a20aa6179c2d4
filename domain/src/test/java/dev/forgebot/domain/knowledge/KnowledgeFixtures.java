package dev.forgebot.domain.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the knowledge fixtures: plain TSV files with a header line. */
final class KnowledgeFixtures {

    static final String ARTICLES = "/fixtures/knowledge/articles.tsv";
    static final String QUESTIONS = "/fixtures/knowledge/questions.tsv";

    /** One labelled question; {@code expected} is null when the base cannot answer it. */
    record LabelledQuestion(String split, ArticleId expected, String text) {
    }

    private KnowledgeFixtures() {
    }

    static List<Article> articles() {
        List<Article> articles = new ArrayList<>();
        for (String[] row : rows(ARTICLES, 4)) {
            List<String> tags = Arrays.stream(row[2].split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
            articles.add(new Article(new ArticleId(row[0]), row[1], row[3], tags));
        }
        return articles;
    }

    static List<LabelledQuestion> questions() {
        List<LabelledQuestion> questions = new ArrayList<>();
        for (String[] row : rows(QUESTIONS, 3)) {
            ArticleId expected = row[1].equals("-") ? null : new ArticleId(row[1]);
            questions.add(new LabelledQuestion(row[0], expected, row[2]));
        }
        return questions;
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = KnowledgeFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource);
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] row = lines.get(i).split("\t", -1);
                if (row.length != columns) {
                    throw new IllegalStateException(resource + " line " + (i + 1) + ": expected " + columns + " columns, found " + row.length);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
