package ttlab.course.icl;

import ttlab.course.Vectors;

/**
 * The inner problem a task poses: L(w) = 1/(2N) Σⱼ (wᵀxⱼ − yⱼ)², its gradient
 * ∇L(w) = (1/N) Σⱼ (wᵀxⱼ − yⱼ) xⱼ, and plain gradient descent on it from w₀ = 0.
 */
public final class LeastSquares {

    private LeastSquares() {
    }

    /** L(w) = 1/(2N) Σⱼ (wᵀxⱼ − yⱼ)². */
    public static double loss(double[] w, double[][] xs, double[] ys) {
        double sum = 0;
        for (int j = 0; j < xs.length; j++) {
            double r = Vectors.dot(w, xs[j]) - ys[j];
            sum += r * r;
        }
        return sum / (2.0 * xs.length);
    }

    /** ∇L(w) = (1/N) Σⱼ (wᵀxⱼ − yⱼ) xⱼ. */
    public static double[] gradient(double[] w, double[][] xs, double[] ys) {
        double[] g = new double[w.length];
        for (int j = 0; j < xs.length; j++) {
            double r = Vectors.dot(w, xs[j]) - ys[j];
            for (int k = 0; k < g.length; k++) {
                g[k] += r * xs[j][k] / xs.length;
            }
        }
        return g;
    }

    /** w − η ∇L(w). */
    public static double[] step(double[] w, double[][] xs, double[] ys, double eta) {
        return Vectors.subtract(w, Vectors.scale(gradient(w, xs, ys), eta));
    }

    /** The iterate after {@code steps} steps of size η from w₀ = 0. */
    public static double[] descend(double[][] xs, double[] ys, double eta, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        }
        double[] w = new double[xs[0].length];
        for (int k = 0; k < steps; k++) {
            w = step(w, xs, ys, eta);
        }
        return w;
    }

    /** The prediction wₖᵀx_q of the k-th gradient-descent iterate on the task's context. */
    public static double prediction(RegressionTask task, double eta, int steps) {
        return Vectors.dot(descend(task.xs(), task.ys(), eta, steps), task.query());
    }
}
