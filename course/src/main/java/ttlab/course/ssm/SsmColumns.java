package ttlab.course.ssm;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.text.DecimalFormat;

/** Table columns for block 5's lectures, printed the way the numbers are read. */
public final class SsmColumns {

    private SsmColumns() {
    }

    /** A column that prints its numbers in scientific notation, three significant digits (1.05E-8). */
    public static DoubleColumn scientific(String name, double[] values) {
        DoubleColumn column = DoubleColumn.create(name, values);
        column.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.00E0")));
        return column;
    }

    /** A column that prints its numbers with a fixed number of decimals, digits grouped (12,345.6). */
    public static DoubleColumn fixed(String name, double[] values, int decimals) {
        DoubleColumn column = DoubleColumn.create(name, values);
        column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(decimals));
        return column;
    }
}
