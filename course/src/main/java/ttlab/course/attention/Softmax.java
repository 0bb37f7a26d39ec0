package ttlab.course.attention;

/**
 * Softmax, its hard limit and its Jacobian. A score of {@code −∞} marks a masked position: it gets
 * weight 0 (this is how a causal mask enters). Every method returns a new array.
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * {@code softmax(s)_i = exp(s_i) / Σ_j exp(s_j)}, computed as {@code exp(s_i − max s)} over
     * the same sum so that large scores do not overflow.
     */
    public static double[] of(double[] scores) {
        double max = maxOf(scores);
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = scores[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(scores[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** {@code softmax(s / τ)}: temperature τ > 0; τ → 0 tends to {@link #hardmax}, τ → ∞ to uniform. */
    public static double[] of(double[] scores, double temperature) {
        requirePositive(temperature);
        double[] scaled = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            scaled[i] = scores[i] / temperature;
        }
        return of(scaled);
    }

    /**
     * Hard attention's normalisation (Pérez et al. 2021): weight {@code 1/r} on each of the
     * r positions whose score equals the maximum exactly, 0 elsewhere. Ties therefore average.
     */
    public static double[] hardmax(double[] scores) {
        double max = maxOf(scores);
        int ties = 0;
        for (double s : scores) {
            if (s == max) {
                ties++;
            }
        }
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == max) {
                p[i] = 1.0 / ties;
            }
        }
        return p;
    }

    /** Softmax of each row. */
    public static double[][] rows(double[][] scores) {
        double[][] p = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            p[i] = of(scores[i]);
        }
        return p;
    }

    /** Softmax of each row at temperature τ. */
    public static double[][] rows(double[][] scores, double temperature) {
        double[][] p = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            p[i] = of(scores[i], temperature);
        }
        return p;
    }

    /** Hardmax of each row. */
    public static double[][] hardmaxRows(double[][] scores) {
        double[][] p = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            p[i] = hardmax(scores[i]);
        }
        return p;
    }

    /** {@code log Σ exp(s_i)}, without overflow. */
    public static double logSumExp(double[] scores) {
        double max = maxOf(scores);
        double sum = 0;
        for (double s : scores) {
            if (s != Double.NEGATIVE_INFINITY) {
                sum += Math.exp(s - max);
            }
        }
        return max + Math.log(sum);
    }

    /**
     * The Jacobian of softmax at the point whose output is {@code p}:
     * {@code ∂p_i/∂s_j = p_i (δ_ij − p_j)}, i.e. {@code diag(p) − p pᵀ}.
     */
    public static double[][] jacobian(double[] p) {
        double[][] j = new double[p.length][p.length];
        for (int a = 0; a < p.length; a++) {
            double others = 0;
            for (int b = 0; b < p.length; b++) {
                if (b != a) {
                    j[a][b] = -p[a] * p[b];
                    others += p[b];
                }
            }
            // p_a(1 − p_a) written as p_a Σ_{b≠a} p_b: when p_a rounds to 1, 1 − p_a would be 0.
            j[a][a] = p[a] * others;
        }
        return j;
    }

    private static double maxOf(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("softmax of an empty vector");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            if (Double.isNaN(s) || s == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("scores must be finite or −∞ (masked), got " + s);
            }
            max = Math.max(max, s);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("every position is masked: softmax needs at least one finite score");
        }
        return max;
    }

    private static void requirePositive(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("the temperature must be positive and finite, got " + temperature);
        }
    }
}
