package ttlab.course.scaling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InferenceOptimalTest {

    private static final ScalingLaw LAW = ScalingLaw.HOFFMANN_2022;

    @Test
    void withoutInferenceItIsTheComputeOptimalModelForThatLoss() {
        double compute = 1e22;
        double loss = LAW.optimalLoss(compute);
        InferenceOptimal.Plan plan = InferenceOptimal.optimum(LAW, loss, 0);
        assertThat(plan.allocation().parameters()).isCloseTo(LAW.optimalParameters(compute), within(1e-5 * LAW.optimalParameters(compute)));
        assertThat(plan.trainingCompute()).isCloseTo(compute, within(1e-8 * compute));
    }

    @Test
    void moreInferenceMeansASmallerModelTrainedLongerAndNoMoreComputeThanChinchilla() {
        double loss = LAW.optimalLoss(1e23);
        double previousN = Double.POSITIVE_INFINITY;
        for (double inference : new double[]{0, 1e11, 1e12, 1e13}) {
            InferenceOptimal.Plan plan = InferenceOptimal.optimum(LAW, loss, inference);
            assertThat(plan.allocation().parameters()).isLessThan(previousN);
            previousN = plan.allocation().parameters();
            assertThat(LAW.loss(plan.allocation().parameters(), plan.allocation().tokens())).isCloseTo(loss, within(1e-10));
            double chinchilla = InferenceOptimal.lifetimeCompute(LAW, LAW.optimalParameters(1e23), loss, inference);
            assertThat(plan.totalCompute()).isLessThanOrEqualTo(chinchilla * (1 + 1e-12));
            for (double factor : new double[]{0.98, 1.02}) {
                assertThat(InferenceOptimal.lifetimeCompute(LAW, plan.allocation().parameters() * factor, loss, inference))
                        .isGreaterThan(plan.totalCompute());
            }
        }
    }

    @Test
    void aLossBelowTheFloorIsRefused() {
        assertThatThrownBy(() -> InferenceOptimal.optimum(LAW, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floor E = 1.69");
    }
}
