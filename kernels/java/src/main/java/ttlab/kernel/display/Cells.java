package ttlab.kernel.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Turns single values into the short text shown in an HTML cell. Doubles are
 * cut to six significant digits because a table of full-precision doubles
 * such as {@code 0.30000000000000004} is unreadable.
 */
final class Cells {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private Cells() {
    }

    static String of(Object value) {
        if (value instanceof Double d) {
            return compact(d);
        }
        if (value instanceof Float f) {
            return compact(f.doubleValue());
        }
        if (value != null && value.getClass().isArray()) {
            return ArrayText.inline(value);
        }
        return String.valueOf(value);
    }

    /** At most six significant digits, no trailing zeros; scientific outside [1e-4, 1e6). */
    static String compact(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            return rounded.toPlainString();
        }
        // "%.5e" gives six significant digits; drop the zeros it pads the mantissa with.
        String sci = String.format(Locale.ROOT, "%.5e", value);
        int e = sci.indexOf('e');
        String mantissa = sci.substring(0, e).replaceAll("\\.?0+$", "");
        return mantissa + sci.substring(e);
    }
}
