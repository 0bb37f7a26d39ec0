package ttlab.course.scaling;

import java.util.function.DoubleUnaryOperator;

/**
 * Golden-section search: the minimum of a unimodal function on [low, high], the bracket shrinking
 * by 0.618 per evaluation. It needs no derivative, which suits losses along a constraint.
 */
public final class GoldenSection {

    private static final double INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

    private GoldenSection() {
    }

    /** The minimizer of f on [low, high], to within {@code tolerance} in x. */
    public static double minimize(DoubleUnaryOperator f, double low, double high, double tolerance) {
        if (!(low < high) || !(tolerance > 0)) {
            throw new IllegalArgumentException("need low < high and a positive tolerance, not [" + low + ", " + high + "], " + tolerance);
        }
        double x1 = high - INVERSE_PHI * (high - low), x2 = low + INVERSE_PHI * (high - low);
        double f1 = f.applyAsDouble(x1), f2 = f.applyAsDouble(x2);
        while (high - low > tolerance) {
            if (f1 <= f2) {
                high = x2;
                x2 = x1;
                f2 = f1;
                x1 = high - INVERSE_PHI * (high - low);
                f1 = f.applyAsDouble(x1);
            } else {
                low = x1;
                x1 = x2;
                f1 = f2;
                x2 = low + INVERSE_PHI * (high - low);
                f2 = f.applyAsDouble(x2);
            }
        }
        return 0.5 * (low + high);
    }
}
