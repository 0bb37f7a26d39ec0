package ttlab.kernel.assist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.kernel.assist.JavadocText.Style.HTML;
import static ttlab.kernel.assist.JavadocText.Style.MARKDOWN;
import static ttlab.kernel.assist.JavadocText.Style.PLAIN;

class JavadocTextTest {

    // The shape JShell hands out: the comment without its '*', each line keeping one blank.
    private static final String RAW = String.join("\n",
            " Returns the larger of {@code a} and {@code b}, see {@link java.util.List#add(Object) add}.",
            " <p>Works for {@code List<String>} too &amp; more.",
            "",
            " @param a the first {@code int}",
            " @param b the second",
            "        one, on two lines",
            " @return the larger value",
            " @throws IllegalStateException never");

    @Test
    void splitsTheDescriptionFromTheBlockTags() {
        JavadocText javadoc = JavadocText.parse(RAW);

        assertThat(javadoc.tags()).extracting(JavadocText.BlockTag::name)
                .containsExactly("param", "param", "return", "throws");
        assertThat(javadoc.tags().get(1).text()).isEqualTo("b the second\n       one, on two lines");
    }

    @Test
    void rendersPlainTextWithoutMarkup() {
        String text = JavadocText.parse(RAW).render(PLAIN, true);

        assertThat(text).startsWith("Returns the larger of a and b, see add.")
                .contains("Works for List<String> too & more.")
                .contains("Parameters:\n  a - the first int\n  b - the second one, on two lines\n")
                .contains("Returns:\n  the larger value")
                .contains("Throws:\n  IllegalStateException - never")
                .doesNotContain("{@", "<p>", "&amp;");
    }

    @Test
    void rendersHtmlWithCodeAndADefinitionList() {
        String html = JavadocText.parse(RAW).render(HTML, true);

        assertThat(html).contains("<code>a</code> and <code>b</code>")
                .contains("<code>List&lt;String&gt;</code>")
                .contains("<p>Works")
                .contains("<dl>", "<dt>Parameters:</dt>", "<dd><code>a</code> - the first <code>int</code></dd>")
                .contains("<dt>Returns:</dt>\n<dd>the larger value</dd>");
    }

    @Test
    void rendersMarkdownWithBackticks() {
        String markdown = JavadocText.parse(RAW).render(MARKDOWN, true);

        assertThat(markdown).contains("`a` and `b`", "`List<String>`", "**Parameters:**",
                "- `a` - the first `int`", "**Returns:**\n- the larger value");
    }

    @Test
    void leavesTheBlockTagsOutWhenNotAskedForDetail() {
        String text = JavadocText.parse(RAW).render(PLAIN, false);

        assertThat(text).contains("Works for").doesNotContain("Parameters:", "Returns:", "never");
    }

    @Test
    void readsLinksWithoutLabelsAsQualifiedNames() {
        assertThat(JavadocText.parse(" See {@link List#add} and {@link #size()}.").render(PLAIN, false))
                .isEqualTo("See List.add and size().");
        assertThat(JavadocText.parse(" See {@linkplain java.util.Map maps}.").render(MARKDOWN, false))
                .isEqualTo("See maps.");
    }

    @Test
    void keepsNestedBracesInsideInlineCode() {
        assertThat(JavadocText.parse(" Write {@code new int[] {1, 2}} here.").render(PLAIN, false))
                .isEqualTo("Write new int[] {1, 2} here.");
    }

    @Test
    void turnsParagraphsAndListsIntoLines() {
        String text = JavadocText.parse(" One.<p>Two:<ul><li>first</li><li>second</li></ul>")
                .render(PLAIN, false);

        assertThat(text).isEqualTo("One.\n\nTwo:\n\n- first\n- second");
    }

    @Test
    void readsASeeTagAsALink() {
        assertThat(JavadocText.parse(" Text.\n @see Object#toString()").render(PLAIN, true))
                .endsWith("See also:\n  Object.toString()");
        assertThat(JavadocText.parse(" Text.\n @see \"The Book\"").render(PLAIN, true))
                .endsWith("See also:\n  \"The Book\"");
    }

    @Test
    void startsEachParagraphFlushLeft() {
        assertThat(JavadocText.parse(" One.\n <p> Two.").render(PLAIN, false)).isEqualTo("One.\n\nTwo.");
    }

    @Test
    void dropsLinksIntoApiPagesTheNotebookDoesNotHave() {
        assertThat(JavadocText.parse(" See <a href=\"#unmodifiable\">Unmodifiable Lists</a>.")
                .render(HTML, false)).isEqualTo("See Unmodifiable Lists.");
    }

    @Test
    void aMissingCommentIsEmpty() {
        assertThat(JavadocText.parse(null).isEmpty()).isTrue();
        assertThat(JavadocText.parse("").render(HTML, true)).isEmpty();
    }
}
