package ttlab.course.scaling;

import java.util.Random;

/**
 * Synthetic data on d-dimensional manifolds inside a D-dimensional space, for intrinsic-dimension
 * estimates and the alpha = 4/d experiment: a flat cube or a round sphere placed on a random
 * orthonormal frame, and a curved embedding of the cube by smooth random features.
 */
public final class Manifolds {

    private Manifolds() {
    }

    /** n points uniform in [0,1]^d, placed in R^ambient on a random orthonormal d-frame. */
    public static double[][] cube(int n, int d, int ambient, long seed) {
        Random random = new Random(seed);
        return embed(uniformCube(n, d, random), frame(d, ambient, random));
    }

    /** n points uniform on the unit sphere S^d (in R^(d+1)), placed in R^ambient on a random orthonormal frame. */
    public static double[][] sphere(int n, int d, int ambient, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][d + 1];
        for (double[] row : x) {
            double norm;
            do {
                norm = 0;
                for (int k = 0; k <= d; k++) {
                    row[k] = random.nextGaussian();
                    norm += row[k] * row[k];
                }
            } while (norm == 0);
            norm = Math.sqrt(norm);
            for (int k = 0; k <= d; k++) {
                row[k] /= norm;
            }
        }
        return embed(x, frame(d + 1, ambient, random));
    }

    /**
     * The cube [0,1]^d bent into R^ambient: coordinate k is sin(w_k . u + b_k) / sqrt(ambient), with
     * w_k ~ N(0, I) and b_k uniform in [0, 2 pi). A smooth map of a d-dimensional set: the image is
     * d-dimensional however large ambient is. The latent points u are returned too.
     */
    public static Curved curved(int n, int d, int ambient, long seed) {
        Random random = new Random(seed);
        double[][] u = uniformCube(n, d, random);
        double[][] w = new double[ambient][d];
        double[] b = new double[ambient];
        for (int k = 0; k < ambient; k++) {
            for (int j = 0; j < d; j++) {
                w[k][j] = random.nextGaussian();
            }
            b[k] = 2 * Math.PI * random.nextDouble();
        }
        double[][] x = new double[n][ambient];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < ambient; k++) {
                double s = b[k];
                for (int j = 0; j < d; j++) {
                    s += w[k][j] * u[i][j];
                }
                x[i][k] = Math.sin(s) / Math.sqrt(ambient);
            }
        }
        return new Curved(u, x);
    }

    /** Points of a curved manifold: their latent coordinates u in [0,1]^d and their images x in R^ambient. */
    public record Curved(double[][] latent, double[][] points) {
    }

    private static double[][] uniformCube(int n, int d, Random random) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("need n >= 1 points of dimension d >= 1, not n = " + n + ", d = " + d);
        }
        double[][] u = new double[n][d];
        for (double[] row : u) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextDouble();
            }
        }
        return u;
    }

    /** k orthonormal vectors of R^ambient (rows), by Gram-Schmidt on Gaussian vectors. */
    static double[][] frame(int k, int ambient, Random random) {
        if (k > ambient) {
            throw new IllegalArgumentException("a " + k + "-dimensional manifold does not fit in R^" + ambient);
        }
        double[][] q = new double[k][ambient];
        for (int i = 0; i < k; i++) {
            double norm;
            do {
                for (int j = 0; j < ambient; j++) {
                    q[i][j] = random.nextGaussian();
                }
                for (int p = 0; p < i; p++) {
                    for (int pass = 0; pass < 2; pass++) { // twice is enough (Giraud et al.)
                        double dot = 0;
                        for (int j = 0; j < ambient; j++) {
                            dot += q[i][j] * q[p][j];
                        }
                        for (int j = 0; j < ambient; j++) {
                            q[i][j] -= dot * q[p][j];
                        }
                    }
                }
                norm = 0;
                for (int j = 0; j < ambient; j++) {
                    norm += q[i][j] * q[i][j];
                }
            } while (norm < 1e-20);
            norm = Math.sqrt(norm);
            for (int j = 0; j < ambient; j++) {
                q[i][j] /= norm;
            }
        }
        return q;
    }

    private static double[][] embed(double[][] x, double[][] frame) {
        double[][] y = new double[x.length][frame[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < frame.length; k++) {
                for (int j = 0; j < frame[0].length; j++) {
                    y[i][j] += x[i][k] * frame[k][j];
                }
            }
        }
        return y;
    }
}
