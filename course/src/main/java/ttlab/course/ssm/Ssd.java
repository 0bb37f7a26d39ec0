package ttlab.course.ssm;

import ttlab.course.Matrices;

/**
 * State space duality (Dao &amp; Gu 2024, "Transformers are SSMs", Sec. 3–6): with a scalar
 * decay per step, A<sub>t</sub> = a<sub>t</sub>·I, the SSM
 * <pre>  h<sub>t</sub> = a<sub>t</sub> h<sub>t−1</sub> + B<sub>t</sub> x<sub>t</sub>ᵀ,   y<sub>t</sub> = h<sub>t</sub>ᵀ C<sub>t</sub></pre>
 * (h<sub>t</sub> ∈ ℝ<sup>N×P</sup>, B<sub>t</sub>, C<sub>t</sub> ∈ ℝ<sup>N</sup>, x<sub>t</sub>, y<sub>t</sub> ∈ ℝ<sup>P</sup>)
 * is the same map as y = M x with the 1-semiseparable, causally masked matrix
 * <pre>  M<sub>ij</sub> = C<sub>i</sub>ᵀB<sub>j</sub>·a<sub>i</sub>a<sub>i−1</sub>⋯a<sub>j+1</sub>  (i ≥ j),   0  (i &lt; j).</pre>
 * With a<sub>t</sub> = 1 this is causal linear attention, C = Q, B = K, x = V.
 *
 * <p>Arrays: a has length L; b and c are L×N (row t is B<sub>t</sub>, C<sub>t</sub>); x and the
 * outputs are L×P. Three algorithms compute y: {@link #quadratic} (the matrix, O(L²)),
 * {@link #recurrent} (the scan, O(L)) and {@link #chunked} (the SSD algorithm: quadratic inside
 * chunks, recurrent across them).
 */
public final class Ssd {

    private Ssd() {
    }

    /** M, L×L: M<sub>ij</sub> = C<sub>i</sub>·B<sub>j</sub>·a<sub>j+1</sub>⋯a<sub>i</sub> for i ≥ j, else 0. */
    public static double[][] matrix(double[] a, double[][] b, double[][] c) {
        int length = a.length;
        requireRows(b, length, "B");
        requireRows(c, length, "C");
        double[][] m = new double[length][length];
        for (int j = 0; j < length; j++) {
            double decay = 1;                  // a_{j+1} ⋯ a_i, grown one factor at a time
            for (int i = j; i < length; i++) {
                if (i > j) {
                    decay *= a[i];
                }
                m[i][j] = dot(c[i], b[j]) * decay;
            }
        }
        return m;
    }

    /** y = M x: the "attention" form. */
    public static double[][] quadratic(double[] a, double[][] b, double[][] c, double[][] x) {
        return Matrices.multiply(matrix(a, b, c), x);
    }

