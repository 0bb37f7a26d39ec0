package ttlab.course.ssm;

import java.util.Random;

/**
 * The inputs of one selective scan (Gu &amp; Dao 2023, Alg. 2), in float32, flat and row-major
 * as the GPU reads them:
 * <ul>
 *   <li>u, Δ (raw), z: (batch, D, L), index {@link #index(int, int, int)};</li>
 *   <li>A: (D, N), real and negative; index d·N + n;</li>
 *   <li>B, C: (batch, N, L), input-dependent; index {@link #stateIndex(int, int, int)};</li>
 *   <li>D (skip), Δ bias: (D).</li>
 * </ul>
 * The step is Δ' = softplus(Δ + bias) when {@link #deltaSoftplus()}, else Δ + bias; a missing
 * bias is 0, a missing D is 0, a missing z means no gate. The output is y: (batch, D, L) with
 * y = (C·h + D·u)·silu(z).
 *
 * <p>The accessors return the arrays themselves, not copies.
 */
public final class SelectiveScanInputs {

    private final int batch;
    private final int channels;
    private final int length;
    private final int state;
    private final float[] u;
    private final float[] delta;
    private final float[] a;
    private final float[] b;
    private final float[] c;
    private final float[] d;
    private final float[] z;
    private final float[] deltaBias;
    private final boolean deltaSoftplus;

    /**
     * Checks the shapes. {@code d}, {@code z} and {@code deltaBias} may be null.
     */
    public SelectiveScanInputs(int batch, int channels, int length, int state,
                               float[] u, float[] delta, float[] a, float[] b, float[] c,
                               float[] d, float[] z, float[] deltaBias, boolean deltaSoftplus) {
        requirePositive(batch, "batch");
        requirePositive(channels, "channels");
        requirePositive(length, "length");
        requirePositive(state, "state");
        long perChannel = (long) batch * channels * length;
        long perState = (long) batch * state * length;
        requireLength(u, perChannel, "u");
        requireLength(delta, perChannel, "delta");
        requireLength(a, (long) channels * state, "A");
        requireLength(b, perState, "B");
        requireLength(c, perState, "C");
        if (d != null) requireLength(d, channels, "D");
        if (z != null) requireLength(z, perChannel, "z");
        if (deltaBias != null) requireLength(deltaBias, channels, "delta bias");
        this.batch = batch;
        this.channels = channels;
        this.length = length;
        this.state = state;
        this.u = u;
        this.delta = delta;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.z = z;
        this.deltaBias = deltaBias;
        this.deltaSoftplus = deltaSoftplus;
    }

    /**
     * Inputs from nested arrays, for notebooks: u, delta, z as [batch][D][L], A as [D][N],
     * B and C as [batch][N][L]; {@code d}, {@code z}, {@code deltaBias} may be null.
     */
    public static SelectiveScanInputs of(double[][][] u, double[][][] delta, double[][] a,
                                         double[][][] b, double[][][] c, double[] d,
                                         double[][][] z, double[] deltaBias, boolean deltaSoftplus) {
        int batch = u.length, channels = u[0].length, length = u[0][0].length, state = a[0].length;
        return new SelectiveScanInputs(batch, channels, length, state,
                flat(u), flat(delta), flat(a), flat(b), flat(c),
                d == null ? null : flat(d), z == null ? null : flat(z),
                deltaBias == null ? null : flat(deltaBias), deltaSoftplus);
    }

    /**
     * Random inputs shaped like a Mamba layer at initialization: A<sub>dn</sub> = −(n+1)
     * (S4D-real), Δ bias = softplus⁻¹ of a step drawn log-uniformly from [0.001, 0.1], raw Δ,
     * u, B, C, z standard normal, D = 1, softplus on.
     */
    public static SelectiveScanInputs random(int batch, int channels, int length, int state,
                                             boolean gate, long seed) {
        Random random = new Random(seed);
        int perChannel = Math.multiplyExact(Math.multiplyExact(batch, channels), length);
        int perState = Math.multiplyExact(Math.multiplyExact(batch, state), length);
        float[] a = new float[Math.multiplyExact(channels, state)];
        float[] bias = new float[channels];
        float[] d = new float[channels];
        for (int ch = 0; ch < channels; ch++) {
            for (int n = 0; n < state; n++) {
                a[ch * state + n] = -(n + 1);
            }
            double step = Math.exp(Math.log(0.001) + random.nextDouble() * (Math.log(0.1) - Math.log(0.001)));
            bias[ch] = (float) (step + Math.log(-Math.expm1(-step)));   // softplus⁻¹(step)
            d[ch] = 1;
        }
        return new SelectiveScanInputs(batch, channels, length, state,
                gaussian(perChannel, random), gaussian(perChannel, random), a,
                gaussian(perState, random), gaussian(perState, random), d,
                gate ? gaussian(perChannel, random) : null, bias, true);
    }

