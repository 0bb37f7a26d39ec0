package ttlab.course.attention;

import ttlab.course.Matrices;
import ttlab.course.Rng;
import ttlab.course.Vectors;

/**
 * Why scores are divided by √d (Vaswani et al. 2017): for q, k with independent standard normal
 * entries, Var(q·k) = d, so unscaled softmax saturates as d grows and its Jacobian shrinks; the
 * scaled scores keep unit variance and a Jacobian of about constant size.
 */
public final class ScoreScaling {

    private ScoreScaling() {
    }

    /**
     * Measurements at width d: the sample variance of q·k over {@code pairs} pairs divided by d
     * (the mean is 0, so E[s²] is the variance), and the mean Frobenius norm of the softmax Jacobian
     * over the first {@code queries} queries against {@code keys} fixed keys, with scores q·k and q·k/√d.
     */
    public record AtWidth(int d, double varianceOverD, double rawJacobian, double scaledJacobian) {
    }

    /** The measurements at width {@code d}; seeds 100 + d (queries), 200 + d (paired keys), 300 + d (fixed keys). */
    public static AtWidth measure(int d, int pairs, int keys, int queries) {
        double[][] qs = Rng.gaussian(pairs, d, 100 + d), ks = Rng.gaussian(pairs, d, 200 + d);
        double sumSquares = 0;
        for (int i = 0; i < pairs; i++) {
            double s = Vectors.dot(qs[i], ks[i]);
            sumSquares += s * s;
        }
        double[][] fixedKeys = Rng.gaussian(keys, d, 300 + d);
        double raw = 0, scaled = 0;
        for (int i = 0; i < queries; i++) {
            double[] scores = Matrices.multiply(fixedKeys, qs[i]);
            raw += Matrices.frobeniusNorm(Softmax.jacobian(Softmax.of(scores))) / queries;
            scaled += Matrices.frobeniusNorm(Softmax.jacobian(Softmax.of(scores, Math.sqrt(d)))) / queries;
        }
        return new AtWidth(d, sumSquares / pairs / d, raw, scaled);
    }
}
