package ttlab.course.ssm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import ttlab.course.Matrices;
import ttlab.course.Rng;

import java.util.Random;

/**
 * Associative recall with a fixed-size linear state against attention over a growing cache.
 * K pairs (k_j, v_j), keys in R^d and scalar values, are stored; then each key is a query and the
 * memory must return its value.
 * <ul>
 *   <li>A <b>linear memory</b> (linear attention; SSD with a decay) keeps the d numbers
 *       s = Σ_j w_j v_j k_j (w_j = 1, or the decay a_{j+1}⋯a_K from step j to the end) and answers
 *       query k_i with k_i·s. The answers are Mv with M_ij = w_j k_i·k_j: a K×K map of rank at most d.</li>
 *   <li><b>Attention</b> keeps all K keys and values (its KV cache) and answers with the softmax
 *       average Σ_j softmax(β k_i·k_j) v_j.</li>
 * </ul>
 * For values with mean 0 and variance 1, independent, the expected squared error summed over the
 * K queries is E‖(I − M)v‖² = ‖I − M‖²_F.
 */
public final class AssociativeRecall {

    private AssociativeRecall() {
    }

    /** K keys drawn uniformly on the unit sphere of R^d, one per row. */
    public static double[][] randomUnitKeys(int k, int d, long seed) {
        double[][] keys = Rng.gaussian(k, d, seed);
        for (double[] key : keys) {
            double norm = Math.sqrt(java.util.Arrays.stream(key).map(x -> x * x).sum());
            for (int i = 0; i < d; i++) {
                key[i] /= norm;
            }
        }
        return keys;
    }

