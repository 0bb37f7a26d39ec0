package ttlab.course.scaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScalingLawTest {

    @ParameterizedTest
    @ValueSource(doubles = {1e18, 1e21, 5.76e23, 1e26})
    void closedFormMatchesTheNumericMinimumOnTheConstraint(double compute) {
        for (ScalingLaw law : new ScalingLaw[]{ScalingLaw.HOFFMANN_2022, ScalingLaw.BESIROGLU_2024}) {
            Allocation closed = Allocation.computeOptimal(law, compute);
            Allocation numeric = Allocation.numericOptimum(law, compute);
            assertThat(closed.trainingCompute()).isCloseTo(compute, within(1e-9 * compute));
            assertThat(numeric.parameters()).isCloseTo(closed.parameters(), within(1e-6 * closed.parameters()));
        }
    }

    @Test
    void theOptimumBeatsItsNeighboursOnTheConstraint() {
        ScalingLaw law = ScalingLaw.HOFFMANN_2022;
        double c = 1e22, n = law.optimalParameters(c), d = law.optimalTokens(c);
        for (double factor : new double[]{0.9, 0.99, 1.01, 1.1}) {
            assertThat(law.loss(n * factor, d / factor)).isGreaterThan(law.loss(n, d));
        }
    }

    @Test
    void approachThreeGivesFarMoreThanTwentyTokensPerParameterAndTheRatioGrows() {
        ScalingLaw law = ScalingLaw.HOFFMANN_2022;
        // alpha > beta: D/N grows as (C/6)^((alpha - beta)/(alpha + beta)).
        assertThat(law.tokensPerParameter(5.76e23)).isGreaterThan(40);
        assertThat(law.tokensPerParameter(1e26)).isGreaterThan(law.tokensPerParameter(1e22));
        double ratio = law.tokensPerParameter(1e24) / law.tokensPerParameter(1e22);
        assertThat(ratio).isCloseTo(Math.pow(100, (0.34 - 0.28) / 0.62), within(1e-9));
    }

    @Test
    void computeForParametersInvertsTheOptimalSize() {
        ScalingLaw law = ScalingLaw.BESIROGLU_2024;
        for (double n : new double[]{1e10, 7e10, 1e12}) {
            assertThat(law.optimalParameters(law.computeForParameters(n))).isCloseTo(n, within(1e-9 * n));
        }
    }

    @Test
    void tokensForLossInvertsTheLossInD() {
        ScalingLaw law = ScalingLaw.HOFFMANN_2022;
        double d = law.tokensForLoss(7e9, 2.1);
        assertThat(law.loss(7e9, d)).isCloseTo(2.1, within(1e-12));
        assertThat(law.tokensForLoss(1e6, 2.0)).isInfinite();
    }

    @Test
    void logParametersRoundTripAndBadConstantsAreRefused() {
        ScalingLaw law = ScalingLaw.fromLogParameters(ScalingLaw.HOFFMANN_2022.logParameters());
        assertThat(law.a()).isCloseTo(406.4, within(1e-9));
        assertThat(law.e()).isCloseTo(1.69, within(1e-12));
        assertThatThrownBy(() -> new ScalingLaw(1.69, 406.4, 410.7, -0.34, 0.28))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha = -0.34");
    }
}
