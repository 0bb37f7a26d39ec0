package ttlab.course.attention;

import ttlab.course.Rng;
import ttlab.course.Vectors;

/**
 * The exponential dot-product kernel as an inner product of features: for ω ~ N(0, I),
 * {@code E[exp(ωᵀq − ‖q‖²/2) · exp(ωᵀk − ‖k‖²/2)] = exp(qᵀk)} (the positive random features of
 * Choromanski et al. 2021). Attention's kernel {@code exp(xᵀ W_Q W_Kᵀ y / √d_k)} is this kernel
 * at {@code q = x W_Q / d_k^¼}, {@code k = y W_K / d_k^¼}: an inner product of two different
 * feature maps, one for queries and one for keys. A finite sample of ω turns it into the
 * estimate below, whose standard error says how far it may be from the exact value.
 *
 * @param omegas m × d directions ω, one per row
 */
public record PositiveRandomFeatures(double[][] omegas) {

    /** {@code m} independent standard Gaussian directions in dimension {@code d} (seeded). */
    public static PositiveRandomFeatures gaussian(int m, int d, long seed) {
        if (m < 2 || d < 1) {
            throw new IllegalArgumentException("need at least 2 directions of dimension >= 1, got m = " + m + ", d = " + d);
        }
        return new PositiveRandomFeatures(Rng.gaussian(m, d, seed));
    }

    /** The feature vector {@code φ(x)_r = exp(ω_rᵀx − ‖x‖²/2) / √m}: then {@code φ(q)·φ(k)} estimates {@code exp(qᵀk)}. */
    public double[] features(double[] x) {
        requireDimension(x);
        double[] phi = new double[omegas.length];
        double half = Vectors.dot(x, x) / 2;
        for (int r = 0; r < omegas.length; r++) {
            phi[r] = Math.exp(Vectors.dot(omegas[r], x) - half) / Math.sqrt(omegas.length);
        }
        return phi;
    }

    /** The estimate {@code φ(q)·φ(k)} of {@code exp(qᵀk)}, with the standard error of the mean over the m directions. */
    public Estimate estimate(double[] q, double[] k) {
        double[] fq = features(q);
        double[] fk = features(k);
        int m = omegas.length;
        double mean = 0;
        double[] terms = new double[m];
        for (int r = 0; r < m; r++) {
            terms[r] = fq[r] * fk[r] * m;     // one sample exp(ωᵀq − ‖q‖²/2) exp(ωᵀk − ‖k‖²/2)
            mean += terms[r] / m;
        }
        double squares = 0;
        for (double t : terms) {
            squares += (t - mean) * (t - mean);
        }
        return new Estimate(mean, Math.sqrt(squares / (m - 1) / m));
    }

    /** An estimate and its standard error. */
    public record Estimate(double value, double standardError) {
    }

    private void requireDimension(double[] x) {
        if (x.length != omegas[0].length) {
            throw new IllegalArgumentException("a vector of dimension " + x.length + " for features of dimension " + omegas[0].length);
        }
    }
}
