package ttlab.course.circuits;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ttlab.course.train.TrainingParameters;

/**
 * The one-layer transformer of Nanda et al. (2023, Section 3) on DJL: token and learned positional
 * embeddings, one attention layer of {@code heads} heads, a ReLU MLP, an unembedding to the p
 * answers; no layer norm, embedding and unembedding not tied. Row-vector convention.
 *
 * <p>Only the logits at the last position ("=") are used, so only they are computed: the keys and
 * values need every position, but the query, the attention output, the MLP and the unembedding are
 * evaluated at the last position alone. For one layer this is exact (no later layer reads the
 * other positions), and the MLP and unembedding, the largest products, run on one position in three.
 */
public final class ModularAdditionTransformer {

    private final TrainingParameters params;
    private final int p, width, heads, headWidth, mlpWidth;
    /**
     * 1/√headWidth as an array ({@link TrainingParameters#constant}), never a Java number: runs of
     * this model that divided by a Java number ended in NaN losses at random steps (after 54 to 870
     * steps in four of four runs); with the factor held as an array, none did.
     */
    private final NDArray scoreScale;

    /**
     * Creates the parameters in {@code params}, initialized as in the paper's code: W_E, W_pos,
     * W_Q, W_K, W_V, W_O, W_in, W_out with standard deviation 1/√width, W_U 1/√(p+1), biases zero.
     * W_Q, W_K, W_V are width × (heads·headWidth), head h owning columns h·headWidth.. .
     */
    public ModularAdditionTransformer(TrainingParameters params, int p, int width, int heads, int mlpWidth) {
        this(params, p, width, heads, mlpWidth, true);
    }

    /** The model over parameters that exist already (a checkpoint's), with the shapes they have. */
    public static ModularAdditionTransformer restore(TrainingParameters params, int heads) {
        Shape embedding = params.get("W_E").getShape(), mlp = params.get("W_in").getShape();
        return new ModularAdditionTransformer(params, (int) embedding.get(0) - 1, (int) embedding.get(1), heads, (int) mlp.get(1), false);
    }

    private ModularAdditionTransformer(TrainingParameters params, int p, int width, int heads, int mlpWidth, boolean create) {
        if (width % heads != 0) {
            throw new IllegalArgumentException("the width " + width + " must be a multiple of the number of heads " + heads);
        }
        this.params = params;
        this.p = p;
        this.width = width;
        this.heads = heads;
        this.headWidth = width / heads;
        this.mlpWidth = mlpWidth;
        this.scoreScale = params.constant(1 / Math.sqrt(headWidth));
        if (create) {
            double std = 1 / Math.sqrt(width);
            params.normal("W_E", new Shape(p + 1, width), std);
            params.normal("W_pos", new Shape(3, width), std);
            params.normal("W_Q", new Shape(width, width), std);
            params.normal("W_K", new Shape(width, width), std);
            params.normal("W_V", new Shape(width, width), std);
            params.normal("W_O", new Shape(width, width), std);
            params.normal("W_in", new Shape(width, mlpWidth), std);
            params.zeros("b_in", new Shape(mlpWidth));
            params.normal("W_out", new Shape(mlpWidth, width), std);
            params.zeros("b_out", new Shape(width));
            params.normal("W_U", new Shape(width, p), 1 / Math.sqrt(p + 1));
        }
    }

    /** The logits of the p answers at the last position, (inputs × p), for token sequences (inputs × 3). */
    public NDArray logits(NDArray tokens) {
        long n = tokens.getShape().get(0);
        NDArray x = tokens.oneHot(p + 1).matMul(params.get("W_E")).add(params.get("W_pos"));      // n × 3 × width
        NDArray last = x.get(":, 2, :");                                                            // n × width
        NDArray q = last.matMul(params.get("W_Q")).reshape(n, heads, 1, headWidth);
        NDArray k = x.matMul(params.get("W_K")).reshape(n, 3, heads, headWidth).transpose(0, 2, 3, 1);
        NDArray v = x.matMul(params.get("W_V")).reshape(n, 3, heads, headWidth).transpose(0, 2, 1, 3);
        // The last position may attend to all three, so the causal mask removes nothing here.
        NDArray pattern = q.matMul(k).mul(scoreScale).softmax(3);                        // n × heads × 1 × 3
        NDArray attended = pattern.matMul(v).reshape(n, width);                                     // heads side by side
        NDArray residual = last.add(attended.matMul(params.get("W_O")));
        NDArray hidden = Activation.relu(residual.matMul(params.get("W_in")).add(params.get("b_in")));  // no Java number (see scoreScale)
        residual = residual.add(hidden.matMul(params.get("W_out")).add(params.get("b_out")));
        return residual.matMul(params.get("W_U"));
    }

    /**
     * Mean cross-entropy of the answers, in float32. (Nanda et al. take it in float64: in float32 the
     * loss of a memorized example rounds to 0 once its margin passes about 17, but the gradient,
     * softmax minus one-hot, does not, so training goes on.)
     */
    public NDArray loss(NDArray tokens, NDArray answers) {
        return logits(tokens).logSoftmax(1).mul(answers.oneHot(p)).sum(new int[]{1}).neg().mean();
    }

    /**
     * The logits of every input as {@code logits[a][b][c]} (the layout {@link ModularFourier}
     * reads), computed without gradients on arrays that are closed at once.
     */
    public double[][][] allLogits(ModularAddition task) {
        return ProgressMeasures.cube(allLogitsFlat(task), p);
    }

    /** The same logits, row-major over (input a·p + b, answer c), in float. */
    public float[] allLogitsFlat(ModularAddition task) {
        if (task.p() != p) {
            throw new IllegalArgumentException("the task is mod " + task.p() + ", the model mod " + p);
        }
        try (NDManager scratch = params.manager().newSubManager()) {
            return logits(task.tokens(scratch, task.all())).toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /** The token embeddings of 0..p−1 (the rows of W_E without "="), in double: the input of the DFT. */
    public double[][] embedding() {
        double[][] all = params.matrix("W_E");
        return java.util.Arrays.copyOf(all, p);
    }

    /** Σ‖W‖² over every parameter: what weight decay shrinks. */
    public double squaredWeightNorm() {
        double sum = 0;
        for (NDArray w : params.all().values()) {
            for (float v : w.toType(DataType.FLOAT32, false).toFloatArray()) {
                sum += (double) v * v;
            }
        }
        return sum;
    }

    public TrainingParameters parameters() {
        return params;
    }

    public int p() {
        return p;
    }

    public int width() {
        return width;
    }

    public int heads() {
        return heads;
    }

    public int mlpWidth() {
        return mlpWidth;
    }
}
