package ttlab.course;

/**
 * Small helpers on vectors stored as {@code double[]}. Every method returns a new array and
 * leaves its arguments alone, so that a notebook cell can reuse its inputs.
 */
public final class Vectors {

    private Vectors() {
    }

    /** The dot product {@code a · b}. */
    public static double dot(double[] a, double[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The Euclidean norm {@code ‖a‖}. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** The squared Euclidean distance {@code ‖a − b‖²}. */
    public static double squaredDistance(double[] a, double[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    /** {@code a + b}. */
    public static double[] add(double[] a, double[] b) {
        requireSameLength(a, b);
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    /** {@code a − b}. */
    public static double[] subtract(double[] a, double[] b) {
        requireSameLength(a, b);
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    /** {@code s · a}. */
    public static double[] scale(double[] a, double s) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = s * a[i];
        }
        return c;
    }

    /** {@code a} rescaled to Euclidean norm {@code length}; the zero vector has no direction. */
    public static double[] withNorm(double[] a, double length) {
        double n = norm(a);
        if (n == 0) {
            throw new IllegalArgumentException("the zero vector cannot be rescaled to norm " + length);
        }
        return scale(a, length / n);
    }

    /** The largest entry-wise difference {@code max |a_i − b_i|}: the usual tolerance check. */
    public static double maxAbsDifference(double[] a, double[] b) {
        requireSameLength(a, b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** The sum of the entries. */
    public static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    /** The vector of n entries equal to {@code value}. */
    public static double[] filled(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    /**
     * {@code n} points from {@code from} to {@code to} evenly spaced on a log scale, both ends
     * included: the grid for sweeping a bandwidth or a temperature over decades.
     */
    public static double[] logSpace(double from, double to, int n) {
        if (!(from > 0 && to > 0) || n < 2) {
            throw new IllegalArgumentException("logSpace needs positive ends and n >= 2, got " + from + ", " + to + ", " + n);
        }
        double[] v = new double[n];
        double a = Math.log(from);
        double b = Math.log(to);
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(a + (b - a) * i / (n - 1));
        }
        v[0] = from;
        v[n - 1] = to;
        return v;
    }

    /** {@code n} points from {@code from} to {@code to} evenly spaced, both ends included: a grid of query points. */
    public static double[] linSpace(double from, double to, int n) {
        if (!(from < to) || n < 2) {
            throw new IllegalArgumentException("linSpace needs from < to and n >= 2, got " + from + ", " + to + ", " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + (to - from) * i / (n - 1);
        }
        v[n - 1] = to;
        return v;
    }

    /** {@code 0, 1, ..., n − 1} as doubles: the x axis of a per-layer or per-step plot. */
    public static double[] range(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
    }
}
