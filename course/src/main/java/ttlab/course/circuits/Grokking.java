package ttlab.course.circuits;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ttlab.course.train.Training;
import ttlab.course.train.TrainingParameters;
import ttlab.course.train.TrainingRun;

/**
 * Grokking modular addition (Power et al. 2022; Nanda et al. 2023): the settings, the optimizer,
 * and one training run with the course's loop, watched by a {@link GrokkingMonitor}. The lecture
 * writes the same run out step by step; {@link GrokkingReference} uses this class to make the
 * checkpoint the lecture falls back on.
 */
public final class Grokking {

    /**
     * The settings of a run.
     *
     * @param p             the modulus
     * @param trainFraction the fraction of the p² pairs trained on (full batch)
     * @param splitSeed     the seed of the train/test split
     * @param width         d_model
     * @param heads         attention heads (each of width / heads)
     * @param mlpWidth      hidden units of the MLP
     * @param learningRate  AdamW's learning rate
     * @param weightDecay   AdamW's decoupled weight decay
     * @param steps         optimizer steps
     * @param logEvery      steps between measurements of the metrics
     * @param snapshotEvery steps between copies of the logits (a multiple of logEvery)
     */
    public record Setup(int p, double trainFraction, long splitSeed, int width, int heads, int mlpWidth,
                        float learningRate, float weightDecay, int steps, int logEvery, int snapshotEvery) {

        /** Nanda et al. (2023, Section 3): p = 113, 30% of the pairs, d_model 128, 4 heads, MLP 512, 40k full-batch steps. Stated, not run here. */
        public static final Setup NANDA_2023 = new Setup(113, 0.3, 0, 128, 4, 512, 1e-3f, 1f, 40_000, 100, 1000);

        /** The course's CPU configuration: p = 59, 40% of the pairs, d_model 64, 4 heads, MLP 256. */
        public static final Setup P59 = new Setup(59, 0.4, 0, 64, 4, 256, 1e-3f, 1f, 10_000, 100, 200);

        public Setup {
            if (snapshotEvery % logEvery != 0) {
                throw new IllegalArgumentException("snapshotEvery (" + snapshotEvery + ") must be a multiple of logEvery (" + logEvery + ")");
            }
        }

        /** The same settings with another number of steps. */
        public Setup withSteps(int newSteps) {
            return new Setup(p, trainFraction, splitSeed, width, heads, mlpWidth, learningRate, weightDecay, newSteps, logEvery, snapshotEvery);
        }

        public ModularAddition task() {
            return ModularAddition.split(p, trainFraction, splitSeed);
        }
    }

    /** What a run leaves: the task, the trained model, what the monitor saw, and the run. */
    public record Result(ModularAddition task, ModularAdditionTransformer model, GrokkingMonitor monitor, TrainingRun run) {
    }

    private Grokking() {
    }

    /** AdamW with the paper's betas (0.9, 0.98) and decoupled weight decay (DJL's defaults are 0.999 and 0.01). */
    public static Optimizer adamW(float learningRate, float weightDecay) {
        return Optimizer.adamW().optLearningRateTracker(Tracker.fixed(learningRate))
                .optBeta1(0.9f).optBeta2(0.98f).optWeightDecays(weightDecay).build();
    }

    /** Trains a fresh model (initialized from {@code params}' seed) on the setup's task, full batch. */
    public static Result train(TrainingParameters params, Setup setup) {
        ModularAddition task = setup.task();
        ModularAdditionTransformer model = new ModularAdditionTransformer(params, setup.p(), setup.width(), setup.heads(), setup.mlpWidth());
        GrokkingMonitor monitor = new GrokkingMonitor(task, model, setup.snapshotEvery());
        monitor.snapshotInitial();
        NDArray tokens = task.tokens(params.manager(), task.train());
        NDArray answers = task.answers(params.manager(), task.train());
        TrainingRun run = monitor.attach(Training.of(params).optimizer(adamW(setup.learningRate(), setup.weightDecay()))
                        .steps(setup.steps()).logEvery(setup.logEvery()))
                .run(step -> model.loss(tokens, answers));
        return new Result(task, model, monitor, run);
    }
}
