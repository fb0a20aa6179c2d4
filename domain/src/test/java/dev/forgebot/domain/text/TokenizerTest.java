package dev.forgebot.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void dropsStopWordsAndPunctuation() {
        assertThat(Tokenizer.terms("How do I get a refund?!")).containsExactly("refund");
    }

    @Test
    void foldsInflectionsOntoOneStem() {
        assertThat(Tokenizer.terms("refunds refunded refunding")).containsOnly("refund");
        assertThat(Tokenizer.terms("cancel cancelled cancellation canceling")).containsOnly("cancel");
        assertThat(Tokenizer.terms("price prices pricing")).containsOnly("pric");
        assertThat(Tokenizer.terms("integrations integrate integrating")).containsOnly("integrat");
    }

    @Test
    void keepsApostrophesInsideWordsAndDropsPossessives() {
        assertThat(Tokenizer.terms("Don't lose the team's invoices")).containsExactly("dont", "lose", "team", "invoic");
    }

    @Test
    void wordsOfOtherScriptsStayWhole() {
        assertThat(Tokenizer.terms("מחיר مرحبا цена")).containsExactly("מחיר", "مرحبا", "цена");
    }

    @Test
    void emojiAndInvisibleCharactersSeparateOrVanish() {
        assertThat(Tokenizer.terms("export👋data")).containsExactly("export", "data");
        assertThat(Tokenizer.terms("ex\u200Bport")).containsExactly("export");
    }

    @Test
    void emptyTextHasNoTerms() {
        assertThat(Tokenizer.terms("")).isEmpty();
        assertThat(Tokenizer.terms("?! ... 👍")).isEmpty();
    }

    @Test
    void longRunsAreCut() {
        String blob = "x".repeat(10_000);

        assertThat(Tokenizer.terms(blob)).singleElement().asString().hasSize(Tokenizer.MAX_TERM_LENGTH);
    }

    @Test
    void numbersAreTerms() {
        assertThat(Tokenizer.terms("plan 2024 costs 49")).containsExactly("plan", "2024", "cost", "49");
    }
}
