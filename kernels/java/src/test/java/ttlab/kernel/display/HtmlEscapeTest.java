package ttlab.kernel.display;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlEscapeTest {

    @Test
    void escapesWhatHtmlGivesAMeaning() {
        assertThat(HtmlEscape.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void nullIsEmpty() {
        assertThat(HtmlEscape.escape(null)).isEmpty();
    }

    @Test
    void keepsLayoutAndUnicodeButNotControlCharacters() {
        assertThat(HtmlEscape.escape("expected: 9\n but was:\t-9\r\n"))
                .as("alignment whitespace is kept").isEqualTo("expected: 9\n but was:\t-9\r\n");
        assertThat(HtmlEscape.escape("Zoë › ≠ 😀")).isEqualTo("Zoë › ≠ 😀");
        assertThat(HtmlEscape.escape("\u001b[31mred\u001b[0m\u0000\u007f")).isEqualTo("\uFFFD[31mred\uFFFD[0m\uFFFD\uFFFD");
    }
}
