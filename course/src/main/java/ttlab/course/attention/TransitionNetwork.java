package ttlab.course.attention;

import ttlab.course.Matrices;
import ttlab.course.Vectors;
import ttlab.course.attention.TuringMachine.Move;
import ttlab.course.attention.TuringMachine.Rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Turing machine's transition function as a one-hidden-layer ReLU network with explicit weights:
 * the feed-forward part of the decoder that turns (state, symbol read) into (next state, symbol
 * written, move), and says when the machine halts.
 *
 * <p>Input {@code x = (e_q, e_s)}: the one-hot state ({@code |Q|} coordinates, in the order of
 * {@link TuringMachine#states()}) followed by the one-hot symbol ({@code |Σ|} coordinates,
 * {@link TuringMachine#symbols()}). A symbol outside the alphabet has no coordinate: its part of
 * x is zero.
 *
 * <p>Hidden layer: one unit per rule r = (q, s), {@code h_r = ReLU(x_q + x_{|Q|+s} − 1)}, i.e.
 * {@code W1[r] = e_q + e_{|Q|+s}} and {@code b1[r] = −1}. On a one-hot input, h_r is 1 when the
 * input is exactly (q, s) and 0 otherwise: the sum is 2 for the rule's own pair, at most 1 for any
 * other.
 *
 * <p>Output, linear in h: {@code y = W2 h + b2} with the blocks
 * <ul>
 *   <li>{@code [0, |Q|)}: the next state, one-hot: column r of W2 has a 1 at next(r);</li>
 *   <li>{@code [|Q|, |Q|+|Σ|)}: the symbol written, one-hot;</li>
 *   <li>{@code |Q|+|Σ|}: the move, {@code Σ_r δ_r h_r} with δ_r = ±1;</li>
 *   <li>{@code |Q|+|Σ|+1}: halt, {@code 1 − Σ_r h_r}: bias 1, weight −1 from every hidden unit.
 *       It is 1 exactly when no rule applies, and then every other output is 0.</li>
 * </ul>
 * All weights are 0, ±1, and every value the network computes on a one-hot input is an integer, so
 * the network is exact in any floating-point format.
 */
public final class TransitionNetwork {

    /** What the network's output says: halt, or go to {@code next}, write, move. */
    public record Output(boolean halts, String next, int write, Move move) {
    }

    private final List<String> states;
    private final Map<String, Integer> stateIndex = new HashMap<>();
    private final int symbols;
    private final double[][] w1;
    private final double[] b1;
    private final double[][] w2;
    private final double[] b2;

    private TransitionNetwork(TuringMachine machine) {
        this.states = machine.states();
        for (int q = 0; q < states.size(); q++) {
            stateIndex.put(states.get(q), q);
        }
        this.symbols = machine.symbols();
        List<Rule> rules = machine.rules();
        int nq = states.size();
        w1 = new double[rules.size()][nq + symbols];
        b1 = new double[rules.size()];
        w2 = new double[outputWidth()][rules.size()];
        b2 = new double[outputWidth()];
        b2[haltCoordinate()] = 1;
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            w1[r][stateIndex.get(rule.state())] = 1;
            w1[r][nq + rule.read()] = 1;
            b1[r] = -1;
            w2[stateIndex.get(rule.action().next())][r] = 1;
            w2[nq + rule.action().write()][r] = 1;
            w2[moveCoordinate()][r] = rule.action().move().delta;
            w2[haltCoordinate()][r] = -1;
        }
    }

    /** The network that computes {@code machine}'s transitions. */
    public static TransitionNetwork of(TuringMachine machine) {
        return new TransitionNetwork(machine);
    }

    /** The states, in the order of their one-hot coordinates. */
    public List<String> states() {
        return states;
    }

    /** The alphabet size |Σ|: symbols 0..|Σ|−1 have a coordinate. */
    public int symbols() {
        return symbols;
    }

    /** Input width |Q| + |Σ|. */
    public int inputWidth() {
        return states.size() + symbols;
    }

    /** Hidden width: one unit per rule. */
    public int hiddenWidth() {
        return b1.length;
    }

    /** Output width |Q| + |Σ| + 2 (next state, symbol written, move, halt). */
    public int outputWidth() {
        return states.size() + symbols + 2;
    }

    /** The output coordinate of the move. */
    public int moveCoordinate() {
        return states.size() + symbols;
    }

    /** The output coordinate of the halt signal. */
    public int haltCoordinate() {
        return states.size() + symbols + 1;
    }

    /** The one-hot input (e_q, e_s); a symbol outside the alphabet leaves its block zero. */
    public double[] encode(String state, int symbol) {
        Integer q = stateIndex.get(state);
        if (q == null) {
            throw new IllegalArgumentException("not a state of the machine: " + state);
        }
        double[] x = new double[inputWidth()];
        x[q] = 1;
        if (symbol >= 0 && symbol < symbols) {
            x[states.size() + symbol] = 1;
        }
        return x;
    }

    /** The hidden layer ReLU(W1 x + b1). */
    public double[] hidden(double[] x) {
        double[] h = new double[hiddenWidth()];
        for (int r = 0; r < h.length; r++) {
            h[r] = Math.max(0, Vectors.dot(w1[r], x) + b1[r]);
        }
        return h;
    }

    /** The network: W2 ReLU(W1 x + b1) + b2. */
    public double[] apply(double[] x) {
        double[] h = hidden(x);
        double[] y = new double[outputWidth()];
        for (int k = 0; k < y.length; k++) {
            y[k] = Vectors.dot(w2[k], h) + b2[k];
        }
        return y;
    }

    /**
     * Reads an output vector: halt when its halt coordinate is 1; otherwise the state and symbol
     * whose coordinates are 1 and the move's sign. Refuses a vector that is not of that form.
     */
    public Output decode(double[] y) {
        int nq = states.size();
        if (y[haltCoordinate()] == 1) {
            for (int k = 0; k < haltCoordinate(); k++) {
                requireValue(y, k, 0);
            }
            return new Output(true, null, -1, null);
        }
        requireValue(y, haltCoordinate(), 0);
        int next = oneHot(y, 0, nq);
        int write = oneHot(y, nq, nq + symbols) - nq;
        return new Output(false, states.get(next), write, Move.of((int) y[moveCoordinate()]));
    }

    /** The transition the network computes for {@code state} reading {@code symbol}. */
    public Output step(String state, int symbol) {
        return decode(apply(encode(state, symbol)));
    }

    /** W1 (hidden × input), a copy. */
    public double[][] w1() {
        return Matrices.copy(w1);
    }

    /** b1 (every entry −1), a copy. */
    public double[] b1() {
        return b1.clone();
    }

    /** W2 (output × hidden), a copy. */
    public double[][] w2() {
        return Matrices.copy(w2);
    }

    /** b2 (1 at the halt coordinate, 0 elsewhere), a copy. */
    public double[] b2() {
        return b2.clone();
    }

    private static int oneHot(double[] y, int from, int to) {
        int hot = -1;
        for (int k = from; k < to; k++) {
            if (y[k] == 1 && hot < 0) {
                hot = k;
            } else {
                requireValue(y, k, 0);
            }
        }
        if (hot < 0) {
            throw new IllegalArgumentException("no coordinate of " + from + ".." + (to - 1) + " is 1");
        }
        return hot;
    }

    private static void requireValue(double[] y, int k, double value) {
        if (y[k] != value) {
            throw new IllegalArgumentException("output coordinate " + k + " is " + y[k] + ", expected " + value);
        }
    }
}
