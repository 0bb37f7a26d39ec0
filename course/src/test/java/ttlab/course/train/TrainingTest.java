package ttlab.course.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainingTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
        Thread.interrupted();
        RecordingProgressDisplay.showing = false;
    }

    private static Optimizer sgd(float rate) {
        return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(rate)).build();
    }

    @Test
    void gradientDescentOnAQuadraticFollowsItsClosedForm() {
        // L(w) = ½‖w − t‖²: SGD with rate η from 0 gives w_k = t(1 − (1 − η)^k). If gradients
        // accumulated across steps instead of being cleared, the iterates would differ at step 2.
        TrainingParameters params = new TrainingParameters(manager, 1);
        NDArray w = params.zeros("w", new Shape(3));
        NDArray target = manager.create(new float[] {3, -1, 0.5f});
        TrainingRun run = Training.of(params).optimizer(sgd(0.1f)).steps(10)
                .run(step -> w.sub(target).square().sum().mul(0.5));

        float[] expected = target.mul(1 - Math.pow(0.9, 10)).toFloatArray();
        assertThat(w.toFloatArray()).containsExactly(expected, within(1e-5f));
        // Loss before step k is ½‖t‖²·0.81^k.
        double initial = 0.5 * (9 + 1 + 0.25);
        for (int k = 0; k < 10; k++) {
            assertThat(run.losses()[k]).isCloseTo(initial * Math.pow(0.81, k), within(1e-4));
        }
        assertThat(run.steps()).isEqualTo(10);
        assertThat(run.diverged()).isFalse();
        assertThat(run.seconds()).isPositive();
    }

    @Test
    void adamFitsALinearRegression() {
        TrainingParameters params = new TrainingParameters(manager, 5);
        NDArray w = params.normal("w", new Shape(4, 1), 0.1);
        NDArray x = manager.randomNormal(new Shape(64, 4));
        NDArray y = x.matMul(manager.create(new float[] {1, -2, 0.5f, 3}, new Shape(4, 1)));
        TrainingRun run = Training.of(params)
                .optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build())
                .steps(300).run(step -> x.matMul(w).sub(y).square().mean());
        assertThat(run.finalLoss()).isLessThan(run.losses()[0] / 1000);
        assertThat(params.matrix("w")[1][0]).isCloseTo(-2, within(0.05));
    }

    @Test
    void theSameSeedGivesTheSameParametersAndEachNameHasItsOwnStream() {
        TrainingParameters a = new TrainingParameters(manager, 42);
        a.normal("W_Q", new Shape(8, 8), 1.0);
        a.normal("W_K", new Shape(8, 8), 1.0);
        TrainingParameters b = new TrainingParameters(manager, 42);
        b.normal("W_K", new Shape(8, 8), 1.0); // another order: the values must not move
        b.normal("W_Q", new Shape(8, 8), 1.0);
        TrainingParameters c = new TrainingParameters(manager, 43);
        c.normal("W_Q", new Shape(8, 8), 1.0);

        assertThat(a.get("W_Q").toFloatArray()).containsExactly(b.get("W_Q").toFloatArray());
        assertThat(a.get("W_K").toFloatArray()).containsExactly(b.get("W_K").toFloatArray());
        assertThat(a.get("W_Q").toFloatArray()).isNotEqualTo(c.get("W_Q").toFloatArray());
        assertThat(a.get("W_Q").toFloatArray()).isNotEqualTo(a.get("W_K").toFloatArray());
        assertThat(a.count()).isEqualTo(128);
    }

    @Test
    void initializationsHaveTheirStatedDistributions() {
        TrainingParameters params = new TrainingParameters(manager, 3);
        float[] normal = params.normal("n", new Shape(20_000), 0.5).toFloatArray();
        float[] uniform = params.uniform("u", new Shape(20_000), -1, 3).toFloatArray();
        assertThat(mean(normal)).isCloseTo(0, within(0.02));
        assertThat(Math.sqrt(mean(squares(normal)))).isCloseTo(0.5, within(0.02));
        assertThat(mean(uniform)).isCloseTo(1, within(0.05));
        for (float v : uniform) {
            assertThat(v).isBetween(-1f, 3f);
        }
        assertThat(params.zeros("z", new Shape(2, 3)).toFloatArray()).containsOnly(0f);
    }

    @Test
    void aDuplicateOrUnknownNameIsAClearError() {
        TrainingParameters params = new TrainingParameters(manager, 1);
        params.zeros("w", new Shape(2));
        assertThatThrownBy(() -> params.zeros("w", new Shape(2))).hasMessageContaining("exists already");
        assertThatThrownBy(() -> params.get("v")).hasMessageContaining("no parameter 'v'").hasMessageContaining("[w]");
        assertThatThrownBy(() -> params.of("x", new Shape(2, 2), new float[3])).hasMessageContaining("holds 4 values, got 3");
        assertThatThrownBy(() -> params.matrix("w")).hasMessageContaining("not a matrix");
    }

    @Test
    void aNanLossStopsTheRunBeforeItTouchesTheParameters() {
        TrainingParameters params = new TrainingParameters(manager, 1);
        NDArray w = params.zeros("w", new Shape(1));
        float[][] before = new float[1][];
        TrainingRun run = Training.of(params).optimizer(sgd(0.1f)).steps(100).run(step -> {
            NDArray loss = w.sub(1).square().sum();
            if (step == 6) {
                before[0] = w.toFloatArray();
                return loss.mul(Float.NaN);
            }
            return loss;
        });
        assertThat(run.diverged()).isTrue();
        assertThat(run.steps()).isEqualTo(6);
        assertThat(run.divergence()).get().asString().contains("NaN at step 7 of 100");
        assertThat(w.toFloatArray()).containsExactly(before[0]);
        assertThat(run.summary()).contains("STOPPED");
    }

    @Test
    void anInfiniteLossStopsTooAndAParameterOutsideTheLossIsLeftAlone() {
        TrainingParameters params = new TrainingParameters(manager, 1);
        NDArray w = params.normal("w", new Shape(2), 1.0);
        NDArray unused = params.normal("unused", new Shape(2), 1.0);
        float[] unusedBefore = unused.toFloatArray();
        TrainingRun run = Training.of(params).optimizer(sgd(10f)).steps(200).run(step -> w.square().sum().exp());
        assertThat(run.diverged()).isTrue();
        assertThat(run.divergence()).get().asString().contains("Infinity");
        assertThat(unused.toFloatArray()).containsExactly(unusedBefore);
    }

    @Test
    void metricsAreMeasuredEveryLogIntervalAndAfterTheLastStep() {
        TrainingParameters params = new TrainingParameters(manager, 1);
        NDArray w = params.zeros("w", new Shape(1));
        TrainingRun run = Training.of(params).optimizer(sgd(0.5f)).steps(25).logEvery(10)
                .metric("w", step -> w.getFloat())
                .metric("steps seen", step -> step)
                .run(step -> w.sub(2).square().sum().mul(0.5));
        assertThat(run.metric("steps seen").steps()).containsExactly(10, 20, 25);
        assertThat(run.metric("steps seen").values()).containsExactly(10, 20, 25);
        assertThat(run.metric("w").last()).isCloseTo(2, within(1e-5));
        assertThat(run.metric("w").firstStepAtLeast(1.99)).isEqualTo(10);
        assertThat(run.metric("w").firstStepAtLeast(3)).isEqualTo(-1);
        assertThatThrownBy(() -> run.metric("accuracy")).hasMessageContaining("[w, steps seen]");
        assertThat(run.lossChart().getSeriesMap()).containsKey("loss");
        assertThat(run.metricChart("w during training", "w").getSeriesMap()).containsKey("w");
    }

    @Test
    void theProgressLineIsUpdatedInPlaceWhereADisplayCanShowIt() {
        RecordingProgressDisplay.showing = true;
        int opened = RecordingProgressDisplay.linesOpened;
        TrainingParameters params = new TrainingParameters(manager, 9);
        NDArray w = params.zeros("w", new Shape(1));
        Training.of(params).optimizer(sgd(0.1f)).steps(20).logEvery(5).metric("w", step -> w.getFloat())
                .run(step -> w.sub(1).square().sum());
        assertThat(RecordingProgressDisplay.linesOpened).isEqualTo(opened + 1);
        synchronized (RecordingProgressDisplay.TEXTS) {
            var texts = RecordingProgressDisplay.TEXTS.subList(RecordingProgressDisplay.TEXTS.size() - 6, RecordingProgressDisplay.TEXTS.size());
            assertThat(texts.get(0)).contains("training 1 parameters for 20 steps (seed 9)");
            assertThat(texts.get(1)).startsWith("step 5/20").contains("loss").contains("w ");
            assertThat(texts.get(4)).startsWith("step 20/20");
            assertThat(texts.get(5)).startsWith("20/20 steps").contains("seed 9");
        }
    }

    @Test
    void anInterruptStopsTheRunWithAClearException() {
        TrainingParameters params = new TrainingParameters(manager, 1);
        NDArray w = params.zeros("w", new Shape(1));
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Training.of(params).steps(10).run(step -> w.square().sum()))
                .isInstanceOf(CancellationException.class).hasMessageContaining("after 0 of 10 steps");
    }

    @Test
    void aRunUsesTheThreadsItIsGivenAndRestoresTheEnginesSetting() {
        TrainingParameters params = new TrainingParameters(manager, 1);
        NDArray w = params.zeros("w", new Shape(1));
        int before = EngineThreads.set(3);
        try {
            int[] during = new int[2];
            Training.of(params).optimizer(sgd(0.1f)).steps(1).run(step -> {
                during[0] = EngineThreads.current();
                return w.square().sum();
            });
            Training.of(params).optimizer(sgd(0.1f)).steps(1).threads(2).run(step -> {
                during[1] = EngineThreads.current();
                return w.square().sum();
            });
            assertThat(during).containsExactly(1, 2);
            assertThat(EngineThreads.current()).isEqualTo(3);
            assertThatThrownBy(() -> Training.of(params).threads(0)).hasMessageContaining("at least 1");
        } finally {
            EngineThreads.set(before);
        }
    }

    @Test
    void badSetUpsAreClearErrors() {
        TrainingParameters empty = new TrainingParameters(manager, 1);
        assertThatThrownBy(() -> Training.of(empty)).hasMessageContaining("no parameters");
        TrainingParameters params = new TrainingParameters(manager, 1);
        NDArray w = params.zeros("w", new Shape(3));
        assertThatThrownBy(() -> Training.of(params).run(step -> w.sum())).hasMessageContaining(".steps(n)");
        assertThatThrownBy(() -> Training.of(params).steps(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Training.of(params).steps(2).run(step -> w.square())).hasMessageContaining("scalar");
        assertThatThrownBy(() -> Training.of(params).metric("a", s -> 0).metric("a", s -> 1)).hasMessageContaining("defined already");
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static float[] squares(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * v[i];
        }
        return out;
    }
}
