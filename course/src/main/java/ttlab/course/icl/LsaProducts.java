package ttlab.course.icl;

import ttlab.course.Matrices;

/**
 * What a one-layer linear self-attention model's prediction depends on: not W_K, W_Q, W_V, P one by
 * one, but v = the y-row of P W_V and M = W_Kᵀ W_Q (only its first d columns, since the query is
 * (x_q, 0)). Writing v = (v_x, v_y) and M's blocks M_xx (d×d) and M_yx (the y-row), the prediction
 * ŷ = −(1/N) Σᵢ (vᵀeᵢ)(eᵢᵀ M e_q) splits into a part odd in y,
 * (1/N) Σᵢ yᵢ xᵢᵀ A x_q with A = −(v_y M_xx + v_x M_yx), and a part even in y that involves
 * v_x M_xx and v_y M_yx. Rescaling v by c and M by 1/c, or W_K by G and W_Q by G⁻ᵀ, changes no
 * product: only A and the even part are identifiable. The GD construction has A = ηI and no even part.
 */
public record LsaProducts(double[][] a, double evenPartNorm) {

    /** The products of a layer over tokens of width d + 1. */
    public static LsaProducts of(LinearSelfAttention layer) {
        int d = layer.keys().length - 1;
        double[] v = Matrices.multiply(layer.projection(), layer.values())[d];
        double[][] m = Matrices.multiply(Matrices.transpose(layer.keys()), layer.queries());
        double[][] a = new double[d][d];
        double vx = 0, mxx = 0, myx = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = -(v[d] * m[i][j] + v[i] * m[d][j]);
                mxx += m[i][j] * m[i][j];
            }
            vx += v[i] * v[i];
            myx += m[d][i] * m[d][i];
        }
        double even = Math.sqrt(vx * mxx + v[d] * v[d] * myx);
        return new LsaProducts(a, even);
    }

    /** The learning rate the layer acts with: tr A / d. */
    public double effectiveEta() {
        double trace = 0;
        for (int i = 0; i < a.length; i++) {
            trace += a[i][i];
        }
        return trace / a.length;
    }

    /** ‖A − η_eff I‖_F / ‖η_eff I‖_F: how far A is from a multiple of the identity. */
    public double distanceFromGd() {
        double eta = effectiveEta();
        double[][] diff = Matrices.subtract(a, Matrices.scale(Matrices.identity(a.length), eta));
        return Matrices.frobeniusNorm(diff) / (Math.abs(eta) * Math.sqrt(a.length));
    }

    /** The even part's size relative to ‖A‖_F. */
    public double relativeEvenPart() {
        return evenPartNorm / Matrices.frobeniusNorm(a);
    }
}
