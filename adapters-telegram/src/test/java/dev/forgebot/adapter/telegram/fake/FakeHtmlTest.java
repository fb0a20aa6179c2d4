package dev.forgebot.adapter.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FakeHtmlTest {

    @Test
    void stripsSupportedTagsAndDecodesEntities() throws Exception {
        String html = "<b>Price</b>: 10 &lt; 20 &amp;&amp; <i>a</i> &quot;<a href=\"https://x.example/?a=1&amp;b=2\">"
                + "link</a>&quot; <span class=\"tg-spoiler\">s</span> &#128512; &#x41; <pre><code class=\"language-java\">"
                + "x &gt; y</code></pre> <BLOCKQUOTE expandable>q</BLOCKQUOTE>";

        assertThat(FakeHtml.parse(html)).isEqualTo("Price: 10 < 20 && a \"link\" s \uD83D\uDE00 A x > y q");
    }

    @Test
    void aBareGreaterThanIsAcceptedLikeTelegramDoes() throws Exception {
        assertThat(FakeHtml.parse("a > b")).isEqualTo("a > b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<b>open                | Can't find end tag corresponding to start tag \"b\"",
            "<b><i>x</b></i>        | Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"",
            "x</b>                  | Unexpected end tag at byte offset 1",
            "<div>x</div>           | Unsupported start tag \"div\" at byte offset 0",
            "1 < 2                  | Unexpected end of name token at byte offset 2",
            "ü <b                   | Unclosed start tag at byte offset 3",
            "Tom & Jerry            | Character '&' at byte offset 4 does not begin an HTML entity",
            "&nbsp;                 | Unsupported HTML entity \"&nbsp;\" at byte offset 0",
            "<span>x</span>         | Tag \"span\" must have class \"tg-spoiler\" at byte offset 0"})
    void refusesWhatTelegramWouldRefuse(String html, String problem) {
        assertThatThrownBy(() -> FakeHtml.parse(html.strip()))
                .isInstanceOf(FakeHtml.Invalid.class)
                .hasMessage(problem.strip());
    }
}
