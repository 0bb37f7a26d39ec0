package ttlab.course.icl;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OptimalStepSizeTest {

    @Test
    void etaIsTheMinimumOfTheExpectedLoss() {
        for (int d : new int[]{1, 3, 10}) {
            for (int n : new int[]{1, 5, 40}) {
                double eta = OptimalStepSize.etaForUniform(d, n, 1.5);
                double at = OptimalStepSize.expectedLossForUniform(eta, d, n, 1.5);
                double h = 1e-4 * eta;
                assertThat(OptimalStepSize.expectedLossForUniform(eta + h, d, n, 1.5)).isGreaterThan(at);
                assertThat(OptimalStepSize.expectedLossForUniform(eta - h, d, n, 1.5)).isGreaterThan(at);
                // Parabola: ℓ(η*) = ½ d m₂ (1 − η* m₂).
                double m2 = OptimalStepSize.uniformSecondMoment(1.5);
                assertThat(at).isCloseTo(0.5 * d * m2 * (1 - eta * m2), within(1e-12));
            }
        }
    }

    @Test
    void gaussianFourthMomentGivesTheKnownFormula() {
        // m₄ = 3m₂²: η* = N / ((N + d + 1) m₂).
        assertThat(OptimalStepSize.eta(10, 20, 2.0, 12.0)).isCloseTo(20.0 / (31 * 2.0), within(1e-12));
    }

    @Test
    void uniformMomentsMatchQuadrature() {
        double a = 1.7;
        int steps = 200_000;
        double m2 = 0, m4 = 0;
        for (int i = 0; i < steps; i++) {
            double x = -a + (i + 0.5) * 2 * a / steps;
            m2 += x * x / steps;
            m4 += x * x * x * x / steps;
        }
        assertThat(OptimalStepSize.uniformSecondMoment(a)).isCloseTo(m2, within(1e-8));
        assertThat(OptimalStepSize.uniformFourthMoment(a)).isCloseTo(m4, within(1e-8));
    }

    @Test
    void monteCarloAgreesWithTheClosedForm() {
        int d = 4, n = 6;
        double a = 1.0;
        for (double eta : new double[]{OptimalStepSize.etaForUniform(d, n, a), 0.5}) {
            OptimalStepSize.Estimate mc = OptimalStepSize.monteCarloLoss(eta, d, n, a, 40_000, new Random(3));
            assertThat(mc.mean()).as("η = %s", eta)
                    .isCloseTo(OptimalStepSize.expectedLossForUniform(eta, d, n, a), within(4 * mc.standardError()));
        }
    }

    @Test
    void refusesBadSizes() {
        assertThatThrownBy(() -> OptimalStepSize.etaForUniform(0, 3, 1)).hasMessageContaining("d ≥ 1");
        assertThatThrownBy(() -> OptimalStepSize.monteCarloLoss(1, 2, 2, 1, 1, new Random(1))).hasMessageContaining("2 tasks");
    }
}
