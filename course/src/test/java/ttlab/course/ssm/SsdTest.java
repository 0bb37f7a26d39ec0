package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SsdTest {

    private static final int L = 23, N = 4, P = 3;

    private final Random random = new Random(7);
    private final double[] a = uniform(L, 0.6, 1.0);
    private final double[][] b = gaussian(L, N);
    private final double[][] c = gaussian(L, N);
    private final double[][] x = gaussian(L, P);

    @Test
    void theMatrixIsCausalWithCBOnTheDiagonal() {
        double[][] m = Ssd.matrix(a, b, c);
        for (int i = 0; i < L; i++) {
            for (int j = i + 1; j < L; j++) {
                assertThat(m[i][j]).isZero();
            }
            assertThat(m[i][i]).isCloseTo(dot(c[i], b[i]), within(1e-15));
        }
        assertThat(m[5][2]).isCloseTo(dot(c[5], b[2]) * a[3] * a[4] * a[5], within(1e-14));
    }

    @Test
    void quadraticFormEqualsTheRecurrence() {
        assertClose(Ssd.quadratic(a, b, c, x), Ssd.recurrent(a, b, c, x));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 7, 23, 40})
    void chunkedAlgorithmEqualsBothForms(int chunk) {
        double[][] chunked = Ssd.chunked(a, b, c, x, chunk);
        assertClose(chunked, Ssd.recurrent(a, b, c, x));
        assertClose(chunked, Ssd.quadratic(a, b, c, x));
    }

    @Test
    void withNoDecayItIsCausalLinearAttention() {
        double[] ones = new double[L];
        java.util.Arrays.fill(ones, 1.0);
        double[][] attention = Ssd.causalLinearAttention(c, b, x);     // Q = C, K = B, V = x
        assertClose(Ssd.quadratic(ones, b, c, x), attention);
        assertClose(Ssd.recurrent(ones, b, c, x), attention);
        assertClose(Ssd.chunked(ones, b, c, x, 5), attention);
    }

    /** Off-diagonal blocks have rank at most N: with N = 1 every 2×2 minor below the diagonal vanishes. */
    @Test
    void blocksBelowTheDiagonalHaveRankAtMostN() {
        double[][] b1 = gaussian(L, 1), c1 = gaussian(L, 1);
        double[][] m = Ssd.matrix(a, b1, c1);
        for (int split = 1; split < L; split++) {
            for (int i = split; i + 1 < L; i++) {
                for (int j = 0; j + 1 < split; j++) {
                    double minor = m[i][j] * m[i + 1][j + 1] - m[i][j + 1] * m[i + 1][j];
                    double size = Math.abs(m[i][j] * m[i + 1][j + 1]) + Math.abs(m[i][j + 1] * m[i + 1][j]);
                    assertThat(Math.abs(minor)).isLessThanOrEqualTo(1e-12 * size + 1e-300);
                }
            }
        }
        double[][] full = Ssd.matrix(a, b, c);                          // N = 4: a 2×2 minor does not vanish
        double minor = full[10][2] * full[11][3] - full[10][3] * full[11][2];
        assertThat(Math.abs(minor)).isGreaterThan(1e-6);
    }

    /**
     * Mamba-2's view: a selective scan whose A is the same for all N states (A_t = a_t·I) is SSD
     * with a_t = exp(Δ_t·A), B_t scaled by Δ_t, and x = u.
     */
    @Test
    void aSelectiveScanWithScalarAIsSsd() {
        int n = 5, length = 40;
        SelectiveScanInputs random = SelectiveScanInputs.random(1, 1, length, n, false, 8);
        float[] sameA = new float[n];
        java.util.Arrays.fill(sameA, -0.7f);
        SelectiveScanInputs in = new SelectiveScanInputs(1, 1, length, n, random.u(), random.delta(), sameA,
                random.b(), random.c(), null, null, random.deltaBias(), true);
        double[] decay = new double[length];
        double[][] bt = new double[length][n], ct = new double[length][n], ut = new double[length][1];
        for (int t = 0; t < length; t++) {
            double step = in.step(0, 0, t);
            decay[t] = Math.exp(step * -0.7f);
            for (int k = 0; k < n; k++) {
                bt[t][k] = step * in.b()[in.stateIndex(0, k, t)];
                ct[t][k] = in.c()[in.stateIndex(0, k, t)];
            }
            ut[t][0] = in.u()[t];
        }
        double[][] ssd = Ssd.chunked(decay, bt, ct, ut, 8);
        double[] scan = SelectiveScanReference.run(in);
        for (int t = 0; t < length; t++) {
            assertThat(ssd[t][0]).isCloseTo(scan[t], within(1e-12));
        }
    }

    private void assertClose(double[][] actual, double[][] expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("row %d", i).containsExactly(expected[i], within(1e-11));
        }
    }

    private double[] uniform(int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * random.nextDouble();
        }
        return v;
    }

    private double[][] gaussian(int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }
}
