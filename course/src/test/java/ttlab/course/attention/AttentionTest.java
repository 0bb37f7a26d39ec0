package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;
import ttlab.course.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AttentionTest {

    @Test
    void scaledDotProductFollowsTheFormulaEntryByEntry() {
        double[][] q = Rng.gaussian(4, 3, 1);
        double[][] k = Rng.gaussian(5, 3, 2);
        double[][] v = Rng.gaussian(5, 2, 3);
        double[][] out = Attention.scaledDotProduct(q, k, v);
        for (int i = 0; i < 4; i++) {
            double[] e = new double[5];
            double z = 0;
            for (int j = 0; j < 5; j++) {
                e[j] = Math.exp(Vectors.dot(q[i], k[j]) / Math.sqrt(3));
                z += e[j];
            }
            for (int c = 0; c < 2; c++) {
                double expected = 0;
                for (int j = 0; j < 5; j++) {
                    expected += e[j] / z * v[j][c];
                }
                assertThat(out[i][c]).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void theCausalMaskHidesTheFuture() {
        double[][] x = Rng.gaussian(6, 4, 5);
        double[][] w = Attention.weights(x, x, Mask.CAUSAL);
        for (int i = 0; i < 6; i++) {
            assertThat(Vectors.sum(w[i])).isCloseTo(1, within(1e-14));
            for (int j = i + 1; j < 6; j++) {
                assertThat(w[i][j]).isZero();
            }
        }
        assertThat(w[0][0]).isEqualTo(1);
        // Changing the last token changes no earlier output.
        double[][] changed = Matrices.copy(x);
        changed[5] = Rng.gaussian(1, 4, 99)[0];
        double[][] before = Attention.scaledDotProduct(x, x, x, Mask.CAUSAL);
        double[][] after = Attention.scaledDotProduct(changed, changed, changed, Mask.CAUSAL);
        for (int i = 0; i < 5; i++) {
            assertThat(after[i]).containsExactly(before[i], within(0.0));
        }
        assertThat(Vectors.maxAbsDifference(after[5], before[5])).isPositive();
    }

    @Test
    void withoutAMaskAttentionIsPermutationEquivariant() {
        SelfAttention head = SelfAttention.random(4, 3, 1, 11);
        double[][] x = Rng.gaussian(7, 4, 12);
        int[] perm = Rng.permutation(7, 13);
        double[][] permutedThenAttended = head.apply(Matrices.permuteRows(x, perm));
        double[][] attendedThenPermuted = Matrices.permuteRows(head.apply(x), perm);
        assertThat(Matrices.maxAbsDifference(permutedThenAttended, attendedThenPermuted)).isLessThan(1e-12);
    }

    @Test
    void hardWeightsPickTheLargestScoreAndSplitTies() {
        double[][] q = {{1, 0}};
        double[][] k = {{1, 0}, {0, 1}, {1, 0}};
        assertThat(Attention.hardWeights(q, k, Mask.NONE)[0]).containsExactly(0.5, 0, 0.5);
        assertThat(Attention.hardWeights(new double[][] {{1, 0}, {1, 0}}, k, Mask.CAUSAL)[0]).containsExactly(1, 0, 0);
        // The low-temperature limit of softmax attention.
        double[][] soft = Attention.weights(q, k, 1e-4, Mask.NONE);
        assertThat(soft[0]).containsExactly(new double[] {0.5, 0, 0.5}, within(1e-12));
    }

    @Test
    void maskBlocksExactlyTheUpperTriangle() {
        double[][] masked = Mask.CAUSAL.apply(new double[3][3]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(masked[i][j]).isEqualTo(j > i ? Double.NEGATIVE_INFINITY : 0.0);
                assertThat(Mask.NONE.allows(i, j)).isTrue();
            }
        }
    }
}