    /** A copy whose raw Δ at (b, d, t) is {@code value}; the other arrays are shared. */
    public SelectiveScanInputs withRawDelta(int b, int d, int t, float value) {
        float[] raw = delta.clone();
        raw[index(b, d, t)] = value;
        return new SelectiveScanInputs(batch, channels, length, state, u, raw, a, this.b, c, this.d, z, deltaBias, deltaSoftplus);
    }

    /** A copy with other inputs u, (batch, D, L); the other arrays are shared. */
    public SelectiveScanInputs withU(float[] newU) {
        return new SelectiveScanInputs(batch, channels, length, state, newU, delta, a, b, c, d, z, deltaBias, deltaSoftplus);
    }

    /** The same sequences with time step t left out: length L − 1, every per-step array without t. */
    public SelectiveScanInputs withoutStep(int t) {
        if (length < 2 || t < 0 || t >= length) {
            throw new IllegalArgumentException("cannot leave out step " + t + " of " + length);
        }
        return new SelectiveScanInputs(batch, channels, length - 1, state, dropStep(u, batch * channels, t),
                dropStep(delta, batch * channels, t), a, dropStep(b, batch * state, t), dropStep(c, batch * state, t),
                d, z == null ? null : dropStep(z, batch * channels, t), deltaBias, deltaSoftplus);
    }

    private float[] dropStep(float[] rows, int count, int t) {
        float[] out = new float[count * (length - 1)];
        for (int r = 0; r < count; r++) {
            System.arraycopy(rows, r * length, out, r * (length - 1), t);
            System.arraycopy(rows, r * length + t + 1, out, r * (length - 1) + t, length - 1 - t);
        }
        return out;
    }

    /** Index of (b, d, t) in u, Δ, z and y. */
    public int index(int b, int d, int t) {
        return (b * channels + d) * length + t;
    }

    /** Index of (b, n, t) in B and C. */
    public int stateIndex(int b, int n, int t) {
        return (b * state + n) * length + t;
    }

    /**
     * The step Δ' at (b, d, t): softplus(Δ + bias) or Δ + bias, in double. Both float inputs are
     * widened before they are added, so the sum is not rounded to float first.
     */
    public double step(int b, int d, int t) {
        double raw = (double) delta[index(b, d, t)] + (deltaBias == null ? 0.0 : (double) deltaBias[d]);
        return deltaSoftplus ? Activations.softplus(raw) : raw;
    }

    /** Batch size. */
    public int batch() { return batch; }
    /** D, the number of channels. */
    public int channels() { return channels; }
    /** L, the sequence length. */
    public int length() { return length; }
    /** N, the state size per channel. */
    public int state() { return state; }
    /** u, (batch, D, L). */
    public float[] u() { return u; }
    /** The raw Δ, (batch, D, L), before bias and softplus. */
    public float[] delta() { return delta; }
    /** A, (D, N). */
    public float[] a() { return a; }
    /** B, (batch, N, L). */
    public float[] b() { return b; }
    /** C, (batch, N, L). */
    public float[] c() { return c; }
    /** D, or null. */
    public float[] d() { return d; }
    /** z, or null: no gate. */
    public float[] z() { return z; }
    /** The Δ bias, or null. */
    public float[] deltaBias() { return deltaBias; }
    /** Whether the step is softplus(Δ + bias). */
    public boolean deltaSoftplus() { return deltaSoftplus; }

    /** y's size: batch·D·L. */
    public int outputSize() {
        return batch * channels * length;
    }

    @Override
    public String toString() {
        return "selective scan (batch " + batch + ", D " + channels + ", L " + length + ", N " + state
                + (z != null ? ", gated" : "") + ")";
    }

    private static float[] gaussian(int n, Random random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] flat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static float[] flat(double[][] m) {
        int cols = m[0].length;
        float[] out = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != cols) {
                throw new IllegalArgumentException("ragged array: row " + i + " has " + m[i].length + " entries, not " + cols);
            }
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) m[i][j];
            }
        }
        return out;
    }

    private static float[] flat(double[][][] t) {
        int rows = t[0].length, cols = t[0][0].length;
        float[] out = new float[t.length * rows * cols];
        for (int i = 0; i < t.length; i++) {
            if (t[i].length != rows) {
                throw new IllegalArgumentException("ragged array: [" + i + "] has " + t[i].length + " rows, not " + rows);
            }
            System.arraycopy(flat(t[i]), 0, out, i * rows * cols, rows * cols);
        }
        return out;
    }

    private static void requirePositive(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + n);
        }
    }

    private static void requireLength(float[] v, long expected, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has " + v.length + " entries, expected " + expected);
        }
    }
}
