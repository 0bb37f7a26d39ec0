package ttlab.course.ssm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small selective-copying task (Gu &amp; Dao 2023, §3.1 and Fig. 2): two content tokens at varying
 * positions among noise tokens must be read out, in order, at two fixed positions at the end.
 *
 * <p>Tokens: {@link #NOISE}; the content tokens {@link #PLUS} and {@link #MINUS}, standing for the
 * values +1 and −1; and the markers {@link #READ_FIRST} and {@link #READ_SECOND}. An instance of
 * input length T has the two content tokens at positions p &lt; q &lt; T, noise elsewhere before T,
 * and the markers at T and T + 1. The correct outputs are y<sub>T</sub> = value of the token at p and
 * y<sub>T+1</sub> = value of the token at q.
 *
 * <p>Two models:
 * <ul>
 *   <li>{@link #lti}: any linear time-invariant filter, y<sub>t</sub> = Σ<sub>s≤t</sub> K[t−s][x<sub>s</sub>]. On
 *       one-hot tokens this is the most general one: a time-invariant SSM (or convolution) on any token
 *       embedding e, with a linear readout, has K[j][v] = K'<sub>j</sub>·e(v), and a constant bias is
 *       K[0][v] += bias for every v. {@link #bestLti} fits K by least squares.</li>
 *   <li>{@link #mamba}: one channel of Mamba's selective scan (softplus Δ, exp(ΔA), B̄ = ΔB) with
 *       N = 2, A = (−1, −2), whose Δ, B, C are looked up from the token (as Mamba's linear maps
 *       of a one-hot token would be): noise and markers get Δ = softplus(−40) ≈ 4·10⁻¹⁸, so they are
 *       skipped; content gets Δ = softplus(0) = ln 2; the markers choose a readout C that decodes the
 *       first or the second stored value.</li>
 * </ul>
 */
public final class SelectiveCopying {

    /** A noise (blank) token. */
    public static final int NOISE = 0;
    /** A content token with value +1. */
    public static final int PLUS = 1;
    /** A content token with value −1. */
    public static final int MINUS = 2;
    /** The marker at the first output position. */
    public static final int READ_FIRST = 3;
    /** The marker at the second output position. */
    public static final int READ_SECOND = 4;
    /** The number of token kinds. */
    public static final int VOCABULARY = 5;

    /** Raw Δ of a skipped token: softplus(−40) ≈ 4.2·10⁻¹⁸. */
    static final float SKIP_RAW_DELTA = -40f;

    private SelectiveCopying() {
    }

    /** +1 for {@link #PLUS}, −1 for {@link #MINUS}, 0 for the others. */
    public static double value(int token) {
        return token == PLUS ? 1 : token == MINUS ? -1 : 0;
    }

    /**
     * T noise tokens with {@code first} at p and {@code second} at q (p &lt; q &lt; T), then the two
     * markers: length T + 2.
     */
    public static int[] instance(int inputLength, int p, int first, int q, int second) {
        if (p < 0 || p >= q || q >= inputLength) {
            throw new IllegalArgumentException("need 0 <= p < q < T, got p = " + p + ", q = " + q + ", T = " + inputLength);
        }
        if (!isContent(first) || !isContent(second)) {
            throw new IllegalArgumentException("content tokens are PLUS or MINUS, got " + first + " and " + second);
        }
        int[] tokens = new int[inputLength + 2];
        tokens[p] = first;
        tokens[q] = second;
        tokens[inputLength] = READ_FIRST;
        tokens[inputLength + 1] = READ_SECOND;
        return tokens;
    }

    /** Every placement p &lt; q &lt; T, each with both orders (PLUS, MINUS) and (MINUS, PLUS): T(T − 1) instances. */
    public static List<int[]> allPlacements(int inputLength) {
        List<int[]> instances = new ArrayList<>();
        for (int p = 0; p < inputLength; p++) {
            for (int q = p + 1; q < inputLength; q++) {
                instances.add(instance(inputLength, p, PLUS, q, MINUS));
                instances.add(instance(inputLength, p, MINUS, q, PLUS));
            }
        }
        return instances;
    }

    /** The correct outputs at the two read positions: the values of the content tokens, in order. */
    public static double[] targets(int[] tokens) {
        double[] values = Arrays.stream(tokens, 0, tokens.length - 2).filter(SelectiveCopying::isContent)
                .mapToDouble(SelectiveCopying::value).toArray();
        if (values.length != 2 || tokens[tokens.length - 2] != READ_FIRST || tokens[tokens.length - 1] != READ_SECOND) {
            throw new IllegalArgumentException("not an instance: " + Arrays.toString(tokens));
        }
        return values;
    }

    /** y<sub>t</sub> = Σ<sub>s≤t</sub> kernel[t − s][token<sub>s</sub>] for every t: a causal linear time-invariant filter. */
    public static double[] lti(double[][] kernel, int[] tokens) {
        if (kernel.length < tokens.length) {
            throw new IllegalArgumentException("kernel of length " + kernel.length + " for " + tokens.length + " tokens");
        }
        double[] y = new double[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
            for (int s = 0; s <= t; s++) {
                y[t] += kernel[t - s][tokens[s]];
            }
        }
        return y;
    }

    /** The two outputs at the read positions (the last two) of a whole output sequence. */
    public static double[] readOut(double[] y) {
        return Arrays.copyOfRange(y, y.length - 2, y.length);
    }

    /** Σ over the instances of the squared error of the LTI filter with this kernel at the two read positions. */
    public static double squaredError(double[][] kernel, List<int[]> instances) {
        double sum = 0;
        for (int[] tokens : instances) {
            double[] y = readOut(lti(kernel, tokens)), target = targets(tokens);
            sum += (y[0] - target[0]) * (y[0] - target[0]) + (y[1] - target[1]) * (y[1] - target[1]);
        }
        return sum;
    }

    /**
     * An LTI filter that is optimal on all placements of input length T: y<sub>T</sub> = −(value of
     * x<sub>T−1</sub>) and y<sub>T+1</sub> = −(value of x<sub>0</sub>), nothing else. The two content values
     * are opposite, so it is right at T when the second content token stands at T − 1, right at
     * T + 1 when the first stands at 0, and outputs 0 otherwise. Kernel length T + 2.
     */
    public static double[][] optimalLtiKernel(int inputLength) {
        double[][] kernel = new double[inputLength + 2][VOCABULARY];
        kernel[1][PLUS] = -1;                        // lag 1: read by y_T from position T − 1
        kernel[1][MINUS] = 1;
        kernel[inputLength + 1][PLUS] = -1;          // lag T + 1: read by y_{T+1} from position 0
        kernel[inputLength + 1][MINUS] = 1;
        return kernel;
    }

    /**
     * The least-squares LTI filter for a set of instances of one length.
     *
     * @param kernel  kernel[j][v], j &lt; the instances' length, v &lt; {@link #VOCABULARY}: a minimiser
     * @param targets the correct outputs, two per instance, in order
     * @param outputs the filter's outputs at the read positions, two per instance, in order
     */
    public record LtiFit(double[][] kernel, double[] targets, double[] outputs) {

        /** Σ (output − target)² over all instances. */
        public double squaredError() {
            double sum = 0;
            for (int i = 0; i < targets.length; i++) {
                sum += (outputs[i] - targets[i]) * (outputs[i] - targets[i]);
            }
            return sum;
        }

        /** Σ target²: the squared error of the zero filter. */
        public double targetEnergy() {
            return Arrays.stream(targets).map(v -> v * v).sum();
        }
    }

    /**
     * The kernel minimising Σ over instances of the squared error at the two read positions: the
     * least-squares solution of design · kernel = targets (one row per read-out, one column per
     * kernel entry), by EJML's SVD pseudo-inverse, which also takes the design's dependent columns.
     * The fitted outputs are the projection of the targets onto the design's column space.
     */
    public static LtiFit bestLti(List<int[]> instances) {
        int length = instances.get(0).length;
        for (int[] tokens : instances) {
            if (tokens.length != length) {
                throw new IllegalArgumentException("instances of different lengths: " + length + " and " + tokens.length);
            }
        }
        int rows = 2 * instances.size(), columns = length * VOCABULARY;
        DMatrixRMaj design = new DMatrixRMaj(rows, columns);
        DMatrixRMaj targets = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < instances.size(); i++) {
            int[] tokens = instances.get(i);
            double[] wanted = targets(tokens);
            for (int k = 0; k < 2; k++) {
                int row = 2 * i + k, t = length - 2 + k;
                targets.set(row, 0, wanted[k]);
                for (int s = 0; s <= t; s++) {
                    design.add(row, (t - s) * VOCABULARY + tokens[s], 1);
                }
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(design.copy())) {
            throw new IllegalStateException("the least-squares solver could not decompose the design matrix");
        }
        DMatrixRMaj flatKernel = new DMatrixRMaj(columns, 1);
        solver.solve(targets, flatKernel);
        DMatrixRMaj outputs = new DMatrixRMaj(rows, 1);
        CommonOps_DDRM.mult(design, flatKernel, outputs);
        double[][] kernel = new double[length][VOCABULARY];
        for (int col = 0; col < columns; col++) {
            kernel[col / VOCABULARY][col % VOCABULARY] = flatKernel.get(col, 0);
        }
        return new LtiFit(kernel, targets.getData(), outputs.getData());
    }

    /**
     * One channel of Mamba's selective scan with Δ, B, C looked up from each token: the inputs
     * {@link SelectiveScanReference} runs. N = 2, A = (−1, −2) (Mamba's initialization), u = the
     * token's value, no D, no gate.
     * <ul>
     *   <li>noise and markers: raw Δ = −40, so Δ ≈ 4·10⁻¹⁸, exp(ΔA) = 1 and ΔB·u = 0: skipped;</li>
     *   <li>content: raw Δ = 0, so Δ = ln 2 and exp(ΔA) = (1/2, 1/4); B = (1, 1). After two content
     *       tokens v₁, v₂: h = ln 2·(v₁/2 + v₂, v₁/4 + v₂), wherever they stood;</li>
     *   <li>C: (4, −4)/ln 2 at READ_FIRST, which reads v₁; (−1, 2)/ln 2 at READ_SECOND, which reads v₂;
     *       0 elsewhere.</li>
     * </ul>
     */
    public static SelectiveScanInputs mamba(int[] tokens) {
        int length = tokens.length, n = 2;
        double ln2 = Math.log(2);
        float[] u = new float[length], rawDelta = new float[length], b = new float[n * length], c = new float[n * length];
        for (int t = 0; t < length; t++) {
            int token = tokens[t];
            u[t] = (float) value(token);
            rawDelta[t] = isContent(token) ? 0f : SKIP_RAW_DELTA;
            if (isContent(token)) {
                b[t] = 1f;
                b[length + t] = 1f;
            }
            if (token == READ_FIRST) {
                c[t] = (float) (4 / ln2);
                c[length + t] = (float) (-4 / ln2);
            } else if (token == READ_SECOND) {
                c[t] = (float) (-1 / ln2);
                c[length + t] = (float) (2 / ln2);
            }
        }
        return new SelectiveScanInputs(1, 1, length, n, u, rawDelta, new float[] {-1f, -2f}, b, c,
                null, null, null, true);
    }

    /** The selective layer's outputs at the two read positions. */
    public static double[] mambaOutputs(int[] tokens) {
        return readOut(SelectiveScanReference.run(mamba(tokens)));
    }

    private static boolean isContent(int token) {
        return token == PLUS || token == MINUS;
    }
}
