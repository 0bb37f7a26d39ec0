package ttlab.course.circuits;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ttlab.course.train.Training;
import ttlab.course.train.TrainingParameters;
import ttlab.course.train.TrainingRun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Training attention-only transformers on repeated random segments, and the measurements that
 * find an induction head in the result (Olsson et al. 2022): the loss on copyable positions over
 * training, each head's previous-token, prefix-matching and copying scores, and the in-context
 * learning score.
 */
public final class InductionHeadTraining {

    /** The name of the metric a run records: the loss on copyable positions of a fixed batch. */
    public static final String COPYABLE_LOSS = "copyable loss";

    /**
     * The settings of a run.
     *
     * @param vocab        tokens, BOS included
     * @param length       positions per sequence
     * @param width        d_model
     * @param heads        heads per layer
     * @param headWidth    d_head
     * @param minSegment   shortest repeated segment
     * @param maxSegment   longest repeated segment
     * @param steps        Adam steps
     * @param batch        sequences per step (fresh each step)
     * @param learningRate Adam's learning rate (fixed)
     * @param logEvery     steps between measurements of the copyable loss
     */
    public record Setup(int vocab, int length, int width, int heads, int headWidth, int minSegment, int maxSegment,
                        int steps, int batch, float learningRate, int logEvery) {

        /** The lecture's configuration: small enough for a laptop's CPU in about half a minute per model. */
        public static final Setup COURSE = new Setup(32, 40, 32, 2, 16, 8, 24, 2000, 16, 3e-3f, 50);

        /** The same settings with another number of steps. */
        public Setup withSteps(int newSteps) {
            return new Setup(vocab, length, width, heads, headWidth, minSegment, maxSegment, newSteps, batch, learningRate, logEvery);
        }
    }

    /** A trained model and its run (with the {@link #COPYABLE_LOSS} metric). */
    public record Result(AttentionOnlyTransformer model, TrainingRun run) {
    }

    /**
     * What one head does, averaged over sequences: {@link HeadScores#previousTokenScore},
     * {@link HeadScores#prefixMatchingScore} and the {@link HeadScores#copyingScore} of its OV circuit.
     */
    public record HeadScore(int layer, int head, double previousToken, double prefixMatching, double copying) {
    }

    private InductionHeadTraining() {
    }

    /**
     * Trains a fresh model of {@code layers} layers (initialized from {@code params}' seed) with
     * Adam on fresh batches of {@link RepeatedSequences}; the data's random stream comes from the
     * same seed, and a fixed batch of 128 sequences measures the copyable loss every
     * {@code logEvery} steps.
     */
    public static Result train(TrainingParameters params, Setup setup, int layers) {
        AttentionOnlyTransformer model = new AttentionOnlyTransformer(params, setup.vocab(), setup.length(),
                setup.width(), layers, setup.heads(), setup.headWidth());
        Random data = new Random(params.seed() * 31 + 7);
        NDArray held = model.batch(params.manager(), new Random(params.seed() * 31 + 8), 128, setup.minSegment(), setup.maxSegment());
        TrainingRun run = Training.of(params)
                .optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(setup.learningRate())).build())
                .steps(setup.steps()).logEvery(setup.logEvery())
                .metric(COPYABLE_LOSS, step -> model.copyableLoss(held).getFloat())
                .run(step -> model.loss(model.batch(params.manager(), data, setup.batch(), setup.minSegment(), setup.maxSegment())));
        return new Result(model, run);
    }

    /** Every head's scores, the patterns averaged over {@code sequences} (read from the exact model). */
    public static List<HeadScore> scores(AttentionOnlyTransformer model, List<int[]> sequences) {
        AttentionOnlyModel exact = model.exact();
        double[][] previous = new double[model.layers()][model.heads()], prefix = new double[model.layers()][model.heads()];
        for (int[] tokens : sequences) {
            AttentionOnlyModel.Forward forward = exact.forward(model.embed(tokens));
            for (int l = 0; l < model.layers(); l++) {
                for (int h = 0; h < model.heads(); h++) {
                    previous[l][h] += HeadScores.previousTokenScore(forward.pattern(l, h)) / sequences.size();
                    prefix[l][h] += HeadScores.prefixMatchingScore(forward.pattern(l, h), tokens) / sequences.size();
                }
            }
        }
        List<HeadScore> scores = new ArrayList<>();
        for (int l = 0; l < model.layers(); l++) {
            for (int h = 0; h < model.heads(); h++) {
                scores.add(new HeadScore(l, h, previous[l][h], prefix[l][h], HeadScores.copyingScore(model.ovCircuit(l, h))));
            }
        }
        return scores;
    }

    /** The head with the highest prefix-matching score: the induction head, if the model has one. */
    public static HeadScore inductionHead(List<HeadScore> scores) {
        return scores.stream().max(Comparator.comparingDouble(HeadScore::prefixMatching))
                .orElseThrow(() -> new IllegalArgumentException("no heads"));
    }

    /**
     * The loss of guessing, at each copyable position, uniformly among the segment's other tokens:
     * the mean of ln(L − 1) over the copyable positions of {@code sequences}, L being each
     * sequence's segment length. A model that knows which tokens the segment holds but not their
     * order can do this well, and no better.
     */
    public static double guessingLoss(List<int[]> sequences) {
        double sum = 0;
        int positions = 0;
        for (int[] tokens : sequences) {
            int segment = RepeatedSequences.segmentLength(tokens);
            boolean[] copyable = RepeatedSequences.copyable(tokens);
            for (int i = 0; i < tokens.length - 1; i++) {
                if (copyable[i]) {
                    sum += Math.log(segment - 1);
                    positions++;
                }
            }
        }
        if (positions == 0) {
            throw new IllegalArgumentException("no copyable positions in " + sequences.size() + " sequences");
        }
        return sum / positions;
    }

    /**
     * The mean next-token loss at each position (0..n−2) over a batch: how the loss falls as the
     * context grows.
     */
    public static double[] lossByPosition(AttentionOnlyTransformer model, NDArray tokens) {
        return toDoubles(model.positionLosses(tokens).mean(new int[]{0}).toFloatArray());
    }

    /**
     * The in-context learning score of Olsson et al. (2022): the loss at a late position minus the
     * loss at an early one (they take the 500th and the 50th token); negative when later tokens are
     * predicted better because of what came before.
     */
    public static double inContextLearningScore(double[] lossByPosition, int early, int late) {
        if (early < 0 || late <= early || late >= lossByPosition.length) {
            throw new IllegalArgumentException("need 0 <= early < late < " + lossByPosition.length + ", got " + early + ", " + late);
        }
        return lossByPosition[late] - lossByPosition[early];
    }

    /**
     * The largest share of a curve's total fall that happens within {@code window} consecutive
     * points: about window/points for a steady decline, near 1 for a sudden phase change.
     */
    public static double largestDropShare(double[] curve, int window) {
        if (window < 1 || window >= curve.length) {
            throw new IllegalArgumentException("window must be in 1.." + (curve.length - 1) + ", not " + window);
        }
        double total = curve[0] - curve[curve.length - 1];
        if (!(total > 0)) {
            throw new IllegalArgumentException("the curve does not fall (first " + curve[0] + ", last " + curve[curve.length - 1] + ")");
        }
        double largest = 0;
        for (int start = 0; start + window < curve.length; start++) {
            largest = Math.max(largest, curve[start] - curve[start + window]);
        }
        return largest / total;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
