package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.Rng;
import ttlab.course.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NadarayaWatsonTest {

    @Test
    void theEstimateIsTheKernelWeightedAverage() {
        double[] q = {0.2, -0.1};
        double[][] keys = Rng.gaussian(5, 2, 1);
        double[][] values = Rng.gaussian(5, 3, 2);
        Kernel kernel = Kernel.gaussian(0.8);
        double z = 0;
        double[] expected = new double[3];
        for (int i = 0; i < 5; i++) {
            double w = Math.exp(-Vectors.squaredDistance(q, keys[i]) / (2 * 0.8 * 0.8));
            z += w;
            for (int c = 0; c < 3; c++) {
                expected[c] += w * values[i][c];
            }
        }
        assertThat(NadarayaWatson.estimate(q, keys, values, kernel)).containsExactly(Vectors.scale(expected, 1 / z), within(1e-12));
        assertThat(kernel.value(q, keys[0])).isCloseTo(Math.exp(kernel.log(q, keys[0])), within(1e-15));
    }

    @Test
    void gaussianEqualsSoftmaxAttentionAtTemperatureHSquaredForEqualNormKeys() {
        int d = 16;
        double h = Math.pow(d, 0.25);
        double[][] queries = Rng.gaussian(6, d, 3);
        double[][] keys = Rng.gaussian(9, d, 4);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Vectors.withNorm(keys[i], 2.0);
        }
        double[][] values = Rng.gaussian(9, 2, 5);
        double[][] nw = NadarayaWatson.estimates(queries, keys, values, Kernel.gaussian(h));
        double[][] attention = Attention.scaledDotProduct(queries, keys, values);
        assertThat(Matrices.maxAbsDifference(nw, attention)).isLessThan(1e-12);
    }

    @Test
    void withUnequalNormsTheyDifferByTheKeyNormBias() {
        int d = 4;
        double h = Math.pow(d, 0.25);
        double[][] queries = Rng.gaussian(3, d, 6);
        double[][] keys = Rng.gaussian(5, d, 7);
        double[][] values = Rng.gaussian(5, 1, 8);
        double[][] nw = NadarayaWatson.estimates(queries, keys, values, Kernel.gaussian(h));
        assertThat(Matrices.maxAbsDifference(nw, Attention.scaledDotProduct(queries, keys, values))).isGreaterThan(1e-3);
        // Adding the bias −‖k‖²/(2h²) to the scores restores the equality.
        Kernel biased = (x, y) -> Vectors.dot(x, y) / (h * h) - Vectors.dot(y, y) / (2 * h * h);
        assertThat(Matrices.maxAbsDifference(nw, NadarayaWatson.estimates(queries, keys, values, biased))).isLessThan(1e-12);
    }

    @Test
    void bandwidthLimitsAreNearestKeyAndMean() {
        double[][] keys = {{0}, {1}, {3}};
        double[][] values = {{10}, {20}, {40}};
        double[] q = {0.8};
        assertThat(NadarayaWatson.estimate(q, keys, values, Kernel.gaussian(1e-3))[0]).isCloseTo(20, within(1e-9));
        assertThat(NadarayaWatson.estimate(q, keys, values, Kernel.gaussian(1e4))[0]).isCloseTo(70.0 / 3, within(1e-6));
        // Equidistant keys tie: the estimate is their average.
        assertThat(NadarayaWatson.estimate(new double[] {0.5}, keys, values, Kernel.gaussian(1e-3))[0]).isCloseTo(15, within(1e-9));
    }

    @Test
    void selfAttentionIsNadarayaWatsonWithItsOwnKernel() {
        SelfAttention head = SelfAttention.random(5, 3, 1.5, 21);
        double[][] x = Rng.gaussian(8, 5, 22);
        double[][] values = Matrices.multiply(x, head.wv());
        double[][] nw = NadarayaWatson.estimates(x, x, values, head.kernel());
        assertThat(Matrices.maxAbsDifference(nw, head.apply(x))).isLessThan(1e-12);
        assertThat(Matrices.maxAbsDifference(NadarayaWatson.weightMatrix(x, x, head.kernel()), head.weights(x, Mask.NONE)))
                .isLessThan(1e-12);
    }

    @Test
    void theAttentionKernelIsSymmetricOnlyWhenWqEqualsWk() {
        SelfAttention asymmetric = SelfAttention.random(4, 4, 1, 31);
        SelfAttention symmetric = new SelfAttention(asymmetric.wq(), asymmetric.wq(), asymmetric.wv());
        double[] x = Rng.gaussian(1, 4, 32)[0];
        double[] y = Rng.gaussian(1, 4, 33)[0];
        assertThat(Math.abs(asymmetric.kernel().log(x, y) - asymmetric.kernel().log(y, x))).isGreaterThan(1e-3);
        assertThat(symmetric.kernel().log(x, y)).isCloseTo(symmetric.kernel().log(y, x), within(1e-12));
        assertThat(Kernel.exponentialDot(2).log(x, y)).isCloseTo(Vectors.dot(x, y) / 2, within(1e-15));
    }
}
