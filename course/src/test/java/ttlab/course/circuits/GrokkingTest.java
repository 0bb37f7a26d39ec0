package ttlab.course.circuits;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.course.train.Checkpoint;
import ttlab.course.train.TrainingParameters;
import ttlab.course.train.TrainingRun;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GrokkingTest {

    /** p = 11, a small model, 300 steps: enough to memorize, seconds to run. */
    private static final Grokking.Setup TINY = new Grokking.Setup(11, 0.5, 3, 16, 2, 32, 3e-3f, 1f, 300, 50, 100);

    @BeforeAll
    static void oneThread() {
        ttlab.course.train.EngineThreads.set(1);
    }

    @Test
    void aRunMemorizesTheTrainingSetAndRecordsItsMetricsAndSnapshots() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Grokking.Result result = Grokking.train(new TrainingParameters(manager, 2), TINY);
            TrainingRun run = result.run();
            assertThat(run.diverged()).as(run.summary()).isFalse();
            assertThat(run.metric("train accuracy").last()).isEqualTo(1.0);
            assertThat(run.metric("train loss").last()).isLessThan(0.1);
            assertThat(run.metric("test accuracy").steps()).containsExactly(50, 100, 150, 200, 250, 300);
            // The metric agrees with the model's own loss on the training inputs.
            ModularAddition task = result.task();
            double loss = result.model().loss(task.tokens(manager, task.train()), task.answers(manager, task.train())).getFloat();
            assertThat(run.metric("train loss").last()).isCloseTo(loss, within(1e-4));
            assertThat(result.monitor().snapshots()).extracting(GrokkingMonitor.Snapshot::step).containsExactly(0, 100, 200, 300);
        }
    }

    @Test
    void progressMeasuresTravelWithTheRunThroughACheckpoint(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingParameters params = new TrainingParameters(manager, 4);
            Grokking.Result result = Grokking.train(params, TINY.withSteps(100));
            ProgressMeasures measures = result.monitor().progressMeasures(new int[]{1, 3});
            Path file = dir.resolve("run.ckpt");
            Checkpoint.save(file, params, measures.addTo(result.run()));
            Checkpoint loaded = Checkpoint.load(file, manager);
            ProgressMeasures back = ProgressMeasures.from(loaded.run());
            assertThat(back.steps()).containsExactly(measures.steps());
            assertThat(back.restricted()).containsExactly(measures.restricted());
            assertThat(back.excluded()).containsExactly(measures.excluded());
            assertThat(back.keys()).containsExactly(1, 3);
            ModularAdditionTransformer restored = ModularAdditionTransformer.restore(loaded.parameters(), TINY.heads());
            assertThat(restored.allLogitsFlat(result.task())).containsExactly(result.model().allLogitsFlat(result.task()));
        }
    }

    @Test
    void theMeasuresOfCosineLogitsAreThoseOfTheAlgorithm() {
        int p = 11;
        ModularAddition task = ModularAddition.split(p, 0.5, 1);
        float[] logits = new float[p * p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                for (int c = 0; c < p; c++) {
                    logits[(a * p + b) * p + c] = (float) (4 * Math.cos(2 * Math.PI * 2 * (a + b - c) / p) + 4 * Math.cos(2 * Math.PI * 5 * (a + b - c) / p));
                }
            }
        }
        double full = ModularFourier.loss(ProgressMeasures.cube(logits, p), task.all());
        ProgressMeasures measures = ProgressMeasures.of(task, List.of(new GrokkingMonitor.Snapshot(7, logits)), new int[]{2, 5});
        assertThat(measures.restricted()[0]).isCloseTo(full, within(1e-5));          // the keys explain everything
        assertThat(measures.excluded()[0]).isCloseTo(Math.log(p), within(1e-5));     // without them: uniform
        ProgressMeasures wrongKeys = ProgressMeasures.of(task, List.of(new GrokkingMonitor.Snapshot(7, logits)), new int[]{1, 3});
        assertThat(wrongKeys.restricted()[0]).isCloseTo(Math.log(p), within(1e-5));
        assertThat(wrongKeys.excluded()[0]).isCloseTo(ModularFourier.loss(ProgressMeasures.cube(logits, p), task.train()), within(1e-5));
    }

    @Test
    void theShippedReferenceHasGrokkedAndCarriesItsOwnKeyFrequencies() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Checkpoint reference = GrokkingReference.load(manager);
            assertThat(reference.run().seed()).isEqualTo(GrokkingReference.SEED);
            assertThat(reference.run().diverged()).isFalse();
            ModularAdditionTransformer model = ModularAdditionTransformer.restore(reference.parameters(), Grokking.Setup.P59.heads());
            ModularAddition task = Grokking.Setup.P59.task();
            assertThat(ModularFourier.accuracy(model.allLogits(task), task.test())).isGreaterThanOrEqualTo(0.99);
            int[] keys = ModularFourier.keyFrequencies(ModularFourier.energies(model.embedding()), GrokkingReference.KEY_ENERGY);
            assertThat(ProgressMeasures.from(reference.run()).keys()).containsExactly(keys);
        }
    }

    @Test
    void snapshotsMustFallOnLogSteps() {
        assertThatThrownBy(() -> new Grokking.Setup(11, 0.5, 3, 16, 2, 32, 3e-3f, 1f, 300, 40, 100)).hasMessageContaining("multiple");
    }
}
