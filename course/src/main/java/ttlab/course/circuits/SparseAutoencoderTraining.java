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

import java.util.SplittableRandom;

/**
 * Trains the sparse autoencoder of {@link SparseAutoencoder} (Bricken et al. 2023) on DJL, on
 * minibatches drawn from a fixed set of activations.
 *
 * <p>The decoder rows are kept at unit norm by writing each as d<sub>j</sub> = D<sub>j</sub>/‖D<sub>j</sub>‖
 * of a free parameter D: the loss sees only unit rows, so the L1 penalty cannot be dodged by
 * shrinking f and growing the decoder, and the gradient reaching D is the gradient with respect to
 * d<sub>j</sub> with its component along d<sub>j</sub> removed (divided by ‖D<sub>j</sub>‖), which is
 * what the paper's renormalize-after-each-step does to first order. The loss is the mean over the
 * batch of ‖x − x̂‖² + λ‖f‖₁, exactly {@link SparseAutoencoder#loss}.
 */
public final class SparseAutoencoderTraining {

    /** The trained autoencoder (decoder rows of unit norm) and the run. */
    public record Result(SparseAutoencoder.Parameters sae, TrainingRun run) {
    }

    private SparseAutoencoderTraining() {
    }

    /**
     * Trains {@code latents} latents on the rows of {@code activations} for {@code steps} Adam
     * steps of {@code batch} rows drawn with replacement (learning rate decayed by cosine to a
     * tenth). The decoder starts from random unit rows, the encoder from the decoder's transpose
     * (so every latent starts out reading its own direction), b<sub>enc</sub> from 0 and
     * b<sub>dec</sub> from the mean activation.
     */
    public static Result train(double[][] activations, int latents, double lambda, int steps, int batch,
                               double learningRate, long seed) {
        int m = activations[0].length;
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingParameters params = new TrainingParameters(manager, seed);
            float[] decoderStart = unitRows(new SplittableRandom(seed), latents, m);
            NDArray decoder = params.of("decoder", new Shape(latents, m), decoderStart);
            NDArray encoder = params.of("encoder", new Shape(latents, m), decoderStart.clone());
            NDArray encoderBias = params.zeros("encoder bias", new Shape(latents));
            NDArray decoderBias = params.of("decoder bias", new Shape(m), mean(activations));
            float[] all = flatten(activations);
            SplittableRandom rows = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
            Tracker schedule = Tracker.cosine().setBaseValue((float) learningRate)
                    .optFinalValue((float) learningRate / 10).setMaxUpdates(steps).build();
            TrainingRun run = Training.of(params)
                    .optimizer(Optimizer.adam().optLearningRateTracker(schedule).build())
                    .steps(steps).logEvery(Math.max(1, steps / 10))
                    .run(step -> loss(params, manager.create(sample(rows, all, activations.length, m, batch),
                            new Shape(batch, m)), lambda));
            NDArray unit = decoder.div(decoder.norm(new int[]{1}, true));
            double[][] unitRows = toMatrix(unit.toFloatArray(), latents, m);
            for (double[] row : unitRows) {                 // exactly unit in double, not only in float
                double norm = Math.sqrt(ttlab.course.Vectors.dot(row, row));
                for (int d = 0; d < m; d++) {
                    row[d] /= norm;
                }
            }
            SparseAutoencoder.Parameters sae = new SparseAutoencoder.Parameters(params.matrix("encoder"),
                    toDoubles(encoderBias.toFloatArray()), unitRows, toDoubles(decoderBias.toFloatArray()));
            return new Result(sae, run);
        }
    }

    /** The mean over the rows of x of ‖x − x̂‖² + λ‖f‖₁, the decoder's rows taken at unit norm. */
    static NDArray loss(TrainingParameters params, NDArray x, double lambda) {
        NDArray decoder = params.get("decoder"), decoderBias = params.get("decoder bias");
        NDArray unit = decoder.div(decoder.norm(new int[]{1}, true));
        NDArray f = Activation.relu(x.sub(decoderBias).matMul(params.get("encoder").transpose()).add(params.get("encoder bias")));
        NDArray xHat = f.matMul(unit).add(decoderBias);
        // λ as an array, not a Java number: see TrainingParameters.constant.
        NDArray perExample = x.sub(xHat).square().sum(new int[]{1}).add(f.sum(new int[]{1}).mul(params.constant(lambda)));
        return perExample.mean();
    }

    private static float[] unitRows(SplittableRandom random, int rows, int cols) {
        float[] out = new float[rows * cols];
        for (int j = 0; j < rows; j++) {
            double[] v = new double[cols];
            double norm = 0;
            for (int d = 0; d < cols; d++) {
                v[d] = random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < cols; d++) {
                out[j * cols + d] = (float) (v[d] / Math.sqrt(norm));
            }
        }
        return out;
    }

    private static float[] sample(SplittableRandom random, float[] all, int count, int m, int batch) {
        float[] x = new float[batch * m];
        for (int e = 0; e < batch; e++) {
            System.arraycopy(all, random.nextInt(count) * m, x, e * m, m);
        }
        return x;
    }

    private static float[] mean(double[][] rows) {
        float[] mean = new float[rows[0].length];
        for (int d = 0; d < mean.length; d++) {
            double sum = 0;
            for (double[] row : rows) {
                sum += row[d];
            }
            mean[d] = (float) (sum / rows.length);
        }
        return mean;
    }

    private static float[] flatten(double[][] rows) {
        int m = rows[0].length;
        float[] flat = new float[rows.length * m];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != m) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " entries, not " + m);
            }
            for (int d = 0; d < m; d++) {
                flat[i * m + d] = (float) rows[i][d];
            }
        }
        return flat;
    }

    private static double[][] toMatrix(float[] flat, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = flat[i * cols + j];
            }
        }
        return out;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
