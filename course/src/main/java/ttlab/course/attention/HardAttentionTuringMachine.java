package ttlab.course.attention;

import ttlab.course.attention.TuringMachine.Step;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a {@link TuringMachine} the way the decoder in Pérez, Barceló &amp; Marinkovic (2021) does:
 * the tape is never stored. Step i keeps only what the machine wrote, every symbol it reads is
 * recovered by hard attention over that history of writes, and the transition (next state, symbol
 * written, move, or halt) is computed by the ReLU network {@link TransitionNetwork}, not looked up
 * in the machine's rule table.
 *
 * <p>Decoder position i (one per machine step) holds the positional encoding
 * {@code 1/(i+1), 1/(i+1)²} and, after its step, the symbol written {@code w_i}. Two attention
 * operations recover the tape:
 *
 * <ol>
 *   <li><b>Head position</b>: uniform attention over positions 0..i of the moves
 *       made so far ({@code μ_0 = 0, μ_k = m_{k−1} = ±1}) gives {@code ĉ_i = c(i)/(i+1)}, the head
 *       position c(i) divided by i + 1. Uniform weights are what hard attention gives when all
 *       scores tie.</li>
 *   <li><b>Last write at the head</b> (the idea of the paper's construction; the vectors are ours): query
 *       {@code q_i = (ĉ_i, 1/(i+1), 1/(3(i+1)²))}, keys {@code k_j = (1/(j+1), −ĉ_j, 1/(j+1)²)} for
 *       j &lt; i, score {@code −|⟨q_i, k_j⟩|}. Then
 *       {@code ⟨q_i, k_j⟩ = (c(i) − c(j))/((i+1)(j+1)) + 1/(3(i+1)²(j+1)²)}: a write on the same cell
 *       scores {@code −1/(3(i+1)²(j+1)²)}, closer to 0 the later it happened, while any other cell
 *       scores below {@code −2/(3(i+1)²)}. So hard attention picks the last write on the head's cell,
 *       and a best score below {@code −1/(2(i+1)²)} says the cell was never written.</li>
 *   <li>A never-written cell holds the input (cells 0..n−1) or the blank: attention over the input
 *       positions with score {@code −|ĉ_i − p/(i+1)|} finds cell p = c(i) when it exists: query
 *       {@code (ĉ_i, 1/(i+1))}, encoder key {@code (1, −p)}, and a best score below
 *       {@code −1/(2(i+1))} says the head is outside the input.</li>
 * </ol>
 *
 * <p>Every number is rounded to the chosen {@link Precision} after every operation. In exact
 * arithmetic the lookups are always right; with a fixed number of bits they fail once the tiny
 * tie-breaking term {@code 1/(3(i+1)²(j+1)²)} drowns in the rounding error of the other two.
 */
public final class HardAttentionTuringMachine {

    private final TransitionNetwork network;
    private final Precision precision;

    /** A simulator of {@code machine} computing in {@code precision}. */
    public HardAttentionTuringMachine(TuringMachine machine, Precision precision) {
        this.network = TransitionNetwork.of(machine);
        this.precision = precision;
    }

    /** The network that computes the transitions. */
    public TransitionNetwork network() {
        return network;
    }

    /**
     * The result of a run: the steps (the head position is decoded from ĉ for comparison only;
     * the simulation itself never uses it), and for each step the history positions its tape
     * lookup attended to (empty when the symbol came from the input or was blank).
     */
    public static final class Result {
        private final List<Step> steps;
        private final List<int[]> attended;
        private final String finalState;
        private final boolean halted;
        private final int blendedReads;
        private final History history;
        private final int[] input;
        private final TransitionNetwork network;
        private final List<double[]> transitions;

        private Result(List<Step> steps, List<int[]> attended, String finalState, boolean halted,
                       int blendedReads, History history, int[] input, TransitionNetwork network,
                       List<double[]> transitions) {
            this.network = network;
            this.transitions = transitions;
            this.steps = steps;
            this.attended = attended;
            this.finalState = finalState;
            this.halted = halted;
            this.blendedReads = blendedReads;
            this.history = history;
            this.input = input;
        }

        /** The steps, comparable with {@link TuringMachine.Run#steps()}. */
        public List<Step> steps() {
            return steps;
        }

        /** For step i, the history positions j &lt; i its lookup attended to (hard attention's argmax set). */
        public List<int[]> attended() {
            return attended;
        }

        /** The state after the last step. */
        public String finalState() {
            return finalState;
        }

        /** Whether the machine halted (no rule applied) rather than running out of steps. */
        public boolean halted() {
            return halted;
        }

        /**
         * How many reads attended to several writes with different symbols (a tie that only
         * rounding can create): the blended value is then decoded to its heaviest symbol.
         */
        public int blendedReads() {
            return blendedReads;
        }

        /** The head encoding {@code ĉ_i = c(i)/(i+1)} that step i computed, rounded as the run computed it. */
        public double headEncoding(int i) {
            if (i < 0 || i >= steps.size()) {
                throw new IndexOutOfBoundsException("step " + i + " of a run of " + steps.size() + " steps");
            }
            return history.cHat(i);
        }

        /**
         * The score {@code −|⟨q_i, k_j⟩|} that step i's lookup gave history position j &lt; i, computed
         * exactly as during the run (same precision, same order of operations).
         */
        public double score(int i, int j) {
            if (j < 0 || j >= i) {
                throw new IndexOutOfBoundsException("step " + i + " looks up history positions 0.." + (i - 1) + ", not " + j);
            }
            return history.score(i, headEncoding(i), j);
        }

        /**
         * The final tape's cells {@code from..to}, each recovered by the same attention lookups
         * as during the run, with the query placed at that cell after the last step.
         */
        public int[] tape(int from, int to) {
            int t = steps.size();
            int[] cells = new int[to - from + 1];
            for (int p = from; p <= to; p++) {
                double cHat = history.precision.round((double) p / (t + 1));
                cells[p - from] = history.read(t, cHat, input).symbol;
            }
            return cells;
        }

        /**
         * The scores {@code −|ĉ_i − p/(i+1)|} that step i's encoder-side lookup gives the input
         * positions p = 0..n−1, computed as during the run. (The run uses them only when no write
         * on the head's cell scores high enough.)
         */
        public double[] encoderScores(int i) {
            double inv = history.r(1.0 / (i + 1));
            return history.encoderScores(history.cHat(i), inv, input.length);
        }

        /**
         * The output of the transition network at step i (see {@link TransitionNetwork}); at
         * {@code i = steps().size()} the output for the state and symbol after the last step,
         * which signals halt when the run halted.
         */
        public double[] transition(int i) {
            return transitions.get(i).clone();
        }

        /**
         * The decoder vector at position i, laid out as {@link DecoderLayout} says: the one-hot
         * state, the previous move, 1/(i+1), 1/(i+1)², ĉ_i, the one-hot symbol read, and the
         * transition network's output. Position {@code steps().size()} is the final query.
         */
        public double[] decoderVector(int i) {
            DecoderLayout layout = DecoderLayout.of(network);
            double[] v = new double[layout.width()];
            String state = i < steps.size() ? steps.get(i).state() : finalState;
            int read = i < steps.size() ? steps.get(i).read() : history.finalRead;
            double[] x = network.encode(state, read);
            int q = network.states().size();
            System.arraycopy(x, 0, v, layout.block(DecoderLayout.STATE).from(), q);
            System.arraycopy(x, q, v, layout.block(DecoderLayout.READ).from(), network.symbols());
            v[layout.block(DecoderLayout.PREVIOUS_MOVE).from()] = history.moves[i];
            double inv = history.r(1.0 / (i + 1));
            v[layout.block(DecoderLayout.INVERSE).from()] = inv;
            v[layout.block(DecoderLayout.INVERSE_SQUARED).from()] = history.r(inv * inv);
            v[layout.block(DecoderLayout.HEAD).from()] = history.cHat(i);
            System.arraycopy(transitions.get(i), 0, v, layout.block(DecoderLayout.NEXT_STATE).from(), network.outputWidth());
            return v;
        }

        /**
         * The first step whose lookup attended to anything but the last write on the head's cell
         * in {@code reference} (the direct simulator's run of the same machine), or −1 if none.
         */
        public int firstWrongLookup(TuringMachine.Run reference) {
            for (int i = 0; i < steps.size(); i++) {
                int expected = reference.lastWriteBefore(i);
                int[] a = attended.get(i);
                boolean right = expected < 0 ? a.length == 0 : a.length == 1 && a[0] == expected;
                if (!right) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The first {@code shown} steps as a table: state, head, symbol read, the write it was read
         * from (−1: none, the input or a blank), symbol written, move.
         */
        public Table stepsTable(String title, int shown) {
            IntColumn step = IntColumn.create("step"), head = IntColumn.create("head c(i)"), read = IntColumn.create("read"),
                    from = IntColumn.create("read from write j"), write = IntColumn.create("write");
            StringColumn state = StringColumn.create("state"), move = StringColumn.create("move");
            for (int i = 0; i < Math.min(shown, steps.size()); i++) {
                Step s = steps.get(i);
                step.append(i);
                state.append(s.state());
                head.append(s.head());
                read.append(s.read());
                from.append(attended.get(i).length == 0 ? -1 : attended.get(i)[0]);
                write.append(s.write());
                move.append(s.move().toString());
            }
            return Table.create(title, step, state, head, read, from, write, move);
        }

        /**
         * The lookups as a matrix: row i holds the hard-attention weights step i put on the
         * history positions 0..T−1 (all zero when it read the input or a blank).
         */
        public double[][] lookupWeights() {
            int n = steps.size();
            double[][] w = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j : attended.get(i)) {
                    w[i][j] = 1.0 / attended.get(i).length;
                }
            }
            return w;
        }
    }

    /**
     * Runs the machine on {@code input} for at most {@code maxSteps} steps. Nothing here stores the
     * tape: what step i reads comes from {@link History#read}.
     */
    public Result run(int[] input, int maxSteps) {
        History history = new History(precision, maxSteps);
        List<Step> steps = new ArrayList<>();
        List<int[]> attended = new ArrayList<>();
        List<double[]> transitions = new ArrayList<>();
        String state = network.states().get(0);
        int blended = 0;
        boolean halted = false;
        // μ_0 = 0: position 0 has no previous move.
        history.moves[0] = 0;
        for (int i = 0; i < maxSteps; i++) {
            double cHat = history.headOverStepsPlusOne(i);
            history.cHatNow = cHat;
            Read read = history.read(i, cHat, input);
            double[] y = network.apply(network.encode(state, read.symbol));
            transitions.add(y);
            TransitionNetwork.Output out = network.decode(y);
            if (out.halts()) {
                history.finalRead = read.symbol;
                halted = true;
                break;
            }
            if (read.blended) {
                blended++;
            }
            // Decoded only to report the step; the machine itself works with ĉ.
            int head = (int) Math.round(cHat * (i + 1));
            steps.add(new Step(i, state, head, read.symbol, out.write(), out.move()));
            attended.add(read.attended);
            history.append(i, cHat, out.write(), out.move().delta);
            state = out.next();
        }
        if (!halted && steps.size() == maxSteps) {
            int t = steps.size();
            double cHat = history.headOverStepsPlusOne(t);
            history.cHatNow = cHat;
            int symbol = history.read(t, cHat, input).symbol;
            history.finalRead = symbol;
            double[] y = network.apply(network.encode(state, symbol));
            transitions.add(y);
            halted = network.decode(y).halts();
        }
        return new Result(Collections.unmodifiableList(steps), Collections.unmodifiableList(attended), state,
                halted, blended, history, input.clone(), network, Collections.unmodifiableList(transitions));
    }

    /** What a lookup returned: the symbol, the attended history positions, whether it blended symbols. */
    private record Read(int symbol, int[] attended, boolean blended) {
    }

    /** The decoder's memory: per history position, its encodings and what was written there. */
    private static final class History {
        private final Precision precision;
        private final double[] cHat;       // ĉ_j = c(j)/(j+1)
        private final double[] inverse;    // 1/(j+1)
        private final double[] inverse2;   // 1/(j+1)²
        private final int[] written;       // w_j
        private final int[] moves;         // μ_j: μ_0 = 0, μ_j = m_{j−1}
        private int size;
        private double cHatNow;            // ĉ of the position after the last step (the final query)
        private int finalRead;             // the symbol read there

        History(Precision precision, int capacity) {
            this.precision = precision;
            this.cHat = new double[capacity];
            this.inverse = new double[capacity];
            this.inverse2 = new double[capacity];
            this.written = new int[capacity];
            this.moves = new int[capacity + 1];
        }

        private double r(double x) {
            return precision.round(x);
        }

        /** ĉ_j as the run computed it; j = size is the final query's. */
        double cHat(int j) {
            return j < size ? cHat[j] : cHatNow;
        }

        /** The encoder-side scores −|ĉ − p/(i+1)| of the input positions p = 0..n−1. */
        double[] encoderScores(double cHatI, double inv, int n) {
            double[] scores = new double[n];
            for (int p = 0; p < n; p++) {
                scores[p] = -Math.abs(r(cHatI + r(inv * -p)));
            }
            return scores;
        }

        /** Uniform attention over positions 0..i of the moves: (1/(i+1)) Σ μ_k = c(i)/(i+1). */
        double headOverStepsPlusOne(int i) {
            double weight = r(1.0 / (i + 1));
            double sum = 0;
            for (int k = 0; k <= i; k++) {
                sum = r(sum + r(weight * moves[k]));
            }
            return sum;
        }

        void append(int i, double cHatI, int write, int move) {
            cHat[i] = cHatI;
            inverse[i] = r(1.0 / (i + 1));
            inverse2[i] = r(inverse[i] * inverse[i]);
            written[i] = write;
            moves[i + 1] = move;
            size = i + 1;
        }

        /** The symbol under the head at step i, recovered by attention from the writes 0..i−1 and the input. */
        Read read(int i, double cHatI, int[] input) {
            double inv = r(1.0 / (i + 1));
            double inv2 = r(inv * inv);
            double q0 = cHatI;
            double q1 = inv;
            double q2 = r(inv2 / 3);
            int n = Math.min(i, size);
            if (n > 0) {
                double best = Double.NEGATIVE_INFINITY;
                double[] scores = new double[n];
                for (int j = 0; j < n; j++) {
                    scores[j] = score(q0, q1, q2, j);
                    best = Math.max(best, scores[j]);
                }
                // A written cell scores above −1/(3(i+1)²), an unwritten one below −2/(3(i+1)²).
                if (best > -r(inv2 / 2)) {
                    return decode(scores, best);
                }
            }
            return readInput(cHatI, inv, input);
        }

        /** The score −|⟨q_i, k_j⟩| of history position j for step i's query. */
        double score(int i, double cHatI, int j) {
            double inv = r(1.0 / (i + 1));
            double inv2 = r(inv * inv);
            return score(cHatI, inv, r(inv2 / 3), j);
        }

        private double score(double q0, double q1, double q2, int j) {
            double dot = r(r(r(q0 * inverse[j]) + r(q1 * -cHat[j])) + r(q2 * inverse2[j]));
            return -Math.abs(dot);
        }

        /** Hard attention's output: the average of the one-hot symbols at the maximal scores. */
        private Read decode(double[] scores, double best) {
            int ties = 0;
            for (double s : scores) {
                if (s == best) {
                    ties++;
                }
            }
            int[] attended = new int[ties];
            int symbols = 0;
            for (int j = 0, k = 0; j < scores.length; j++) {
                if (scores[j] == best) {
                    attended[k++] = j;
                    symbols = Math.max(symbols, written[j] + 1);
                }
            }
            double[] value = new double[symbols];
            for (int j : attended) {
                value[written[j]] += 1.0 / ties;
            }
            int symbol = 0;
            for (int s = 1; s < value.length; s++) {
                if (value[s] > value[symbol]) {
                    symbol = s;
                }
            }
            return new Read(symbol, attended, value[symbol] < 1);
        }

        /** Encoder-side attention: the input symbol at cell c(i), or the blank outside the input. */
        private Read readInput(double cHatI, double inv, int[] input) {
            double[] scores = encoderScores(cHatI, inv, input.length);
            double best = Double.NEGATIVE_INFINITY;
            int cell = -1;
            for (int p = 0; p < input.length; p++) {
                if (scores[p] > best) {
                    best = scores[p];
                    cell = p;
                }
            }
            boolean onInput = cell >= 0 && best > -r(inv / 2);
            return new Read(onInput ? input[cell] : TuringMachine.BLANK, new int[0], false);
        }
    }
}
