package ttlab.course.icl;

import ttlab.course.Matrices;
import ttlab.course.Vectors;

/**
 * What the GD++ layer ({@link GdConstruction#gdPlusPlus}) does to the x-tokens: every token,
 * context and query, moves by xⱼ ← (I − γS) xⱼ with S = (1/N) Σᵢ xᵢxᵢᵀ over the context. The new
 * second-moment matrix is (I − γS) S (I − γS): each eigenvalue λ of S becomes λ(1 − γλ)², which
 * shrinks the large ones most and so lowers the condition number when γλ_max is near 1/3 or above.
 */
public final class GdPlusPlus {

    private GdPlusPlus() {
    }

    /** S = (1/N) Σᵢ xᵢxᵢᵀ. */
    public static double[][] secondMoment(double[][] xs) {
        int d = xs[0].length;
        double[][] s = new double[d][d];
        for (double[] x : xs) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    s[a][b] += x[a] * x[b] / xs.length;
                }
            }
        }
        return s;
    }

    /** (I − γS) x for each row x of {@code points}, with S the second moment of {@code context}. */
    public static double[][] precondition(double[][] context, double[][] points, double gamma) {
        double[][] m = Matrices.subtract(Matrices.identity(context[0].length), Matrices.scale(secondMoment(context), gamma));
        double[][] out = new double[points.length][];
        for (int j = 0; j < points.length; j++) {
            out[j] = Matrices.multiply(m, points[j]);
        }
        return out;
    }

    /**
     * The γ with γλ_max &lt; 1 for which λ(1 − γλ)² takes the same value at λ_min and λ_max:
     * √λ_min (1 − γλ_min) = √λ_max (1 − γλ_max), so γ = (√λ_max − √λ_min)/(λ_max^{3/2} − λ_min^{3/2}).
     */
    public static double equalizingGamma(double lambdaMin, double lambdaMax) {
        if (!(0 < lambdaMin && lambdaMin < lambdaMax)) {
            throw new IllegalArgumentException("need 0 < λ_min < λ_max, got " + lambdaMin + " and " + lambdaMax);
        }
        double sMin = Math.sqrt(lambdaMin), sMax = Math.sqrt(lambdaMax);
        return (sMax - sMin) / (lambdaMax * sMax - lambdaMin * sMin);
    }

    /** λ_max / λ_min of a symmetric positive definite matrix. */
    public static double conditionNumber(double[][] symmetric) {
        double[] eig = Matrices.symmetricEigenvalues(symmetric);
        double smallest = eig[eig.length - 1];
        if (!(smallest > 0)) {
            throw new IllegalArgumentException("not positive definite: smallest eigenvalue " + smallest);
        }
        return eig[0] / smallest;
    }

    /**
     * The prediction of K GD++ layers computed as the preconditioned gradient descent they amount
     * to: w_{k+1} = w_k − η A_kᵀA_k ∇L(w_k) with A₀ = I and A_{k+1} = (I − γS_k) A_k, S_k the second
     * moment of the context after k layers. It equals the K-layer transformer's prediction.
     */
    public static double preconditionedPrediction(RegressionTask task, double eta, double gamma, int layers) {
        int d = task.dimension();
        double[][] a = Matrices.identity(d);
        double[][] xs = task.xs();
        double[] w = new double[d];
        for (int k = 0; k < layers; k++) {
            double[] g = LeastSquares.gradient(w, task.xs(), task.ys());
            double[][] ata = Matrices.multiply(Matrices.transpose(a), a);
            w = Vectors.subtract(w, Vectors.scale(Matrices.multiply(ata, g), eta));
            double[][] step = Matrices.subtract(Matrices.identity(d), Matrices.scale(secondMoment(xs), gamma));
            a = Matrices.multiply(step, a);
            xs = precondition(xs, xs, gamma);
        }
        return Vectors.dot(w, task.query());
    }
}
