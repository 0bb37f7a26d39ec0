package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;
import ttlab.course.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreScalingTest {

    @Test
    void matchesADirectComputationAtOneWidth() {
        int d = 8;
        ScoreScaling.AtWidth m = ScoreScaling.measure(d, 50, 5, 7);
        double[][] qs = Rng.gaussian(50, d, 108), ks = Rng.gaussian(50, d, 208), keys = Rng.gaussian(5, d, 308);
        double var = 0, raw = 0;
        for (int i = 0; i < 50; i++) {
            var += Math.pow(Vectors.dot(qs[i], ks[i]), 2) / 50 / d;
        }
        for (int i = 0; i < 7; i++) {
            double[] s = new double[5];
            for (int j = 0; j < 5; j++) {
                s[j] = Vectors.dot(keys[j], qs[i]);
            }
            raw += Matrices.frobeniusNorm(Softmax.jacobian(Softmax.of(s))) / 7;
        }
        assertThat(m.varianceOverD()).isCloseTo(var, within(1e-12));
        assertThat(m.rawJacobian()).isCloseTo(raw, within(1e-12));
        assertThat(m.d()).isEqualTo(d);
    }

    @Test
    void theScoreVarianceIsTheWidth() {
        assertThat(ScoreScaling.measure(64, 4000, 16, 10).varianceOverD()).isCloseTo(1.0, within(0.1));
    }

    @Test
    void gramAndMinimumDistance() {
        double[][] p = {{0, 0}, {3, 4}, {1, 0}};
        assertThat(Kernel.minSquaredDistance(p)).isEqualTo(1);
        double[][] g = Kernel.gaussian(1).gram(p);
        assertThat(g[0][2]).isCloseTo(Math.exp(-0.5), within(1e-15));
        assertThat(g[1][1]).isEqualTo(1);
    }
}
