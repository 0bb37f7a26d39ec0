package ttlab.course.circuits;

import java.util.SplittableRandom;

/**
 * Random unit vectors in R<sup>m</sup> and how nearly orthogonal they are: the reason a space of
 * m dimensions has room for exponentially many almost-orthogonal feature directions. For u, v
 * independent and uniform on the sphere, P(⟨u, v⟩ ≥ ε) ≤ e<sup>−mε²/2</sup> (the cap bound,
 * Ball 1997, Lemma 2.2), so among N vectors every |⟨u<sub>i</sub>, u<sub>j</sub>⟩| &lt; ε with
 * probability at least 1 − N(N−1)e<sup>−mε²/2</sup>.
 */
public final class RandomDirections {

    private RandomDirections() {
    }

    /** {@code count} vectors uniform on the unit sphere of R<sup>dim</sup>: normalized Gaussians. */
    public static double[][] onSphere(int count, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[count][dim];
        for (double[] v : out) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                v[d] = random.nextGaussian();
                norm += v[d] * v[d];
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < dim; d++) {
                v[d] /= norm;
            }
        }
        return out;
    }

    /** The largest |⟨u<sub>i</sub>, u<sub>j</sub>⟩| over pairs i &lt; j (the vectors taken as unit). */
    public static double maxAbsInnerProduct(double[][] unit) {
        double worst = 0;
        for (int i = 0; i < unit.length; i++) {
            for (int j = i + 1; j < unit.length; j++) {
                double dot = 0;
                double[] a = unit[i], b = unit[j];
                for (int d = 0; d < a.length; d++) {
                    dot += a[d] * b[d];
                }
                worst = Math.max(worst, Math.abs(dot));
            }
        }
        return worst;
    }

    /** The cap bound e<sup>−mε²/2</sup> on P(⟨u, v⟩ ≥ ε), for 0 ≤ ε &lt; 1. */
    public static double capBound(int dim, double epsilon) {
        return Math.exp(-dim * epsilon * epsilon / 2);
    }

    /**
     * The ε for which the union bound N(N−1)e<sup>−mε²/2</sup> equals δ: with probability at least
     * 1 − δ, N random unit vectors in R<sup>m</sup> have every |⟨u<sub>i</sub>, u<sub>j</sub>⟩| &lt; ε.
     */
    public static double epsilonFor(int count, int dim, double delta) {
        return Math.sqrt(2 * Math.log((double) count * (count - 1) / delta) / dim);
    }

    /** The N that the union bound allows at ε and δ: the largest N with N² e<sup>−mε²/2</sup> ≤ δ, i.e. √δ e<sup>mε²/4</sup>. */
    public static double countFor(int dim, double epsilon, double delta) {
        return Math.sqrt(delta) * Math.exp(dim * epsilon * epsilon / 4);
    }
}
