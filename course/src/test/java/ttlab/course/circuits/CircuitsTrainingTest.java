package ttlab.course.circuits;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import ttlab.course.train.CollectedBackward;
import ttlab.course.train.TrainingParameters;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The two DJL trainers of the superposition lecture, on problems small enough to run in seconds. */
class CircuitsTrainingTest {

    @Test
    void denseFeaturesGetOneDimensionEachAndTheRestAreDropped() {
        // n = 4 dense features of decreasing importance in m = 2 dimensions: the two most important
        // are kept orthogonal with norm 1, the other two dropped (Elhage et al. 2022, dense regime).
        var result = ToyModelSweep.train(2, List.of(new ToyModelSweep.Instance(ToyModel.importance(4, 0.5), 0.0)),
                1500, 256, 1e-2, 1);
        double[][] w = result.w(0);
        double[] dims = ToyModel.featureDimensionalities(w);
        assertThat(dims[0]).isCloseTo(1, within(0.05));
        assertThat(dims[1]).isCloseTo(1, within(0.05));
        double[][] columns = FeatureMatch.columns(w);
        assertThat(ttlab.course.Vectors.norm(columns[2])).isLessThan(0.1);
        assertThat(ttlab.course.Vectors.norm(columns[3])).isLessThan(0.1);
        assertThat(result.run().diverged()).isFalse();
    }

    @Test
    void eachInstanceDrawsItsOwnSparsity() {
        float[] x = ToyModelSweep.sparseBatch(new java.util.SplittableRandom(8), 2, 5000, 4, new float[]{0.2f, 0.9f});
        for (int k = 0; k < 2; k++) {
            int zeros = 0;
            for (int e = k * 20_000; e < (k + 1) * 20_000; e++) {
                assertThat(x[e]).isBetween(0f, 1f);
                if (x[e] == 0) zeros++;
            }
            assertThat(zeros / 20_000.0).isCloseTo(k == 0 ? 0.2 : 0.9, within(0.01));
        }
        assertThatThrownBy(() -> new ToyModelSweep.Instance(new double[]{1}, 1.0)).hasMessageContaining("sparsity");
    }

    @Test
    void theAutoencoderFindsSparseDirectionsAndKeepsUnitRows() {
        // Activations that are sparse non-negative combinations of 6 known directions in R^4.
        double[][] truth = RandomDirections.onSphere(6, 4, 5);
        double[][] xs = ToyModel.sparseBatch(new Random(6), 4000, 6, 0.85);
        double[][] h = new double[xs.length][4];
        for (int e = 0; e < xs.length; e++)
            for (int i = 0; i < 6; i++)
                for (int d = 0; d < 4; d++)
                    h[e][d] += xs[e][i] * truth[i][d];
        var result = SparseAutoencoderTraining.train(h, 12, 0.05, 2000, 128, 3e-3, 7);
        for (double[] row : result.sae().decoder()) {
            assertThat(ttlab.course.Vectors.norm(row)).isCloseTo(1, within(1e-12));
        }
        FeatureMatch match = FeatureMatch.of(truth, result.sae().decoder());
        assertThat(match.meanMaxCosine()).isGreaterThan(0.9);        // measured 0.934 for this seed
        // The trained parameters read back into the exact autoencoder give the loss training saw.
        double exact = SparseAutoencoder.loss(result.sae(), h, 0.05);
        assertThat(exact).isCloseTo(result.run().finalLoss(), within(0.5 * exact));
    }

    @Test
    void theirLossesGradientsDoNotReadMemoryTheCollectorFreed() {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            TrainingParameters toy = new TrainingParameters(manager, 2);
            toy.normal("W", new Shape(3, 2, 5), 0.5);
            toy.normal("b", new Shape(3, 1, 5), 0.1);
            NDArray x = manager.create(ToyModelSweep.sparseBatch(new java.util.SplittableRandom(3), 3, 16, 5,
                    new float[]{0.1f, 0.5f, 0.9f}), new Shape(3, 16, 5));
            NDArray importance = manager.create(new float[15], new Shape(3, 1, 5)).add(1);
            CollectedBackward.assertGradientsSurviveCollection(toy, () -> ToyModelSweep.loss(toy, x, importance));

            TrainingParameters sae = new TrainingParameters(manager, 4);
            sae.normal("decoder", new Shape(8, 4), 1);
            sae.normal("encoder", new Shape(8, 4), 1);
            sae.normal("encoder bias", new Shape(8), 0.1);
            sae.normal("decoder bias", new Shape(4), 0.1);
            NDArray activations = manager.randomNormal(new Shape(32, 4));
            CollectedBackward.assertGradientsSurviveCollection(sae, () -> SparseAutoencoderTraining.loss(sae, activations, 0.05));
        }
    }
}
