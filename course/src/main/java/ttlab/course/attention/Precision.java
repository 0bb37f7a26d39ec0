package ttlab.course.attention;

/**
 * The number format a computation is carried out in. Every arithmetic result is rounded with
 * {@link #round}: for {@code FLOAT32} a double result of one operation on floats rounded to float
 * is exactly what float arithmetic gives (double has more than twice float's 24 bits).
 */
public enum Precision {
    /** IEEE 754 single precision: 24 significant bits. */
    FLOAT32 {
        @Override
        public double round(double x) {
            return (float) x;
        }

        @Override
        public int significandBits() {
            return 24;
        }
    },
    /** IEEE 754 double precision: 53 significant bits. */
    FLOAT64 {
        @Override
        public double round(double x) {
            return x;
        }

        @Override
        public int significandBits() {
            return 53;
        }
    };

    /** {@code x} rounded to the nearest number of this format. */
    public abstract double round(double x);

    /** Significant bits, the implicit leading bit included. */
    public abstract int significandBits();

    /** The unit roundoff {@code 2^−p}: the largest relative error of one rounding. */
    public double unitRoundoff() {
        return Math.scalb(1.0, -significandBits());
    }
}
