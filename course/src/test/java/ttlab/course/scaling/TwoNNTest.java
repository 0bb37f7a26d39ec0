package ttlab.course.scaling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TwoNNTest {

    @Test
    void ratiosOnALineByHand() {
        double[][] points = {{0}, {1}, {3}, {7}};
        // 0: r1 = 1, r2 = 3; 1: 1, 2; 3: 2, 3; 7: 4, 6
        assertThat(TwoNN.ratios(points)).containsExactly(new double[]{3, 2, 1.5, 1.5}, within(1e-12));
        assertThat(TwoNN.maximumLikelihood(new double[]{Math.E, Math.E})).isCloseTo(1, within(1e-12));
    }

    @Test
    void estimatesLowDimensionsInAHighAmbientSpace() {
        assertThat(TwoNN.estimate(Manifolds.cube(1500, 2, 30, 1))).isCloseTo(2, within(0.25));
        assertThat(TwoNN.estimate(Manifolds.sphere(1500, 3, 30, 2))).isCloseTo(3, within(0.35));
        assertThat(TwoNN.estimate(Manifolds.curved(1500, 4, 40, 3).points())).isCloseTo(4, within(0.5));
    }

    @Test
    void underestimatesAtHighDimension() {
        assertThat(TwoNN.estimate(Manifolds.cube(1000, 30, 40, 4))).isLessThan(25);
    }

    @Test
    void theFrameIsOrthonormal() {
        double[][] q = Manifolds.frame(5, 12, new java.util.Random(1));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double dot = 0;
                for (int k = 0; k < 12; k++) {
                    dot += q[i][k] * q[j][k];
                }
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> TwoNN.ratios(new double[][]{{0}, {0}, {1}})).hasMessageContaining("coincide");
        assertThatThrownBy(() -> TwoNN.ratios(new double[][]{{0}, {1}})).hasMessageContaining("at least 3");
    }
}
