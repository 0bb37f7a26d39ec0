package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RichTextTest {
    private final Renderer renderer = KernelRenderer.create();

    private static void assertRendersAs(DisplayData data, MIMEType rich, String source) {
        assertThat(data.getData(rich)).isEqualTo(source);
        assertThat(data.getData(MIMEType.TEXT_PLAIN)).isEqualTo(source);
        // Nothing else: e.g. HTML must not also claim to be markdown.
        for (MIMEType other : new MIMEType[] {MIMEType.TEXT_HTML, MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_LATEX}) {
            if (!other.equals(rich)) {
                assertThat(data.hasDataForType(other)).as(other.toString()).isFalse();
            }
        }
    }

    @Test
    void htmlIsPassedThroughUnescaped() {
        assertRendersAs(renderer.render(RichText.html("<b>x</b>")), MIMEType.TEXT_HTML, "<b>x</b>");
    }

    @Test
    void markdownRendersAsTextMarkdown() {
        assertRendersAs(renderer.render(RichText.markdown("**bold**")), MIMEType.TEXT_MARKDOWN, "**bold**");
    }

    @Test
    void latexRendersAsTextLatex() {
        assertRendersAs(renderer.render(RichText.latex("$$ x^2 $$")), MIMEType.TEXT_LATEX, "$$ x^2 $$");
    }

    @Test
    void theyRenderEvenWithoutCourseRenderers() {
        assertRendersAs(new Renderer().render(RichText.html("<i>i</i>")), MIMEType.TEXT_HTML, "<i>i</i>");
    }

    @Test
    void askingForTextOnlyGivesOnlyText() {
        DisplayData data = renderer.renderAs(RichText.html("<b>x</b>"), "text/plain");

        assertThat(data.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
        assertThat(data.getData(MIMEType.TEXT_PLAIN)).isEqualTo("<b>x</b>");
    }

    @Test
    void nullSourceIsRejectedEarly() {
        assertThatNullPointerException().isThrownBy(() -> RichText.html(null));
        assertThatNullPointerException().isThrownBy(() -> RichText.markdown(null));
        assertThatNullPointerException().isThrownBy(() -> RichText.latex(null));
    }
}
