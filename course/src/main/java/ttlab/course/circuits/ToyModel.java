package ttlab.course.circuits;

import java.util.Random;

/**
 * The toy model of superposition (Elhage et al. 2022): n features x ∈ [0,1]<sup>n</sup> are
 * squeezed into m &lt; n dimensions by h = Wx (W is m×n, column i is feature i's direction) and read
 * back by x′ = ReLU(WᵀWx + b). The loss weights feature i by its importance I<sub>i</sub>.
 */
public final class ToyModel {

    private ToyModel() {
    }

    /** x′ = ReLU(WᵀWx + b). */
    public static double[] reconstruct(double[][] w, double[] b, double[] x) {
        double[] h = hidden(w, x);
        int n = x.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int r = 0; r < w.length; r++) {
                sum += w[r][i] * h[r];
            }
            out[i] = Math.max(0, sum);
        }
        return out;
    }

    /** h = Wx, the m-dimensional hidden activation. */
    public static double[] hidden(double[][] w, double[] x) {
        double[] h = new double[w.length];
        for (int r = 0; r < w.length; r++) {
            if (w[r].length != x.length) {
                throw new IllegalArgumentException("W has " + w[r].length + " columns for " + x.length + " features");
            }
            for (int i = 0; i < x.length; i++) {
                h[r] += w[r][i] * x[i];
            }
        }
        return h;
    }

    /** The importance-weighted loss, averaged over the samples: mean of Σ<sub>i</sub> I<sub>i</sub>(x<sub>i</sub> − x′<sub>i</sub>)². */
    public static double loss(double[][] w, double[] b, double[][] xs, double[] importance) {
        double sum = 0;
        for (double[] x : xs) {
            double[] xr = reconstruct(w, b, x);
            for (int i = 0; i < x.length; i++) {
                sum += importance[i] * (x[i] - xr[i]) * (x[i] - xr[i]);
            }
        }
        return sum / xs.length;
    }

    /**
     * Each feature's dimensionality D<sub>i</sub> = ‖W<sub>i</sub>‖² / Σ<sub>j</sub>(Ŵ<sub>i</sub>·W<sub>j</sub>)²
     * (Elhage et al. 2022): 1 for a feature with a dimension of its own, 1/2 for one of an antipodal
     * pair, 0 for a feature that is not represented (W<sub>i</sub> = 0).
     */
    public static double[] featureDimensionalities(double[][] w) {
        int m = w.length, n = w[0].length;
        double[] dims = new double[n];
        for (int i = 0; i < n; i++) {
            double norm2 = 0;
            for (int r = 0; r < m; r++) {
                norm2 += w[r][i] * w[r][i];
            }
            if (norm2 == 0) {
                continue;
            }
            double interference = 0;
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int r = 0; r < m; r++) {
                    dot += w[r][i] * w[r][j];
                }
                interference += dot * dot / norm2;
            }
            dims[i] = norm2 / interference;
        }
        return dims;
    }

    /** D* = m / ‖W‖²<sub>F</sub>: dimensions per embedded feature (‖W‖²<sub>F</sub> counts features, each of norm about 1). */
    public static double dimensionsPerFeature(double[][] w) {
        double frobenius2 = 0;
        for (double[] row : w) {
            for (double v : row) {
                frobenius2 += v * v;
            }
        }
        return w.length / frobenius2;
    }

    /** A batch of sparse features: each x<sub>i</sub> is 0 with probability {@code sparsity}, else uniform on [0, 1]. */
    public static double[][] sparseBatch(Random random, int count, int features, double sparsity) {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), not " + sparsity);
        }
        double[][] xs = new double[count][features];
        for (double[] x : xs) {
            for (int i = 0; i < features; i++) {
                x[i] = random.nextDouble() < sparsity ? 0 : random.nextDouble();
            }
        }
        return xs;
    }

    /** Importances I<sub>i</sub> = decay<sup>i</sup>. */
    public static double[] importance(int features, double decay) {
        double[] importance = new double[features];
        for (int i = 0; i < features; i++) {
            importance[i] = Math.pow(decay, i);
        }
        return importance;
    }
}
