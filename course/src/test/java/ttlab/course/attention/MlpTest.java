package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;
import ttlab.course.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MlpTest {

    @Test
    void appliesReluBetweenTwoAffineMaps() {
        Mlp mlp = new Mlp(new double[][] {{1, -1}}, new double[] {0, 0.5}, new double[][] {{2}, {3}}, new double[] {1});
        // x = 2: hidden ReLU(2, −1.5) = (2, 0), out 2·2 + 0·3 + 1 = 5. x = −1: hidden (0, 1.5), out 4.5 + 1.
        assertThat(mlp.apply(new double[][] {{2}, {-1}})).isDeepEqualTo(new double[][] {{5}, {5.5}});
        assertThatThrownBy(() -> new Mlp(new double[1][2], new double[3], new double[2][1], new double[1]))
                .hasMessageContaining("do not fit together");
    }

    @Test
    void theLipschitzBoundHoldsOnRandomPairs() {
        Mlp mlp = Mlp.random(6, 24, Math.sqrt(2), 5);
        double bound = mlp.lipschitzBound();
        for (long seed = 0; seed < 50; seed++) {
            double[][] xy = Rng.gaussian(2, 6, seed);
            double[][] out = mlp.apply(xy);
            double ratio = Vectors.norm(Vectors.subtract(out[0], out[1])) / Vectors.norm(Vectors.subtract(xy[0], xy[1]));
            assertThat(ratio).isLessThanOrEqualTo(bound * (1 + 1e-12));
        }
        assertThat(bound).isCloseTo(Matrices.singularValues(mlp.w1())[0] * Matrices.singularValues(mlp.w2())[0], within(1e-12));
    }
}
