package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that the registrations pick the right renderer and leave everything else as it was. */
class CourseRenderersTest {
    private final Renderer renderer = KernelRenderer.create();

    @Test
    void shapeDecidesBetweenListAndMatrix() {
        assertThat(KernelRenderer.html(renderer.render(new double[][] {{1, 2}}))).contains("<caption>double[1][2]</caption>");
        assertThat(KernelRenderer.html(renderer.render(new double[] {1, 2}))).contains("<caption>double[2]</caption>");
    }

    @Test
    void valuesWithoutACourseRendererKeepPlainText() {
        DisplayData number = renderer.render(42);
        DisplayData list = renderer.render(List.of(1, 2));

        assertThat(number.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
        assertThat(KernelRenderer.text(number)).isEqualTo("42");
        assertThat(list.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
        assertThat(KernelRenderer.text(list)).isEqualTo("[1, 2]");
    }

    @Test
    void stringsStillGoThroughJjavasTextRenderer() {
        DisplayData data = renderer.render("<b>not html</b>");

        assertThat(data.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
        assertThat(KernelRenderer.text(data)).isEqualTo("<b>not html</b>");
    }

    @Test
    void arraysCanStillBeAskedForTextOnly() {
        DisplayData data = renderer.renderAs(new int[] {1, 2}, "text/plain");

        assertThat(data.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
        assertThat(KernelRenderer.text(data)).isEqualTo("[1, 2]");
    }
}
