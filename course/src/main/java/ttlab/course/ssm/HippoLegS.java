package ttlab.course.ssm;

import java.util.function.DoubleUnaryOperator;

/**
 * HiPPO-LegS (Gu, Dao, Ermon, Rudra &amp; Ré 2020, "HiPPO: Recurrent Memory with Optimal Polynomial
 * Projections", Sec. 3 and Thm. 2): the memory of a whole signal f on [0, t] as the coefficients
 * of its projection onto the first N scaled Legendre polynomials, kept up to date online.
 *
 * <p>With the uniform measure on [0, t] and the orthonormal basis
 * g<sub>n</sub>(x) = √(2n+1)·P<sub>n</sub>(2x/t − 1), the coefficients
 * c<sub>n</sub>(t) = (1/t)∫<sub>0</sub><sup>t</sup> f(x) g<sub>n</sub>(x) dx obey
 * <pre>  ċ(t) = −(1/t)·A c(t) + (1/t)·B f(t)</pre>
 * with A<sub>nk</sub> = √(2n+1)√(2k+1) for n &gt; k, n+1 for n = k, 0 for n &lt; k, and
 * B<sub>n</sub> = √(2n+1); and f(x) ≈ Σ c<sub>n</sub> √(2n+1) P<sub>n</sub>(2x/t − 1) on [0, t].
 *
 * <p>Sign convention: this class uses the paper's A, with positive diagonal, in
 * ċ = −(1/t)A c + …. The reference code (and S4) stores the negated matrix, −A, and writes
 * ċ = (1/t)A c + …; {@link #dynamicsMatrix(int)} is that matrix.
 */
public final class HippoLegS {

    private HippoLegS() {
    }

