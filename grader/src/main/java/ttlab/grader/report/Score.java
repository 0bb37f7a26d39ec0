package ttlab.grader.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * Points earned out of points possible, for a test, an exercise or a whole submission.
 *
 * @param earned what the submission got
 * @param max    what it could have got
 */
public record Score(double earned, double max) {

    /** Sums are rounded to this many decimals, so that 0.1 + 0.2 reads 0.3 in every report. */
    private static final int DECIMALS = 6;

    public Score {
        earned = round(earned, DECIMALS);
        max = round(max, DECIMALS);
    }

    public Score plus(Score other) {
        return new Score(earned + other.earned, max + other.max);
    }

    /** Percent of the maximum, to one decimal; empty when nothing could be earned. */
    public OptionalDouble percent() {
        return max > 0 ? OptionalDouble.of(round(100 * earned / max, 1)) : OptionalDouble.empty();
    }

    /** {@code "1.5 / 2"}: points as people write them, without a trailing {@code .0}. */
    @Override
    public String toString() {
        return format(earned) + " / " + format(max);
    }

    /** A number without trailing zeros or an exponent, whatever the default locale: {@code 2}, {@code 1.5}. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
