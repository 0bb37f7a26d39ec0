package ttlab.course.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aCheckpointBringsBackTheParametersAndTheRunExactly() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingParameters params = new TrainingParameters(manager, 17);
            NDArray w = params.normal("W_Q", new Shape(3, 2), 0.3);
            NDArray b = params.zeros("bias term", new Shape(2));
            TrainingRun run = Training.of(params)
                    .optimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build())
                    .steps(12).logEvery(5).metric("norm", s -> w.norm().getFloat())
                    .run(step -> w.sum(new int[] {0}).add(b).sub(1).square().sum());
            Path file = dir.resolve("models/lsa.ckpt");
            Checkpoint.save(file, params, run);

            Checkpoint back = Checkpoint.load(file, manager);
            assertThat(back.parameters().all().keySet()).containsExactly("W_Q", "bias term");
            assertThat(back.parameters().get("W_Q").getShape()).isEqualTo(new Shape(3, 2));
            assertThat(back.parameters().get("W_Q").toFloatArray()).containsExactly(w.toFloatArray());
            assertThat(back.parameters().get("bias term").toFloatArray()).containsExactly(b.toFloatArray());
            assertThat(back.parameters().seed()).isEqualTo(17);
            assertThat(back.run().losses()).containsExactly(run.losses());
            assertThat(back.run().seconds()).isEqualTo(run.seconds());
            assertThat(back.run().plannedSteps()).isEqualTo(12);
            assertThat(back.run().metric("norm").steps()).containsExactly(5, 10, 12);
            assertThat(back.run().metric("norm").values()).containsExactly(run.metric("norm").values());
            assertThat(back.run().diverged()).isFalse();
            assertThat(Files.list(file.getParent())).containsExactly(file); // no partial file left
        }
    }

    @Test
    void loadedParametersTrainOn() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingParameters params = new TrainingParameters(manager, 1);
            NDArray w = params.zeros("w", new Shape(1));
            TrainingRun run = Training.of(params).optimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build())
                    .steps(1).run(s -> w.sub(4).square().sum().mul(0.5));
            Path file = dir.resolve("w.ckpt");
            Checkpoint.save(file, params, run);
            TrainingParameters again = Checkpoint.load(file, manager).parameters();
            NDArray w2 = again.get("w");
            Training.of(again).optimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build())
                    .steps(1).run(s -> w2.sub(4).square().sum().mul(0.5));
            assertThat(w2.getFloat()).isEqualTo(3f); // 0 → 2 → 3
        }
    }

    @Test
    void aDivergedRunKeepsItsReason() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingParameters params = new TrainingParameters(manager, 1);
            NDArray w = params.zeros("w", new Shape(1));
            TrainingRun run = Training.of(params).steps(5).run(s -> w.sum().div(0));
            Path file = dir.resolve("nan.ckpt");
            Checkpoint.save(file, params, run);
            assertThat(Checkpoint.load(file, manager).run().divergence()).isEqualTo(run.divergence()).isPresent();
        }
    }

    @Test
    void aFileThatIsNotACheckpointIsAClearError() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        Path damaged = dir.resolve("damaged.ckpt");
        Files.write(damaged, (Checkpoint.MAGIC + "\u007f\u00ff\u00ff\u00ff").getBytes(StandardCharsets.ISO_8859_1));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> Checkpoint.load(text, manager)).isInstanceOf(IOException.class)
                    .hasMessageContaining("is not a ttlab checkpoint");
            assertThatThrownBy(() -> Checkpoint.load(damaged, manager)).isInstanceOf(IOException.class)
                    .hasMessageContaining("damaged");
        }
    }
}
