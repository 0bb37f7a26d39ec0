package ttlab.course.ssm;

/**
 * How many bytes a selective scan must move through DRAM, float32, counting every array a
 * kernel reads or writes once (what caches cannot avoid). With P = batch·D·L, S = batch·N·L
 * (B and C) and F = batch·D·L·N:
 * <ul>
 *   <li>fused: reads u, Δ, z, B, C once and writes y: 4·((3 or 4)·P + 2S) bytes, whatever N;</li>
 *   <li>naive: additionally writes dt (P) and reads it back, writes Ā and B̄u (2F), reads them
 *       and writes the states (3F), and reads the states back (F), and reads u a second time:
 *       4·(6F + (6 or 7)·P + 2S) bytes.</li>
 * </ul>
 * So the naive pipeline moves about (6N + 7)/4 times as much: for N = 16, about 26 times
 * (Gu &amp; Dao 2023, Sec. 3.3.2: the fused kernel avoids a factor-of-N traffic).
 *
 * @param batch    batch size
 * @param channels D
 * @param length   L
 * @param state    N
 * @param gated    whether z is read
 */
public record ScanTraffic(int batch, int channels, int length, int state, boolean gated) {

    /** The shape of some inputs. */
    public static ScanTraffic of(SelectiveScanInputs in) {
        return new ScanTraffic(in.batch(), in.channels(), in.length(), in.state(), in.z() != null);
    }

    /** batch·D·L. */
    public long perChannelElements() {
        return (long) batch * channels * length;
    }

    /** batch·D·L·N: the state updates of one scan, and the size of Ā. */
    public long stateUpdates() {
        return perChannelElements() * state;
    }

    /** Bytes of the fused kernel. */
    public long fusedBytes() {
        long p = perChannelElements(), s = (long) batch * state * length;
        return Float.BYTES * ((gated ? 4 : 3) * p + 2 * s + parameterElements());
    }

    /** Bytes of the naive pipeline. */
    public long naiveBytes() {
        long p = perChannelElements(), s = (long) batch * state * length, f = stateUpdates();
        return Float.BYTES * (6 * f + (gated ? 7 : 6) * p + 2 * s + parameterElements());
    }

    /** naive bytes / fused bytes. */
    public double ratio() {
        return naiveBytes() / (double) fusedBytes();
    }

    private long parameterElements() {
        return (long) channels * state + 2L * channels;   // A, D, Δ bias
    }
}
