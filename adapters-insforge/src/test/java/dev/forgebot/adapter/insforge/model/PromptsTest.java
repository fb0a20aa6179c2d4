package dev.forgebot.adapter.insforge.model;

import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptsTest {

    static Article article(int i) {
        return new Article(new ArticleId("a" + i), "Title " + i, "Body " + i, List.of());
    }

    @Test
    void numbersOnlyTheTopArticlesAndEndsWithTheQuestion() {
        String user = Prompts.answerUser(" When are you open? ", List.of(article(1), article(2), article(3)), 2, 4000);

        assertThat(user).isEqualTo("Articles:\n[1] Title 1\nBody 1\n\n[2] Title 2\nBody 2\n\n\nQuestion: When are you open?");
    }

    @Test
    void saysNoneWhenThereAreNoArticles() {
        assertThat(Prompts.answerUser("q", List.of(), 5, 4000)).contains("(none)");
    }

    @Test
    void cutsLongBodies() {
        Article a = new Article(new ArticleId("x"), "T", "x".repeat(500), List.of());

        assertThat(Prompts.numbered(List.of(a), 5, 100)).contains("x".repeat(100) + "…").doesNotContain("x".repeat(101));
    }

    @Test
    void suggestListsTheExamples() {
        String user = Prompts.suggestUser("Do you deliver?", List.of("delivery to Oslo?", "ship abroad?"),
                List.of(article(1)), 5, 4000);

        assertThat(user).containsSubsequence("[1] Title 1", "Question: Do you deliver?", "- delivery to Oslo?",
                "- ship abroad?");
    }

    @Test
    void systemPromptGroundsTheAnswer() {
        assertThat(Prompts.ANSWER_SYSTEM).contains("ONLY").contains("don't know");
    }

    @Test
    void keyNeverShowsInToStringOrValidationMessages() {
        String secret = "sk-or-v1-MODEL_s3cr3t_abcdef";
        ModelConfig config = ModelConfig.defaults(URI.create("https://openrouter.ai/api/v1/"), ModelKey.of(secret),
                "openai/gpt-4o-mini");

        assertThat(config.toString()).doesNotContain(secret).contains("ModelKey[****]");
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://openrouter.ai/api/v1"));
        assertThatThrownBy(() -> ModelKey.of("sk-or x")).hasMessageNotContaining("sk-or");
        try (OpenAiLanguageModel model = new OpenAiLanguageModel(config)) {
            assertThat(model.toString()).doesNotContain(secret);
        }
    }
}
