package ttlab.course.scaling;

import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MultilinearInterpolationTest {

    @Test
    void reproducesMultilinearFunctionsExactly() {
        ToDoubleFunction<double[]> f = u -> 1 + 2 * u[0] - 3 * u[1] + 0.5 * u[0] * u[1] * u[2];
        MultilinearInterpolation interpolation = new MultilinearInterpolation(3, 4, f);
        assertThat(interpolation.parameters()).isEqualTo(64);
        assertThat(interpolation.meanSquaredError(f, 1000, 1)).isLessThan(1e-28);
        assertThat(interpolation.at(new double[]{1, 1, 1})).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theMeanSquaredErrorFallsAsNToTheMinusFourOverD() {
        for (int d : new int[]{1, 2}) {
            ToDoubleFunction<double[]> f = u -> {
                double s = 0;
                for (double x : u) {
                    s += Math.sin(3 * x);
                }
                return s;
            };
            int[] sides = d == 1 ? new int[]{16, 32, 64, 128} : new int[]{8, 16, 32, 64};
            double[] n = new double[sides.length], mse = new double[sides.length];
            for (int i = 0; i < sides.length; i++) {
                MultilinearInterpolation interpolation = new MultilinearInterpolation(d, sides[i], f);
                n[i] = interpolation.parameters();
                mse[i] = interpolation.meanSquaredError(f, 20000, 2);
            }
            assertThat(PowerLawFit.of(n, mse).slope()).as("d = %d", d).isCloseTo(-4.0 / d, within(0.1 * 4 / d));
        }
    }

    @Test
    void aPowerLawIsFittedExactlyAndBadInputRefused() {
        PowerLawFit fit = PowerLawFit.of(new double[]{1, 10, 100}, new double[]{3, 0.3, 0.03});
        assertThat(fit.slope()).isCloseTo(-1, within(1e-12));
        assertThat(fit.at(1000)).isCloseTo(0.003, within(1e-12));
        assertThatThrownBy(() -> PowerLawFit.of(new double[]{1, 2}, new double[]{1, -1})).hasMessageContaining("positive");
        assertThatThrownBy(() -> new MultilinearInterpolation(2, 1, u -> 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
