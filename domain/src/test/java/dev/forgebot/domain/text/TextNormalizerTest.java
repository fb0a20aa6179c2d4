package dev.forgebot.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void removesZeroWidthAndBidiCharacters() {
        assertThat(TextNormalizer.normalize("re\u200Bfund\u200D \u200Fpolicy\uFEFF")).isEqualTo("refund policy");
    }

    @Test
    void foldsCaseAndCompatibilityForms() {
        assertThat(TextNormalizer.normalize("ＰＲＩＣＩＮＧ  Plans")).isEqualTo("pricing plans");
    }

    @Test
    void collapsesWhiteSpaceAndTrims() {
        assertThat(TextNormalizer.normalize("  a\t\n b \u00A0 c  ")).isEqualTo("a b c");
    }

    @Test
    void keepsEmojiAndRightToLeftLetters() {
        assertThat(TextNormalizer.normalize("שלום 👋 مرحبا")).isEqualTo("שלום 👋 مرحبا");
    }

    @Test
    void emptyAndInvisibleOnlyTextBecomeEmpty() {
        assertThat(TextNormalizer.normalize("")).isEmpty();
        assertThat(TextNormalizer.normalize("\u200B\u200C \u2060")).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> TextNormalizer.normalize(null));
    }
}
