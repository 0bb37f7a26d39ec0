package ttlab.course.ssm;

import ttlab.course.Matrices;
import ttlab.course.Rng;

/**
 * The input-dependent projections of a Mamba layer (Gu &amp; Dao 2023, Sec. 3.2, Alg. 2), for a
 * token sequence x<sub>t</sub> ∈ ℝ<sup>D</sup>: B<sub>t</sub> = W<sub>B</sub>x<sub>t</sub>,
 * C<sub>t</sub> = W<sub>C</sub>x<sub>t</sub>, the raw Δ<sub>t</sub> = W<sub>up</sub>W<sub>down</sub>x<sub>t</sub>
 * (low rank), the gate z<sub>t</sub> = W<sub>z</sub>x<sub>t</sub>, u<sub>t</sub> = x<sub>t</sub>; and
 * the parameters as Mamba's code initializes them: A<sub>dn</sub> = −(n+1), D = 1,
 * softplus(bias) log-uniform in [0.001, 0.1].
 */
public record SelectiveLayer(double[][] wB, double[][] wC, double[][] wDown, double[][] wUp, double[][] wZ,
                             double[][] a, double[] skip, double[] bias) {

    /**
     * Weights drawn from seeds {@code seed}, ..., {@code seed + 5} (W_B, W_C, W_down, W_up, W_z, the
     * initial steps); the projections from the D inputs are scaled by 1/√D.
     */
    public static SelectiveLayer random(int channels, int state, int rank, long seed) {
        double scale = 1 / Math.sqrt(channels);
        double[][] a = new double[channels][state];
        double[] skip = new double[channels], bias = new double[channels];
        double[] logSteps = Rng.uniform(channels, Math.log(0.001), Math.log(0.1), seed + 5);
        for (int d = 0; d < channels; d++) {
            for (int n = 0; n < state; n++) {
                a[d][n] = -(n + 1);
            }
            skip[d] = 1;
            double step = Math.exp(logSteps[d]);
            bias[d] = step + Math.log(-Math.expm1(-step));          // softplus⁻¹(step)
        }
        return new SelectiveLayer(Matrices.scale(Rng.gaussian(state, channels, seed), scale),
                Matrices.scale(Rng.gaussian(state, channels, seed + 1), scale),
                Matrices.scale(Rng.gaussian(rank, channels, seed + 2), scale),
                Rng.gaussian(channels, rank, seed + 3),
                Matrices.scale(Rng.gaussian(channels, channels, seed + 4), scale), a, skip, bias);
    }

    /** D. */
    public int channels() {
        return a.length;
    }

    /** N. */
    public int state() {
        return a[0].length;
    }

    /** The scan's inputs for tokens [batch][L][D], with the gate and the D skip, softplus on. */
    public SelectiveScanInputs inputs(double[][][] tokens) {
        return inputs(tokens, true, true);
    }

    /** The scan's inputs, with or without the gate z and the skip D. */
    public SelectiveScanInputs inputs(double[][][] tokens, boolean gate, boolean withSkip) {
        int batch = tokens.length, length = tokens[0].length, channels = channels(), state = state();
        double[][][] u = new double[batch][channels][length], raw = new double[batch][channels][length],
                z = new double[batch][channels][length], b = new double[batch][state][length], c = new double[batch][state][length];
        for (int s = 0; s < batch; s++) {
            for (int t = 0; t < length; t++) {
                double[] x = tokens[s][t];
                double[] bt = Matrices.multiply(wB, x), ct = Matrices.multiply(wC, x);
                double[] dt = Matrices.multiply(wUp, Matrices.multiply(wDown, x)), zt = Matrices.multiply(wZ, x);
                for (int d = 0; d < channels; d++) {
                    u[s][d][t] = x[d];
                    raw[s][d][t] = dt[d];
                    z[s][d][t] = zt[d];
                }
                for (int n = 0; n < state; n++) {
                    b[s][n][t] = bt[n];
                    c[s][n][t] = ct[n];
                }
            }
        }
        return SelectiveScanInputs.of(u, raw, a, b, c, withSkip ? skip : null, gate ? z : null, bias, true);
    }
}
