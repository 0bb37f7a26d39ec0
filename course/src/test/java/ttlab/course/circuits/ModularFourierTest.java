package ttlab.course.circuits;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModularFourierTest {

    private static final int P = 13;

    @Test
    void energiesAddUpToTheSquaredNorm() {
        double[][] embedding = ttlab.course.Rng.gaussian(P, 6, 3);
        double total = 0;
        for (double[] row : embedding) {
            for (double v : row) {
                total += v * v;
            }
        }
        assertThat(java.util.Arrays.stream(ModularFourier.energies(embedding)).sum()).isCloseTo(total, within(1e-10));
    }

    @Test
    void keyFrequenciesAreFoundFromTheEmbedding() {
        Random random = new Random(2);
        double[][] embedding = new double[P][4];
        for (int a = 0; a < P; a++) {                       // frequencies 2 and 5, plus a little noise
            embedding[a][0] = Math.cos(2 * Math.PI * 2 * a / P);
            embedding[a][1] = Math.sin(2 * Math.PI * 2 * a / P);
            embedding[a][2] = 0.7 * Math.cos(2 * Math.PI * 5 * a / P + 1);
            embedding[a][3] = 0.01 * random.nextGaussian();
        }
        assertThat(ModularFourier.keyFrequencies(ModularFourier.energies(embedding), 0.95)).containsExactly(2, 5);
    }

    @Test
    void cosineLogitsLieInTheKeyFrequenciesAndSolveTheTask() {
        int[] keys = {3, 4};
        double[][][] logits = new double[P][P][P];
        for (int a = 0; a < P; a++) {
            for (int b = 0; b < P; b++) {
                for (int c = 0; c < P; c++) {
                    for (int k : keys) {
                        logits[a][b][c] += 5 * Math.cos(2 * Math.PI * k * (a + b - c) / P);
                    }
                }
            }
        }
        int[] all = IntStream.range(0, P * P).toArray();
        assertThat(ModularFourier.accuracy(logits, all)).isEqualTo(1.0);
        double[][][] restricted = ModularFourier.restrictedLogits(logits, keys);
        assertThat(ModularFourier.loss(restricted, all)).isCloseTo(ModularFourier.loss(logits, all), within(1e-10));
        // Removing the key frequencies leaves a constant per answer (here 0): every answer equally likely.
        assertThat(ModularFourier.loss(ModularFourier.excludedLogits(logits, keys), all)).isCloseTo(Math.log(P), within(1e-10));
    }

    @Test
    void restrictedPlusExcludedIsTheLogitsPlusTheMean() {
        double[][][] logits = new double[P][P][];
        Random random = new Random(8);
        for (int a = 0; a < P; a++) {
            for (int b = 0; b < P; b++) {
                logits[a][b] = random.doubles(P).toArray();
            }
        }
        int[] keys = {1, 4, 6};
        double[][][] restricted = ModularFourier.restrictedLogits(logits, keys);
        double[][][] excluded = ModularFourier.excludedLogits(logits, keys);
        double[][][] none = ModularFourier.restrictedLogits(logits, new int[0]);    // the mean alone
        for (int a = 0; a < P; a++) {
            for (int b = 0; b < P; b++) {
                for (int c = 0; c < P; c++) {
                    assertThat(restricted[a][b][c] + excluded[a][b][c] - none[a][b][c]).isCloseTo(logits[a][b][c], within(1e-12));
                }
            }
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> ModularFourier.energies(new double[12][3])).hasMessageContaining("odd");
        assertThatThrownBy(() -> ModularFourier.restrictedLogits(new double[P][P][P], new int[]{7})).hasMessageContaining("outside");
        assertThatThrownBy(() -> ModularFourier.keyFrequencies(new double[]{1, 2}, 0)).hasMessageContaining("fraction");
    }
}
