package ttlab.course.attention;

import ttlab.course.Matrices;
import ttlab.course.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-layer lemma behind rank collapse (after Dong, Cordonnier & Loukas 2021), split into the
 * quantities its proof names so that each step can be checked on numbers.
 *
 * <p>Write the tokens as {@code X = 1x̄ᵀ + R} with {@code R = res(X)}, and one head's bilinear
 * form as {@code W = W_Q W_Kᵀ / √d_k}. In row i the score of token j is
 * {@code x̄ᵀWx̄ + r_iᵀWx̄ + x̄ᵀW r_j + r_iᵀW r_j}. The first two terms do not depend on j and cancel
 * in the row's softmax; the third is the same in every row. So row i of the attention matrix is
 * {@code softmax(b + e_i)} with the common first-order scores {@code b_j = x̄ᵀW r_j} and the
 * second-order {@code e_ij = r_iᵀW r_j}.
 */
public final class RankCollapseLemma {

    private RankCollapseLemma() {
    }

    /** {@code W = W_Q W_Kᵀ / √d_k}: the head's scores are {@code X W Xᵀ}. */
    public static double[][] bilinearForm(SelfAttention head) {
        return Matrices.scale(Matrices.multiply(head.wq(), Matrices.transpose(head.wk())),
                1 / Math.sqrt(head.keyDimension()));
    }

    /** The first-order scores shared by every row, {@code b_j = x̄ᵀ W r_j}. */
    public static double[] commonScores(SelfAttention head, double[][] x) {
        double[] meanTimesW = Matrices.multiply(Matrices.transpose(bilinearForm(head)), Matrices.columnMeans(x));
        return Matrices.multiply(RankCollapse.residual(x), meanTimesW);
    }

    /** The second-order scores {@code E = R W Rᵀ}. */
    public static double[][] secondOrderScores(SelfAttention head, double[][] x) {
        double[][] r = RankCollapse.residual(x);
        return Matrices.multiply(Matrices.multiply(r, bilinearForm(head)), Matrices.transpose(r));
    }

    /** The row every attention row tends to as R shrinks, {@code a = softmax(b)}. */
    public static double[] commonRow(SelfAttention head, double[][] x) {
        return Softmax.of(commonScores(head, x));
    }

    /** {@code A − 1aᵀ}: how far the attention matrix is from having all rows equal to a. */
    public static double[][] deviation(SelfAttention head, double[][] x) {
        double[][] a = head.weights(x, Mask.NONE);
        return Matrices.subtract(a, Matrices.repeatRow(commonRow(head, x), a.length));
    }

    /** {@code max_i ‖row_i‖₂}, the norm the lemma's bound is stated in. */
    public static double maxRowNorm(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            max = Math.max(max, Vectors.norm(row));
        }
        return max;
    }

    /**
     * The lemma's constant {@code C = 4 ‖W‖₂ ‖W_V‖₂}: for every X,
     * {@code maxRowNorm(res(SA(X))) ≤ C · maxRowNorm(res(X))³}.
     */
    public static double constant(SelfAttention head) {
        return 4 * spectralNorm(bilinearForm(head)) * spectralNorm(head.wv());
    }

    /** The largest singular value. */
    public static double spectralNorm(double[][] a) {
        return Matrices.singularValues(a)[0];
    }

    /** {@code 1x̄ᵀ + ε R}: the same tokens with their residual scaled by ε and their mean kept. */
    public static double[][] withResidualScaled(double[][] x, double epsilon) {
        return Matrices.add(Matrices.repeatRow(Matrices.columnMeans(x), x.length),
                Matrices.scale(RankCollapse.residual(x), epsilon));
    }

    /** The least-squares slope of {@code log y} against {@code log x}: the exponent p of {@code y ≈ c xᵖ}. */
    public static double logLogSlope(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 2) {
            throw new IllegalArgumentException("need at least two (x, y) pairs of equal count, got "
                    + xs.length + " and " + ys.length);
        }
        double[] lx = new double[xs.length];
        double[] ly = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            if (!(xs[i] > 0) || !(ys[i] > 0)) {
                throw new IllegalArgumentException("a log-log slope needs positive values, got ("
                        + xs[i] + ", " + ys[i] + ") at " + i);
            }
            lx[i] = Math.log(xs[i]);
            ly[i] = Math.log(ys[i]);
        }
        double mx = Vectors.sum(lx) / lx.length;
        double my = Vectors.sum(ly) / ly.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < lx.length; i++) {
            sxy += (lx[i] - mx) * (ly[i] - my);
            sxx += (lx[i] - mx) * (lx[i] - mx);
        }
        return sxy / sxx;
    }

    /**
     * The path decomposition of a stack with skip connections, {@code X_{l+1} = X_l + A_l X_l W_V^l},
     * where each {@code A_l} is the attention matrix the layer computed on its actual input. Expanding
     * the product gives one term per subset S of the layers, {@code (Π_{l∈S} A_l) X_0 (Π_{l∈S} W_V^l)}
     * (attention matrices latest first, value weights earliest first); the returned list is indexed
     * by S as a bit mask, so the term of the empty path, index 0, is X_0 itself.
     */
    public static List<double[][]> pathTerms(double[][] x0, List<RankCollapse.Layer> layers) {
        for (RankCollapse.Layer layer : layers) {
            if (!layer.skip() || layer.mlp() != null) {
                throw new IllegalArgumentException("the path decomposition here is for attention layers with skip "
                        + "connections and no MLP");
            }
        }
        if (layers.size() > 16) {
            throw new IllegalArgumentException("2^" + layers.size() + " paths is too many to list");
        }
        List<double[][]> attentions = new ArrayList<>();
        double[][] x = x0;
        for (RankCollapse.Layer layer : layers) {
            attentions.add(layer.attention().weights(x, Mask.NONE));
            x = layer.apply(x);
        }
        List<double[][]> terms = new ArrayList<>();
        for (int subset = 0; subset < 1 << layers.size(); subset++) {
            double[][] term = x0;
            for (int l = 0; l < layers.size(); l++) {
                if ((subset >> l & 1) == 1) {
                    term = Matrices.multiply(Matrices.multiply(attentions.get(l), term), layers.get(l).attention().wv());
                }
            }
            terms.add(term);
        }
        return terms;
    }
}
