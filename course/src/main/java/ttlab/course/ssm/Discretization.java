package ttlab.course.ssm;

import ttlab.course.Matrices;

/**
 * From the continuous system ḣ = A h + B u to the discrete h<sub>k</sub> = Ā h<sub>k−1</sub> + B̄ u<sub>k</sub>
 * with step Δ (Gu, Goel &amp; Ré 2022, S4, Sec. 2; Gu &amp; Dao 2023, Mamba, Sec. 2).
 *
 * <ul>
 *   <li>Zero-order hold (u constant over each step): Ā = exp(ΔA),
 *       B̄ = (ΔA)⁻¹(exp(ΔA) − I)·ΔB. Exact for piecewise-constant input.</li>
 *   <li>Mamba's simplification: the same Ā but the Euler B̄ = ΔB, which differs from the
 *       ZOH B̄ by O(Δ²); Mamba's reference implementation uses it, and so does SSD's minimal
 *       code (Dao &amp; Gu 2024).</li>
 *   <li>Bilinear (S4): Ā = (I − Δ/2·A)⁻¹(I + Δ/2·A), B̄ = (I − Δ/2·A)⁻¹ΔB.</li>
 * </ul>
 * For a general A the ZOH pair comes from one matrix exponential (Van Loan 1978):
 * exp(Δ·[[A, B], [0, 0]]) = [[Ā, B̄], [0, I]], which needs no inverse and so also holds when A
 * is singular. For diagonal A each state is a scalar, and B̄ = φ₁(ΔA)·ΔB with
 * φ₁(x) = (eˣ − 1)/x, taken as 1 at x = 0 (the limit ΔA → 0, where ZOH and Euler agree).
 */
public final class Discretization {

    private Discretization() {
    }

    /** A discrete system h<sub>k</sub> = Ā h<sub>k−1</sub> + B̄ u<sub>k</sub>; B̄ is N×(inputs). */
    public record Discrete(double[][] aBar, double[][] bBar) {
    }

    /** A discrete diagonal system: h<sub>k,n</sub> = Ā<sub>n</sub> h<sub>k−1,n</sub> + B̄<sub>n</sub> u<sub>k</sub>. */
    public record DiagonalDiscrete(double[] aBar, double[] bBar) {
    }

    /** φ₁(x) = (eˣ − 1)/x, with φ₁(0) = 1; accurate for small |x| (no cancellation). */
    public static double phi1(double x) {
        return x == 0 ? 1 : Math.expm1(x) / x;
    }

    /** ZOH for diagonal A (the vector of its diagonal): Ā<sub>n</sub> = e<sup>ΔA<sub>n</sub></sup>, B̄<sub>n</sub> = φ₁(ΔA<sub>n</sub>)ΔB<sub>n</sub>. */
    public static DiagonalDiscrete zohDiagonal(double[] a, double[] b, double delta) {
        requireSameLength(a, b);
        double[] aBar = new double[a.length];
        double[] bBar = new double[a.length];
        for (int n = 0; n < a.length; n++) {
            aBar[n] = Math.exp(delta * a[n]);
            bBar[n] = phi1(delta * a[n]) * delta * b[n];
        }
        return new DiagonalDiscrete(aBar, bBar);
    }

    /** Mamba's discretization for diagonal A: Ā<sub>n</sub> = e<sup>ΔA<sub>n</sub></sup>, B̄<sub>n</sub> = ΔB<sub>n</sub>. */
    public static DiagonalDiscrete expWithEulerBDiagonal(double[] a, double[] b, double delta) {
        requireSameLength(a, b);
        double[] aBar = new double[a.length];
        double[] bBar = new double[a.length];
        for (int n = 0; n < a.length; n++) {
            aBar[n] = Math.exp(delta * a[n]);
            bBar[n] = delta * b[n];
        }
        return new DiagonalDiscrete(aBar, bBar);
    }

