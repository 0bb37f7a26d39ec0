package ttlab.course.icl;

import ttlab.course.Matrices;
import ttlab.course.Vectors;

/**
 * One layer of linear self-attention (no softmax, no 1/√d) over tokens eⱼ = (xⱼ, yⱼ) ∈ ℝ^{d+1}:
 *
 * <pre>  eⱼ ← eⱼ + (1/N) P W_V Σᵢ eᵢ (W_K eᵢ)ᵀ (W_Q eⱼ)</pre>
 *
 * where i runs over the N context tokens only (the query (x_q, 0) is updated but is not a key),
 * as in von Oswald et al. 2023. All four matrices are (d+1)×(d+1).
 */
public record LinearSelfAttention(double[][] keys, double[][] queries, double[][] values, double[][] projection) {

    public LinearSelfAttention {
        int n = keys.length;
        for (double[][] m : new double[][][]{keys, queries, values, projection}) {
            if (m.length != n || m[0].length != n) {
                throw new IllegalArgumentException("W_K, W_Q, W_V and P must all be square of one size, got "
                        + Matrices.shape(keys) + ", " + Matrices.shape(queries) + ", "
                        + Matrices.shape(values) + ", " + Matrices.shape(projection));
            }
        }
    }

    /**
     * The tokens after this layer: a new array; {@code tokens} has N context rows followed by any
     * number of query rows, and only the first {@code contextSize} rows are attended to.
     */
    public double[][] apply(double[][] tokens, int contextSize) {
        if (contextSize < 1 || contextSize > tokens.length) {
            throw new IllegalArgumentException("contextSize must be in 1.." + tokens.length + ", got " + contextSize);
        }
        if (tokens[0].length != keys.length) {
            throw new IllegalArgumentException("tokens have width " + tokens[0].length + ", the layer expects " + keys.length);
        }
        double[][] pv = Matrices.multiply(projection, values);
        double[][] out = new double[tokens.length][];
        for (int j = 0; j < tokens.length; j++) {
            double[] q = Matrices.multiply(queries, tokens[j]);
            double[] update = new double[keys.length];
            for (int i = 0; i < contextSize; i++) {
                double score = Vectors.dot(Matrices.multiply(keys, tokens[i]), q);
                double[] v = Matrices.multiply(pv, tokens[i]);
                for (int k = 0; k < update.length; k++) {
                    update[k] += score * v[k] / contextSize;
                }
            }
            out[j] = Vectors.add(tokens[j], update);
        }
        return out;
    }

    /** This layer applied {@code layers} times (weights tied across layers). */
    public double[][] applyRepeatedly(double[][] tokens, int contextSize, int layers) {
        double[][] t = tokens;
        for (int l = 0; l < layers; l++) {
            t = apply(t, contextSize);
        }
        return t;
    }

    /** The tokens of a task: rows (xⱼ, yⱼ) for the context, then the query row (x_q, 0). */
    public static double[][] tokens(RegressionTask task) {
        int n = task.size();
        int d = task.dimension();
        double[][] e = new double[n + 1][d + 1];
        for (int j = 0; j < n; j++) {
            System.arraycopy(task.xs()[j], 0, e[j], 0, d);
            e[j][d] = task.ys()[j];
        }
        System.arraycopy(task.query(), 0, e[n], 0, d);
        return e;
    }

    /**
     * The model's prediction read from the last token: minus its y-slot. (The query's y-slot
     * starts at 0 and the GD construction moves it to −ŷ.)
     */
    public static double prediction(double[][] tokens) {
        double[] last = tokens[tokens.length - 1];
        return -last[last.length - 1];
    }
}
