package ttlab.kernel.display;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * HTML tables for arrays. Works on any array through {@link Array} so one
 * code path serves every primitive and reference element type.
 */
final class ArrayHtml {
    static final int MAX_ITEMS = 50;
    static final int MAX_ROWS = 20;
    static final int MAX_COLS = 20;

    private ArrayHtml() {
    }

    static String vector(Object array) {
        int length = Array.getLength(array);
        int shown = Math.min(length, MAX_ITEMS);
        HtmlTable table = new HtmlTable().caption(shapeName(array, length, -1));
        for (int i = 0; i < shown; i++) {
            table.row(Integer.toString(i), List.of(Cells.of(Array.get(array, i))));
        }
        if (length > shown) {
            table.note("… " + (length - shown) + " more");
        }
        return table.toHtml();
    }

    /** Rows may differ in length (Java allows ragged arrays); short rows get blank cells. */
    static String matrix(Object array) {
        int rows = Array.getLength(array);
        int cols = widestRow(array);
        int shownRows = Math.min(rows, MAX_ROWS);
        int shownCols = Math.min(cols, MAX_COLS);
        boolean moreRows = rows > shownRows;
        boolean moreCols = cols > shownCols;

        HtmlTable table = new HtmlTable().caption(shapeName(array, rows, isRectangular(array, cols) ? cols : -1));
        List<String> header = new ArrayList<>();
        header.add("");
        for (int c = 0; c < shownCols; c++) {
            header.add(Integer.toString(c));
        }
        if (moreCols) {
            header.add("…");
        }
        table.header(header);

        for (int r = 0; r < shownRows; r++) {
            Object row = Array.get(array, r);
            List<String> cells = new ArrayList<>(shownCols + 1);
            int length = row == null ? 0 : Array.getLength(row);
            for (int c = 0; c < shownCols; c++) {
                cells.add(c < length ? Cells.of(Array.get(row, c)) : (row == null && c == 0 ? "null" : ""));
            }
            if (moreCols) {
                cells.add(length > shownCols ? "…" : "");
            }
            table.row(Integer.toString(r), cells);
        }
        if (moreRows) {
            table.row("⋮", Collections.nCopies(shownCols + (moreCols ? 1 : 0), "⋮"));
        }
        if (moreRows || moreCols) {
            table.note("showing " + shownRows + " of " + rows + " rows, " + shownCols + " of " + cols + " columns");
        }
        return table.toHtml();
    }

    private static int widestRow(Object array) {
        int widest = 0;
        for (int r = 0; r < Array.getLength(array); r++) {
            Object row = Array.get(array, r);
            widest = Math.max(widest, row == null ? 1 : Array.getLength(row));
        }
        return widest;
    }

    private static boolean isRectangular(Object array, int cols) {
        for (int r = 0; r < Array.getLength(array); r++) {
            Object row = Array.get(array, r);
            if (row == null || Array.getLength(row) != cols) {
                return false;
            }
        }
        return true;
    }

    /** {@code double[3]}, {@code int[2][4]}, or {@code int[2][]} when the rows differ in length. */
    private static String shapeName(Object array, int length, int cols) {
        String name = array.getClass().getSimpleName().replaceFirst("\\[]", "[" + length + "]");
        return cols < 0 ? name : name.replaceFirst("\\[]", "[" + cols + "]");
    }
}
