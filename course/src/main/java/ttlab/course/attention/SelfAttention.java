package ttlab.course.attention;

import ttlab.course.Matrices;
import ttlab.course.Rng;

/**
 * One self-attention head on tokens X (one row per token):
 * {@code SA(X) = softmax(X W_Q (X W_K)ᵀ / √d_k) X W_V}.
 *
 * @param wq d_model × d_k query projection W_Q
 * @param wk d_model × d_k key projection W_K
 * @param wv d_model × d_v value projection W_V
 */
public record SelfAttention(double[][] wq, double[][] wk, double[][] wv) {

    /** Checks that the projections fit: same d_model rows, and W_Q and W_K of the same width d_k. */
    public SelfAttention {
        if (wq.length != wk.length || wq.length != wv.length || wq[0].length != wk[0].length) {
            throw new IllegalArgumentException("W_Q " + Matrices.shape(wq) + ", W_K " + Matrices.shape(wk)
                    + " and W_V " + Matrices.shape(wv) + " do not fit together");
        }
    }

    /**
     * A head with independent Gaussian weights of standard deviation {@code scale / √d_model}
     * (scale 1 keeps a projection's output about as large as its input).
     */
    public static SelfAttention random(int dModel, int dHead, double scale, long seed) {
        double std = scale / Math.sqrt(dModel);
        return new SelfAttention(
                Matrices.scale(Rng.gaussian(dModel, dHead, seed), std),
                Matrices.scale(Rng.gaussian(dModel, dHead, seed + 1), std),
                Matrices.scale(Rng.gaussian(dModel, dModel, seed + 2), std));
    }

    /** The key dimension d_k, whose square root is the temperature. */
    public int keyDimension() {
        return wk[0].length;
    }

    /** The attention weights {@code softmax(mask(X W_Q (X W_K)ᵀ / √d_k))}. */
    public double[][] weights(double[][] x, Mask mask) {
        return Attention.weights(Matrices.multiply(x, wq), Matrices.multiply(x, wk), mask);
    }

    /** {@code SA(X)} with the given mask. */
    public double[][] apply(double[][] x, Mask mask) {
        return Attention.apply(weights(x, mask), Matrices.multiply(x, wv));
    }

    /** {@code SA(X)} without a mask. */
    public double[][] apply(double[][] x) {
        return apply(x, Mask.NONE);
    }

    /**
     * The kernel this head applies to pairs of tokens, {@code K(x, y) = exp(xᵀ W_Q W_Kᵀ y / √d_k)}
     * (Tsai et al. 2019, §2): with it, {@code SA(X)} is the Nadaraya–Watson estimate at each token.
     */
    public Kernel kernel() {
        double[][] bilinear = Matrices.multiply(wq, Matrices.transpose(wk));
        double temperature = Math.sqrt(keyDimension());
        return (x, y) -> ttlab.course.Vectors.dot(x, Matrices.multiply(bilinear, y)) / temperature;
    }
}
