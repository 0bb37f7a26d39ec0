package ttlab.course.icl;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearSelfAttentionTest {

    @Test
    void layerMatchesTheMatrixFormOfTheUpdate() {
        // eⱼ + (1/N) P W_V (Σᵢ eᵢeᵢᵀ) W_Kᵀ W_Q eⱼ, computed in another order.
        int d = 3, n = 5;
        LinearSelfAttention layer = new LinearSelfAttention(Rng.gaussian(d + 1, d + 1, 1), Rng.gaussian(d + 1, d + 1, 2),
                Rng.gaussian(d + 1, d + 1, 3), Rng.gaussian(d + 1, d + 1, 4));
        double[][] tokens = Rng.gaussian(n + 2, d + 1, 5);
        double[][] context = java.util.Arrays.copyOf(tokens, n);
        double[][] gram = Matrices.multiply(Matrices.transpose(context), context);
        double[][] m = Matrices.scale(Matrices.multiply(Matrices.multiply(Matrices.multiply(layer.projection(), layer.values()),
                Matrices.multiply(gram, Matrices.transpose(layer.keys()))), layer.queries()), 1.0 / n);
        double[][] out = layer.apply(tokens, n);
        for (int j = 0; j < tokens.length; j++) {
            double[] expected = ttlab.course.Vectors.add(tokens[j], Matrices.multiply(m, tokens[j]));
            assertThat(out[j]).containsExactly(expected, within(1e-12));
        }
    }

    @Test
    void oneConstructedLayerIsOneGradientStep() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            RegressionTask task = RegressionTask.sample(4, 9, 1.0, random);
            double eta = 0.3 + trial * 0.05;
            double[][] out = GdConstruction.gradientStep(4, eta).apply(LinearSelfAttention.tokens(task), task.size());
            assertThat(LinearSelfAttention.prediction(out)).isCloseTo(LeastSquares.prediction(task, eta, 1), within(1e-12));
            double[] w1 = LeastSquares.descend(task.xs(), task.ys(), eta, 1);
            for (int j = 0; j < task.size(); j++) {
                assertThat(out[j][4]).as("context y-slot = residual yⱼ − w₁ᵀxⱼ")
                        .isCloseTo(task.ys()[j] - ttlab.course.Vectors.dot(w1, task.xs()[j]), within(1e-12));
            }
        }
    }

    @Test
    void tiedLayersAreGradientSteps() {
        Random random = new Random(8);
        RegressionTask task = RegressionTask.sample(5, 20, 1.0, random);
        LinearSelfAttention layer = GdConstruction.gradientStep(5, 1.2);
        for (int k = 0; k <= 6; k++) {
            double[][] out = layer.applyRepeatedly(LinearSelfAttention.tokens(task), task.size(), k);
            assertThat(LinearSelfAttention.prediction(out)).as("K = %d", k)
                    .isCloseTo(LeastSquares.prediction(task, 1.2, k), within(1e-12));
        }
    }

    @Test
    void refusesMismatchedShapes() {
        double[][] i3 = Matrices.identity(3);
        assertThatThrownBy(() -> new LinearSelfAttention(i3, i3, i3, Matrices.identity(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
        LinearSelfAttention layer = new LinearSelfAttention(i3, i3, i3, i3);
        assertThatThrownBy(() -> layer.apply(new double[2][4], 1)).hasMessageContaining("width 4");
        assertThatThrownBy(() -> layer.apply(new double[2][3], 3)).hasMessageContaining("contextSize");
        assertThatThrownBy(() -> GdConstruction.gradientStep(3, 0)).hasMessageContaining("η");
    }

    @Test
    void tasksAreSeededAndConsistent() {
        RegressionTask a = RegressionTask.sample(3, 4, 2.0, new Random(1));
        RegressionTask b = RegressionTask.sample(3, 4, 2.0, new Random(1));
        assertThat(a.xs()).isDeepEqualTo(b.xs());
        assertThat(a.target()).isCloseTo(ttlab.course.Vectors.dot(a.w(), a.query()), within(1e-15));
        for (double[] x : a.xs()) {
            for (double v : x) {
                assertThat(Math.abs(v)).isLessThan(2.0);
            }
        }
        assertThatThrownBy(() -> RegressionTask.sample(3, 0, 1, new Random(1))).hasMessageContaining("n ≥ 1");
        assertThatThrownBy(() -> RegressionTask.sample(new double[]{1, -1}, 3, new Random(1))).hasMessageContaining("> 0");
    }
}
