package ttlab.course.ssm;

/**
 * The selective scan as the definition reads (Gu &amp; Dao 2023, Sec. 3.2, Alg. 2), one
 * (batch, channel) at a time, sequentially in time, in double precision: the reference every
 * faster version is checked against.
 *
 * <p>For each (b, d), with h ∈ ℝ<sup>N</sup>, h<sub>−1</sub> = 0 and Δ' = softplus(Δ + bias):
 * <pre>
 *   Ā<sub>t,n</sub> = exp(Δ'<sub>t</sub>·A<sub>d,n</sub>)
 *   B̄<sub>t,n</sub> = Δ'<sub>t</sub>·B<sub>b,n,t</sub>                    (Euler, as Mamba's code)
 *          or φ₁(Δ'<sub>t</sub>A<sub>d,n</sub>)·Δ'<sub>t</sub>·B<sub>b,n,t</sub>        (exact ZOH)
 *   h<sub>t,n</sub> = Ā<sub>t,n</sub>·h<sub>t−1,n</sub> + B̄<sub>t,n</sub>·u<sub>t</sub>
 *   y<sub>t</sub>   = (Σ<sub>n</sub> C<sub>b,n,t</sub>·h<sub>t,n</sub> + D<sub>d</sub>·u<sub>t</sub>)·silu(z<sub>t</sub>)
 * </pre>
 */
public final class SelectiveScanReference {

    /** How B̄ is formed from Δ, A and B. */
    public enum InputDiscretization {
        /** B̄ = ΔB: Mamba's reference code, and what the CPU and GPU versions compute. */
        EULER,
        /** B̄ = (ΔA)⁻¹(exp(ΔA) − 1)ΔB: exact zero-order hold. */
        ZOH
    }

    private SelectiveScanReference() {
    }

    /** y with Mamba's discretization (exp(ΔA) and B̄ = ΔB). */
    public static double[] run(SelectiveScanInputs in) {
        return run(in, InputDiscretization.EULER);
    }

    /** y with the given discretization of B. */
    public static double[] run(SelectiveScanInputs in, InputDiscretization discretization) {
        double[] y = new double[in.outputSize()];
        for (int b = 0; b < in.batch(); b++) {
            for (int d = 0; d < in.channels(); d++) {
                scanChannel(in, b, d, discretization, y);
            }
        }
        return y;
    }

    /** The state h<sub>L−1</sub> of every (b, d): [batch][D][N]. */
    public static double[][][] finalStates(SelectiveScanInputs in) {
        double[][][] states = new double[in.batch()][in.channels()][];
        double[] ignored = new double[in.outputSize()];
        for (int b = 0; b < in.batch(); b++) {
            for (int d = 0; d < in.channels(); d++) {
                states[b][d] = scanChannel(in, b, d, InputDiscretization.EULER, ignored);
            }
        }
        return states;
    }

    private static double[] scanChannel(SelectiveScanInputs in, int b, int d,
                                        InputDiscretization discretization, double[] y) {
        int n = in.state();
        double[] h = new double[n];
        float[] a = in.a(), bm = in.b(), cm = in.c(), u = in.u(), z = in.z(), skip = in.d();
        for (int t = 0; t < in.length(); t++) {
            int i = in.index(b, d, t);
            double step = in.step(b, d, t);
            double out = 0;
            for (int k = 0; k < n; k++) {
                double stepA = step * a[d * n + k];
                double bBar = discretization == InputDiscretization.ZOH
                        ? Discretization.phi1(stepA) * step : step;
                h[k] = Math.exp(stepA) * h[k] + bBar * bm[in.stateIndex(b, k, t)] * u[i];
                out += cm[in.stateIndex(b, k, t)] * h[k];
            }
            if (skip != null) {
                out += skip[d] * (double) u[i];
            }
            if (z != null) {
                out *= Activations.silu((double) z[i]);
            }
            y[i] = out;
        }
        return h;
    }
}