    /** ZOH for a general N×N A and N×M B, by Van Loan's block exponential. */
    public static Discrete zoh(double[][] a, double[][] b, double delta) {
        int n = a.length;
        int inputs = b[0].length;
        double[][] block = new double[n + inputs][n + inputs];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                block[i][j] = delta * a[i][j];
            }
            for (int j = 0; j < inputs; j++) {
                block[i][n + j] = delta * b[i][j];
            }
        }
        double[][] e = MatrixExp.exp(block);
        double[][] aBar = new double[n][n];
        double[][] bBar = new double[n][inputs];
        for (int i = 0; i < n; i++) {
            System.arraycopy(e[i], 0, aBar[i], 0, n);
            System.arraycopy(e[i], n, bBar[i], 0, inputs);
        }
        return new Discrete(aBar, bBar);
    }

    /** ZOH by its textbook formula B̄ = (ΔA)⁻¹(exp(ΔA) − I)ΔB: needs A invertible. */
    public static Discrete zohByInverse(double[][] a, double[][] b, double delta) {
        double[][] deltaA = Matrices.scale(a, delta);
        double[][] aBar = MatrixExp.exp(deltaA);
        double[][] expMinusI = Matrices.combine(1, aBar, -1, Matrices.identity(a.length));
        double[][] bBar = Matrices.solve(deltaA, Matrices.multiply(expMinusI, Matrices.scale(b, delta)));
        return new Discrete(aBar, bBar);
    }

    /** Mamba's discretization for a general A: Ā = exp(ΔA), B̄ = ΔB. */
    public static Discrete expWithEulerB(double[][] a, double[][] b, double delta) {
        return new Discrete(MatrixExp.exp(Matrices.scale(a, delta)), Matrices.scale(b, delta));
    }

    /** The bilinear (Tustin) discretization of S4. */
    public static Discrete bilinear(double[][] a, double[][] b, double delta) {
        double[][] identity = Matrices.identity(a.length);
        double[][] back = Matrices.combine(1, identity, -delta / 2, a);
        double[][] forward = Matrices.combine(1, identity, delta / 2, a);
        return new Discrete(Matrices.solve(back, forward), Matrices.solve(back, Matrices.scale(b, delta)));
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("A and B differ in length: " + a.length + " and " + b.length);
        }
    }

    /**
     * ḣ = A h + B u over one step Δ with u held constant, by {@code substeps} classical
     * Runge–Kutta steps: an integration of the ODE that knows nothing of matrix exponentials.
     */
    public static double[] rungeKutta(double[][] a, double[] b, double u, double[] h0, double delta, int substeps) {
        double dt = delta / substeps;
        double[] h = h0.clone();
        for (int s = 0; s < substeps; s++) {
            double[] k1 = field(a, b, u, h, null, 0);
            double[] k2 = field(a, b, u, h, k1, dt / 2);
            double[] k3 = field(a, b, u, h, k2, dt / 2);
            double[] k4 = field(a, b, u, h, k3, dt);
            for (int i = 0; i < h.length; i++) {
                h[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return h;
    }

    /**
     * Ā and B̄ (one input) by integrating the ODE over one step with {@link #rungeKutta}: column j
     * of Ā from h = e_j with u = 0, and B̄ from h = 0 with u = 1.
     */
    public static Discrete byRungeKutta(double[][] a, double[] b, double delta, int substeps) {
        int n = a.length;
        double[][] aBar = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] unit = new double[n];
            unit[j] = 1;
            double[] column = rungeKutta(a, b, 0.0, unit, delta, substeps);
            for (int i = 0; i < n; i++) {
                aBar[i][j] = column[i];
            }
        }
        return new Discrete(aBar, Matrices.column(rungeKutta(a, b, 1.0, new double[n], delta, substeps)));
    }

    /** A (h + s·k) + B u, or A h + B u when k is null. */
    private static double[] field(double[][] a, double[] b, double u, double[] h, double[] k, double s) {
        double[] out = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            out[i] = b[i] * u;
            for (int j = 0; j < h.length; j++) {
                out[i] += a[i][j] * (k == null ? h[j] : h[j] + s * k[j]);
            }
        }
        return out;
    }
}
