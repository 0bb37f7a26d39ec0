package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AssociativeRecallTest {

    @Test
    void frameKeysRecallExactlyUpToDPairsAndAttainTheRankBoundBeyond() {
        int d = 8;
        for (int k : new int[] {3, 8, 9, 20}) {
            double[][] keys = AssociativeRecall.frameKeys(k, d, k);
            double[] ones = Vectors1.ones(k);
            double error = AssociativeRecall.expectedSquaredError(AssociativeRecall.linearMap(keys, ones));
            assertThat(error).isCloseTo(AssociativeRecall.rankBound(k, d), within(1e-10));
        }
        double[][] keys = AssociativeRecall.frameKeys(5, 8, 1);
        double[] v = AssociativeRecall.randomSigns(5, 2);
        double[] recalled = AssociativeRecall.linearRecall(keys, Vectors1.ones(5), v);
        for (int i = 0; i < 5; i++) {
            assertThat(recalled[i]).isCloseTo(v[i], within(1e-12));
        }
    }

    @Test
    void theMapIsTheLinearRecallAndTheMonteCarloErrorApproachesTheFrobeniusNorm() {
        double[][] keys = AssociativeRecall.randomUnitKeys(24, 6, 7);
        double[] w = AssociativeRecall.decayWeights(Rng.uniform(24, 0.8, 1.0, 8));
        double[][] map = AssociativeRecall.linearMap(keys, w);
        double[] v = AssociativeRecall.randomSigns(24, 9);
        assertThat(AssociativeRecall.linearRecall(keys, w, v)).containsExactly(Matrices.multiply(map, v), within(1e-12));
        double expected = AssociativeRecall.expectedSquaredError(map);
        assertThat(expected).isGreaterThanOrEqualTo(AssociativeRecall.rankBound(24, 6));
        assertThat(AssociativeRecall.measuredLinearError(keys, w, 4000, 10) / expected).isCloseTo(1.0, within(0.05));
        assertThat(AssociativeRecall.linearState(keys, w, v)).hasSize(6);
    }

    @Test
    void decayWeightsAreTheProductsAfterEachStep() {
        assertThat(AssociativeRecall.decayWeights(new double[] {0.5, 0.25, 0.1})).containsExactly(0.025, 0.1, 1.0);
    }

    @Test
    void sharpAttentionRecallsEveryValueWhereTheLinearMemoryCannot() {
        double[][] keys = AssociativeRecall.randomUnitKeys(64, 8, 3);
        assertThat(AssociativeRecall.worstAttentionError(keys, 400, 5, 4)).isLessThan(1e-6);
        assertThat(AssociativeRecall.worstAttentionError(keys, 0, 1, 4)).isGreaterThan(0.5);   // β = 0: the mean
    }

    /** ones(n). */
    static final class Vectors1 {
        static double[] ones(int n) {
            double[] o = new double[n];
            java.util.Arrays.fill(o, 1);
            return o;
        }
    }
}
