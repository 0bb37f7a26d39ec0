package ttlab.course.scaling;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlopsTest {

    @Test
    void aRealPassCountsTwoNForwardAndFourNBackwardPerTokenButTheFirstLayersInputGradient() {
        int[] widths = {16, 64, 64, 8};
        CountingMlp mlp = new CountingMlp(widths, 1);
        int tokens = 5;
        CountingMlp.Pass pass = mlp.forwardBackward(Rng(tokens, 16, 2), Rng(tokens, 8, 3));
        long n = mlp.parameters();
        assertThat(n).isEqualTo(16 * 64 + 64 * 64 + 64 * 8);
        assertThat(pass.forwardFlops()).isEqualTo(2 * n * tokens);
        assertThat(pass.backwardFlops()).isEqualTo(4 * n * tokens - 2 * mlp.firstLayerParameters() * tokens);
        assertThat((double) pass.forwardFlops() + pass.backwardFlops())
                .isLessThanOrEqualTo(Flops.training(n, tokens));
    }

    @Test
    void theGradientsAreRealGradients() {
        CountingMlp mlp = new CountingMlp(new int[]{3, 5, 2}, 4);
        double[][] x = Rng(4, 3, 5), y = Rng(4, 2, 6);
        CountingMlp.Pass pass = mlp.forwardBackward(x, y);
        double h = 1e-6;
        for (int l = 0; l < 2; l++) {
            double[][] w = mlp.weights()[l];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[0].length; j++) {
                    double keep = w[i][j];
                    w[i][j] = keep + h;
                    double up = mlp.forwardBackward(x, y).loss();
                    w[i][j] = keep - h;
                    double down = mlp.forwardBackward(x, y).loss();
                    w[i][j] = keep;
                    assertThat(pass.gradients()[l][i][j]).as("layer %d [%d][%d]", l, i, j)
                            .isCloseTo((up - down) / (2 * h), within(1e-6));
                }
            }
        }
    }

    @Test
    void inferenceIsTwoNPerToken() {
        assertThat(Flops.inference(7e9, 1000)).isEqualTo(1.4e13);
        assertThat(Flops.training(7e9, 1000)).isEqualTo(4.2e13);
    }

    private static double[][] Rng(int rows, int cols, long seed) {
        Random random = new Random(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }
}
