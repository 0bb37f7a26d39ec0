package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ArrayRendererTest {
    private final Renderer renderer = KernelRenderer.create();

    // Wrapped one by one: JUnit would spread a bare Object[] into several parameters.
    static Stream<Arguments> smallVectors() {
        return Stream.<Object>of(
                new double[] {1.5, -2},
                new float[] {0.25f, 3},
                new int[] {1, 2, 3},
                new long[] {10_000_000_000L},
                new boolean[] {true, false},
                new Object[] {"a", 1, null},
                new String[] {"x", "y"},
                new char[] {'h', 'i'},
                new Integer[] {7})
                .map(array -> Arguments.of((Object) array));
    }

    @ParameterizedTest
    @MethodSource("smallVectors")
    void everyOneDimensionalArrayGetsAnHtmlListAndArraysToStringText(Object array) {
        DisplayData data = renderer.render(array);

        assertThat(data.hasDataForType(MIMEType.TEXT_HTML)).isTrue();
        assertThat(KernelRenderer.html(data)).contains("<table>").doesNotContain("<thead>");
        assertThat(KernelRenderer.count(KernelRenderer.html(data), "<tr>")).isEqualTo(java.lang.reflect.Array.getLength(array));
        String expected = Arrays.deepToString(new Object[] {array});
        assertThat(KernelRenderer.text(data)).isEqualTo(expected.substring(1, expected.length() - 1));
    }

    @Test
    void doubleCellsAreCompactAndIndexed() {
        String html = KernelRenderer.html(renderer.render(new double[] {Math.PI, 0.1 + 0.2, 2.0, 1234567.0}));

        assertThat(html).contains("<caption>double[4]</caption>");
        assertThat(html).contains("<tr><th>0</th><td>3.14159</td></tr>");
        assertThat(html).contains("<tr><th>1</th><td>0.3</td></tr>");
        assertThat(html).contains("<tr><th>2</th><td>2</td></tr>");
        assertThat(html).contains("<tr><th>3</th><td>1.23457e+06</td></tr>");
    }

    @Test
    void stringsAreEscapedInHtmlButLeftAloneInText() {
        DisplayData data = renderer.render(new String[] {"ok", "<script>alert('x')</script>"});

        assertThat(KernelRenderer.html(data))
                .contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>")
                .doesNotContain("<script>");
        assertThat(KernelRenderer.text(data)).isEqualTo("[ok, <script>alert('x')</script>]");
    }

    @Test
    void longVectorsAreCutWithANote() {
        int[] big = IntStream.range(0, 1000).toArray();

        DisplayData data = renderer.render(big);

        String html = KernelRenderer.html(data);
        assertThat(KernelRenderer.count(html, "<tr>")).isEqualTo(50);
        assertThat(html).contains("<td>49</td>").doesNotContain("<td>50</td>");
        assertThat(html).contains("<p>… 950 more</p>");
        assertThat(KernelRenderer.text(data)).startsWith("[0, 1, 2, ").endsWith(", 49, ... 950 more]");
    }

    @Test
    void doubleMatrixGetsRowAndColumnIndices() {
        DisplayData data = renderer.render(new double[][] {{1, 2, 3}, {4, 5.5, 1.0 / 3}});

        String html = KernelRenderer.html(data);
        assertThat(html).contains("<caption>double[2][3]</caption>");
        assertThat(html).contains("<thead><tr><th></th><th>0</th><th>1</th><th>2</th></tr></thead>");
        assertThat(html).contains("<tr><th>0</th><td>1</td><td>2</td><td>3</td></tr>");
        assertThat(html).contains("<tr><th>1</th><td>4</td><td>5.5</td><td>0.333333</td></tr>");
        assertThat(KernelRenderer.text(data)).isEqualTo("[[1.0, 2.0, 3.0],\n [4.0, 5.5, 0.3333333333333333]]");
    }

    @Test
    void intMatrixIsAMatrixNotAListOfRows() {
        String html = KernelRenderer.html(renderer.render(new int[][] {{1, 2}, {3, 4}}));

        assertThat(html).contains("<caption>int[2][2]</caption>");
        assertThat(html).contains("<tr><th>1</th><td>3</td><td>4</td></tr>");
        assertThat(html).doesNotContain("[3, 4]");
    }

    @Test
    void otherTwoDimensionalArraysAreMatricesToo() {
        String html = KernelRenderer.html(renderer.render(new String[][] {{"a", "<b>"}}));

        assertThat(html).contains("<caption>String[1][2]</caption>");
        assertThat(html).contains("<tr><th>0</th><td>a</td><td>&lt;b&gt;</td></tr>");
    }

    @Test
    void bigMatricesGetEllipsisRowAndColumn() {
        int[][] big = new int[30][25];
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 25; c++) {
                big[r][c] = r * 100 + c;
            }
        }

        DisplayData data = renderer.render(big);

        String html = KernelRenderer.html(data);
        assertThat(html).contains("<th>19</th><th>…</th></tr></thead>");
        assertThat(html).contains("<td>1919</td><td>…</td></tr>");
        assertThat(html).doesNotContain("<td>20</td>").doesNotContain("<td>2000</td>");
        assertThat(html).contains("<tr><th>⋮</th><td>⋮</td>");
        assertThat(KernelRenderer.count(html, "<tr>")).isEqualTo(1 + 20 + 1);
        assertThat(html).contains("<p>showing 20 of 30 rows, 20 of 25 columns</p>");
        String text = KernelRenderer.text(data);
        assertThat(text.lines()).hasSize(21);
        assertThat(text).contains("18, 19, ... 5 more],").endsWith("\n ... 10 more rows]");
    }

    @Test
    void raggedRowsGetBlankCells() {
        DisplayData data = renderer.render(new int[][] {{1}, {2, 3}, null});

        String html = KernelRenderer.html(data);
        assertThat(html).contains("<caption>int[3][]</caption>");
        assertThat(html).contains("<tr><th>0</th><td>1</td><td></td></tr>");
        assertThat(html).contains("<tr><th>2</th><td>null</td><td></td></tr>");
        assertThat(KernelRenderer.text(data)).isEqualTo("[[1],\n [2, 3],\n null]");
    }

    @Test
    void emptyArraysRender() {
        DisplayData data = renderer.render(new double[0]);

        assertThat(KernelRenderer.html(data)).contains("<caption>double[0]</caption>");
        assertThat(KernelRenderer.text(data)).isEqualTo("[]");
    }
}
