package ttlab.course.attention;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

/**
 * The last-write lemma of {@link HardAttentionTuringMachine} in exact arithmetic. With
 * {@code q_i = (ĉ_i, 1/(i+1), 1/(3(i+1)²))} and {@code k_j = (1/(j+1), −ĉ_j, 1/(j+1)²)},
 * {@code |⟨q_i, k_j⟩| = |3(i+1)(j+1)(c(i) − c(j)) + 1| / (3(i+1)²(j+1)²)}: a ratio of integers, so
 * two scores are compared exactly by cross-multiplying (every product fits in a long for the
 * trajectories used here: {@code |c| ≤ i < 10⁴}).
 */
public final class LastWriteLemma {

    private LastWriteLemma() {
    }

    /**
     * Step i's lookup over positions 0..i−1 in exact arithmetic: the position with the largest
     * score, how many positions share that score, and whether it is above the threshold
     * {@code −1/(2(i+1)²)} that says the cell was written.
     */
    public record Lookup(int best, int ties, boolean written) {
    }

    /** The numerator {@code |3(i+1)(j+1)(c(i) − c(j)) + 1|} of {@code |⟨q_i, k_j⟩|}. */
    public static long numerator(int i, int j, int ci, int cj) {
        return Math.abs(3L * (i + 1) * (j + 1) * (ci - cj) + 1);
    }

    /** The denominator {@code 3(i+1)²(j+1)²} of {@code |⟨q_i, k_j⟩|}. */
    public static long denominator(int i, int j) {
        return 3L * (i + 1) * (i + 1) * (j + 1) * (j + 1);
    }

    /** The exact score {@code −|⟨q_i, k_j⟩|} for head cells c(i), c(j), to 30 significant digits. */
    public static BigDecimal exactScore(int i, int j, int ci, int cj) {
        return BigDecimal.valueOf(numerator(i, j, ci, cj))
                .divide(BigDecimal.valueOf(denominator(i, j)), new MathContext(30)).negate();
    }

    /** Step i's hard-attention lookup over 0..i−1 for the head trajectory {@code c}, computed exactly. */
    public static Lookup lookup(int[] c, int i) {
        if (i < 1) {
            throw new IllegalArgumentException("step " + i + " has no earlier position to look up");
        }
        int best = 0, ties = 1;
        for (int j = 1; j < i; j++) {
            // |⟨q,k_j⟩| < |⟨q,k_best⟩|  ⇔  num_j · den_best < num_best · den_j
            long left = numerator(i, j, c[i], c[j]) * denominator(i, best);
            long right = numerator(i, best, c[i], c[best]) * denominator(i, j);
            if (left < right) {
                best = j;
                ties = 1;
            } else if (left == right) {
                ties++;
            }
        }
        // |⟨q,k⟩| < 1/(2(i+1)²)  ⇔  2·num < 3(j+1)²
        boolean written = 2 * numerator(i, best, c[i], c[best]) < 3L * (best + 1) * (best + 1);
        return new Lookup(best, ties, written);
    }

    /** The last step j &lt; i with c(j) = c(i), or −1. */
    public static int lastVisit(int[] c, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (c[j] == c[i]) {
                return j;
            }
        }
        return -1;
    }

    /** A head trajectory of {@code length} steps: c(0) = 0, then random moves of ±1. */
    public static int[] randomWalk(int length, long seed) {
        Random random = new Random(seed);
        int[] c = new int[length];
        for (int t = 1; t < length; t++) {
            c[t] = c[t - 1] + (random.nextBoolean() ? 1 : -1);
        }
        return c;
    }
}
