package ttlab.course.attention;

import ttlab.course.Matrices;
import ttlab.course.Rng;

/**
 * A two-layer perceptron applied to each token (row) on its own:
 * {@code MLP(x) = ReLU(x W₁ + b₁) W₂ + b₂}.
 *
 * @param w1 d_model × d_hidden
 * @param b1 d_hidden
 * @param w2 d_hidden × d_model
 * @param b2 d_model
 */
public record Mlp(double[][] w1, double[] b1, double[][] w2, double[] b2) {

    /** Checks that the shapes fit: W₁ is d_model × d_hidden, b₁ d_hidden, W₂ d_hidden × d_model, b₂ d_model. */
    public Mlp {
        if (w1[0].length != b1.length || w2.length != b1.length || w2[0].length != b2.length) {
            throw new IllegalArgumentException("W₁ " + Matrices.shape(w1) + ", b₁ " + b1.length + ", W₂ "
                    + Matrices.shape(w2) + " and b₂ " + b2.length + " do not fit together");
        }
    }

    /**
     * Gaussian weights of standard deviation {@code scale / √fan_in} and zero biases. For ReLU
     * layers scale √2 keeps activations about as large as the input (He et al. 2015).
     */
    public static Mlp random(int dModel, int dHidden, double scale, long seed) {
        return new Mlp(
                Matrices.scale(Rng.gaussian(dModel, dHidden, seed), scale / Math.sqrt(dModel)),
                new double[dHidden],
                Matrices.scale(Rng.gaussian(dHidden, dModel, seed + 1), scale / Math.sqrt(dHidden)),
                new double[dModel]);
    }

    /** The MLP applied to every row of X. */
    public double[][] apply(double[][] x) {
        double[][] hidden = Matrices.multiply(x, w1);
        for (double[] row : hidden) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.max(0, row[j] + b1[j]);
            }
        }
        double[][] out = Matrices.multiply(hidden, w2);
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] += b2[j];
            }
        }
        return out;
    }

    /**
     * An upper bound on the Lipschitz constant, {@code ‖W₁‖₂ ‖W₂‖₂} (ReLU is 1-Lipschitz): the λ
     * that enters Dong et al.'s (2021, §3) bound for attention with MLPs.
     */
    public double lipschitzBound() {
        return Matrices.singularValues(w1)[0] * Matrices.singularValues(w2)[0];
    }
}
