package ttlab.course.ssm;

/**
 * The selective scan recomputed from its formulas by other code than
 * {@link SelectiveScanReference}: per step, {@link Discretization#expWithEulerBDiagonal} (Mamba's
 * Ā = exp(ΔA), B̄ = ΔB); per state, the Blelloch scan of {@link Scans} over the steps (Ā, B̄u);
 * then the read-out (C·h + D·u)·silu(z), in double. Δ and its bias, both float32, are widened and
 * added in double before softplus.
 */
public final class SelectiveScanByScans {

    private SelectiveScanByScans() {
    }

    /** y, (batch, D, L). */
    public static double[] run(SelectiveScanInputs in) {
        double[] y = new double[in.outputSize()];
        int len = in.length(), ns = in.state();
        for (int b = 0; b < in.batch(); b++) {
            for (int d = 0; d < in.channels(); d++) {
                double[] a = new double[ns], readout = new double[len];
                for (int n = 0; n < ns; n++) {
                    a[n] = in.a()[d * ns + n];
                }
                double[][] aBar = new double[ns][len], bBarU = new double[ns][len];
                for (int t = 0; t < len; t++) {
                    double raw = (double) in.delta()[in.index(b, d, t)] + (in.deltaBias() == null ? 0 : in.deltaBias()[d]);
                    double step = in.deltaSoftplus() ? Math.log1p(Math.exp(raw)) : raw;
                    double[] bt = new double[ns];
                    for (int n = 0; n < ns; n++) {
                        bt[n] = in.b()[in.stateIndex(b, n, t)];
                    }
                    Discretization.DiagonalDiscrete disc = Discretization.expWithEulerBDiagonal(a, bt, step);
                    for (int n = 0; n < ns; n++) {
                        aBar[n][t] = disc.aBar()[n];
                        bBarU[n][t] = disc.bBar()[n] * in.u()[in.index(b, d, t)];
                    }
                }
                for (int n = 0; n < ns; n++) {
                    double[] h = Scans.states(Scans.blelloch(Affine.steps(aBar[n], bBarU[n]), Affine.COMBINE, Affine.IDENTITY));
                    for (int t = 0; t < len; t++) {
                        readout[t] += in.c()[in.stateIndex(b, n, t)] * h[t];
                    }
                }
                for (int t = 0; t < len; t++) {
                    int i = in.index(b, d, t);
                    double out = readout[t] + (in.d() == null ? 0 : in.d()[d]) * in.u()[i];
                    if (in.z() != null) {
                        double zt = in.z()[i];
                        out *= zt / (1 + Math.exp(-zt));
                    }
                    y[i] = out;
                }
            }
        }
        return y;
    }
}
