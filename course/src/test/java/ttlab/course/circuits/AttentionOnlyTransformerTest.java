package ttlab.course.circuits;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.train.CollectedBackward;
import ttlab.course.train.TrainingParameters;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AttentionOnlyTransformerTest {

    private NDManager manager;

    @org.junit.jupiter.api.BeforeAll
    static void oneThread() {
        ttlab.course.train.EngineThreads.set(1);
    }

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void theExactModelComputesTheSameLogitsAsDjl() {
        AttentionOnlyTransformer model = new AttentionOnlyTransformer(new TrainingParameters(manager, 3), 11, 16, 12, 2, 2, 4);
        int[] tokens = RepeatedSequences.sample(new Random(1), 11, 16, 3, 6);
        float[] djl = model.logits(manager.create(tokens).reshape(1, 16)).toFloatArray();
        double[][] exact = model.exact().forward(model.embed(tokens)).logits();
        for (int i = 0; i < 16; i++) {
            for (int t = 0; t < 11; t++) {
                assertThat((double) djl[i * 11 + t]).as("position %d, token %d", i, t).isCloseTo(exact[i][t], within(1e-3));
            }
        }
    }

    @Test
    void theOvCircuitIsWhatAttendingToATokenWritesIntoTheLogits() {
        TrainingParameters params = new TrainingParameters(manager, 4);
        AttentionOnlyTransformer model = new AttentionOnlyTransformer(params, 7, 8, 6, 1, 2, 3);
        AttentionOnlyModel.Head head = model.exact().layers().get(0).get(1);
        // Column convention: W_U (exact) · W_OV · e_t, with e_t = row t of W_E.
        double[][] expected = Matrices.multiply(Matrices.multiply(Matrices.transpose(params.matrix("W_U")), head.ov()),
                Matrices.transpose(params.matrix("W_E")));
        double[][] circuit = model.ovCircuit(0, 1);
        assertThat(Matrices.maxAbsDifference(circuit, expected)).isLessThan(1e-9);
    }

    @Test
    void theCopyableLossAveragesOnlyPositionsWhoseTokenOccurredBefore() {
        AttentionOnlyTransformer model = new AttentionOnlyTransformer(new TrainingParameters(manager, 8), 10, 12, 8, 1, 1, 4);
        NDArray tokens = model.batch(manager, new Random(9), 3, 2, 5);
        float[] losses = model.positionLosses(tokens).toFloatArray();
        int[] flat = tokens.toIntArray();
        double sum = 0;
        int count = 0;
        for (int b = 0; b < 3; b++) {
            boolean[] copyable = RepeatedSequences.copyable(java.util.Arrays.copyOfRange(flat, b * 12, (b + 1) * 12));
            for (int i = 0; i < 11; i++) {
                if (copyable[i]) {
                    sum += losses[b * 11 + i];
                    count++;
                }
            }
        }
        assertThat((double) model.copyableLoss(tokens).getFloat()).isCloseTo(sum / count, within(1e-5));
    }

    @Test
    void itsGradientsDoNotReadMemoryTheCollectorFreed() {
        TrainingParameters params = new TrainingParameters(manager, 10);
        AttentionOnlyTransformer model = new AttentionOnlyTransformer(params, 10, 12, 8, 2, 2, 4);
        NDArray tokens = model.batch(manager, new Random(11), 4, 2, 5);
        CollectedBackward.assertGradientsSurviveCollection(params, () -> model.loss(tokens));
        CollectedBackward.assertGradientsSurviveCollection(params, () -> model.copyableLoss(tokens));
    }
}
