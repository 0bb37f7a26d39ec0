package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;
import ttlab.course.Vectors;
import ttlab.course.attention.RankCollapse.Architecture;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RankCollapseLemmaTest {

    private static final SelfAttention HEAD = SelfAttention.random(6, 4, 1.5, 3);
    private static final double[][] X = Matrices.add(Rng.gaussian(10, 6, 4), Matrices.repeatRow(new double[] {1, -1, 2, 0, 0.5, 1}, 10));

    @Test
    void eachAttentionRowIsTheSoftmaxOfTheCommonScoresPlusTheSecondOrderOnes() {
        double[][] a = HEAD.weights(X, Mask.NONE);
        double[] b = RankCollapseLemma.commonScores(HEAD, X);
        double[][] e = RankCollapseLemma.secondOrderScores(HEAD, X);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).containsExactly(Softmax.of(Vectors.add(b, e[i])), within(1e-12));
        }
    }

    @Test
    void theDeviationIsQuadraticAndTheOutputResidualCubicInTheInputResidual() {
        double[] eps = Vectors.logSpace(1e-3, 1e-1, 5);
        double[] deviation = new double[eps.length];
        double[] residual = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
            double[][] x = RankCollapseLemma.withResidualScaled(X, eps[k]);
            deviation[k] = RankCollapseLemma.maxRowNorm(RankCollapseLemma.deviation(HEAD, x));
            residual[k] = RankCollapseLemma.maxRowNorm(RankCollapse.residual(HEAD.apply(x)));
        }
        assertThat(RankCollapseLemma.logLogSlope(eps, deviation)).isCloseTo(2, within(0.1));
        assertThat(RankCollapseLemma.logLogSlope(eps, residual)).isCloseTo(3, within(0.1));
    }

    @Test
    void theOneLayerBoundHoldsForRandomHeadsAndInputs() {
        for (long seed = 0; seed < 40; seed++) {
            SelfAttention head = SelfAttention.random(5, 3, 0.5 + seed % 4, seed);
            double[][] x = Matrices.scale(Rng.gaussian(7, 5, 100 + seed), 0.2 + 0.1 * (seed % 5));
            double rho = RankCollapseLemma.maxRowNorm(RankCollapse.residual(x));
            double out = RankCollapseLemma.maxRowNorm(RankCollapse.residual(head.apply(x)));
            assertThat(out).isLessThanOrEqualTo(RankCollapseLemma.constant(head) * rho * rho * rho);
        }
    }

    @Test
    void thePathTermsAddUpToTheStacksOutput() {
        double[][] x0 = Rng.gaussian(8, 4, 5);
        List<RankCollapse.Layer> stack = RankCollapse.randomStack(Architecture.WITH_SKIP, 3, 4, 1, 0, 9);
        List<double[][]> terms = RankCollapseLemma.pathTerms(x0, stack);
        assertThat(terms).hasSize(8);
        assertThat(terms.get(0)).isSameAs(x0);
        double[][] sum = new double[8][4];
        for (double[][] term : terms) {
            sum = Matrices.add(sum, term);
        }
        double[][] out = RankCollapse.trajectory(x0, stack).get(3);
        assertThat(Matrices.maxAbsDifference(sum, out)).isLessThan(1e-12);
    }

    @Test
    void thePathDecompositionRefusesLayersItDoesNotDescribe() {
        List<RankCollapse.Layer> pure = RankCollapse.randomStack(Architecture.ATTENTION_ONLY, 2, 4, 1, 0, 9);
        assertThatThrownBy(() -> RankCollapseLemma.pathTerms(Rng.gaussian(3, 4, 1), pure))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skip");
    }

    @Test
    void theLogLogSlopeRecoversAPowerLawAndRejectsBadInput() {
        double[] xs = {0.1, 0.5, 2, 7};
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = 5 * Math.pow(xs[i], 2.5);
        }
        assertThat(RankCollapseLemma.logLogSlope(xs, ys)).isCloseTo(2.5, within(1e-12));
        assertThatThrownBy(() -> RankCollapseLemma.logLogSlope(new double[] {1, 2}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> RankCollapseLemma.logLogSlope(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
