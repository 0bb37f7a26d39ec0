package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;
import ttlab.course.Vectors;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SoftmaxTest {

    @Test
    void weightsArePositiveAndSumToOne() {
        for (long seed = 0; seed < 10; seed++) {
            double[] p = Softmax.of(Rng.gaussian(1, 9, seed)[0]);
            assertThat(Vectors.sum(p)).isCloseTo(1, within(1e-15));
            assertThat(Arrays.stream(p).min().orElseThrow()).isPositive();
        }
    }

    @Test
    void matchesTheDefinitionAndIgnoresAShift() {
        double[] s = {0.3, -1.2, 2.0, 0.0};
        double z = Arrays.stream(s).map(Math::exp).sum();
        double[] p = Softmax.of(s);
        for (int i = 0; i < s.length; i++) {
            assertThat(p[i]).isCloseTo(Math.exp(s[i]) / z, within(1e-15));
        }
        double[] shifted = Arrays.stream(s).map(x -> x + 1000).toArray();
        assertThat(Softmax.of(shifted)).containsExactly(p, within(1e-14));
        assertThat(Softmax.logSumExp(shifted)).isCloseTo(1000 + Math.log(z), within(1e-12));
    }

    @Test
    void temperatureSetsTheLogRatioOfTwoWeights() {
        double[] s = {1.0, 0.25, -0.5};
        for (double tau : new double[] {0.05, 0.3, 1, 7}) {
            double[] p = Softmax.of(s, tau);
            assertThat(Math.log(p[0] / p[1])).isCloseTo((s[0] - s[1]) / tau, within(1e-9 * (1 + 1 / tau)));
        }
        assertThatThrownBy(() -> Softmax.of(s, 0)).hasMessageContaining("temperature must be positive");
    }

    @Test
    void maskedScoresGetNoWeight() {
        double[] p = Softmax.of(new double[] {1, Double.NEGATIVE_INFINITY, 1});
        assertThat(p).containsExactly(0.5, 0, 0.5);
        assertThatThrownBy(() -> Softmax.of(new double[] {Double.NEGATIVE_INFINITY})).hasMessageContaining("every position is masked");
        assertThatThrownBy(() -> Softmax.of(new double[] {Double.NaN})).hasMessageContaining("finite");
    }

    @Test
    void hardmaxAveragesOverTies() {
        assertThat(Softmax.hardmax(new double[] {1, 3, 3, 2})).containsExactly(0, 0.5, 0.5, 0);
        assertThat(Softmax.hardmax(new double[] {2, 2, 2})).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertThat(Softmax.hardmax(new double[] {5, Double.NEGATIVE_INFINITY})).containsExactly(1, 0);
        // The τ → 0 limit of softmax.
        double[] s = {0.1, 0.7, 0.7, -2};
        assertThat(Softmax.of(s, 1e-3)).containsExactly(Softmax.hardmax(s), within(1e-12));
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        double[] s = Rng.gaussian(1, 5, 4)[0];
        double[][] jacobian = Softmax.jacobian(Softmax.of(s));
        double h = 1e-6;
        for (int j = 0; j < s.length; j++) {
            double[] up = s.clone();
            double[] down = s.clone();
            up[j] += h;
            down[j] -= h;
            double[] column = Vectors.scale(Vectors.subtract(Softmax.of(up), Softmax.of(down)), 1 / (2 * h));
            for (int i = 0; i < s.length; i++) {
                assertThat(jacobian[i][j]).isCloseTo(column[i], within(1e-9));
            }
        }
        // Rows sum to zero: the weights always sum to one.
        assertThat(Matrices.rowSums(jacobian)).containsExactly(new double[5], within(1e-15));
    }

    @Test
    void theJacobianStaysAccurateWhenOneWeightRoundsToOne() {
        // p = softmax(s/τ) with a gap of 1 at τ = 0.02: p₁ = 1 in double, p₂ = e^{−50}.
        double[] p = Softmax.of(new double[] {2, 1, 0.5, -1}, 0.02);
        assertThat(p[0]).isEqualTo(1.0);
        double[][] j = Softmax.jacobian(p);
        double e = Math.exp(-50);
        assertThat(j[0][0]).isCloseTo(e, within(1e-6 * e));
        // ‖J‖_F ≈ 2 p₂: the four entries J₁₁, J₁₂, J₂₁, J₂₂ are all ±p₂ to first order.
        assertThat(Matrices.frobeniusNorm(j)).isCloseTo(2 * e, within(1e-6 * e));
    }

    @Test
    void rowWiseVersionsMatchTheVectorOnes() {
        double[][] s = Rng.gaussian(3, 4, 8);
        assertThat(Softmax.rows(s)[1]).containsExactly(Softmax.of(s[1]));
        assertThat(Softmax.rows(s, 2.5)[2]).containsExactly(Softmax.of(s[2], 2.5));
        assertThat(Softmax.hardmaxRows(s)[0]).containsExactly(Softmax.hardmax(s[0]));
    }
}
