package ttlab.course.scaling;

import java.util.Random;

/**
 * A small multilayer perceptron (linear layers without biases, ReLU between them, squared-error
 * loss) whose forward and backward passes are computed in plain Java and count every multiply-add
 * of their matrix products, to check C = 6ND against a real pass rather than a formula.
 *
 * <p>Per token and layer of W (in x out): the forward pass does in*out multiply-adds (y = x W);
 * the backward pass does in*out for the weight gradient (x^T dy) and in*out for the input gradient
 * (dy W^T), except at the first layer, whose input is data and needs no gradient. The ReLUs and
 * the loss are O(width) per token, not O(N), and are not counted.
 */
public final class CountingMlp {

    /** What one pass did: its multiply-adds, the loss, and the weight gradients (same shapes as the weights). */
    public record Pass(long forwardMultiplyAdds, long backwardMultiplyAdds, double loss, double[][][] gradients) {
        /** Floating-point operations: two per multiply-add. */
        public long forwardFlops() {
            return 2 * forwardMultiplyAdds;
        }

        public long backwardFlops() {
            return 2 * backwardMultiplyAdds;
        }
    }

    private final double[][][] weights;

    /** Layers of widths[0] -> widths[1] -> ... -> widths[last], weights N(0, 1/in) from the seed. */
    public CountingMlp(int[] widths, long seed) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output width");
        }
        Random random = new Random(seed);
        weights = new double[widths.length - 1][][];
        for (int l = 0; l < weights.length; l++) {
            if (widths[l] < 1 || widths[l + 1] < 1) {
                throw new IllegalArgumentException("widths must be positive: " + java.util.Arrays.toString(widths));
            }
            weights[l] = new double[widths[l]][widths[l + 1]];
            for (double[] row : weights[l]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextGaussian() / Math.sqrt(widths[l]);
                }
            }
        }
    }

    /** N: the number of weights. */
    public long parameters() {
        long n = 0;
        for (double[][] w : weights) {
            n += (long) w.length * w[0].length;
        }
        return n;
    }

    /** The weights of the first layer, which the backward pass needs no input gradient for. */
    public long firstLayerParameters() {
        return (long) weights[0].length * weights[0][0].length;
    }

    /** The weight matrices (not copies: a finite-difference check may nudge them). */
    public double[][][] weights() {
        return weights;
    }

    /** Loss 1/2 sum (y - target)^2 over the tokens (rows of x), its weight gradients, and the counts. */
    public Pass forwardBackward(double[][] x, double[][] target) {
        int layers = weights.length;
        long forward = 0, backward = 0;
        double[][][] activations = new double[layers + 1][][]; // input of each layer, post-ReLU
        double[][][] preActivations = new double[layers][][];
        activations[0] = x;
        for (int l = 0; l < layers; l++) {
            preActivations[l] = new double[x.length][];
            activations[l + 1] = new double[x.length][];
            for (int t = 0; t < x.length; t++) {
                double[] z = new double[weights[l][0].length];
                for (int i = 0; i < weights[l].length; i++) {
                    for (int j = 0; j < z.length; j++) {
                        z[j] += activations[l][t][i] * weights[l][i][j];
                        forward++;
                    }
                }
                preActivations[l][t] = z;
                activations[l + 1][t] = l == layers - 1 ? z : relu(z);
            }
        }
        double loss = 0;
        double[][] delta = new double[x.length][]; // dLoss / d(pre-activation of the current layer)
        for (int t = 0; t < x.length; t++) {
            delta[t] = new double[target[t].length];
            for (int j = 0; j < delta[t].length; j++) {
                double r = activations[layers][t][j] - target[t][j];
                loss += 0.5 * r * r;
                delta[t][j] = r;
            }
        }
        double[][][] gradients = new double[layers][][];
        for (int l = layers - 1; l >= 0; l--) {
            double[][] w = weights[l];
            gradients[l] = new double[w.length][w[0].length];
            for (int t = 0; t < x.length; t++) {
                for (int i = 0; i < w.length; i++) {
                    for (int j = 0; j < w[0].length; j++) {
                        gradients[l][i][j] += activations[l][t][i] * delta[t][j];
                        backward++;
                    }
                }
            }
            if (l == 0) {
                break; // the input is data: no gradient needed
            }
            double[][] previous = new double[x.length][w.length];
            for (int t = 0; t < x.length; t++) {
                for (int i = 0; i < w.length; i++) {
                    double s = 0;
                    for (int j = 0; j < w[0].length; j++) {
                        s += delta[t][j] * w[i][j];
                        backward++;
                    }
                    previous[t][i] = preActivations[l - 1][t][i] > 0 ? s : 0;
                }
            }
            delta = previous;
        }
        return new Pass(forward, backward, loss, gradients);
    }

    private static double[] relu(double[] z) {
        double[] r = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            r[i] = Math.max(0, z[i]);
        }
        return r;
    }
}
