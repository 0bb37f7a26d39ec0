package ttlab.course.ssm;

import java.util.ArrayList;
import java.util.List;

/**
 * The selective scan as an unfused pipeline on the CPU: every intermediate result is a full array
 * in main memory, as a chain of separate GPU kernels would leave it in DRAM. With P = batch·D·L,
 * S = batch·N·L and F = batch·D·L·N, the stages are
 * <ol>
 *   <li>Δ: read the raw Δ (P) and the bias (D), write dt (P);</li>
 *   <li>discretize: read dt, u (P each), A (D·N) and B (S), write Ā = exp(dt·A) and B̄u = dt·u·B
 *       (F each), laid out (batch, D, L, N);</li>
 *   <li>scan: read Ā and B̄u, write every state h (F);</li>
 *   <li>read-out: read the states (F), C (S), u, z (P each) and D (D), write y (P).</li>
 * </ol>
 * Each stage records the arrays it reads and writes, with their sizes taken from the arrays
 * themselves, so {@link Result#movedBytes()} counts what the pipeline actually touches (each array
 * once per stage that uses it) and {@link Result#allocatedBytes()} what it allocates. With D, the
 * bias and z present, the bytes moved equal {@link ScanTraffic#naiveBytes()}.
 *
 * <p>The arithmetic is that of {@link SelectiveScanCpu#scanChannel}, in float32 and in the same
 * order (dt·u is rounded to float before it multiplies B; the read-out sums C·h over n, then adds
 * D·u and multiplies by silu(z)), so y is bitwise equal to the fused loop's.
 */
public final class MaterializedSelectiveScan {

    private MaterializedSelectiveScan() {
    }

    /** One array a stage reads or writes: its name and size in bytes. */
    public record Access(String array, long bytes) {
    }

    /** A stage of the pipeline and the arrays it reads and writes. */
    public record Stage(String name, List<Access> reads, List<Access> writes) {
        /** Bytes read. */
        public long bytesRead() {
            return reads.stream().mapToLong(Access::bytes).sum();
        }

        /** Bytes written. */
        public long bytesWritten() {
            return writes.stream().mapToLong(Access::bytes).sum();
        }

        /** Bytes read and written. */
        public long bytes() {
            return bytesRead() + bytesWritten();
        }
    }

    /**
     * The output and the pipeline's ledger.
     *
     * @param y              the output, (batch, D, L)
     * @param stages         the four stages with what each read and wrote
     * @param allocatedBytes the float arrays the pipeline allocated (dt, Ā, B̄u, the states, y), in bytes
     */
    public record Result(float[] y, List<Stage> stages, long allocatedBytes) {
        /** Bytes read and written over all stages. */
        public long movedBytes() {
            return stages.stream().mapToLong(Stage::bytes).sum();
        }
    }

