package ttlab.course.icl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ttlab.course.train.TrainingParameters;

import java.util.List;
import java.util.Random;

/**
 * A stack of linear self-attention layers with every matrix free (W_K, W_Q, W_V and P per layer),
 * as DJL parameters, so that it can be trained with {@link ttlab.course.train.Training}. The
 * forward pass is the batched form of {@link LinearSelfAttention#apply}: for tokens E (batch ×
 * (N+1) × (d+1)), E ← E + (1/N) Sᵀ V with V = E_ctx W_Vᵀ Pᵀ and S = (E_ctx W_Kᵀ)(E W_Qᵀ)ᵀ; the
 * prediction is minus the query's y-slot.
 */
public final class TrainableLsa {

    private final TrainingParameters params;
    private final int d;
    private final int layers;

    /** Creates the parameters "W_K.l", "W_Q.l", "W_V.l", "P.l" for l = 0..layers−1, each N(0, std²). */
    public TrainableLsa(TrainingParameters params, int d, int layers, double std) {
        if (d < 1 || layers < 1) {
            throw new IllegalArgumentException("need d ≥ 1 and at least one layer, got d = " + d + ", layers = " + layers);
        }
        this.params = params;
        this.d = d;
        this.layers = layers;
        Shape square = new Shape(d + 1, d + 1);
        for (int l = 0; l < layers; l++) {
            for (String m : new String[]{"W_K", "W_Q", "W_V", "P"}) {
                params.normal(m + "." + l, square, std);
            }
        }
    }

    /** The predictions ŷ (one per task) for tokens of shape (batch, N + 1, d + 1). */
    public NDArray predict(NDArray tokens, int n) {
        NDArray e = tokens;
        NDArray perContextToken = params.constant(1.0 / n);  // arrays, never Java numbers: see TrainingParameters.constant
        for (int l = 0; l < layers; l++) {
            NDArray context = e.get(":, 0:" + n + ", :");
            NDArray keys = context.matMul(params.get("W_K." + l).transpose());
            NDArray queries = e.matMul(params.get("W_Q." + l).transpose());
            NDArray values = context.matMul(params.get("W_V." + l).transpose()).matMul(params.get("P." + l).transpose());
            NDArray scores = keys.matMul(queries.transpose(0, 2, 1));
            e = e.add(scores.transpose(0, 2, 1).matMul(values).mul(perContextToken));
        }
        return e.get(":, " + n + ", " + d).neg();
    }

    /** The mean over the batch of ½(ŷ − y_q)². */
    public NDArray loss(Batch batch) {
        return predict(batch.tokens(), batch.contextSize()).sub(batch.targets()).square().mean().mul(params.constant(0.5));
    }

    /** Layer l's trained weights read back as a {@link LinearSelfAttention} in double. */
    public LinearSelfAttention layer(int l) {
        return new LinearSelfAttention(params.matrix("W_K." + l), params.matrix("W_Q." + l),
                params.matrix("W_V." + l), params.matrix("P." + l));
    }

    /** Sets layer l's weights to those of {@code layer} (e.g. a construction), as float32. */
    public void load(int l, LinearSelfAttention layer) {
        double[][][] matrices = {layer.keys(), layer.queries(), layer.values(), layer.projection()};
        String[] names = {"W_K", "W_Q", "W_V", "P"};
        for (int m = 0; m < 4; m++) {
            if (matrices[m].length != d + 1) {
                throw new IllegalArgumentException(names[m] + " is " + matrices[m].length + " wide, this model's layers are " + (d + 1));
            }
            float[] flat = new float[(d + 1) * (d + 1)];
            for (int i = 0; i <= d; i++) {
                for (int j = 0; j <= d; j++) {
                    flat[i * (d + 1) + j] = (float) matrices[m][i][j];
                }
            }
            params.get(names[m] + "." + l).set(flat);
        }
    }

    public int layers() {
        return layers;
    }

    /** Tasks as arrays: tokens (batch, N + 1, d + 1) and targets (batch). */
    public record Batch(NDArray tokens, NDArray targets, int contextSize) {

        /** {@code size} fresh tasks of dimension d with n pairs, x ~ U(−a, a)^d, w ~ N(0, I). */
        public static Batch sample(NDManager manager, int size, int d, int n, double a, Random random) {
            double[] scales = new double[d];
            java.util.Arrays.fill(scales, a);
            return sample(manager, size, scales, n, random);
        }

        /** {@code size} fresh tasks whose coordinate k is uniform on (−scales[k], scales[k]). */
        public static Batch sample(NDManager manager, int size, double[] scales, int n, Random random) {
            List<RegressionTask> tasks = new java.util.ArrayList<>();
            for (int b = 0; b < size; b++) {
                tasks.add(RegressionTask.sample(scales, n, random));
            }
            return of(manager, tasks);
        }

        /** The given tasks, which must share d and N. */
        public static Batch of(NDManager manager, List<RegressionTask> tasks) {
            int n = tasks.get(0).size();
            int width = tasks.get(0).dimension() + 1;
            float[] flat = new float[tasks.size() * (n + 1) * width];
            float[] targets = new float[tasks.size()];
            int at = 0;
            for (int b = 0; b < tasks.size(); b++) {
                RegressionTask task = tasks.get(b);
                if (task.size() != n || task.dimension() + 1 != width) {
                    throw new IllegalArgumentException("task " + b + " has N = " + task.size() + ", d = " + task.dimension()
                            + "; the first has N = " + n + ", d = " + (width - 1));
                }
                for (double[] row : LinearSelfAttention.tokens(task)) {
                    for (double v : row) {
                        flat[at++] = (float) v;
                    }
                }
                targets[b] = (float) task.target();
            }
            return new Batch(manager.create(flat, new Shape(tasks.size(), n + 1, width)), manager.create(targets), n);
        }
    }
}
