package ttlab.course.circuits;

import ttlab.course.train.MetricSeries;
import ttlab.course.train.TrainingRun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The progress measures of Nanda et al. (2023, Section 5.1) over a training run, for fixed key
 * frequencies (those of the trained model):
 * <ul>
 *   <li><b>restricted loss</b>: the loss on all p² inputs of the logits restricted to the key
 *       frequencies (each answer's mean over the inputs, plus the components along
 *       cos(ω<sub>k</sub>(a+b)) and sin(ω<sub>k</sub>(a+b))); low once the Fourier circuit alone
 *       solves the task;</li>
 *   <li><b>excluded loss</b>: the loss on the training inputs of the logits with those components
 *       removed; it rises while the circuit forms, since memorization no longer carries the
 *       training set on its own.</li>
 * </ul>
 * (The paper's code evaluates the restricted loss on all inputs and the excluded loss on the
 * training inputs; so does this class.)
 *
 * @param steps      the step of each snapshot
 * @param restricted the restricted loss at each
 * @param excluded   the excluded loss at each
 * @param keys       the key frequencies used
 */
public record ProgressMeasures(int[] steps, double[] restricted, double[] excluded, int[] keys) {

    static final String RESTRICTED = "restricted loss";
    static final String EXCLUDED = "excluded loss";

    /** The measures of each snapshot. */
    public static ProgressMeasures of(ModularAddition task, List<GrokkingMonitor.Snapshot> snapshots, int[] keys) {
        int[] steps = new int[snapshots.size()];
        double[] restricted = new double[steps.length], excluded = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double[][][] logits = cube(snapshots.get(i).logits(), task.p());
            steps[i] = snapshots.get(i).step();
            restricted[i] = ModularFourier.loss(ModularFourier.restrictedLogits(logits, keys), task.all());
            excluded[i] = ModularFourier.loss(ModularFourier.excludedLogits(logits, keys), task.train());
        }
        return new ProgressMeasures(steps, restricted, excluded, keys.clone());
    }

    /**
     * The run with these measures added as metrics ("restricted loss", "excluded loss"), so that a
     * {@link ttlab.course.train.Checkpoint} of it carries them; the key frequencies go in as a third,
     * "key frequencies", whose i-th value is the i-th key (its "steps" are 0, 1, 2, ...).
     */
    public TrainingRun addTo(TrainingRun run) {
        Map<String, MetricSeries> metrics = new LinkedHashMap<>(run.metrics());
        metrics.put(RESTRICTED, new MetricSeries(RESTRICTED, steps, restricted));
        metrics.put(EXCLUDED, new MetricSeries(EXCLUDED, steps, excluded));
        int[] index = java.util.stream.IntStream.range(0, keys.length).toArray();
        metrics.put("key frequencies", new MetricSeries("key frequencies", index, java.util.Arrays.stream(keys).asDoubleStream().toArray()));
        return new TrainingRun(run.seed(), run.plannedSteps(), run.seconds(), toFloat(run.losses()), metrics, run.divergence());
    }

    /** The measures a run carries ({@link #addTo}), e.g. one loaded from a checkpoint. */
    public static ProgressMeasures from(TrainingRun run) {
        MetricSeries restricted = run.metric(RESTRICTED), excluded = run.metric(EXCLUDED);
        int[] keys = java.util.Arrays.stream(run.metric("key frequencies").values()).mapToInt(v -> (int) Math.round(v)).toArray();
        return new ProgressMeasures(restricted.steps(), restricted.values(), excluded.values(), keys);
    }

    /** Flat logits (a·p + b, c) as logits[a][b][c]. */
    static double[][][] cube(float[] flat, int p) {
        if (flat.length != p * p * p) {
            throw new IllegalArgumentException(flat.length + " logits are not p³ = " + p * p * p);
        }
        double[][][] logits = new double[p][p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                for (int c = 0; c < p; c++) {
                    logits[a][b][c] = flat[(a * p + b) * p + c];
                }
            }
        }
        return logits;
    }

    private static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
