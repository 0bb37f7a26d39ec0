package ttlab.course.icl;

import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;
import ttlab.course.train.CollectedBackward;
import ttlab.course.train.Training;
import ttlab.course.train.TrainingParameters;
import ttlab.course.train.TrainingRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainableLsaTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void forwardPassAgreesWithTheDoubleLayers() {
        TrainableLsa model = new TrainableLsa(new TrainingParameters(manager, 3), 3, 2, 0.5);
        Random random = new Random(4);
        List<RegressionTask> tasks = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            tasks.add(RegressionTask.sample(3, 6, 1.0, random));
        }
        float[] predicted = model.predict(TrainableLsa.Batch.of(manager, tasks).tokens(), 6).toFloatArray();
        for (int b = 0; b < 5; b++) {
            double[][] e = LinearSelfAttention.tokens(tasks.get(b));
            for (int l = 0; l < 2; l++) {
                e = model.layer(l).apply(e, 6);
            }
            assertThat((double) predicted[b]).isCloseTo(LinearSelfAttention.prediction(e), within(1e-4));
        }
    }

    @Test
    void theLoadedConstructionIsOneGradientStep() {
        TrainableLsa model = new TrainableLsa(new TrainingParameters(manager, 3), 4, 1, 0.02);
        model.load(0, GdConstruction.gradientStep(4, 0.9));
        Random random = new Random(8);
        List<RegressionTask> tasks = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            tasks.add(RegressionTask.sample(4, 7, 1.0, random));
        }
        float[] predicted = model.predict(TrainableLsa.Batch.of(manager, tasks).tokens(), 7).toFloatArray();
        for (int b = 0; b < 20; b++) {
            assertThat((double) predicted[b]).isCloseTo(LeastSquares.prediction(tasks.get(b), 0.9, 1), within(1e-4));
        }
        assertThatThrownBy(() -> model.load(0, GdConstruction.gradientStep(3, 0.9))).hasMessageContaining("4 wide");
    }

    @Test
    void trainingLowersTheLoss() {
        // From a small initialization the model predicts about 0 (loss near ℓ(0) = ½ d a²/3); a
        // short run must already move it down. The lecture trains to the optimum.
        int d = 3, n = 10;
        TrainingParameters params = new TrainingParameters(manager, 5);
        TrainableLsa model = new TrainableLsa(params, d, 1, 0.3);
        Random random = new Random(6);
        TrainableLsa.Batch test = TrainableLsa.Batch.sample(manager, 2000, d, n, 1.0, new Random(7));
        double before = model.loss(test).getFloat();
        TrainingRun run = Training.of(params)
                .optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build())
                .steps(60).logEvery(60)
                .run(step -> model.loss(TrainableLsa.Batch.sample(manager, 64, d, n, 1.0, random)));
        assertThat(run.diverged()).isFalse();
        assertThat((double) model.loss(test).getFloat()).isLessThan(0.9 * before);
    }

    @Test
    void refusesTasksOfMixedSizes() {
        List<RegressionTask> tasks = List.of(RegressionTask.sample(2, 3, 1, new Random(1)), RegressionTask.sample(2, 4, 1, new Random(1)));
        assertThatThrownBy(() -> TrainableLsa.Batch.of(manager, tasks)).hasMessageContaining("task 1 has N = 4");
    }

    @Test
    void itsGradientsDoNotReadMemoryTheCollectorFreed() {
        TrainingParameters params = new TrainingParameters(manager, 12);
        TrainableLsa model = new TrainableLsa(params, 3, 2, 0.3);
        TrainableLsa.Batch batch = TrainableLsa.Batch.sample(manager, 16, 3, 8, 1.0, new Random(13));
        CollectedBackward.assertGradientsSurviveCollection(params, () -> model.loss(batch));
    }
}
