package ttlab.course.attention;

import ttlab.course.Vectors;

/**
 * A positive kernel K(x, y) for Nadaraya–Watson regression, given by its logarithm: the weights
 * {@code K(q, k_i) / Σ_j K(q, k_j)} are then a softmax of the log-kernel values, which stays
 * finite when K itself would underflow (a tiny bandwidth). K need not be symmetric.
 */
@FunctionalInterface
public interface Kernel {

    /** {@code log K(x, y)}. */
    double log(double[] x, double[] y);

    /** {@code K(x, y)}. */
    default double value(double[] x, double[] y) {
        return Math.exp(log(x, y));
    }

    /** The kernel matrix {@code G_ij = K(x_i, x_j)} of the rows of {@code points}. */
    default double[][] gram(double[][] points) {
        double[][] g = new double[points.length][points.length];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < points.length; j++) {
                g[i][j] = value(points[i], points[j]);
            }
        }
        return g;
    }

    /** The smallest squared distance between two different rows of {@code points}. */
    static double minSquaredDistance(double[][] points) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < i; j++) {
                min = Math.min(min, ttlab.course.Vectors.squaredDistance(points[i], points[j]));
            }
        }
        return min;
    }

    /** The Gaussian kernel {@code exp(−‖x − y‖² / 2h²)} of bandwidth h > 0. */
    static Kernel gaussian(double bandwidth) {
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("the bandwidth must be positive, got " + bandwidth);
        }
        double twoHSquared = 2 * bandwidth * bandwidth;
        return (x, y) -> -Vectors.squaredDistance(x, y) / twoHSquared;
    }

    /** The exponential dot-product kernel {@code exp(x · y / τ)}: softmax attention's, at temperature τ. */
    static Kernel exponentialDot(double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("the temperature must be positive, got " + temperature);
        }
        return (x, y) -> Vectors.dot(x, y) / temperature;
    }
}
