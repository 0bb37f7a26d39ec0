package ttlab.course.circuits;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ttlab.course.train.TrainingParameters;

import static ttlab.course.Matrices.multiply;
import static ttlab.course.Matrices.scale;
import static ttlab.course.Matrices.transpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small attention-only transformer trained with DJL: token and learned positional embeddings,
 * {@code layers} layers of {@code heads} causal softmax heads added to the residual stream, an
 * unembedding; no layer norm, no MLP, so that every path through it can be read off the weights
 * (Elhage et al. 2021). Row-vector convention: a head computes softmax(x W<sub>Q</sub> (x W<sub>K</sub>)ᵀ/√d<sub>h</sub>) x W<sub>V</sub> W<sub>O</sub>.
 * {@link #exact()} gives the same model in double precision in QK/OV form, for analysis.
 */
public final class AttentionOnlyTransformer {

    private final TrainingParameters params;
    private final int vocab, length, width, layers, heads, headWidth;
    private final NDArray mask;

    /**
     * Creates the parameters in {@code params} (embeddings with standard deviation 1; W<sub>Q</sub>,
     * W<sub>K</sub>, W<sub>V</sub> and W<sub>U</sub> 1/√width; W<sub>O</sub> 1/√headWidth) for sequences of
     * at most {@code length} tokens.
     */
    public AttentionOnlyTransformer(TrainingParameters params, int vocab, int length, int width, int layers, int heads, int headWidth) {
        this.params = params;
        this.vocab = vocab;
        this.length = length;
        this.width = width;
        this.layers = layers;
        this.heads = heads;
        this.headWidth = headWidth;
        double std = 1 / Math.sqrt(width);
        params.normal("W_E", new Shape(vocab, width), 1.0);
        params.normal("W_pos", new Shape(length, width), 1.0);
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                params.normal(name(l, h, "W_Q"), new Shape(width, headWidth), std);
                params.normal(name(l, h, "W_K"), new Shape(width, headWidth), std);
                params.normal(name(l, h, "W_V"), new Shape(width, headWidth), std);
                params.normal(name(l, h, "W_O"), new Shape(headWidth, width), 1 / Math.sqrt(headWidth));
            }
        }
        params.normal("W_U", new Shape(width, vocab), std);
        float[] causal = new float[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                // A key after the query gets weight exp(−10⁴) = 0 in float. (With −10⁹ here, training
                // runs ended in NaN losses after a few hundred steps.)
                causal[i * length + j] = -1e4f;
            }
        }
        mask = params.manager().create(causal, new Shape(length, length));
    }

    /** The logits (batch × positions × vocab) for a batch of token sequences (batch × positions, int). */
    public NDArray logits(NDArray tokens) {
        int n = (int) tokens.getShape().get(1);
        NDArray x = tokens.oneHot(vocab).matMul(params.get("W_E"))
                .add(params.get("W_pos").get(":" + n + ", :"));
        NDArray causal = mask.get(":" + n + ", :" + n);
        NDArray scale = params.constant(1 / Math.sqrt(headWidth));   // an array, never a Java number: see constant()
        for (int l = 0; l < layers; l++) {
            NDArray update = null;
            for (int h = 0; h < heads; h++) {
                NDArray q = x.matMul(params.get(name(l, h, "W_Q")));
                NDArray k = x.matMul(params.get(name(l, h, "W_K")));
                NDArray v = x.matMul(params.get(name(l, h, "W_V")));
                NDArray pattern = q.matMul(k.transpose(0, 2, 1)).mul(scale).add(causal).softmax(2);
                NDArray out = pattern.matMul(v).matMul(params.get(name(l, h, "W_O")));
                update = update == null ? out : update.add(out);
            }
            x = x.add(update);                                 // every head of a layer reads the same x
        }
        return x.matMul(params.get("W_U"));
    }

    /** Mean cross-entropy of each next token, over positions 0..n−2 of every sequence. */
    public NDArray loss(NDArray tokens) {
        return positionLosses(tokens).mean();
    }

    /** Cross-entropy of the next token at each position (batch × (n−1)). */
    public NDArray positionLosses(NDArray tokens) {
        long n = tokens.getShape().get(1);
        NDArray logProbabilities = logits(tokens).get(":, :" + (n - 1) + ", :").logSoftmax(2);
        NDArray targets = tokens.get(":, 1:").oneHot(vocab);
        return logProbabilities.mul(targets).sum(new int[]{2}).neg();
    }

    /**
     * Mean cross-entropy over the copyable positions only ({@link RepeatedSequences#copyable}: the
     * current token occurred before, so induction predicts the next one); the loss that shows
     * whether the model copies.
     */
    public NDArray copyableLoss(NDArray tokens) {
        int batch = (int) tokens.getShape().get(0), n = (int) tokens.getShape().get(1);
        int[] flat = tokens.toType(DataType.INT32, false).toIntArray();
        float[] mask = new float[batch * (n - 1)];
        for (int b = 0; b < batch; b++) {
            boolean[] copyable = RepeatedSequences.copyable(java.util.Arrays.copyOfRange(flat, b * n, (b + 1) * n));
            for (int i = 0; i < n - 1; i++) {
                mask[b * (n - 1) + i] = copyable[i] ? 1 : 0;
            }
        }
        NDArray weights = tokens.getManager().create(mask, new Shape(batch, n - 1));
        return positionLosses(tokens).mul(weights).sum().div(weights.sum());
    }

    /** A batch of repeated-segment sequences ({@link RepeatedSequences}) as an int array. */
    public NDArray batch(NDManager manager, Random random, int size, int minSegment, int maxSegment) {
        int[] flat = new int[size * length];
        for (int b = 0; b < size; b++) {
            System.arraycopy(RepeatedSequences.sample(random, vocab, length, minSegment, maxSegment), 0, flat, b * length, length);
        }
        return manager.create(flat, new Shape(size, length));
    }

    /**
     * The trained model in double precision and QK/OV form: W<sub>QK</sub> = W<sub>Q</sub>W<sub>K</sub>ᵀ/√d<sub>h</sub>,
     * W<sub>OV</sub> = (W<sub>V</sub>W<sub>O</sub>)ᵀ (column convention), W<sub>U</sub>ᵀ. Its forward pass on
     * {@link #embed} gives the same patterns and logits as {@link #logits}, up to float rounding.
     */
    public AttentionOnlyModel exact() {
        List<List<AttentionOnlyModel.Head>> all = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            List<AttentionOnlyModel.Head> layer = new ArrayList<>();
            for (int h = 0; h < heads; h++) {
                double[][] qk = scale(multiply(matrix(l, h, "W_Q"), transpose(matrix(l, h, "W_K"))), 1 / Math.sqrt(headWidth));
                double[][] ov = transpose(multiply(matrix(l, h, "W_V"), matrix(l, h, "W_O")));
                layer.add(new AttentionOnlyModel.Head(qk, ov));
            }
            all.add(layer);
        }
        return new AttentionOnlyModel(width, all, transpose(params.matrix("W_U")));
    }

    /** The residual stream after embedding: W<sub>E</sub>[t<sub>i</sub>] + W<sub>pos</sub>[i], in double. */
    public double[][] embed(int[] tokens) {
        double[][] wE = params.matrix("W_E"), wPos = params.matrix("W_pos");
        double[][] x = new double[tokens.length][width];
        for (int i = 0; i < tokens.length; i++) {
            for (int d = 0; d < width; d++) {
                x[i][d] = wE[tokens[i]][d] + wPos[i][d];
            }
        }
        return x;
    }

    /**
     * The full OV circuit of a head, vocab × vocab in the column convention: M = W<sub>U</sub>ᵀ (W<sub>V</sub>W<sub>O</sub>)ᵀ W<sub>E</sub>ᵀ,
     * so that M[c][t] is how much attending to token t raises the logit of c. Its copying score is
     * {@link HeadScores#copyingScore}.
     */
    public double[][] ovCircuit(int layer, int head) {
        double[][] rowForm = multiply(multiply(multiply(params.matrix("W_E"), matrix(layer, head, "W_V")),
                matrix(layer, head, "W_O")), params.matrix("W_U"));       // W_E W_V W_O W_U: row t is what token t writes
        return transpose(rowForm);
    }

    public int layers() {
        return layers;
    }

    public int heads() {
        return heads;
    }

    public int length() {
        return length;
    }

    public int vocab() {
        return vocab;
    }

    /** A parameter's name: {@code L0.H1.W_Q} is layer 0, head 1's query map. */
    public static String name(int layer, int head, String matrix) {
        return "L" + layer + ".H" + head + "." + matrix;
    }

    private double[][] matrix(int layer, int head, String matrix) {
        return params.matrix(name(layer, head, matrix));
    }
}
