package ttlab.course.ssm;

/**
 * Legendre polynomials P<sub>n</sub> on [-1, 1] and Gauss–Legendre quadrature.
 *
 * <p>P<sub>n</sub> are orthogonal on [-1, 1] with ∫P<sub>m</sub>P<sub>n</sub> = 2/(2n+1)·δ<sub>mn</sub>,
 * and P<sub>n</sub>(1) = 1. They are evaluated by Bonnet's recurrence
 * (n+1)P<sub>n+1</sub>(x) = (2n+1)x P<sub>n</sub>(x) − n P<sub>n−1</sub>(x), which is stable on [-1, 1].
 */
public final class Legendre {

    private Legendre() {
    }

    /** P<sub>n</sub>(x). */
    public static double p(int n, double x) {
        if (n < 0) {
            throw new IllegalArgumentException("degree must be >= 0, got " + n);
        }
        return values(n + 1, x)[n];
    }

    /** P<sub>0</sub>(x), …, P<sub>count−1</sub>(x). */
    public static double[] values(int count, double x) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        double[] p = new double[count];
        p[0] = 1;
        if (count > 1) {
            p[1] = x;
        }
        for (int n = 1; n + 1 < count; n++) {
            p[n + 1] = ((2 * n + 1) * x * p[n] - n * p[n - 1]) / (n + 1);
        }
        return p;
    }

    /** P'<sub>n</sub>(x) for |x| &lt; 1, from (1 − x²)P'<sub>n</sub> = n(P<sub>n−1</sub> − x P<sub>n</sub>). */
    public static double derivative(int n, double x) {
        if (n == 0) {
            return 0;
        }
        double[] p = values(n + 1, x);
        return n * (p[n - 1] - x * p[n]) / (1 - x * x);
    }

    /**
     * Nodes and weights of the {@code points}-point Gauss–Legendre rule on [-1, 1], exact for
     * polynomials of degree up to 2·points − 1.
     */
    public static Quadrature gauss(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + points);
        }
        double[] nodes = new double[points];
        double[] weights = new double[points];
        for (int i = 0; i < points; i++) {
            // Newton's method on P_points from the classical first guess of the i-th root.
            double x = Math.cos(Math.PI * (i + 0.75) / (points + 0.5));
            for (int iteration = 0; iteration < 100; iteration++) {
                double step = p(points, x) / derivative(points, x);
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            double dp = derivative(points, x);
            nodes[points - 1 - i] = x;
            weights[points - 1 - i] = 2 / ((1 - x * x) * dp * dp);
        }
        return new Quadrature(nodes, weights);
    }

    /** A quadrature rule on [-1, 1]: ∫f ≈ Σ w<sub>i</sub> f(x<sub>i</sub>). */
    public record Quadrature(double[] nodes, double[] weights) {

        /** ∫<sub>lo</sub><sup>hi</sup> f(x) dx by this rule, mapped affinely onto [lo, hi]. */
        public double integrate(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
            double half = (hi - lo) / 2;
            double mid = (hi + lo) / 2;
            double sum = 0;
            for (int i = 0; i < nodes.length; i++) {
                sum += weights[i] * f.applyAsDouble(mid + half * nodes[i]);
            }
            return half * sum;
        }
    }
}
