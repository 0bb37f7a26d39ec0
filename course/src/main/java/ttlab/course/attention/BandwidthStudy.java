package ttlab.course.attention;

import ttlab.course.Rng;

import java.util.function.DoubleUnaryOperator;

/**
 * The Nadaraya–Watson estimator as a statistician reads it. Pairs (k, v) are drawn with k uniform
 * and {@code v = f(k) + noise}, so {@code f(q) = E[v | k = q]} is the regression function that
 * {@code f̂(q)} estimates. Over many independent samples the mean squared error at q splits exactly
 * into {@code bias² + variance}; the bandwidth h trades one against the other.
 *
 * @param f     the regression function
 * @param n     the number of pairs per sample
 * @param noise the standard deviation of the Gaussian noise on v
 * @param low   the left end of the keys' interval
 * @param high  the right end of the keys' interval
 */
public record BandwidthStudy(DoubleUnaryOperator f, int n, double noise, double low, double high) {

    /** Checks the sample size, the noise and the interval. */
    public BandwidthStudy {
        if (n < 1 || !(noise >= 0) || !(low < high)) {
            throw new IllegalArgumentException("need n >= 1, noise >= 0 and low < high, got n = " + n
                    + ", noise = " + noise + ", [" + low + ", " + high + "]");
        }
    }

    /** One sample: keys as n × 1 rows, values as n × 1 rows. */
    public record Sample(double[][] keys, double[][] values) {

        /** The keys as one array, for a scatter plot. */
        public double[] keyColumn() {
            return java.util.Arrays.stream(keys).mapToDouble(row -> row[0]).toArray();
        }

        /** The values as one array, for a scatter plot. */
        public double[] valueColumn() {
            return java.util.Arrays.stream(values).mapToDouble(row -> row[0]).toArray();
        }
    }

    /** The sample drawn with the given seed. */
    public Sample sample(long seed) {
        double[] k = Rng.uniform(n, low, high, seed);
        double[][] eps = Rng.gaussian(n, 1, seed + 1);
        double[][] keys = new double[n][1];
        double[][] values = new double[n][1];
        for (int i = 0; i < n; i++) {
            keys[i][0] = k[i];
            values[i][0] = f.applyAsDouble(k[i]) + noise * eps[i][0];
        }
        return new Sample(keys, values);
    }

    /** The Gaussian-kernel estimate {@code f̂(q)} of bandwidth h at each query q. */
    public static double[] curve(Sample sample, double[] queries, double h) {
        double[] out = new double[queries.length];
        for (int j = 0; j < queries.length; j++) {
            out[j] = NadarayaWatson.estimate(new double[] {queries[j]}, sample.keys(), sample.values(), Kernel.gaussian(h))[0];
        }
        return out;
    }

    /** Squared bias, variance and mean squared error, each averaged over the query points. */
    public record Decomposition(double h, double squaredBias, double variance, double meanSquaredError) {
    }

    /**
     * The decomposition measured over {@code samples} independent samples (seeds {@code seed},
     * {@code seed + 2}, ...): at each query, bias = mean estimate − f(q) and variance = the
     * estimates' variance about their mean, so bias² + variance = the mean squared error exactly.
     */
    public Decomposition decompose(double[] queries, double h, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("a variance needs at least 2 samples, got " + samples);
        }
        double[][] curves = new double[samples][];
        for (int s = 0; s < samples; s++) {
            curves[s] = curve(sample(seed + 2L * s), queries, h);
        }
        double bias2 = 0;
        double variance = 0;
        double mse = 0;
        for (int j = 0; j < queries.length; j++) {
            double truth = f.applyAsDouble(queries[j]);
            double mean = 0;
            for (double[] c : curves) {
                mean += c[j] / samples;
            }
            for (double[] c : curves) {
                variance += (c[j] - mean) * (c[j] - mean) / samples / queries.length;
                mse += (c[j] - truth) * (c[j] - truth) / samples / queries.length;
            }
            bias2 += (mean - truth) * (mean - truth) / queries.length;
        }
        return new Decomposition(h, bias2, variance, mse);
    }
}