    /**
     * The best keys for a linear memory of d numbers: the rows of a K×d matrix Q with orthonormal
     * rows when K ≤ d (then M = QQᵀ = I: exact recall) and orthonormal columns when K > d (then
     * M = QQᵀ is an orthogonal projection of rank d). From the QR decomposition of a Gaussian matrix.
     */
    public static double[][] frameKeys(int k, int d, long seed) {
        boolean tall = k > d;
        int rows = tall ? k : d, cols = tall ? d : k;
        DMatrixRMaj g = new DMatrixRMaj(Rng.gaussian(rows, cols, seed));
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(g)) {
            throw new ArithmeticException("QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);                 // rows × cols, orthonormal columns
        double[][] keys = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                keys[i][j] = tall ? q.get(i, j) : q.get(j, i);   // K ≤ d: the transpose, orthonormal rows
            }
        }
        return keys;
    }

    /** Weights w_j = a_{j+1}⋯a_{K−1}: how much of pair j a decaying state still holds after the last pair. */
    public static double[] decayWeights(double[] a) {
        double[] w = new double[a.length];
        double product = 1;
        for (int j = a.length - 1; j >= 0; j--) {
            w[j] = product;
            product *= a[j];
        }
        return w;
    }

    /** The state s = Σ_j w_j v_j k_j: d numbers, whatever K. */
    public static double[] linearState(double[][] keys, double[] weights, double[] values) {
        double[] s = new double[keys[0].length];
        for (int j = 0; j < keys.length; j++) {
            for (int i = 0; i < s.length; i++) {
                s[i] += weights[j] * values[j] * keys[j][i];
            }
        }
        return s;
    }

    /** The linear memory's answers k_i·s to every key. */
    public static double[] linearRecall(double[][] keys, double[] weights, double[] values) {
        double[] s = linearState(keys, weights, values);
        double[] out = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            for (int j = 0; j < s.length; j++) {
                out[i] += keys[i][j] * s[j];
            }
        }
        return out;
    }

    /** The map from values to answers: M_ij = w_j k_i·k_j. */
    public static double[][] linearMap(double[][] keys, double[] weights) {
        double[][] m = Matrices.multiply(keys, Matrices.transpose(keys));
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= weights[j];
            }
        }
        return m;
    }

    /** ‖I − M‖²_F: the expected squared error summed over the K queries, for independent values of mean 0 and variance 1. */
    public static double expectedSquaredError(double[][] map) {
        double sum = 0;
        for (int i = 0; i < map.length; i++) {
            for (int j = 0; j < map.length; j++) {
                double e = (i == j ? 1 : 0) - map[i][j];
                sum += e * e;
            }
        }
        return sum;
    }

    /** The bound for any map of rank at most s: ‖I − M‖²_F ≥ K − s (and 0 when K ≤ s). */
    public static double rankBound(int k, int s) {
        return Math.max(0, k - s);
    }

    /** Softmax attention's answers: Σ_j softmax_j(β k_i·k_j) v_j for every key k_i. */
    public static double[] attentionRecall(double[][] keys, double[] values, double beta) {
        double[] out = new double[keys.length];
        double[] scores = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < keys.length; j++) {
                double dot = 0;
                for (int c = 0; c < keys[i].length; c++) {
                    dot += keys[i][c] * keys[j][c];
                }
                scores[j] = beta * dot;
                max = Math.max(max, scores[j]);
            }
            double norm = 0, sum = 0;
            for (int j = 0; j < keys.length; j++) {
                double e = Math.exp(scores[j] - max);
                norm += e;
                sum += e * values[j];
            }
            out[i] = sum / norm;
        }
        return out;
    }

    /** Values ±1 with equal probability: mean 0, variance 1. */
    public static double[] randomSigns(int k, long seed) {
        Random random = new Random(seed);
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = random.nextBoolean() ? 1 : -1;
        }
        return v;
    }

    /** The mean over {@code trials} draws of ±1 values of the squared recall error Σ_i (answer_i − v_i)², for a linear memory. */
    public static double measuredLinearError(double[][] keys, double[] weights, int trials, long seed) {
        double total = 0;
        for (int t = 0; t < trials; t++) {
            double[] v = randomSigns(keys.length, seed + t);
            double[] answer = linearRecall(keys, weights, v);
            for (int i = 0; i < v.length; i++) {
                total += (answer[i] - v[i]) * (answer[i] - v[i]);
            }
        }
        return total / trials;
    }

    /** The largest |answer − value| of attention over {@code trials} draws of ±1 values. */
    public static double worstAttentionError(double[][] keys, double beta, int trials, long seed) {
        double worst = 0;
        for (int t = 0; t < trials; t++) {
            double[] v = randomSigns(keys.length, seed + t);
            double[] answer = attentionRecall(keys, v, beta);
            for (int i = 0; i < v.length; i++) {
                worst = Math.max(worst, Math.abs(answer[i] - v[i]));
            }
        }
        return worst;
    }

    /**
     * Every assignment of ±1 values to K keys, stored in a linear memory whose d numbers are each
     * rounded to one of 2^bits levels on [−range, range], and recalled by the sign of k_i·s.
     *
     * @param assignments     2^K
     * @param distinctStates  how many different rounded states the assignments produce (at most 2^(bits·d))
     * @param exactlyRecalled how many assignments get every value back
     */
    public record QuantizedCount(long assignments, long distinctStates, long exactlyRecalled) {
    }

    /** Counts {@link QuantizedCount} by enumerating all 2^K assignments (K ≤ 20). */
    public static QuantizedCount quantizedCount(double[][] keys, int bits, double range) {
        int k = keys.length, d = keys[0].length;
        if (k > 20) {
            throw new IllegalArgumentException("2^K assignments: K <= 20, got " + k);
        }
        double[] ones = new double[k];
        java.util.Arrays.fill(ones, 1);
        long levels = 1L << bits;
        java.util.Set<java.util.List<Long>> states = new java.util.HashSet<>();
        long exact = 0;
        for (long mask = 0; mask < (1L << k); mask++) {
            double[] v = new double[k];
            for (int j = 0; j < k; j++) {
                v[j] = (mask >> j & 1) == 1 ? 1 : -1;
            }
            double[] s = linearState(keys, ones, v);
            java.util.List<Long> cells = new java.util.ArrayList<>(d);
            double[] rounded = new double[d];
            for (int i = 0; i < d; i++) {
                double x = Math.max(-range, Math.min(range, s[i]));
                long cell = Math.min(levels - 1, (long) Math.floor((x + range) / (2 * range) * levels));
                cells.add(cell);
                rounded[i] = -range + (cell + 0.5) * (2 * range) / levels;     // the level's midpoint
            }
            states.add(cells);
            boolean all = true;
            for (int i = 0; i < k && all; i++) {
                double answer = 0;
                for (int c = 0; c < d; c++) {
                    answer += keys[i][c] * rounded[c];
                }
                all = Math.signum(answer) == v[i];
            }
            if (all) {
                exact++;
            }
        }
        return new QuantizedCount(1L << k, states.size(), exact);
    }
}
