package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.application.contract.SampleTexts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageSplitterTest {

    private static final int LIMIT = MessageSplitter.TELEGRAM_LIMIT;
    private static final String EMOJI = "😀";
    private static final Pattern OPENING_TAG = Pattern.compile("^(?:<[a-z]+(?: [a-z]+=\"[^\"]*\")*>)*");

    private static List<String> plain(String text) {
        return MessageSplitter.split(text, false, LIMIT);
    }

    private static List<String> html(String text) {
        return MessageSplitter.split(text, true, LIMIT);
    }

    /** Words of {@code wordLength} letters separated by single spaces, {@code length} characters in all. */
    private static String words(int length, int wordLength) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append((text.length() + 1) % (wordLength + 1) == 0 ? ' ' : 'w');
        }
        return text.toString();
    }

    /**
     * Lines of {@code lineLength} characters (words of six letters, no space at either end) joined by
     * single line breaks, {@code length} characters in all.
     */
    private static String lines(int length, int lineLength) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int column = text.length() % (lineLength + 1);
            text.append(column == lineLength ? '\n' : column % 7 == 6 && column < lineLength - 1 ? ' ' : 'l');
        }
        return text.toString();
    }

    /**
     * Asserts the parts are the text in order with only white space dropped at the cuts: each part is
     * found where the previous one ended, after nothing but white space.
     */
    private static void assertPartsAreTheTextInOrder(String text, List<String> parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertThat(found).as("part found at the next position").isGreaterThanOrEqualTo(at);
            assertThat(text.substring(at, found)).as("text between parts").isBlank();
            at = found + part.length();
        }
        assertThat(text.substring(at)).as("text after the last part").isBlank();
    }

    @Test
    void aTextOfExactly4096CharactersIsOnePart() {
        String text = "x".repeat(LIMIT);

        assertThat(plain(text)).containsExactly(text);
    }

    @Test
    void aTextOf4097CharactersIsTwoParts() {
        String text = "x".repeat(LIMIT + 1);

        assertThat(plain(text)).containsExactly("x".repeat(LIMIT), "x");
    }

    @Test
    void prefersTheLastParagraphBoundaryThatFits() {
        String first = lines(2500, 60);
        String second = lines(1000, 60);
        String third = lines(3000, 60);
        String text = first + "\n\n" + second + "\n\n" + third;

        List<String> parts = plain(text);

        assertThat(parts).containsExactly(first + "\n\n" + second, third);
    }

    @Test
    void prefersALineBreakOverASpaceWhenThereIsNoParagraph() {
        String text = lines(9000, 100);

        List<String> parts = plain(text);

        assertThat(parts).hasSize(3);
        assertThat(parts.subList(0, 2)).allSatisfy(part -> assertThat(part.length()).isBetween(LIMIT - 101, LIMIT));
        int firstEnd = parts.get(0).length();
        assertThat(text.charAt(firstEnd)).isEqualTo('\n');
        assertThat(text.lastIndexOf('\n', LIMIT)).isEqualTo(firstEnd);
        assertPartsAreTheTextInOrder(text, parts);
    }

    @Test
    void cutsAtTheLastSpaceWhenThereIsNoLineBreak() {
        String text = words(9000, 9);

        List<String> parts = plain(text);

        assertThat(parts.get(0)).isEqualTo(text.substring(0, text.lastIndexOf(' ', LIMIT)));
        assertThat(parts.get(0).length()).isEqualTo(4089);
        assertPartsAreTheTextInOrder(text, parts);
    }

    @Test
    void doesNotCutAtABoundaryThatWouldLeaveAShortPart() {
        String text = "Intro.\n\n" + words(6000, 9);

        List<String> parts = plain(text);

        assertThat(parts.get(0).length()).isGreaterThan(LIMIT / 2);
        assertThat(parts.get(0)).startsWith("Intro.\n\nwwwwwwwww ");
    }

    @Test
    void cutsALongWordHard() {
        String text = "y".repeat(5000) + " end";

        List<String> parts = plain(text);

        assertThat(parts).containsExactly("y".repeat(LIMIT), "y".repeat(5000 - LIMIT) + " end");
    }

    @Test
    void neverCutsASurrogatePairInATextOfEmojiOnly() {
        String text = EMOJI.repeat(3000);

        List<String> parts = plain(text);

        assertThat(parts).containsExactly(EMOJI.repeat(2048), EMOJI.repeat(952));
    }

    @Test
    void movesAHardCutThatWouldFallInsideASurrogatePairBeforeIt() {
        String text = "a" + EMOJI.repeat(3000);

        List<String> parts = plain(text);

        assertThat(parts.get(0)).isEqualTo("a" + EMOJI.repeat(2047)).hasSize(4095);
        assertThat(parts).allSatisfy(part -> assertThat(HtmlChecks.hasWholeSurrogatePairs(part)).isTrue());
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void keepsAnEmojiSequenceWhole() {
        String coder = "👩‍💻";
        String text = "a".repeat(LIMIT - 3) + coder + "b".repeat(10);

        List<String> parts = plain(text);

        assertThat(parts).containsExactly("a".repeat(LIMIT - 3), coder + "b".repeat(10));
    }

    @Test
    void leavesOutWhiteSpaceThatWouldBeAPartOfItsOwn() {
        String text = words(4000, 9) + " ".repeat(5000) + "tail";

        List<String> parts = plain(text);

        assertThat(parts).hasSize(2).allSatisfy(part -> assertThat(part).isNotBlank());
        assertThat(parts.get(1)).isEqualTo("tail");
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000})
    void aLongPlainTextSplitsIntoPartsThatAreTheTextInOrder(int length) {
        String text = SampleTexts.ofLength(length);

        List<String> parts = plain(text);

        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isBetween(1, LIMIT));
        assertThat(parts.subList(0, parts.size() - 1))
                .allSatisfy(part -> assertThat(part.length()).isBetween(LIMIT - 30, LIMIT));
        assertThat(parts).hasSizeBetween((length + LIMIT - 1) / LIMIT, (length + LIMIT - 1) / LIMIT + 1);
        assertPartsAreTheTextInOrder(text, parts);
        System.out.printf("splitter plain length=%d parts=%d longest=%d shortest=%d%n", length, parts.size(),
                parts.stream().mapToInt(String::length).max().orElseThrow(),
                parts.stream().mapToInt(String::length).min().orElseThrow());
    }

    @Test
    void closesAndReopensALinkWithItsAttributesAcrossParts() {
        String open = "<a href=\"https://example.com/very/long?x=1&amp;y=2\">";
        String text = "Start " + open + words(9000, 9) + "</a> done.";

        List<String> parts = html(text);

        assertThat(parts).hasSize(3).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(LIMIT);
            assertThat(HtmlChecks.isWellFormed(part)).as("well-formed: %s", part.substring(0, 80)).isTrue();
        });
        assertThat(parts.get(0)).startsWith("Start " + open).endsWith("</a>");
        assertThat(parts.get(1)).startsWith(open + "w").endsWith("</a>");
        assertThat(parts.get(2)).startsWith(open + "w").endsWith("</a> done.");
    }

    @Test
    void reopensNestedTagsInOrderAndClosesThemInReverse() {
        String text = "<b>bold <i>both " + words(5000, 9) + "</i> bold</b>";

        List<String> parts = html(text);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith("<b>bold <i>both ").endsWith("</i></b>");
        assertThat(parts.get(1)).startsWith("<b><i>w").endsWith("</i> bold</b>");
        assertThat(parts).allSatisfy(part -> assertThat(HtmlChecks.isWellFormed(part)).isTrue());
    }

    @Test
    void countsTheReopenedAndClosingTagsInTheLimit() {
        String open = "<a href=\"https://example.com/" + "p".repeat(200) + "\">";
        String text = "<b>" + open + "z".repeat(12_000) + "</a></b>";

        List<String> parts = html(text);

        assertThat(parts).hasSize(4).allSatisfy(part -> {
            assertThat(part).hasSizeLessThanOrEqualTo(LIMIT).startsWith("<b>" + open).endsWith("</a></b>");
            assertThat(HtmlChecks.isWellFormed(part)).isTrue();
        });
        assertThat(parts.get(0)).hasSize(LIMIT);
    }

    @Test
    void neverCutsAnEntity() {
        String text = "&amp;".repeat(2000) + "&#128512;".repeat(500);

        List<String> parts = html(text);

        assertThat(parts).hasSizeGreaterThan(1)
                .allSatisfy(part -> assertThat(HtmlChecks.isWellFormed(part)).as("well-formed").isTrue());
        assertThat(parts.stream().map(TelegramHtml::toPlainText).reduce("", String::concat))
                .isEqualTo("&".repeat(2000) + EMOJI.repeat(500));
    }

    @Test
    void cutsAtAParagraphBoundaryInHtml() {
        String first = "<b>Heading</b>\n" + TelegramHtml.escape(lines(3000, 70));
        String second = "<i>" + TelegramHtml.escape(lines(3000, 70)) + "</i>";

        List<String> parts = html(first + "\n\n" + second);

        assertThat(parts).containsExactly(first, second);
    }

    @Test
    void doesNotStartThePartAfterACutWithAnEmptyElement() {
        String bold = "<b>" + words(4079, 9);
        String text = bold + "\n\n</b>" + "tail ".repeat(100);

        List<String> parts = html(text);

        assertThat(parts).containsExactly(bold + "</b>", "tail ".repeat(99) + "tail ");
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000})
    void aLongHtmlTextSplitsIntoWellFormedPartsWithinTheLimit(int length) {
        String text = richHtml(length);

        List<String> parts = html(text);

        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(LIMIT);
            assertThat(HtmlChecks.isWellFormed(part)).as("well-formed part").isTrue();
            Matcher reopened = OPENING_TAG.matcher(part);
            assertThat(reopened.find()).isTrue();
        });
        String visible = parts.stream().map(TelegramHtml::toPlainText).reduce("", String::concat);
        assertThat(visible.replaceAll("\\s", "")).isEqualTo(TelegramHtml.toPlainText(text).replaceAll("\\s", ""));
        System.out.printf("splitter html length=%d parts=%d longest=%d%n", text.length(), parts.size(),
                parts.stream().mapToInt(String::length).max().orElseThrow());
    }

    /** Paragraphs of mixed markup: bold, italics, links with attributes, code, entities, emoji. */
    private static String richHtml(int length) {
        String[] pieces = {
            "<b>Order status</b> for &quot;Acme &amp; Sons&quot;: ",
            "<i>shipped</i> 📦, see <a href=\"https://shop.example/orders?id=42&amp;lang=en\">the order page</a>. ",
            "Prices &lt; 100 &gt; 50 — <code>a &lt;b&gt; c</code> ",
            "<pre><code class=\"language-java\">if (a &lt; b &amp;&amp; c) { go(); }\n</code></pre>",
            "<u>Note</u> <s>old</s> <tg-spoiler>hidden</tg-spoiler> 👩‍💻🇺🇦 Привет мир ",
            "<blockquote>A quoted line\nand another</blockquote>\n",
            "<b>Bold <i>and italic <u>and underlined " + "long text ".repeat(30) + "</u></i></b>\n\n",
        };
        StringBuilder text = new StringBuilder(length + 400);
        int i = 0;
        while (text.length() < length) {
            text.append(pieces[i % pieces.length]);
            i++;
        }
        return text.toString();
    }

    @Test
    void refusesMarkupThatCannotFitInAPart() {
        String text = "<a href=\"https://example.com/" + "p".repeat(LIMIT) + "\">link</a>";

        assertThatThrownBy(() -> html(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortHtmlTextIsReturnedAsItIs() {
        assertThat(html("<b>hi</b>")).containsExactly("<b>hi</b>");
    }

    @Test
    void splitsAtASmallerLimitToo() {
        String text = SampleTexts.ofLength(5000);

        List<String> parts = MessageSplitter.split(text, false, LIMIT / 2);

        assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(LIMIT / 2));
        assertPartsAreTheTextInOrder(text, parts);
    }
}
