package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * Shows a Tablesaw {@link Table} as an HTML table (first {@value #MAX_ROWS} rows)
 * and as Tablesaw's own text layout for text-only front ends, floating-point columns at six
 * significant digits unless their author chose a format ({@link ReadableNumbers}).
 */
public final class TableRenderer {
    /** Rows shown in HTML; more would bury the notebook, and the note says what is missing. */
    public static final int MAX_ROWS = 50;

    private TableRenderer() {
    }

    public static void register(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(TableRenderer::render);
    }

    public static void render(Table table, RenderContext context) {
        Table readable = ReadableNumbers.of(table);
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(readable));
        // print() already elides the middle of long tables.
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> readable.print());
    }

    static String html(Table table) {
        HtmlTable html = new HtmlTable()
                .caption(title(table) + " (" + table.rowCount() + " rows × " + table.columnCount() + " columns)");

        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(table.columnNames());
        html.header(header);

        List<Column<?>> columns = table.columns();
        int shown = Math.min(table.rowCount(), MAX_ROWS);
        for (int r = 0; r < shown; r++) {
            List<String> cells = new ArrayList<>(columns.size());
            for (Column<?> column : columns) {
                // getString applies the column's own print formatting (dates, numbers).
                cells.add(column.getString(r));
            }
            html.row(Integer.toString(r), cells);
        }
        if (table.rowCount() > shown) {
            html.note("… " + (table.rowCount() - shown) + " more rows");
        }
        return html.toHtml();
    }

    private static String title(Table table) {
        String name = table.name();
        return name == null || name.isBlank() ? "Table" : name;
    }
}
