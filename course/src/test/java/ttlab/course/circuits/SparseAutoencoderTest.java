package ttlab.course.circuits;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SparseAutoencoderTest {

    private static final int K = 6, M = 4;

    private final Random random = new Random(11);
    private final SparseAutoencoder.Parameters sae = new SparseAutoencoder.Parameters(
            gaussian(K, M), gaussianRow(K), unitRows(gaussian(K, M)), gaussianRow(M));
    private final double[][] batch = gaussian(7, M);

    @Test
    void theGradientMatchesFiniteDifferences() {
        double lambda = 0.3;
        SparseAutoencoder.Parameters g = SparseAutoencoder.gradient(sae, batch, lambda);
        double h = 1e-6;
        for (int j = 0; j < K; j++) {
            for (int d = 0; d < M; d++) {
                int jj = j, dd = d;
                assertThat(g.encoder()[j][d]).isCloseTo(numeric(p -> p.encoder()[jj][dd], (p, v) -> p.encoder()[jj][dd] = v, lambda, h), within(1e-6));
                assertThat(g.decoder()[j][d]).isCloseTo(numeric(p -> p.decoder()[jj][dd], (p, v) -> p.decoder()[jj][dd] = v, lambda, h), within(1e-6));
            }
            int jj = j;
            assertThat(g.encoderBias()[j]).isCloseTo(numeric(p -> p.encoderBias()[jj], (p, v) -> p.encoderBias()[jj] = v, lambda, h), within(1e-6));
        }
        for (int d = 0; d < M; d++) {
            int dd = d;
            assertThat(g.decoderBias()[d]).isCloseTo(numeric(p -> p.decoderBias()[dd], (p, v) -> p.decoderBias()[dd] = v, lambda, h), within(1e-6));
        }
    }

    @Test
    void aStepLowersTheLossAndKeepsDecoderRowsAtUnitNorm() {
        SparseAutoencoder.Parameters next = SparseAutoencoder.step(sae, batch, 0.1, 0.01);
        assertThat(SparseAutoencoder.loss(next, batch, 0.1)).isLessThan(SparseAutoencoder.loss(sae, batch, 0.1));
        for (double[] row : next.decoder()) {
            assertThat(Math.sqrt(row[0] * row[0] + row[1] * row[1] + row[2] * row[2] + row[3] * row[3])).isCloseTo(1, within(1e-14));
        }
    }

    @Test
    void theLossIsAMeanSoABatchRepeatedHasTheSameLossAndGradient() {
        double[][] twice = new double[2 * batch.length][];
        for (int i = 0; i < twice.length; i++) {
            twice[i] = batch[i % batch.length];
        }
        assertThat(SparseAutoencoder.loss(sae, twice, 0.2)).isCloseTo(SparseAutoencoder.loss(sae, batch, 0.2), within(1e-12));
        assertThat(SparseAutoencoder.gradient(sae, twice, 0.2).encoder()[0])
                .containsExactly(SparseAutoencoder.gradient(sae, batch, 0.2).encoder()[0], within(1e-12));
    }

    interface Setter {
        void set(SparseAutoencoder.Parameters p, double v);
    }

    private double numeric(Function<SparseAutoencoder.Parameters, Double> get, Setter set, double lambda, double h) {
        double original = get.apply(sae);
        set.set(sae, original + h);
        double up = SparseAutoencoder.loss(sae, batch, lambda);
        set.set(sae, original - h);
        double down = SparseAutoencoder.loss(sae, batch, lambda);
        set.set(sae, original);
        return (up - down) / (2 * h);
    }

    private double[][] gaussian(int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = gaussianRow(cols);
        }
        return m;
    }

    private double[] gaussianRow(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[][] unitRows(double[][] m) {
        for (double[] row : m) {
            double norm = Math.sqrt(java.util.Arrays.stream(row).map(v -> v * v).sum());
            for (int d = 0; d < row.length; d++) {
                row[d] /= norm;
            }
        }
        return m;
    }
}
