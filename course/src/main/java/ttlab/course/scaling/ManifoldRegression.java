package ttlab.course.scaling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ttlab.course.train.Training;
import ttlab.course.train.TrainingParameters;
import ttlab.course.train.TrainingRun;

import java.util.Random;

/**
 * The experiment behind alpha ≈ 4/d (Sharma & Kaplan 2020): a smooth teacher function of the
 * latent coordinates u in [0,1]^d, observed through a curved embedding x = phi(u) in R^ambient; a
 * one-hidden-layer ReLU network of growing width regresses it from x; the test loss against the
 * parameter count gives the exponent. Training uses the course's training loop.
 */
public final class ManifoldRegression {

    /** A d-dimensional data manifold in R^ambient with a teacher on it; the embedding and teacher are fixed by the seed. */
    public static final class Task {
        final int d;
        final int ambient;
        private final double[][] embeddingW;
        private final double[] embeddingB;
        private final double[][] teacherW;
        private final double[] teacherB;
        private final double[] teacherA;

        /** The embedding x_k = sin(w_k . u + b_k) with w_k ~ N(0, I); the teacher sum_j a_j sin(v_j . u + c_j), 8 terms, v_j ~ N(0, 4 I). */
        public Task(int d, int ambient, long seed) {
            if (d < 1 || ambient < d) {
                throw new IllegalArgumentException("need 1 <= d <= ambient, not d = " + d + ", ambient = " + ambient);
            }
            this.d = d;
            this.ambient = ambient;
            Random random = new Random(seed);
            embeddingW = gaussian(random, ambient, d, 1);
            embeddingB = uniformPhases(random, ambient);
            int terms = 8;
            teacherW = gaussian(random, terms, d, 2);
            teacherB = uniformPhases(random, terms);
            teacherA = new double[terms];
            for (int j = 0; j < terms; j++) {
                teacherA[j] = random.nextGaussian() / Math.sqrt(terms);
            }
        }

        public int dimension() {
            return d;
        }

        /** n points: rows of x (ambient) and the teacher's values y, u uniform in [0,1]^d from the seed. */
        public double[][][] sample(int n, long seed) {
            Random random = new Random(seed);
            double[][] x = new double[n][ambient];
            double[][] y = new double[n][1];
            for (int i = 0; i < n; i++) {
                double[] u = new double[d];
                for (int k = 0; k < d; k++) {
                    u[k] = random.nextDouble();
                }
                for (int k = 0; k < ambient; k++) {
                    x[i][k] = Math.sin(dot(embeddingW[k], u) + embeddingB[k]);
                }
                for (int j = 0; j < teacherA.length; j++) {
                    y[i][0] += teacherA[j] * Math.sin(dot(teacherW[j], u) + teacherB[j]);
                }
            }
            return new double[][][]{x, y};
        }
    }

    /** One trained network: its width, parameter count, final test loss and the training run. */
    public record Result(int width, long parameters, double testLoss, TrainingRun run) {
    }

    private ManifoldRegression() {
    }

    /** The network's outputs for inputs {@code in} (rows): ReLU(in·W1 + b1)·W2 + b2. */
    static NDArray predict(TrainingParameters params, NDArray in) {
        return Activation.relu(in.matMul(params.get("W1")).add(params.get("b1"))).matMul(params.get("W2")).add(params.get("b2"));
    }

    /**
     * Trains a ReLU network ambient -> width -> 1 on the training set (full batch, Adam, learning rate
     * decayed by cosine from {@code learningRate}) and returns its mean squared error on the test set.
     */
    public static Result train(double[][][] trainSet, double[][][] testSet, int width, int steps, float learningRate, long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            int ambient = trainSet[0][0].length;
            NDArray x = manager.create(toFloat(trainSet[0])), y = manager.create(toFloat(trainSet[1]));
            NDArray xTest = manager.create(toFloat(testSet[0])), yTest = manager.create(toFloat(testSet[1]));
            TrainingParameters params = new TrainingParameters(manager, seed);
            params.normal("W1", new Shape(ambient, width), Math.sqrt(2.0 / ambient));
            params.zeros("b1", new Shape(width));
            params.normal("W2", new Shape(width, 1), Math.sqrt(1.0 / width));
            params.zeros("b2", new Shape(1));
            java.util.function.Function<NDArray, NDArray> net = in -> predict(params, in);
            Tracker schedule = Tracker.cosine().setBaseValue(learningRate).optFinalValue(learningRate / 100).setMaxUpdates(steps).build();
            TrainingRun run = Training.of(params)
                    .optimizer(Optimizer.adam().optLearningRateTracker(schedule).build())
                    .steps(steps).logEvery(Math.max(1, steps / 4))
                    .run(step -> net.apply(x).sub(y).square().mean());
            double testLoss = net.apply(xTest).sub(yTest).square().mean().getFloat();
            return new Result(width, params.count(), testLoss, run);
        }
    }

    private static float[][] toFloat(double[][] a) {
        float[][] f = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            f[i] = new float[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                f[i][j] = (float) a[i][j];
            }
        }
        return f;
    }

    private static double[][] gaussian(Random random, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
        return m;
    }

    private static double[] uniformPhases(Random random, int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 2 * Math.PI * random.nextDouble();
        }
        return b;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