    /** Runs the four stages on one thread. */
    public static Result run(SelectiveScanInputs in) {
        int batch = in.batch(), channels = in.channels(), length = in.length(), n = in.state();
        float[] u = in.u(), a = in.a(), bm = in.b(), cm = in.c(), z = in.z(), skip = in.d(), bias = in.deltaBias();
        List<Stage> stages = new ArrayList<>();
        long allocated = 0;

        // 1. Δ = softplus(raw Δ + bias), one number per (b, d, t).
        float[] dt = new float[in.outputSize()];
        allocated += bytes(dt);
        for (int b = 0; b < batch; b++) {
            for (int d = 0; d < channels; d++) {
                float bi = bias == null ? 0f : bias[d];
                for (int t = 0; t < length; t++) {
                    int i = in.index(b, d, t);
                    float step = in.delta()[i] + bi;
                    dt[i] = in.deltaSoftplus() ? Activations.softplus(step) : step;
                }
            }
        }
        stages.add(new Stage("Δ", accesses("raw Δ", in.delta(), "Δ bias", bias), accesses("dt", dt)));

        // 2. Ā and B̄u as full (batch, D, L, N) arrays.
        long full = (long) in.outputSize() * n;
        float[] aBar = new float[Math.toIntExact(full)], bBarU = new float[Math.toIntExact(full)];
        allocated += bytes(aBar) + bytes(bBarU);
        for (int b = 0; b < batch; b++) {
            for (int d = 0; d < channels; d++) {
                for (int t = 0; t < length; t++) {
                    int i = in.index(b, d, t);
                    float step = dt[i], stepU = step * u[i];
                    for (int k = 0; k < n; k++) {
                        int f = i * n + k;
                        aBar[f] = (float) Math.exp(step * a[d * n + k]);
                        bBarU[f] = stepU * bm[in.stateIndex(b, k, t)];
                    }
                }
            }
        }
        stages.add(new Stage("discretize", accesses("dt", dt, "u", u, "A", a, "B", bm), accesses("Ā", aBar, "B̄u", bBarU)));

        // 3. The scan: all states, h_t = Ā_t h_{t−1} + B̄u_t.
        float[] states = new float[Math.toIntExact(full)];
        allocated += bytes(states);
        for (int pair = 0; pair < batch * channels; pair++) {
            int row = pair * length * n;
            for (int k = 0; k < n; k++) {
                states[row + k] = aBar[row + k] * 0f + bBarU[row + k];       // h_{−1} = 0, as the fused loop computes it
            }
            for (int t = 1; t < length; t++) {
                int f = row + t * n;
                for (int k = 0; k < n; k++) {
                    states[f + k] = aBar[f + k] * states[f - n + k] + bBarU[f + k];
                }
            }
        }
        stages.add(new Stage("scan", accesses("Ā", aBar, "B̄u", bBarU), accesses("states", states)));

        // 4. The read-out y = (C·h + D u)·silu(z).
        float[] y = new float[in.outputSize()];
        allocated += bytes(y);
        for (int b = 0; b < batch; b++) {
            for (int d = 0; d < channels; d++) {
                float dSkip = skip == null ? 0f : skip[d];
                for (int t = 0; t < length; t++) {
                    int i = in.index(b, d, t);
                    float out = 0f;
                    for (int k = 0; k < n; k++) {
                        out += cm[in.stateIndex(b, k, t)] * states[i * n + k];
                    }
                    out += dSkip * u[i];
                    if (z != null) {
                        out *= Activations.silu(z[i]);
                    }
                    y[i] = out;
                }
            }
        }
        stages.add(new Stage("read-out", accesses("states", states, "C", cm, "u", u, "z", z, "D", skip), accesses("y", y)));
        return new Result(y, List.copyOf(stages), allocated);
    }

    /**
     * What the fused loop ({@link SelectiveScanCpu}) reads and writes, from the arrays themselves:
     * u, raw Δ, z, B, C, A, D and the bias once, y once. Its state, N floats per (batch, channel),
     * stays in a few cache lines and is not counted. Equal to {@link ScanTraffic#fusedBytes()} when
     * D, the bias and z are present.
     */
    public static Stage fusedAccesses(SelectiveScanInputs in) {
        return new Stage("fused", accesses("u", in.u(), "raw Δ", in.delta(), "z", in.z(), "B", in.b(), "C", in.c(),
                "A", in.a(), "D", in.d(), "Δ bias", in.deltaBias()),
                List.of(new Access("y", (long) in.outputSize() * Float.BYTES)));
    }

    private static long bytes(float[] array) {
        return (long) array.length * Float.BYTES;
    }

    /** Pairs of (name, array); absent (null) arrays are left out. */
    private static List<Access> accesses(Object... namesAndArrays) {
        List<Access> out = new ArrayList<>();
        for (int i = 0; i < namesAndArrays.length; i += 2) {
            float[] array = (float[]) namesAndArrays[i + 1];
            if (array != null) {
                out.add(new Access((String) namesAndArrays[i], bytes(array)));
            }
        }
        return List.copyOf(out);
    }
}
