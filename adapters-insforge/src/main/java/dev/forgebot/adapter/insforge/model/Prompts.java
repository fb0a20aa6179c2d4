package dev.forgebot.adapter.insforge.model;

import dev.forgebot.domain.knowledge.Article;

import java.util.List;

/** The grounded prompts, as pure functions of their inputs. */
final class Prompts {

    static final String ANSWER_SYSTEM = """
            You are the support assistant of a business. Answer the customer's question using ONLY the \
            numbered knowledge-base articles in the user message. Do not use any other knowledge and do \
            not invent facts, prices, dates or links. If the articles do not contain the answer, say that \
            you don't know and that a colleague will follow up. Answer briefly, in the language of the \
            question.""";

    static final String SUGGEST_SYSTEM = """
            You help an operator write a reusable answer for a frequently asked customer question. \
            Propose one answer using ONLY the numbered knowledge-base articles in the user message. \
            If the articles do not cover the question, say which information is missing instead of \
            inventing it. Keep it short and friendly.""";

    private Prompts() {
    }

    static String answerUser(String question, List<Article> articles, int maxArticles, int maxChars) {
        return "Articles:\n" + numbered(articles, maxArticles, maxChars) + "\nQuestion: " + question.strip();
    }

    static String suggestUser(String question, List<String> examples, List<Article> articles, int maxArticles,
                              int maxChars) {
        StringBuilder sb = new StringBuilder("Articles:\n").append(numbered(articles, maxArticles, maxChars));
        sb.append("\nQuestion: ").append(question.strip()).append('\n');
        if (!examples.isEmpty()) {
            sb.append("\nCustomers asked it like this:\n");
            examples.stream().limit(10).forEach(e -> sb.append("- ").append(cut(e.strip(), 300)).append('\n'));
        }
        return sb.toString();
    }

    /** The first {@code max} articles, numbered from 1; "(none)" when there are none. */
    static String numbered(List<Article> articles, int max, int maxChars) {
        if (articles.isEmpty()) {
            return "(none)\n";
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Article a : articles) {
            if (n == max) {
                break;
            }
            n++;
            sb.append('[').append(n).append("] ").append(a.title().strip()).append('\n')
                    .append(cut(a.body().strip(), maxChars)).append("\n\n");
        }
        return sb.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
