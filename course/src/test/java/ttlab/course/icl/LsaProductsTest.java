package ttlab.course.icl;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LsaProductsTest {

    @Test
    void theGdConstructionIsEtaTimesIdentityWithNoEvenPart() {
        LsaProducts p = LsaProducts.of(GdConstruction.gradientStep(4, 1.3));
        assertThat(p.effectiveEta()).isCloseTo(1.3, within(1e-15));
        assertThat(p.distanceFromGd()).isEqualTo(0.0);
        assertThat(p.evenPartNorm()).isEqualTo(0.0);
    }

    @Test
    void theOddPartPredictsWhatTheLayerPredictsWhenThereIsNoEvenPart() {
        // A layer with v_x = 0 and M_yx = 0 but otherwise random: ŷ = (1/N) Σ yᵢ xᵢᵀ A x_q.
        int d = 3;
        double[][] keys = Rng.gaussian(d + 1, d + 1, 1), queries = Rng.gaussian(d + 1, d + 1, 2);
        double[][] values = Rng.gaussian(d + 1, d + 1, 3), projection = Rng.gaussian(d + 1, d + 1, 4);
        for (int k = 0; k <= d; k++) {
            keys[d][k] = 0;            // M = W_Kᵀ W_Q has a zero y-row when W_K ignores y...
            keys[k][d] = 0;
            projection[d][k] = k == d ? 1 : 0;   // ...and v = the y-row of W_V
            values[d][k] = k == d ? -0.7 : 0;
        }
        LinearSelfAttention layer = new LinearSelfAttention(keys, queries, values, projection);
        LsaProducts p = LsaProducts.of(layer);
        assertThat(p.evenPartNorm()).isCloseTo(0, within(1e-12));
        RegressionTask task = RegressionTask.sample(d, 6, 1.0, new Random(5));
        double expected = 0;
        for (int i = 0; i < 6; i++) {
            expected += task.ys()[i] * ttlab.course.Vectors.dot(task.xs()[i], Matrices.multiply(p.a(), task.query())) / 6;
        }
        assertThat(LinearSelfAttention.prediction(layer.apply(LinearSelfAttention.tokens(task), 6))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void rescalingValueAgainstKeyChangesNoProduct() {
        LinearSelfAttention gd = GdConstruction.gradientStep(3, 0.8);
        LinearSelfAttention rescaled = new LinearSelfAttention(Matrices.scale(gd.keys(), 4), gd.queries(),
                Matrices.scale(gd.values(), 0.25), gd.projection());
        assertThat(LsaProducts.of(rescaled).a()).isDeepEqualTo(LsaProducts.of(gd).a());
    }
}
