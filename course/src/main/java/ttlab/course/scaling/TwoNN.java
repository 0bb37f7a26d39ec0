package ttlab.course.scaling;

import java.util.Arrays;

/**
 * The TwoNN intrinsic-dimension estimator (Facco, d'Errico, Rodriguez, Laio 2017). For each point,
 * mu = r2 / r1, the ratio of the distances to its second and first nearest neighbours. Where the
 * density is locally constant on a d-dimensional manifold, mu follows a Pareto law with
 * P(mu > m) = m^-d, whatever the density: so -log(1 - F(mu)) = d log mu, a line through the origin.
 *
 * <p>At high d the estimate falls below the truth for a fixed number of points: the neighbours are
 * no longer local (the distances concentrate, and the boundary and curvature are felt), which the
 * lecture shows.
 */
public final class TwoNN {

    private TwoNN() {
    }

    /** mu_i = r2/r1 for every point (rows of {@code points}); brute force, O(n^2 * dimension). */
    public static double[] ratios(double[][] points) {
        int n = points.length;
        if (n < 3) {
            throw new IllegalArgumentException("TwoNN needs at least 3 points, got " + n);
        }
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            double first = Double.POSITIVE_INFINITY, second = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d2 = 0;
                for (int k = 0; k < points[i].length; k++) {
                    double diff = points[i][k] - points[j][k];
                    d2 += diff * diff;
                }
                if (d2 < first) {
                    second = first;
                    first = d2;
                } else if (d2 < second) {
                    second = d2;
                }
            }
            if (first == 0) {
                throw new IllegalArgumentException("points " + i + " and another coincide: TwoNN needs distinct points");
            }
            mu[i] = Math.sqrt(second / first);
        }
        return mu;
    }

    /**
     * Facco et al.'s estimate: the slope through the origin of -log(1 - i/n) against log mu_(i) (the
     * sorted ratios, i = 1..n), over the smallest (1 - discard) fraction of the ratios.
     */
    public static double fit(double[] mu, double discard) {
        if (!(discard >= 0 && discard < 1)) {
            throw new IllegalArgumentException("the discarded fraction must be in [0, 1), not " + discard);
        }
        double[] sorted = mu.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int kept = Math.min(n - 1, (int) Math.floor(n * (1 - discard))); // i = n would give log 0
        double xy = 0, xx = 0;
        for (int i = 1; i <= kept; i++) {
            double x = Math.log(sorted[i - 1]);
            double y = -Math.log(1 - (double) i / n);
            xy += x * y;
            xx += x * x;
        }
        return xy / xx;
    }

    /** The estimate with 10% of the largest ratios discarded, as Facco et al. do. */
    public static double estimate(double[][] points) {
        return fit(ratios(points), 0.1);
    }

    /** The maximum-likelihood estimate under the Pareto law: d = n / sum log mu_i. */
    public static double maximumLikelihood(double[] mu) {
        double sum = 0;
        for (double m : mu) {
            sum += Math.log(m);
        }
        return mu.length / sum;
    }
}
