package ttlab.course.circuits;

import ttlab.course.attention.Softmax;

import java.util.ArrayList;
import java.util.List;

/**
 * An attention-only transformer in exact arithmetic, written in the QK/OV form of Elhage et al.
 * 2021: each head h of a layer has a d×d bilinear score matrix W<sub>QK</sub> (score of query i on
 * key j is x<sub>i</sub>ᵀW<sub>QK</sub>x<sub>j</sub>) and a d×d map W<sub>OV</sub>; the layer adds
 * Σ<sub>h</sub> Σ<sub>j≤i</sub> A<sup>h</sup><sub>ij</sub> W<sub>OV</sub><sup>h</sup> x<sub>j</sub> to the residual
 * stream x<sub>i</sub> (causal mask, no layer norm, no MLP). Logits are W<sub>U</sub> x<sub>i</sub>.
 * The caller embeds tokens; the model works on residual vectors, so the same class runs a hand-set
 * circuit and the weights read out of a trained model.
 */
public final class AttentionOnlyModel {

    /** One head: its bilinear score matrix and its output-value map, both d×d. */
    public record Head(double[][] qk, double[][] ov) {
    }

    private final int width;
    private final List<List<Head>> layers;
    private final double[][] unembedding;

    /**
     * @param width       d, the residual stream's width
     * @param layers      the heads of each layer, first layer first
     * @param unembedding W<sub>U</sub>, vocabulary × d
     */
    public AttentionOnlyModel(int width, List<List<Head>> layers, double[][] unembedding) {
        this.width = width;
        for (List<Head> layer : layers) {
            for (Head head : layer) {
                requireSquare(head.qk(), width, "W_QK");
                requireSquare(head.ov(), width, "W_OV");
            }
        }
        for (double[] row : unembedding) {
            if (row.length != width) {
                throw new IllegalArgumentException("W_U has rows of length " + row.length + ", the residual width is " + width);
            }
        }
        this.layers = List.copyOf(layers.stream().map(List::copyOf).toList());
        this.unembedding = unembedding;
    }

    /** The heads of each layer, first layer first. */
    public List<List<Head>> layers() {
        return layers;
    }

    /** The result of a forward pass: each layer's attention patterns and the final logits. */
    public record Forward(List<List<double[][]>> patterns, double[][] residual, double[][] logits) {
        /** The pattern of head {@code head} in layer {@code layer}: row i is query i's weights over keys 0..i. */
        public double[][] pattern(int layer, int head) {
            return patterns.get(layer).get(head);
        }
    }

    /** Runs the model on residual vectors x<sub>0</sub>, …, x<sub>n−1</sub> (the embedded sequence). */
    public Forward forward(double[][] embedded) {
        double[][] x = copy(embedded);
        List<List<double[][]>> patterns = new ArrayList<>();
        for (List<Head> layer : layers) {
            double[][] update = new double[x.length][width];
            List<double[][]> layerPatterns = new ArrayList<>();
            for (Head head : layer) {
                double[][] pattern = pattern(head.qk(), x);
                layerPatterns.add(pattern);
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j <= i; j++) {
                        double[] written = multiply(head.ov(), x[j]);
                        for (int k = 0; k < width; k++) {
                            update[i][k] += pattern[i][j] * written[k];
                        }
                    }
                }
            }
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < width; k++) {
                    x[i][k] += update[i][k];
                }
            }
            patterns.add(layerPatterns);
        }
        double[][] logits = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            logits[i] = multiply(unembedding, x[i]);
        }
        return new Forward(patterns, x, logits);
    }

    /** The causal attention pattern of scores x<sub>i</sub>ᵀ W<sub>QK</sub> x<sub>j</sub>, j ≤ i. */
    static double[][] pattern(double[][] qk, double[][] x) {
        double[][] pattern = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            double[] query = multiplyTransposed(qk, x[i]);        // W_QKᵀ x_i, so that score = query · x_j
            double[] scores = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                scores[j] = dot(query, x[j]);
            }
            double[] weights = Softmax.of(scores);
            System.arraycopy(weights, 0, pattern[i], 0, i + 1);
        }
        return pattern;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            out[r] = dot(m[r], v);
        }
        return out;
    }

    private static double[] multiplyTransposed(double[][] m, double[] v) {
        double[] out = new double[m[0].length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < out.length; c++) {
                out[c] += m[r][c] * v[r];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static void requireSquare(double[][] m, int width, String name) {
        if (m.length != width || (width > 0 && m[0].length != width)) {
            throw new IllegalArgumentException(name + " must be " + width + "×" + width + ", not "
                    + m.length + "×" + (m.length == 0 ? 0 : m[0].length));
        }
    }
}
