package ttlab.course.circuits;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ttlab.course.train.Training;
import ttlab.course.train.TrainingParameters;
import ttlab.course.train.TrainingRun;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains several toy models of superposition at once (Elhage et al. 2022), each with its own
 * feature importances and sparsity: the instances are stacked along a first axis, their losses
 * are summed, and Adam (which updates every entry on its own, from that entry's gradient alone)
 * trains each as it would train alone on the same batches: the models do not interact. One run over a whole sweep costs about as much as one model, because the models are tiny
 * and the cost of a step is mostly the engine's per-operation overhead.
 *
 * <p>The loss of instance k is the paper's: the mean over the batch and the n features of
 * I<sub>k,i</sub>(x<sub>i</sub> − x′<sub>i</sub>)², with x′ = ReLU(WᵀWx + b). Each step draws a
 * fresh batch in Java from the seed (x<sub>i</sub> is 0 with probability S<sub>k</sub>, else
 * uniform on [0, 1]), so a seed gives the same batches on any machine.
 */
public final class ToyModelSweep {

    /** One toy model to train: n importances (n is the number of features) and the sparsity S in [0, 1). */
    public record Instance(double[] importance, double sparsity) {
        public Instance {
            if (!(sparsity >= 0 && sparsity < 1)) {
                throw new IllegalArgumentException("sparsity must be in [0, 1), not " + sparsity);
            }
            importance = importance.clone();
        }

        @Override
        public double[] importance() {
            return importance.clone();
        }
    }

    /** The trained weights W (m×n) and biases b (n) of each instance, in order, and the run. */
    public record Result(List<double[][]> weights, List<double[]> biases, TrainingRun run) {
        public double[][] w(int instance) {
            return weights.get(instance);
        }

        public double[] b(int instance) {
            return biases.get(instance);
        }
    }

    private ToyModelSweep() {
    }

    /**
     * Trains every instance with m hidden dimensions for {@code steps} steps of {@code batch}
     * examples; Adam with the learning rate decayed by cosine to a hundredth. W starts from
     * N(0, 2/(m + n)) (Xavier normal, as in the paper), b from 0.
     */
    public static Result train(int m, List<Instance> instances, int steps, int batch, double learningRate, long seed) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no instances to train");
        }
        int n = instances.get(0).importance.length;
        for (Instance instance : instances) {
            if (instance.importance.length != n) {
                throw new IllegalArgumentException("every instance needs the same number of features: " + n
                        + " and " + instance.importance.length);
            }
        }
        int count = instances.size();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingParameters params = new TrainingParameters(manager, seed);
            NDArray w = params.normal("W", new Shape(count, m, n), Math.sqrt(2.0 / (m + n)));
            NDArray b = params.zeros("b", new Shape(count, 1, n));
            NDArray importance = manager.create(flatten(instances, Instance::importance), new Shape(count, 1, n));
            float[] sparsity = new float[count];
            for (int k = 0; k < count; k++) {
                sparsity[k] = (float) instances.get(k).sparsity;
            }
            SplittableRandom data = new SplittableRandom(seed ^ 0x5DEECE66DL);
            Tracker schedule = Tracker.cosine().setBaseValue((float) learningRate)
                    .optFinalValue((float) learningRate / 100).setMaxUpdates(steps).build();
            TrainingRun run = Training.of(params)
                    .optimizer(Optimizer.adam().optLearningRateTracker(schedule).build())
                    .steps(steps).logEvery(Math.max(1, steps / 10))
                    .run(step -> loss(params, manager.create(sparseBatch(data, count, batch, n, sparsity),
                            new Shape(count, batch, n)), importance));
            List<double[][]> weights = new ArrayList<>();
            List<double[]> biases = new ArrayList<>();
            float[] wFlat = w.toFloatArray(), bFlat = b.toFloatArray();
            for (int k = 0; k < count; k++) {
                double[][] wk = new double[m][n];
                double[] bk = new double[n];
                for (int r = 0; r < m; r++) {
                    for (int i = 0; i < n; i++) {
                        wk[r][i] = wFlat[(k * m + r) * n + i];
                    }
                }
                for (int i = 0; i < n; i++) {
                    bk[i] = bFlat[k * n + i];
                }
                weights.add(wk);
                biases.add(bk);
            }
            return new Result(weights, biases, run);
        }
    }

    /**
     * The summed loss of every instance on a batch x (count × batch × n): Σ_k of the
     * importance-weighted squared error averaged over the batch and the features.
     */
    static NDArray loss(TrainingParameters params, NDArray x, NDArray importance) {
        NDArray w = params.get("W"), b = params.get("b");
        NDArray h = x.matMul(w.transpose(0, 2, 1));                          // (count, batch, m)
        NDArray out = Activation.relu(h.matMul(w).add(b));                   // (count, batch, n)
        // Σ_k mean over batch and features = the total sum over (batch · n). A constant array, not
        // a Java number: see TrainingParameters.constant.
        NDArray perInstance = params.constant(1.0 / (x.getShape().get(1) * x.getShape().get(2)));
        return x.sub(out).square().mul(importance).sum().mul(perInstance);
    }

    /** Entry [k][e][i] (flattened): 0 with probability S_k, else uniform on [0, 1]. */
    static float[] sparseBatch(SplittableRandom random, int count, int batch, int n, float[] sparsity) {
        float[] x = new float[count * batch * n];
        int at = 0;
        for (int k = 0; k < count; k++) {
            for (int e = 0; e < batch * n; e++) {
                x[at++] = random.nextDouble() < sparsity[k] ? 0f : (float) random.nextDouble();
            }
        }
        return x;
    }

    private static float[] flatten(List<Instance> instances, java.util.function.Function<Instance, double[]> field) {
        int n = field.apply(instances.get(0)).length;
        float[] flat = new float[instances.size() * n];
        for (int k = 0; k < instances.size(); k++) {
            double[] values = field.apply(instances.get(k));
            for (int i = 0; i < n; i++) {
                flat[k * n + i] = (float) values[i];
            }
        }
        return flat;
    }
}
