package ttlab.course.icl;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GdPlusPlusTest {

    private static final double[] SCALES = {2.0, 1.0, 0.5, 0.25};

    @Test
    void transformerLayersArePreconditionedGradientDescent() {
        Random random = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            RegressionTask task = RegressionTask.sample(SCALES, 12, random);
            LinearSelfAttention layer = GdConstruction.gdPlusPlus(4, 0.8, 0.3);
            for (int k = 0; k <= 4; k++) {
                double[][] out = layer.applyRepeatedly(LinearSelfAttention.tokens(task), task.size(), k);
                assertThat(LinearSelfAttention.prediction(out)).as("K = %d", k)
                        .isCloseTo(GdPlusPlus.preconditionedPrediction(task, 0.8, 0.3, k), within(1e-11));
            }
        }
    }

    @Test
    void eachEigenvalueBecomesLambdaTimesOneMinusGammaLambdaSquared() {
        RegressionTask task = RegressionTask.sample(SCALES, 30, new Random(12));
        double gamma = 0.2;
        double[][] s = GdPlusPlus.secondMoment(task.xs());
        double[] before = Matrices.symmetricEigenvalues(s);
        double[][] moved = GdPlusPlus.precondition(task.xs(), task.xs(), gamma);
        double[] after = Matrices.symmetricEigenvalues(GdPlusPlus.secondMoment(moved));
        double[] mapped = new double[before.length];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = before[i] * (1 - gamma * before[i]) * (1 - gamma * before[i]);
        }
        java.util.Arrays.sort(mapped);
        java.util.Arrays.sort(after);
        assertThat(after).containsExactly(mapped, within(1e-12));
    }

    @Test
    void aWellChosenGammaLowersTheConditionNumber() {
        RegressionTask task = RegressionTask.sample(SCALES, 50, new Random(13));
        double[][] s = GdPlusPlus.secondMoment(task.xs());
        double gamma = 1 / (3 * Matrices.symmetricEigenvalues(s)[0]);
        double[][] moved = GdPlusPlus.precondition(task.xs(), task.xs(), gamma);
        assertThat(GdPlusPlus.conditionNumber(GdPlusPlus.secondMoment(moved)))
                .isLessThan(0.5 * GdPlusPlus.conditionNumber(s));
    }

    @Test
    void theEqualizingGammaMapsBothEndsToOneValue() {
        assertThat(GdPlusPlus.equalizingGamma(1, 4)).isCloseTo(1.0 / 7, within(1e-15));
        double lo = 0.03, hi = 2.5, gamma = GdPlusPlus.equalizingGamma(lo, hi);
        assertThat(gamma * hi).isLessThan(1);
        assertThat(lo * Math.pow(1 - gamma * lo, 2)).isCloseTo(hi * Math.pow(1 - gamma * hi, 2), within(1e-14));
        assertThatThrownBy(() -> GdPlusPlus.equalizingGamma(2, 2)).hasMessageContaining("λ_min < λ_max");
    }

    @Test
    void conditionNumberRefusesSingularMatrices() {
        assertThatThrownBy(() -> GdPlusPlus.conditionNumber(new double[][]{{1, 0}, {0, 0}}))
                .hasMessageContaining("not positive definite");
    }
}