    /** y by the recurrence h<sub>t</sub> = a<sub>t</sub>h<sub>t−1</sub> + B<sub>t</sub>x<sub>t</sub>ᵀ, y<sub>t</sub> = h<sub>t</sub>ᵀC<sub>t</sub>: the "SSM" form. */
    public static double[][] recurrent(double[] a, double[][] b, double[][] c, double[][] x) {
        int length = a.length, n = b[0].length, p = x[0].length;
        requireRows(x, length, "x");
        double[][] h = new double[n][p];
        double[][] y = new double[length][p];
        for (int t = 0; t < length; t++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < p; j++) {
                    h[k][j] = a[t] * h[k][j] + b[t][k] * x[t][j];
                }
            }
            y[t] = outputFromState(h, c[t]);
        }
        return y;
    }

    /**
     * The chunked SSD algorithm (Dao &amp; Gu 2024, Sec. 6): cut the sequence into chunks of
     * {@code chunk} steps (the last may be shorter), then
     * <ol>
     *   <li>inside each chunk, y = M<sub>chunk</sub>x<sub>chunk</sub> (the diagonal blocks of M);</li>
     *   <li>each chunk's contribution to the state at its end, S = Σ<sub>j</sub> (a<sub>j+1</sub>⋯a<sub>end</sub>) B<sub>j</sub>x<sub>j</sub>ᵀ;</li>
     *   <li>the states across chunks, H<sub>k</sub> = (Π<sub>chunk k</sub> a)·H<sub>k−1</sub> + S<sub>k</sub>: a scan over L/chunk steps;</li>
     *   <li>each step i of chunk k adds the contribution of the earlier chunks,
     *       (a<sub>start</sub>⋯a<sub>i</sub>)·H<sub>k−1</sub>ᵀC<sub>i</sub> (the off-diagonal blocks of M, which have rank N).</li>
     * </ol>
     * Work O(L·chunk·(N + P) + L·N·P): linear in L for a fixed chunk, with the quadratic part in
     * matrix products that suit hardware.
     */
    public static double[][] chunked(double[] a, double[][] b, double[][] c, double[][] x, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        int length = a.length, n = b[0].length, p = x[0].length;
        requireRows(x, length, "x");
        double[][] y = new double[length][p];
        double[][] carried = new double[n][p];           // H_{k−1}: the state before this chunk
        for (int start = 0; start < length; start += chunk) {
            int end = Math.min(length, start + chunk);
            double[] aChunk = java.util.Arrays.copyOfRange(a, start, end);
            double[][] bChunk = java.util.Arrays.copyOfRange(b, start, end);
            double[][] cChunk = java.util.Arrays.copyOfRange(c, start, end);
            double[][] xChunk = java.util.Arrays.copyOfRange(x, start, end);

            double[][] diagonal = quadratic(aChunk, bChunk, cChunk, xChunk);       // step 1
            double decayIn = 1;                                                    // a_start ⋯ a_i
            for (int i = 0; i < end - start; i++) {                                // step 4
                decayIn *= aChunk[i];
                double[] fromBefore = outputFromState(carried, cChunk[i]);
                for (int j = 0; j < p; j++) {
                    y[start + i][j] = diagonal[i][j] + decayIn * fromBefore[j];
                }
            }
            double[][] chunkState = new double[n][p];                              // step 2
            double decayOut = 1;                                                   // a_{j+1} ⋯ a_end
            for (int i = end - start - 1; i >= 0; i--) {
                for (int k = 0; k < n; k++) {
                    for (int j = 0; j < p; j++) {
                        chunkState[k][j] += decayOut * bChunk[i][k] * xChunk[i][j];
                    }
                }
                decayOut *= aChunk[i];
            }
            for (int k = 0; k < n; k++) {                                          // step 3
                for (int j = 0; j < p; j++) {
                    carried[k][j] = decayOut * carried[k][j] + chunkState[k][j];
                }
            }
        }
        return y;
    }

    /**
     * Causal linear attention, straight from its definition: y<sub>i</sub> = Σ<sub>j≤i</sub> (q<sub>i</sub>·k<sub>j</sub>) v<sub>j</sub>
     * (Katharopoulos et al. 2020, without feature map or normalization). SSD with a<sub>t</sub> = 1,
     * C = q, B = k, x = v.
     */
    public static double[][] causalLinearAttention(double[][] q, double[][] k, double[][] v) {
        int length = q.length, p = v[0].length;
        double[][] y = new double[length][p];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j <= i; j++) {
                double score = dot(q[i], k[j]);
                for (int col = 0; col < p; col++) {
                    y[i][col] += score * v[j][col];
                }
            }
        }
        return y;
    }

    private static double[] outputFromState(double[][] h, double[] c) {
        double[] y = new double[h[0].length];
        for (int k = 0; k < h.length; k++) {
            for (int j = 0; j < y.length; j++) {
                y[j] += h[k][j] * c[k];
            }
        }
        return y;
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static void requireRows(double[][] m, int rows, String name) {
        if (m.length != rows) {
            throw new IllegalArgumentException(name + " has " + m.length + " rows, expected " + rows);
        }
    }

    /** The mask 𝖫 from its definition: 𝖫<sub>ij</sub> = a<sub>j+1</sub>⋯a<sub>i</sub> (a product of i − j factors) for i ≥ j, else 0. */
    public static double[][] mask(double[] a) {
        double[][] mask = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j <= i; j++) {
                double product = 1;
                for (int k = j + 1; k <= i; k++) {
                    product *= a[k];
                }
                mask[i][j] = product;
            }
        }
        return mask;
    }

    /** The entrywise product of two matrices of one shape. */
    public static double[][] hadamard(double[][] x, double[][] y) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j] * y[i][j];
            }
        }
        return out;
    }

    /** The block below the diagonal: rows ≥ k, columns &lt; k. */
    public static double[][] lowerBlock(double[][] m, int k) {
        double[][] block = new double[m.length - k][];
        for (int i = k; i < m.length; i++) {
            block[i - k] = java.util.Arrays.copyOfRange(m[i], 0, k);
        }
        return block;
    }

    /**
     * The numerical rank: the singular values above {@code relative} times the largest. The
     * course's singular values come through AᵀA and are good to about 1e-8 of the largest, so
     * {@code relative} should be well above that (1e-6).
     */
    public static int numericalRank(double[][] m, double relative) {
        double[] sv = Matrices.singularValues(m);
        double largest = java.util.Arrays.stream(sv).max().orElse(0);
        return (int) java.util.Arrays.stream(sv).filter(s -> s > relative * largest).count();
    }

    /** Multiply-adds of {@link #quadratic} (it multiplies the full L×L matrix, zeros included): L(L+1)/2·N + L²·P. */
    public static double quadraticMultiplyAdds(int length, int state, int head) {
        return length * (length + 1) / 2.0 * state + (double) length * length * head;
    }

    /** Multiply-adds of {@link #recurrent}: 2·L·N·P (the state update and the read-out). */
    public static double recurrentMultiplyAdds(int length, int state, int head) {
        return 2.0 * length * state * head;
    }

    /** Multiply-adds of {@link #chunked} for L a multiple of Q: L/Q quadratic blocks of Q plus the chunk states and read-outs. */
    public static double chunkedMultiplyAdds(int length, int chunk, int state, int head) {
        return (length / chunk) * (quadraticMultiplyAdds(chunk, state, head) + 2.0 * chunk * state * head);
    }

    /** The SSD form of one sequence: decays a (L), B and C (L × N), x (L × P). */
    public record Form(double[] a, double[][] b, double[][] c, double[][] x) {
    }

    /**
     * One channel of a selective scan whose A is the same for every state (A<sub>d,n</sub> = A<sub>d</sub>), as
     * SSD with P = 1: a<sub>t</sub> = exp(Δ<sub>t</sub>A<sub>d</sub>), B<sub>t</sub> ← Δ<sub>t</sub>B<sub>t</sub> (Mamba's B̄),
     * C<sub>t</sub>, x<sub>t</sub> = u<sub>t,d</sub>. Without D and gate, {@link #quadratic} of this form is the channel's y.
     */
    public static Form ofScalarSelectiveChannel(SelectiveScanInputs in, int batch, int channel) {
        int len = in.length(), ns = in.state();
        double scalarA = in.a()[channel * ns];
        for (int n = 1; n < ns; n++) {
            if (in.a()[channel * ns + n] != scalarA) {
                throw new IllegalArgumentException("A of channel " + channel + " is not the same for every state");
            }
        }
        double[] a = new double[len];
        double[][] b = new double[len][ns], c = new double[len][ns], x = new double[len][1];
        for (int t = 0; t < len; t++) {
            double step = in.step(batch, channel, t);
            a[t] = Math.exp(step * scalarA);
            for (int n = 0; n < ns; n++) {
                b[t][n] = step * in.b()[in.stateIndex(batch, n, t)];
                c[t][n] = in.c()[in.stateIndex(batch, n, t)];
            }
            x[t][0] = in.u()[in.index(batch, channel, t)];
        }
        return new Form(a, b, c, x);
    }
}
