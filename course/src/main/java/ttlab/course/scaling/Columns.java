package ttlab.course.scaling;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.text.DecimalFormat;

/** Print formats for table columns whose numbers span many orders of magnitude (FLOPs, tokens). */
public final class Columns {

    private Columns() {
    }

    /** Prints the column's numbers in scientific notation with three significant digits (5.76E23). */
    public static DoubleColumn scientific(DoubleColumn column) {
        column.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.00E0")));
        return column;
    }

    /** Prints the column's numbers with the given number of decimals (17.9). */
    public static DoubleColumn fixed(DoubleColumn column, int decimals) {
        column.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals))));
        return column;
    }
}
