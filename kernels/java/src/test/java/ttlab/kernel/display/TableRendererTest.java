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

    @Test
    void floatingPointColumnsShowSixSignificantDigitsInHtmlAndText() {
        Table table = Table.create("t", DoubleColumn.create("x", 0.1 + 0.2, 1e-7 / 3, Double.NaN),
                tech.tablesaw.api.FloatColumn.create("y", 0.1f / 3, 2f, 1e9f));
        DisplayData data = renderer.render(table);

        String html = KernelRenderer.html(data);
        assertThat(html).contains("<td>0.3</td><td>0.0333333</td>", "<td>3.33333e-08</td><td>2</td>", "<td></td><td>1e+09</td>")
                .doesNotContain("0.30000000000000004");
        assertThat(String.valueOf(data.getData(MIMEType.TEXT_PLAIN))).contains("0.3").doesNotContain("0.30000000000000004");
        assertThat(table.column("x").getString(0)).as("the student's table is left as it was").isEqualTo("0.30000000000000004");
    }

    @Test
    void aColumnWithItsOwnFormatKeepsIt() {
        DoubleColumn percent = DoubleColumn.create("p", 0.123456789);
        percent.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.percent(1));

        assertThat(KernelRenderer.html(renderer.render(Table.create("t", percent)))).contains("<td>12.3%</td>");
    }
}
