package ttlab.course.attention;

import ttlab.course.Matrices;

/**
 * Scaled dot-product attention (Vaswani et al. 2017, §3.2.1) on {@code double[][]}: queries,
 * keys and values are matrices with one row per position,
 * {@code Attention(Q, K, V) = softmax(Q Kᵀ / τ) V} with τ = √d_k by default.
 */
public final class Attention {

    private Attention() {
    }

    /** The score matrix {@code Q Kᵀ / τ}: entry (i, j) is {@code q_i · k_j / τ}. */
    public static double[][] scores(double[][] q, double[][] k, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("the temperature must be positive, got " + temperature);
        }
        return Matrices.scale(Matrices.multiply(q, Matrices.transpose(k)), 1 / temperature);
    }

    /** The softmax attention weights {@code softmax(mask(Q Kᵀ / τ))}, one row per query. */
    public static double[][] weights(double[][] q, double[][] k, double temperature, Mask mask) {
        return Softmax.rows(mask.apply(scores(q, k, temperature)));
    }

    /** The weights of scaled dot-product attention, τ = √d_k. */
    public static double[][] weights(double[][] q, double[][] k, Mask mask) {
        return weights(q, k, Math.sqrt(k[0].length), mask);
    }

    /**
     * Hard attention's weights: each query puts weight 1/r on the r keys of maximal score q·k
     * (exact ties), and 0 elsewhere. No temperature: it is the τ → 0 limit of {@link #weights}.
     */
    public static double[][] hardWeights(double[][] q, double[][] k, Mask mask) {
        return Softmax.hardmaxRows(mask.apply(scores(q, k, 1)));
    }

    /** The weighted sums of value rows, {@code W V}: row i is {@code Σ_j W_ij v_j}. */
    public static double[][] apply(double[][] weights, double[][] v) {
        return Matrices.multiply(weights, v);
    }

    /** {@code softmax(Q Kᵀ / √d_k) V}, every query seeing every key. */
    public static double[][] scaledDotProduct(double[][] q, double[][] k, double[][] v) {
        return scaledDotProduct(q, k, v, Mask.NONE);
    }

    /** {@code softmax(mask(Q Kᵀ / √d_k)) V}. */
    public static double[][] scaledDotProduct(double[][] q, double[][] k, double[][] v, Mask mask) {
        return apply(weights(q, k, mask), v);
    }
}
