package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.assertj.core.api.Assertions.assertThat;

class TableRendererTest {
    private final Renderer renderer = KernelRenderer.create();

    private static Table people() {
        return Table.create("people",
                StringColumn.create("name", "Ada", "<script>alert(1)</script>"),
                IntColumn.create("age", 36, 41),
                DoubleColumn.create("score", 0.5, 2.25));
    }

    private static Table numbers(int rows) {
        return Table.create("numbers", IntColumn.indexColumn("i", rows, 0));
    }

    @Test
    void withNoRequestedTypeATableGetsHtmlAndText() {
        DisplayData data = renderer.render(people());

        assertThat(data.hasDataForType(MIMEType.TEXT_HTML)).isTrue();
        assertThat(data.hasDataForType(MIMEType.TEXT_PLAIN)).isTrue();
    }

    @Test
    void htmlHasAHeaderOfColumnNamesAndTheCells() {
        String html = KernelRenderer.html(renderer.render(people()));

        assertThat(html).contains("<caption>people (2 rows × 3 columns)</caption>");
        assertThat(html).contains("<thead><tr><th></th><th>name</th><th>age</th><th>score</th></tr></thead>");
        assertThat(html).contains("<tr><th>0</th><td>Ada</td><td>36</td><td>0.5</td></tr>");
        assertThat(html).doesNotContain("more rows");
    }

    @Test
    void cellTextIsEscaped() {
        String html = KernelRenderer.html(renderer.render(people()));

        assertThat(html).contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
        assertThat(html).doesNotContain("<script>");
    }

    @Test
    void columnNamesAreEscaped() {
        Table table = Table.create("t", IntColumn.create("a<b & c", 1));

        assertThat(KernelRenderer.html(renderer.render(table))).contains("<th>a&lt;b &amp; c</th>");
    }

    @Test
    void textPlainIsTablesawsOwnPrint() {
        Table table = people();

        assertThat(KernelRenderer.text(renderer.render(table))).isEqualTo(table.print());
    }

    @Test
    void longTablesShowTheFirstRowsAndSayHowManyAreLeft() {
        String html = KernelRenderer.html(renderer.render(numbers(120)));

        assertThat(KernelRenderer.count(html, "<tr>")).isEqualTo(1 + TableRenderer.MAX_ROWS);
        assertThat(html).contains("<td>49</td>").doesNotContain("<td>50</td>");
        assertThat(html).contains("<p>… 70 more rows</p>");
    }

    @Test
    void aTableOfExactlyTheLimitHasNoNote() {
        String html = KernelRenderer.html(renderer.render(numbers(TableRenderer.MAX_ROWS)));

        assertThat(html).contains("<td>49</td>").doesNotContain("more rows");
    }
}
