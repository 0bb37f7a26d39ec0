package ttlab.course.ssm;

import java.util.stream.IntStream;

/**
 * The selective scan in float32 on the CPU: the same loop as {@link SelectiveScanReference} with
 * Mamba's discretization, in float arithmetic, either sequentially or in parallel over the
 * independent (batch, channel) pairs on the common fork-join pool. Both compute each pair by the
 * same code in the same order, so their outputs are bitwise identical.
 */
public final class SelectiveScanCpu implements SelectiveScanBackend {

    private final boolean parallel;

    private SelectiveScanCpu(boolean parallel) {
        this.parallel = parallel;
    }

    /** One core, one (batch, channel) after another. */
    public static SelectiveScanCpu sequential() {
        return new SelectiveScanCpu(false);
    }

    /** All cores of the common fork-join pool, one task per (batch, channel). */
    public static SelectiveScanCpu parallel() {
        return new SelectiveScanCpu(true);
    }

    @Override
    public String name() {
        return parallel
                ? "CPU float32, parallel over " + Runtime.getRuntime().availableProcessors() + " cores"
                : "CPU float32, sequential";
    }

    @Override
    public float[] run(SelectiveScanInputs in) {
        float[] y = new float[in.outputSize()];
        IntStream pairs = IntStream.range(0, in.batch() * in.channels());
        (parallel ? pairs.parallel() : pairs).forEach(pair -> {
            float[] h = new float[in.state()];
            scanChannel(in, pair / in.channels(), pair % in.channels(), h, y);
        });
        return y;
    }

    /** Scans one (batch, channel) pair into y, with h as the (zeroed) state. */
    static void scanChannel(SelectiveScanInputs in, int b, int d, float[] h, float[] y) {
        int n = in.state();
        float[] a = in.a(), bm = in.b(), cm = in.c(), u = in.u(), delta = in.delta(), z = in.z();
        float bias = in.deltaBias() == null ? 0f : in.deltaBias()[d];
        float skip = in.d() == null ? 0f : in.d()[d];
        for (int t = 0; t < in.length(); t++) {
            int i = in.index(b, d, t);
            float step = delta[i] + bias;
            if (in.deltaSoftplus()) {
                step = Activations.softplus(step);
            }
            float stepU = step * u[i];
            float out = 0f;
            for (int k = 0; k < n; k++) {
                int s = in.stateIndex(b, k, t);
                float aBar = (float) Math.exp(step * a[d * n + k]);
                h[k] = aBar * h[k] + stepU * bm[s];
                out += cm[s] * h[k];
            }
            out += skip * u[i];
            if (z != null) {
                out *= Activations.silu(z[i]);
            }
            y[i] = out;
        }
    }
}
