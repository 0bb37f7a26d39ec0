package ttlab.course.icl;

import ttlab.course.Matrices;

/**
 * The weights of von Oswald et al. 2023 (Proposition 1) for which one linear self-attention layer
 * is one gradient-descent step of size η on L(w) = 1/(2N) Σ (wᵀxⱼ − yⱼ)² from w₀ = 0, and the
 * GD++ variant that also moves the x-tokens by xⱼ ← (I − γ S) xⱼ with S = (1/N) Σᵢ xᵢxᵢᵀ.
 */
public final class GdConstruction {

    private GdConstruction() {
    }

    /**
     * W_K = W_Q = [[I, 0], [0, 0]] (they read x), W_V = [[0, 0], [0, −1]] (the value is the
     * residual w₀ᵀxᵢ − yᵢ = −yᵢ), P = η I: the query's y-slot moves by −η (1/N) Σ yᵢ xᵢᵀx_q = −ΔW x_q.
     */
    public static LinearSelfAttention gradientStep(int d, double eta) {
        return layer(d, eta, 0);
    }

    /** GD++: as {@link #gradientStep} and W_V's x-block −γ/η · I, so that P W_V's x-block is −γ I. */
    public static LinearSelfAttention gdPlusPlus(int d, double eta, double gamma) {
        return layer(d, eta, gamma);
    }

    private static LinearSelfAttention layer(int d, double eta, double gamma) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension d must be ≥ 1, got " + d);
        }
        if (!(eta > 0)) {
            throw new IllegalArgumentException("learning rate η must be > 0, got " + eta);
        }
        double[][] readX = new double[d + 1][d + 1];
        double[][] values = new double[d + 1][d + 1];
        for (int k = 0; k < d; k++) {
            readX[k][k] = 1;
            values[k][k] = -gamma / eta;
        }
        values[d][d] = -1;
        return new LinearSelfAttention(readX, Matrices.copy(readX), values, Matrices.scale(Matrices.identity(d + 1), eta));
    }
}
