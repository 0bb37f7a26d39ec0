package ttlab.course.attention;

/**
 * The Nadaraya–Watson kernel regression estimator (Nadaraya 1964; Watson 1964):
 * {@code f̂(q) = Σ_i K(q, k_i) v_i / Σ_j K(q, k_j)}, a kernel-weighted average of the values
 * observed at the keys.
 */
public final class NadarayaWatson {

    private NadarayaWatson() {
    }

    /** The normalised weights {@code K(q, k_i) / Σ_j K(q, k_j)}; they are positive and sum to 1. */
    public static double[] weights(double[] q, double[][] keys, Kernel kernel) {
        double[] logs = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            logs[i] = kernel.log(q, keys[i]);
        }
        // K(q,k_i)/Σ K(q,k_j) = exp(log K_i) / Σ exp(log K_j): a softmax of the log-kernel.
        return Softmax.of(logs);
    }

    /** The estimate f̂(q): the weighted average of the value rows. */
    public static double[] estimate(double[] q, double[][] keys, double[][] values, Kernel kernel) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
        }
        double[] w = weights(q, keys, kernel);
        double[] f = new double[values[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int c = 0; c < f.length; c++) {
                f[c] += w[i] * values[i][c];
            }
        }
        return f;
    }

    /** The weights for each query, one row per query: an attention matrix. */
    public static double[][] weightMatrix(double[][] queries, double[][] keys, Kernel kernel) {
        double[][] w = new double[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            w[i] = weights(queries[i], keys, kernel);
        }
        return w;
    }

    /** The estimate at each query, one row per query. */
    public static double[][] estimates(double[][] queries, double[][] keys, double[][] values, Kernel kernel) {
        double[][] f = new double[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            f[i] = estimate(queries[i], keys, values, kernel);
        }
        return f;
    }
}
