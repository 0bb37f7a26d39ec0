package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;
import ttlab.course.Vectors;
import ttlab.course.attention.RankCollapse.Architecture;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankCollapseTest {

    @Test
    void theResidualHasZeroColumnMeansAndVanishesOnEqualRows() {
        double[][] x = Rng.gaussian(10, 4, 1);
        assertThat(Matrices.columnMeans(RankCollapse.residual(x))).containsExactly(new double[4], within(1e-15));
        assertThat(RankCollapse.residualNorm(Matrices.repeatRow(new double[] {1, -2, 3}, 5))).isZero();
    }

    @Test
    void theColumnMeanMinimisesTheFrobeniusDistanceToOneXTransposed() {
        // ‖X − 1yᵀ‖² = ‖res(X)‖² + n ‖y − x̄‖²: any other y is worse, by exactly n‖y − x̄‖².
        double[][] x = Rng.gaussian(12, 3, 2);
        double[] mean = Matrices.columnMeans(x);
        double best = Math.pow(RankCollapse.residualNorm(x), 2);
        for (long seed = 0; seed < 10; seed++) {
            double[] y = Vectors.add(mean, Rng.gaussian(1, 3, seed + 10)[0]);
            double distance = Math.pow(Matrices.frobeniusNorm(Matrices.subtract(x, Matrices.repeatRow(y, 12))), 2);
            assertThat(distance).isCloseTo(best + 12 * Vectors.squaredDistance(y, mean), within(1e-10));
            assertThat(distance).isGreaterThan(best);
        }
    }

    @Test
    void pureAttentionCollapsesFasterThanAnyGeometricRate() {
        double[][] x0 = Rng.gaussian(32, 16, 1);
        for (long seed = 7; seed < 12; seed++) {
            double[] r = RankCollapse.residualRatios(RankCollapse.trajectory(x0,
                    RankCollapse.randomStack(Architecture.ATTENTION_ONLY, 6, 16, 1, 0, seed)));
            assertThat(r[0]).isEqualTo(1);
            assertThat(r[4]).isLessThan(1e-12);
            // The exponent grows by a factor (about 3 here) per layer; a geometric decay has log r₂/log r₁ = 2.
            assertThat(Math.log(r[2]) / Math.log(r[1])).isGreaterThan(2.5);
            assertThat(Math.log(r[3]) / Math.log(r[2])).isGreaterThan(2.5);
        }
    }

    @Test
    void skipConnectionsKeepTheResidual() {
        double[][] x0 = Rng.gaussian(32, 16, 1);
        for (long seed = 7; seed < 12; seed++) {
            List<double[][]> trajectory = RankCollapse.trajectory(x0,
                    RankCollapse.randomStack(Architecture.WITH_SKIP, 12, 16, 1, 0, seed));
            for (double r : RankCollapse.residualRatios(trajectory)) {
                assertThat(r).isGreaterThan(0.5);
            }
            for (double r : RankCollapse.relativeResiduals(trajectory)) {
                assertThat(r).isGreaterThan(0.1);
            }
        }
    }

    @Test
    void layersComposeAttentionSkipAndMlpInOrder() {
        SelfAttention head = SelfAttention.random(3, 3, 1, 40);
        Mlp mlp = Mlp.random(3, 6, 1, 41);
        double[][] x = Rng.gaussian(4, 3, 42);
        double[][] y = Matrices.add(x, head.apply(x));
        double[][] expected = Matrices.add(y, mlp.apply(y));
        assertThat(new RankCollapse.Layer(head, mlp, true).apply(x)).isDeepEqualTo(expected);
        assertThat(new RankCollapse.Layer(head, mlp, false).apply(x)).isDeepEqualTo(mlp.apply(head.apply(x)));
        assertThat(new RankCollapse.Layer(head, null, false).apply(x)).isDeepEqualTo(head.apply(x));
    }

    @Test
    void stacksWithTheSameSeedShareTheirAttentionWeights() {
        var plain = RankCollapse.randomStack(Architecture.ATTENTION_ONLY, 3, 4, 1, 1, 5);
        var withMlp = RankCollapse.randomStack(Architecture.WITH_SKIP_AND_MLP, 3, 4, 1, 1, 5);
        for (int l = 0; l < 3; l++) {
            assertThat(withMlp.get(l).attention().wq()).isDeepEqualTo(plain.get(l).attention().wq());
            assertThat(plain.get(l).mlp()).isNull();
            assertThat(withMlp.get(l).mlp()).isNotNull();
            assertThat(withMlp.get(l).skip()).isTrue();
        }
        assertThat(Architecture.WITH_SKIP_AND_MLP.label()).isEqualTo("attention + skip + MLP");
    }
}
