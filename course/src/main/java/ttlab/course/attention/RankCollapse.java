package ttlab.course.attention;

import ttlab.course.Matrices;

import java.util.ArrayList;
import java.util.List;

/**
 * Rank collapse in deep attention networks (Dong, Cordonnier & Loukas 2021). The residual
 * {@code res(X) = X − 1 xᵀ} measures how far the tokens (rows of X) are from all being equal; for
 * the Frobenius norm the best x is the column mean. Pure attention drives it to zero doubly
 * exponentially with depth; skip connections stop that, MLPs slow it down.
 */
public final class RankCollapse {

    private RankCollapse() {
    }

    /** Which parts each layer of a stack has. */
    public enum Architecture {
        /** {@code X ← SA(X)}. */
        ATTENTION_ONLY(false, false),
        /** {@code X ← X + SA(X)}. */
        WITH_SKIP(true, false),
        /** {@code X ← MLP(SA(X))}. */
        WITH_MLP(false, true),
        /** {@code X ← Y + MLP(Y)}, {@code Y = X + SA(X)}: the transformer layer without normalisation. */
        WITH_SKIP_AND_MLP(true, true);

        private final boolean skip;
        private final boolean mlp;

        Architecture(boolean skip, boolean mlp) {
            this.skip = skip;
            this.mlp = mlp;
        }

        /** Whether each sublayer's input is added to its output. */
        public boolean skip() {
            return skip;
        }

        /** Whether each layer ends with a per-token MLP. */
        public boolean mlp() {
            return mlp;
        }

        /** A short label for legends, e.g. "attention + skip". */
        public String label() {
            return "attention" + (skip ? " + skip" : "") + (mlp ? " + MLP" : "");
        }
    }

    /**
     * One layer: self-attention, then optionally an MLP, each with or without a skip connection.
     *
     * @param attention the attention head
     * @param mlp       the MLP, or null for none
     * @param skip      whether each sublayer adds its input to its output
     */
    public record Layer(SelfAttention attention, Mlp mlp, boolean skip) {

        /** The layer applied to tokens X. */
        public double[][] apply(double[][] x) {
            double[][] y = attention.apply(x);
            if (skip) {
                y = Matrices.add(x, y);
            }
            if (mlp == null) {
                return y;
            }
            double[][] z = mlp.apply(y);
            return skip ? Matrices.add(y, z) : z;
        }
    }

    /** {@code res(X) = X − 1 x̄ᵀ}, with x̄ the column mean of X. */
    public static double[][] residual(double[][] x) {
        return Matrices.subtract(x, Matrices.repeatRow(Matrices.columnMeans(x), x.length));
    }

    /** {@code ‖res(X)‖_F}: zero exactly when all rows of X are equal. */
    public static double residualNorm(double[][] x) {
        return Matrices.frobeniusNorm(residual(x));
    }

    /**
     * A stack of {@code depth} layers with independent random weights (seeded): attention heads with
     * {@link SelfAttention#random} at scale {@code attentionScale}, MLPs of width 4·d_model with
     * {@link Mlp#random} at scale {@code mlpScale}.
     */
    public static List<Layer> randomStack(Architecture architecture, int depth, int dModel,
                                          double attentionScale, double mlpScale, long seed) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            long layerSeed = seed + 1000L * l;
            SelfAttention attention = SelfAttention.random(dModel, dModel, attentionScale, layerSeed);
            Mlp mlp = architecture.mlp() ? Mlp.random(dModel, 4 * dModel, mlpScale, layerSeed + 500) : null;
            layers.add(new Layer(attention, mlp, architecture.skip()));
        }
        return layers;
    }

    /** {@code X_0, X_1, ..., X_L}: the tokens after each layer. */
    public static List<double[][]> trajectory(double[][] x0, List<Layer> layers) {
        List<double[][]> xs = new ArrayList<>();
        xs.add(x0);
        double[][] x = x0;
        for (Layer layer : layers) {
            x = layer.apply(x);
            xs.add(x);
        }
        return xs;
    }

    /** {@code ‖res(X_l)‖ / ‖res(X_0)‖} for l = 0..L. */
    public static double[] residualRatios(List<double[][]> trajectory) {
        double r0 = residualNorm(trajectory.get(0));
        double[] ratios = new double[trajectory.size()];
        for (int l = 0; l < ratios.length; l++) {
            ratios[l] = residualNorm(trajectory.get(l)) / r0;
        }
        return ratios;
    }

    /**
     * {@code ‖res(X_l)‖ / ‖X_l‖} for l = 0..L: the residual relative to the tokens' own size, which
     * a growing or shrinking overall scale does not change.
     */
    public static double[] relativeResiduals(List<double[][]> trajectory) {
        double[] r = new double[trajectory.size()];
        for (int l = 0; l < r.length; l++) {
            r[l] = residualNorm(trajectory.get(l)) / Matrices.frobeniusNorm(trajectory.get(l));
        }
        return r;
    }
}
