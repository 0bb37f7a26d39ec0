package ttlab.course.icl;

import ttlab.course.Matrices;
import ttlab.course.Vectors;

/**
 * The Newton–Schulz iteration for S⁻¹, X_{k+1} = X_k (2I − S X_k) from X₀ = αI, and the
 * linear-attention layers that carry it out on tokens. Its residual squares at every step,
 * I − S X_{k+1} = (I − S X_k)², so it converges quadratically once ‖I − αS‖ &lt; 1
 * (0 &lt; α &lt; 2/λ_max for S symmetric positive definite).
 *
 * <p>On tokens: each token carries xⱼ and zⱼ = X_k xⱼ (z starts at αxⱼ). Because X_k is a
 * polynomial in S it is symmetric and commutes with S, so X_{k+1}xⱼ = 2zⱼ − X_k S X_k xⱼ =
 * 2zⱼ − (1/N) Σᵢ zᵢ (xᵢᵀ zⱼ): one linear-attention head (value zᵢ, key xᵢ, query zⱼ) plus the
 * residual stream doubled. A last head (value yᵢ, key xᵢ, query z_q) reads out
 * ŷ = (1/N) Σᵢ yᵢ xᵢᵀ X_K x_q, which tends to the least-squares prediction.
 */
public final class NewtonSchulz {

    private NewtonSchulz() {
    }

    /** X₀ = αI, X₁, ..., X_steps. */
    public static double[][][] iterates(double[][] s, double alpha, int steps) {
        int d = s.length;
        double[][][] x = new double[steps + 1][][];
        x[0] = Matrices.scale(Matrices.identity(d), alpha);
        for (int k = 0; k < steps; k++) {
            double[][] twoMinusSx = Matrices.subtract(Matrices.scale(Matrices.identity(d), 2), Matrices.multiply(s, x[k]));
            x[k + 1] = Matrices.multiply(x[k], twoMinusSx);
        }
        return x;
    }

    /** ‖I − S X‖_F, the residual that squares at every step. */
    public static double residual(double[][] s, double[][] x) {
        return Matrices.frobeniusNorm(Matrices.subtract(Matrices.identity(s.length), Matrices.multiply(s, x)));
    }

    /** The prediction (1/N) Σᵢ yᵢ xᵢᵀ X_K x_q from the matrix iterates. */
    public static double matrixPrediction(RegressionTask task, double alpha, int steps) {
        double[][] xk = iterates(GdPlusPlus.secondMoment(task.xs()), alpha, steps)[steps];
        return readout(task, Matrices.multiply(xk, task.query()));
    }

    /** The same prediction computed on tokens, layer by layer, without ever forming X_k. */
    public static double tokenPrediction(RegressionTask task, double alpha, int layers) {
        int n = task.size();
        double[][] z = new double[n + 1][];
        for (int j = 0; j < n; j++) {
            z[j] = Vectors.scale(task.xs()[j], alpha);
        }
        z[n] = Vectors.scale(task.query(), alpha);
        for (int layer = 0; layer < layers; layer++) {
            double[][] next = new double[n + 1][];
            for (int j = 0; j <= n; j++) {
                double[] attention = new double[z[j].length];
                for (int i = 0; i < n; i++) {
                    double score = Vectors.dot(task.xs()[i], z[j]);
                    for (int k = 0; k < attention.length; k++) {
                        attention[k] += z[i][k] * score / n;
                    }
                }
                next[j] = Vectors.subtract(Vectors.scale(z[j], 2), attention);
            }
            z = next;
        }
        return readout(task, z[n]);
    }

    /** The least-squares prediction w_LSᵀx_q, w_LS = S⁻¹ (1/N) Σ yᵢxᵢ, what the iteration tends to. */
    public static double leastSquaresPrediction(RegressionTask task) {
        double[][] s = GdPlusPlus.secondMoment(task.xs());
        return readout(task, Matrices.multiply(Matrices.inverse(s), task.query()));
    }

    private static double readout(RegressionTask task, double[] zQuery) {
        double sum = 0;
        for (int i = 0; i < task.size(); i++) {
            sum += task.ys()[i] * Vectors.dot(task.xs()[i], zQuery) / task.size();
        }
        return sum;
    }
}
