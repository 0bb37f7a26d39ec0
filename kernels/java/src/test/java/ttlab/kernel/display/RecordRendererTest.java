package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordRendererTest {
    // Private, like a record declared inside a notebook's generated wrapper class.
    private record Point(int x, String label, double[] weights) {
    }

    private record Broken(int value) {
        @Override
        public int value() {
            throw new IllegalStateException("boom");
        }
    }

    private final Renderer renderer = KernelRenderer.create();

    @Test
    void recordBecomesAComponentValueTable() {
        Point point = new Point(3, "<b>p</b>", new double[] {0.5, 1.0 / 3});

        DisplayData data = renderer.render(point);

        String html = KernelRenderer.html(data);
        assertThat(html).contains("<caption>Point</caption>");
        assertThat(html).contains("<thead><tr><th>component</th><th>value</th></tr></thead>");
        assertThat(html).contains("<tr><td>x</td><td>3</td></tr>");
        assertThat(html).contains("<tr><td>label</td><td>&lt;b&gt;p&lt;/b&gt;</td></tr>");
        assertThat(html).contains("<tr><td>weights</td><td>[0.5, 0.3333333333333333]</td></tr>");
        assertThat(html).doesNotContain("<b>");
    }

    @Test
    void textPlainIsTheRecordsToString() {
        Point point = new Point(1, "a", new double[0]);

        assertThat(KernelRenderer.text(renderer.render(point))).isEqualTo(point.toString());
    }

    @Test
    void localRecordsWork() {
        record Pair(String left, long right) {
        }

        String html = KernelRenderer.html(renderer.render(new Pair("L", 9L)));

        assertThat(html).contains("<tr><td>left</td><td>L</td></tr>").contains("<tr><td>right</td><td>9</td></tr>");
    }

    @Test
    void aThrowingAccessorIsReportedInItsCell() {
        String html = KernelRenderer.html(renderer.render(new Broken(1)));

        assertThat(html).contains("<td>value</td><td>(accessor threw java.lang.IllegalStateException: boom)</td>");
    }

    @Test
    void recordsThatRenderThemselvesAreNotTurnedIntoTables() {
        // "text/*" keeps the request open after the HTML renders, so the class walk reaches Record.
        DisplayData data = renderer.renderAs(RichText.html("<i>y</i>"), "text/*");

        assertThat(data.getData(MIMEType.TEXT_HTML)).isEqualTo("<i>y</i>");
        assertThat(data.getData(MIMEType.TEXT_PLAIN)).isEqualTo("<i>y</i>");
    }
}
