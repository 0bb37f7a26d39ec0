package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Rng;
import ttlab.course.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositiveRandomFeaturesTest {

    @Test
    void theFeatureProductEstimatesTheExponentialKernelWithinItsStandardError() {
        PositiveRandomFeatures features = PositiveRandomFeatures.gaussian(20_000, 4, 1);
        for (long seed = 0; seed < 5; seed++) {
            double[] q = Vectors.scale(Rng.gaussian(1, 4, 10 + seed)[0], 0.5);
            double[] k = Vectors.scale(Rng.gaussian(1, 4, 20 + seed)[0], 0.5);
            PositiveRandomFeatures.Estimate estimate = features.estimate(q, k);
            double exact = Math.exp(Vectors.dot(q, k));
            assertThat(Math.abs(estimate.value() - exact)).isLessThan(4 * estimate.standardError());
            assertThat(estimate.standardError()).isLessThan(0.05 * exact);
            assertThat(estimate.value()).isEqualTo(Vectors.dot(features.features(q), features.features(k)), org.assertj.core.api.Assertions.within(1e-12 * exact));
        }
    }

    @Test
    void theStandardErrorFallsLikeOneOverTheSquareRootOfTheSampleSize() {
        double[] q = {0.3, -0.2, 0.5}, k = {0.1, 0.4, -0.3};
        double small = PositiveRandomFeatures.gaussian(1_000, 3, 2).estimate(q, k).standardError();
        double large = PositiveRandomFeatures.gaussian(16_000, 3, 3).estimate(q, k).standardError();
        assertThat(small / large).isBetween(3.0, 5.0);   // √16 = 4
    }

    @Test
    void aVectorOfTheWrongDimensionIsRefused() {
        PositiveRandomFeatures features = PositiveRandomFeatures.gaussian(10, 3, 1);
        assertThatThrownBy(() -> features.features(new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> PositiveRandomFeatures.gaussian(1, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
