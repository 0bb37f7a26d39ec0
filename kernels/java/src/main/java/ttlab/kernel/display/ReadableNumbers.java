package ttlab.kernel.display;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * A table as it should be read: its floating-point columns at six significant digits
 * ({@link Cells#compact}) instead of Tablesaw's default of every digit ({@code 0.30000000000000004}).
 * A column whose author chose a print format keeps it.
 */
final class ReadableNumbers {

    /** Six significant digits; a missing value prints as Tablesaw prints it (empty). */
    private static final NumberColumnFormatter COMPACT = new NumberColumnFormatter() {
        @Override
        public String format(double value) {
            return Double.isNaN(value) ? "" : Cells.compact(value);
        }

        @Override
        public String format(float value) {
            return Float.isNaN(value) ? "" : Cells.compact(value);
        }
    };

    private ReadableNumbers() {
    }

    /** The table itself when nothing needs shortening, else a copy with shortened columns. */
    static Table of(Table table) {
        Table readable = null;
        for (int c = 0; c < table.columnCount(); c++) {
            Column<?> column = table.column(c);
            if (printsEveryDigit(column)) {
                if (readable == null) {
                    readable = table.copy();
                }
                Column<?> copy = readable.column(c);
                if (copy instanceof DoubleColumn doubles) {
                    doubles.setPrintFormatter(COMPACT);
                } else if (copy instanceof FloatColumn floats) {
                    floats.setPrintFormatter(COMPACT);
                }
            }
        }
        return readable == null ? table : readable;
    }

    /**
     * Whether a floating-point column prints with Tablesaw's default format: its first value
     * prints as it would in a new column of the same type. (The format itself is not public.)
     */
    private static boolean printsEveryDigit(Column<?> column) {
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                continue;
            }
            if (column instanceof DoubleColumn doubles) {
                return doubles.getString(row).equals(DoubleColumn.create("", doubles.getDouble(row)).getString(0));
            }
            if (column instanceof FloatColumn floats) {
                return floats.getString(row).equals(FloatColumn.create("", floats.getFloat(row)).getString(0));
            }
            return false;
        }
        return false;
    }
}
