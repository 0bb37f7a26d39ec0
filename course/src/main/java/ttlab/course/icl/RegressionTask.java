package ttlab.course.icl;

import java.util.Random;

/**
 * One in-context linear regression task: N context pairs (xⱼ, yⱼ = wᵀxⱼ) and a query x_q whose
 * target wᵀx_q the model must predict. The weights are w ~ N(0, I); coordinate k of every x is
 * uniform on (−a_k, a_k), so {@link #sample(int, int, double, Random)} (all a_k = a) is the
 * isotropic distribution of the lecture and {@link #sample(double[], int, Random)} an
 * ill-conditioned one.
 */
public record RegressionTask(double[][] xs, double[] ys, double[] query, double target, double[] w) {

    public RegressionTask {
        if (xs.length == 0 || xs.length != ys.length) {
            throw new IllegalArgumentException("need N ≥ 1 context pairs with one y each, got "
                    + xs.length + " x and " + ys.length + " y");
        }
        for (double[] x : xs) {
            if (x.length != query.length || x.length != w.length) {
                throw new IllegalArgumentException("every x, the query and w need the same dimension " + w.length);
            }
        }
    }

    /** A task in dimension d with n context pairs, x ~ U(−a, a)^d, w ~ N(0, I). */
    public static RegressionTask sample(int d, int n, double a, Random random) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension d must be ≥ 1, got " + d);
        }
        double[] scales = new double[d];
        java.util.Arrays.fill(scales, a);
        return sample(scales, n, random);
    }

    /** A task with n context pairs whose coordinate k is uniform on (−scales[k], scales[k]). */
    public static RegressionTask sample(double[] scales, int n, Random random) {
        if (n < 1) {
            throw new IllegalArgumentException("need n ≥ 1 context pairs, got " + n);
        }
        for (double s : scales) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("every scale a_k must be > 0, got " + s);
            }
        }
        int d = scales.length;
        double[] w = new double[d];
        for (int k = 0; k < d; k++) {
            w[k] = random.nextGaussian();
        }
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int j = 0; j < n; j++) {
            xs[j] = uniformPoint(scales, random);
            ys[j] = dot(w, xs[j]);
        }
        double[] query = uniformPoint(scales, random);
        return new RegressionTask(xs, ys, query, dot(w, query), w);
    }

    /** N, the number of context pairs. */
    public int size() {
        return xs.length;
    }

    /** d, the dimension of x. */
    public int dimension() {
        return w.length;
    }

    private static double[] uniformPoint(double[] scales, Random random) {
        double[] x = new double[scales.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = scales[k] * (2 * random.nextDouble() - 1);
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
