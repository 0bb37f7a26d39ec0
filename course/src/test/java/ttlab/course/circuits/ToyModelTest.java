package ttlab.course.circuits;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ToyModelTest {

    @Test
    void orthogonalFeaturesHaveOneDimensionEach() {
        double[][] w = {{1, 0, 0}, {0, 1, 0}};              // m = 2, n = 3: the third feature is dropped
        assertThat(ToyModel.featureDimensionalities(w)).containsExactly(new double[]{1, 1, 0}, within(1e-15));
        assertThat(ToyModel.dimensionsPerFeature(w)).isCloseTo(1, within(1e-15));
    }

    @Test
    void anAntipodalPairSharesOneDimension() {
        double[][] w = {{1, -1, 0, 0}, {0, 0, 1, -1}};      // two antipodal pairs in 2 dimensions
        assertThat(ToyModel.featureDimensionalities(w)).containsExactly(new double[]{0.5, 0.5, 0.5, 0.5}, within(1e-15));
        assertThat(ToyModel.dimensionsPerFeature(w)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void aPentagonGivesEachFeatureTwoFifths() {
        int n = 5;
        double[][] w = new double[2][n];
        for (int i = 0; i < n; i++) {
            w[0][i] = Math.cos(2 * Math.PI * i / n);
            w[1][i] = Math.sin(2 * Math.PI * i / n);
        }
        for (double d : ToyModel.featureDimensionalities(w)) {
            assertThat(d).isCloseTo(0.4, within(1e-12));
        }
    }

    @Test
    void theIdentityReconstructsNonNegativeFeaturesExactly() {
        double[][] w = {{1, 0}, {0, 1}};
        double[][] xs = ToyModel.sparseBatch(new Random(1), 50, 2, 0.5);
        assertThat(ToyModel.loss(w, new double[2], xs, ToyModel.importance(2, 0.9))).isZero();
        // Dropping feature 1 costs its importance times E[x_1^2] = (1 - S) / 3.
        double[][] many = ToyModel.sparseBatch(new Random(2), 200_000, 2, 0.5);
        assertThat(ToyModel.loss(new double[][]{{1, 0}}, new double[2], many, new double[]{1, 0.9}))
                .isCloseTo(0.9 * 0.5 / 3, within(0.002));
    }

    @Test
    void sparsityIsTheShareOfZeros() {
        double[][] xs = ToyModel.sparseBatch(new Random(3), 20_000, 5, 0.8);
        long zeros = java.util.Arrays.stream(xs).flatMapToDouble(java.util.Arrays::stream).filter(v -> v == 0).count();
        assertThat(zeros / 100_000.0).isCloseTo(0.8, within(0.01));
        assertThatThrownBy(() -> ToyModel.sparseBatch(new Random(3), 2, 5, 1.0)).hasMessageContaining("sparsity");
    }
}
