package ttlab.course.circuits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Fourier analysis of a model trained on a + b mod p (Nanda et al. 2023), p odd. Frequencies are
 * k = 0..(p−1)/2 with ω<sub>k</sub> = 2πk/p. On Z<sub>p</sub> the functions 1/√p and
 * √(2/p)·cos(ω<sub>k</sub>a), √(2/p)·sin(ω<sub>k</sub>a) (k ≥ 1) form an orthonormal basis, so the
 * energies below add up to the squared norm (Parseval). Logits are stored as
 * {@code logits[a][b][c]}: the logit of answer c for the input (a, b).
 */
public final class ModularFourier {

    private ModularFourier() {
    }

    /**
     * The energy of each frequency in an embedding matrix (row a embeds token a, rows 0..p−1):
     * ‖component‖² in the orthonormal Fourier basis, k = 0..(p−1)/2. The sum is ‖E‖²<sub>F</sub>.
     */
    public static double[] energies(double[][] embedding) {
        int p = requireOdd(embedding.length);
        int width = embedding[0].length;
        double[] energies = new double[(p + 1) / 2];
        for (int k = 0; k < energies.length; k++) {
            double[] cos = new double[width], sin = new double[width];
            for (int a = 0; a < p; a++) {
                double angle = 2 * Math.PI * k * a / p;
                for (int d = 0; d < width; d++) {
                    cos[d] += Math.cos(angle) * embedding[a][d];
                    sin[d] += Math.sin(angle) * embedding[a][d];
                }
            }
            double scale = k == 0 ? 1.0 / p : 2.0 / p;    // squared norm of the unnormalised basis vector, inverted
            energies[k] = scale * (squaredNorm(cos) + squaredNorm(sin));
        }
        return energies;
    }

    /**
     * The key frequencies: the fewest non-zero frequencies, strongest first, whose energies hold
     * at least {@code fraction} of the energy outside k = 0; returned in increasing order.
     */
    public static int[] keyFrequencies(double[] energies, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], not " + fraction);
        }
        double total = 0;
        List<Integer> order = new ArrayList<>();
        for (int k = 1; k < energies.length; k++) {
            total += energies[k];
            order.add(k);
        }
        order.sort(Comparator.comparingDouble((Integer k) -> energies[k]).reversed());
        List<Integer> keys = new ArrayList<>();
        double held = 0;
        for (int k : order) {
            if (held >= fraction * total) {
                break;
            }
            keys.add(k);
            held += energies[k];
        }
        return keys.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * The part of the logits that the key frequencies explain: for each answer c, the mean over all
     * (a, b) plus the components along cos(ω<sub>k</sub>(a+b)) and sin(ω<sub>k</sub>(a+b)) for each
     * key k (orthogonal on the p×p grid, each of squared norm p²/2).
     */
    public static double[][][] restrictedLogits(double[][][] logits, int[] keys) {
        return project(logits, keys, true);
    }

    /** The logits with the key frequencies' components removed (the mean and everything else kept). */
    public static double[][][] excludedLogits(double[][][] logits, int[] keys) {
        return project(logits, keys, false);
    }

    /** Mean cross-entropy of the answer (a + b) mod p, over the inputs a·p + b listed. */
    public static double loss(double[][][] logits, int[] inputs) {
        int p = logits.length;
        double sum = 0;
        for (int input : inputs) {
            int a = input / p, b = input % p;
            double[] row = logits[a][b];
            double max = Arrays.stream(row).max().orElseThrow();
            double logSum = 0;
            for (double logit : row) {
                logSum += Math.exp(logit - max);
            }
            sum += max + Math.log(logSum) - row[(a + b) % p];
        }
        return sum / inputs.length;
    }

    /** The fraction of the inputs listed whose largest logit is the answer (a + b) mod p. */
    public static double accuracy(double[][][] logits, int[] inputs) {
        int p = logits.length, correct = 0;
        for (int input : inputs) {
            int a = input / p, b = input % p;
            double[] row = logits[a][b];
            int best = 0;
            for (int c = 1; c < p; c++) {
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            correct += best == (a + b) % p ? 1 : 0;
        }
        return (double) correct / inputs.length;
    }

    private static double[][][] project(double[][][] logits, int[] keys, boolean keep) {
        int p = requireOdd(logits.length);
        for (int k : keys) {
            if (k < 1 || k > (p - 1) / 2) {
                throw new IllegalArgumentException("key frequency " + k + " is outside 1.." + (p - 1) / 2);
            }
        }
        // cos and sin of ω_k·s for s = (a + b) mod p, computed once per key rather than per answer.
        double[][] cos = new double[keys.length][p], sin = new double[keys.length][p];
        for (int i = 0; i < keys.length; i++) {
            for (int s = 0; s < p; s++) {
                cos[i][s] = Math.cos(2 * Math.PI * keys[i] * s / p);
                sin[i][s] = Math.sin(2 * Math.PI * keys[i] * s / p);
            }
        }
        double[][][] out = new double[p][p][p];
        for (int c = 0; c < p; c++) {
            double mean = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    mean += logits[a][b][c];
                }
            }
            mean /= p * p;
            double[][] component = new double[p][p];
            for (int i = 0; i < keys.length; i++) {
                double alpha = 0, beta = 0;
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        int s = (a + b) % p;
                        alpha += logits[a][b][c] * cos[i][s];
                        beta += logits[a][b][c] * sin[i][s];
                    }
                }
                alpha *= 2.0 / (p * p);
                beta *= 2.0 / (p * p);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        int s = (a + b) % p;
                        component[a][b] += alpha * cos[i][s] + beta * sin[i][s];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    out[a][b][c] = keep ? mean + component[a][b] : logits[a][b][c] - component[a][b];
                }
            }
        }
        return out;
    }

    private static int requireOdd(int p) {
        if (p < 3 || p % 2 == 0) {
            throw new IllegalArgumentException("the modulus must be odd and at least 3, not " + p);
        }
        return p;
    }

    private static double squaredNorm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return sum;
    }
}