    /** The N×N matrix A of the paper (lower triangular, diagonal n+1). */
    public static double[][] a(int n) {
        requirePositive(n);
        double[][] a = new double[n][n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col <= row; col++) {
                a[row][col] = row == col ? row + 1 : Math.sqrt(2.0 * row + 1) * Math.sqrt(2.0 * col + 1);
            }
        }
        return a;
    }

    /** The vector B of the paper, B<sub>n</sub> = √(2n+1). */
    public static double[] b(int n) {
        requirePositive(n);
        double[] b = new double[n];
        for (int row = 0; row < n; row++) {
            b[row] = Math.sqrt(2.0 * row + 1);
        }
        return b;
    }

    /** −A: the state matrix as the reference code writes it, ċ = (1/t)(−A)c + (1/t)B f. */
    public static double[][] dynamicsMatrix(int n) {
        double[][] m = a(n);
        for (double[] row : m) {
            for (int col = 0; col < row.length; col++) {
                row[col] = -row[col];
            }
        }
        return m;
    }

    /**
     * The offline projection: c<sub>n</sub>(t) = (1/t)∫<sub>0</sub><sup>t</sup> f(x)√(2n+1)P<sub>n</sub>(2x/t − 1) dx
     * for n &lt; N, by Gauss–Legendre quadrature with {@code quadraturePoints} nodes (exact when
     * f is a polynomial of degree at most 2·points − N). These are the least-squares coefficients
     * of f on [0, t] in the orthonormal basis g<sub>n</sub>.
     */
    public static double[] offlineProjection(DoubleUnaryOperator f, double t, int n, int quadraturePoints) {
        requirePositive(n);
        if (!(t > 0)) {
            throw new IllegalArgumentException("t must be positive, got " + t);
        }
        Legendre.Quadrature rule = Legendre.gauss(quadraturePoints);
        double[] c = new double[n];
        for (int i = 0; i < rule.nodes().length; i++) {
            double s = rule.nodes()[i];              // s = 2x/t − 1
            double fx = f.applyAsDouble((s + 1) * t / 2);
            double[] p = Legendre.values(n, s);
            for (int k = 0; k < n; k++) {
                // (1/t)∫_0^t … dx = (1/2)∫_{-1}^{1} … ds
                c[k] += 0.5 * rule.weights()[i] * fx * Math.sqrt(2.0 * k + 1) * p[k];
            }
        }
        return c;
    }

    /** The basis function g<sub>n</sub>(x) = √(2n+1)·P<sub>n</sub>(2x/t − 1), orthonormal on [0, t] for the measure dx/t. */
    public static DoubleUnaryOperator basis(int n, double t) {
        return x -> Math.sqrt(2.0 * n + 1) * Legendre.p(n, 2 * x / t - 1);
    }

    /** (1/t)∫<sub>0</sub><sup>t</sup> u(x) v(x) dx by Gauss–Legendre quadrature with {@code points} nodes. */
    public static double innerProduct(DoubleUnaryOperator u, DoubleUnaryOperator v, double t, int points) {
        return Legendre.gauss(points).integrate(x -> u.applyAsDouble(x) * v.applyAsDouble(x), 0, t) / t;
    }

    /** max over m, n &lt; N of |(1/t)∫ g<sub>m</sub>g<sub>n</sub> − δ<sub>mn</sub>|: how far the basis is from orthonormal, numerically. */
    public static double gramError(int n, double t, int points) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                worst = Math.max(worst, Math.abs(innerProduct(basis(i, t), basis(j, t), t, points) - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    /**
     * max<sub>n</sub> |ċ<sub>n</sub> − (−(1/t)(sign·A)c + (1/t)B f(t))<sub>n</sub>| for the offline coefficients of f with
     * N = {@code n}, their time derivative by central differences (step 1e-4): about 1e-8 for sign = +1
     * (the theorem), large for sign = −1 (the flipped matrix).
     */
    public static double odeResidual(DoubleUnaryOperator f, double t, int n, double sign, int points) {
        double step = 1e-4;
        double[][] a = a(n);
        double[] b = b(n);
        double[] c = offlineProjection(f, t, n, points);
        double[] plus = offlineProjection(f, t + step, n, points), minus = offlineProjection(f, t - step, n, points);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double derivative = (plus[i] - minus[i]) / (2 * step);
            double ac = 0;
            for (int k = 0; k < n; k++) {
                ac += a[i][k] * c[k];
            }
            worst = Math.max(worst, Math.abs(derivative - (-sign * ac + b[i] * f.applyAsDouble(t)) / t));
        }
        return worst;
    }

    /**
     * The online coefficients along the way: row k holds c(k·h) after k steps of {@link Online} on the
     * samples f(k·h), h = t/steps, k = 0..steps.
     */
    public static double[][] track(DoubleUnaryOperator f, double t, int steps, int n) {
        Online online = new Online(n, f.applyAsDouble(0));
        double[][] rows = new double[steps + 1][];
        rows[0] = online.coefficients();
        for (int k = 1; k <= steps; k++) {
            online.step(f.applyAsDouble(k * t / steps));
            rows[k] = online.coefficients();
        }
        return rows;
    }

    /** The online coefficients at t from the samples f(0), f(h), ..., f(t), h = t/steps. */
    public static double[] online(DoubleUnaryOperator f, double t, int steps, int n) {
        double[] samples = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            samples[k] = f.applyAsDouble(k * t / steps);
        }
        return onlineProjection(samples, n);
    }

    /** f(x) ≈ Σ c<sub>n</sub> √(2n+1) P<sub>n</sub>(2x/t − 1), for x in [0, t]. */
    public static double reconstruct(double[] c, double t, double x) {
        double[] p = Legendre.values(c.length, 2 * x / t - 1);
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
            sum += c[k] * Math.sqrt(2.0 * k + 1) * p[k];
        }
        return sum;
    }

    /**
     * The online projection of samples f(0), f(h), …, f(L·h): the coefficients c(L·h) after L
     * steps of {@link Online#step}. Only the final coefficients are returned; use {@link Online}
     * to watch them evolve.
     */
    public static double[] onlineProjection(double[] samples, int n) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("need at least two samples, got " + samples.length);
        }
        Online online = new Online(n, samples[0]);
        for (int k = 1; k < samples.length; k++) {
            online.step(samples[k]);
        }
        return online.coefficients();
    }

    /**
     * The online HiPPO-LegS update on a uniform grid t<sub>k</sub> = k·h, one sample at a time.
     *
     * <p>Each step integrates the ODE from t<sub>k</sub> to t<sub>k+1</sub> by the generalized
     * bilinear transform (GBT with α = ½, Gu et al. 2020, Sec. 2.4) with the 1/t
     * factor taken at the midpoint t<sub>k+½</sub> and f by the mean of its two samples:
     * <pre>  (I + γA) c<sub>k+1</sub> = (I − γA) c<sub>k</sub> + 2γ B (f<sub>k</sub> + f<sub>k+1</sub>)/2,   γ = h / (2 t<sub>k+½</sub>) = 1/(2k+1).</pre>
     * The step h cancels: LegS is timescale invariant. The update is second-order accurate and
     * A-stable, and since A is lower triangular each step is a forward substitution, O(N²).
     * It starts from c(0) = f(0)·e<sub>0</sub>, the limit of the coefficients as t → 0.
     */
    public static final class Online {

        private final double[][] a;
        private final double[] b;
        private double[] c;
        private double lastSample;
        private int steps;

        /** Starts at t = 0 with the first sample f(0). */
        public Online(int n, double firstSample) {
            this.a = a(n);
            this.b = b(n);
            this.c = new double[n];
            this.c[0] = firstSample;
            this.lastSample = firstSample;
        }

        /** Takes the next sample f(t<sub>k+1</sub>) and advances the coefficients to t<sub>k+1</sub>. */
        public void step(double sample) {
            int n = c.length;
            double gamma = 1.0 / (2 * steps + 1);
            double input = gamma * (lastSample + sample);   // 2γ · (f_k + f_{k+1}) / 2
            double[] rhs = new double[n];
            for (int row = 0; row < n; row++) {
                double ac = 0;
                for (int col = 0; col <= row; col++) {
                    ac += a[row][col] * c[col];
                }
                rhs[row] = c[row] - gamma * ac + b[row] * input;
            }
            double[] next = new double[n];
            for (int row = 0; row < n; row++) {   // forward substitution with I + γA
                double sum = rhs[row];
                for (int col = 0; col < row; col++) {
                    sum -= gamma * a[row][col] * next[col];
                }
                next[row] = sum / (1 + gamma * a[row][row]);
            }
            c = next;
            lastSample = sample;
            steps++;
        }

        /** The current coefficients c(t<sub>k</sub>) (a copy). */
        public double[] coefficients() {
            return c.clone();
        }

        /** How many steps were taken: the current time is steps·h. */
        public int steps() {
            return steps;
        }
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("N must be >= 1, got " + n);
        }
    }
}
