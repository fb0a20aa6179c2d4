package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.contract.SampleTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramHtmlTest {

    @Test
    void escapesAmpersandBeforeAngleBracketsSoNothingIsEscapedTwice() {
        String escaped = TelegramHtml.escape("a < b && c > d");

        assertThat(escaped).isEqualTo("a &lt; b &amp;&amp; c &gt; d");
    }

    @Test
    void escapesTextThatLooksLikeAnEntityAsText() {
        assertThat(TelegramHtml.escape("&lt; is written &amp;lt;")).isEqualTo("&amp;lt; is written &amp;amp;lt;");
    }

    @Test
    void escapeLeavesQuotesInTextAlone() {
        assertThat(TelegramHtml.escape("say \"hi\" <now>")).isEqualTo("say \"hi\" &lt;now&gt;");
    }

    @Test
    void escapeAttributeAlsoEscapesQuotes() {
        assertThat(TelegramHtml.escapeAttribute("https://x.test/?q=\"a\"&b=<c>"))
                .isEqualTo("https://x.test/?q=&quot;a&quot;&amp;b=&lt;c&gt;");
    }

    @Test
    void toPlainTextStripsTagsAndDecodesEntities() {
        String html = "<b>Bold</b> &amp; <a href=\"https://x.test/?a=1&amp;b=2\">link</a> &lt;tag&gt; &quot;q&quot;";

        assertThat(TelegramHtml.toPlainText(html)).isEqualTo("Bold & link <tag> \"q\"");
    }

    @Test
    void toPlainTextDecodesNumericEntitiesAndKeepsUnknownOnes() {
        assertThat(TelegramHtml.toPlainText("&#128512; &#x1F600; &#65; &nbsp; &#99999999;"))
                .isEqualTo("😀 😀 A &nbsp; &#99999999;");
    }

    @Test
    void toPlainTextKeepsAStrayAmpersandOrBracketAsText() {
        assertThat(TelegramHtml.toPlainText("Fish & chips < 5 EUR, 3 > 2; &amp")).isEqualTo("Fish & chips < 5 EUR, 3 > 2; &amp");
    }

    @Test
    void toPlainTextDoesNotEndATagAtABracketInsideQuotes() {
        assertThat(TelegramHtml.toPlainText("<a href=\"https://x.test/a>b\">link</a>!")).isEqualTo("link!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a < b && c > d", "&amp; &lt; &#65; literally", "<b>not a tag</b>",
        "\"quotes\" and 'apostrophes'", "emoji 👩‍💻🇺🇦 and Cafe\u0301", "&", "<", ">", "&;", "&#;"})
    void toPlainTextReadsBackWhatEscapeWrote(String text) {
        assertThat(TelegramHtml.toPlainText(TelegramHtml.escape(text))).isEqualTo(text);
    }

    @Test
    void toPlainTextReadsBackEscapedUnicodeSample() {
        assertThat(TelegramHtml.toPlainText(TelegramHtml.escape(SampleTexts.UNICODE))).isEqualTo(SampleTexts.UNICODE);
    }

    @Test
    void escapedTextIsWellFormedTelegramHtml() {
        String escaped = TelegramHtml.escape("a < b && c > d & <i>x</i> " + SampleTexts.UNICODE);

        assertThat(HtmlChecks.isWellFormed(escaped)).isTrue();
        assertThat(HtmlChecks.isWellFormed("a < b")).isFalse();
    }
}
