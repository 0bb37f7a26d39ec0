package ttlab.course.attention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic one-tape Turing machine and its direct simulator, which keeps the tape in a map.
 * The tape is infinite both ways and holds symbols 0, 1, 2, ... with 0 the blank. The machine
 * halts when no rule applies to its state and the symbol under the head.
 *
 * <pre>{@code
 * TuringMachine flip = TuringMachine.startingIn("A")
 *         .rule("A", 1, 2, Move.RIGHT, "A")
 *         .rule("A", 2, 1, Move.RIGHT, "A")
 *         .build();
 * flip.run(new int[] {1, 2, 1}, 100).tape(0, 2)   // {2, 1, 2}
 * }</pre>
 */
public final class TuringMachine {

    /** The blank symbol. */
    public static final int BLANK = 0;

    /** A head move. */
    public enum Move {
        LEFT(-1), RIGHT(1);

        /** −1 or +1: the change of the head position. */
        public final int delta;

        Move(int delta) {
            this.delta = delta;
        }

        /** The move whose {@link #delta} is {@code delta} (−1 or +1). */
        public static Move of(int delta) {
            if (delta == -1) {
                return LEFT;
            }
            if (delta == 1) {
                return RIGHT;
            }
            throw new IllegalArgumentException("a move is −1 or +1, not " + delta);
        }
    }

    /** What a rule does: write a symbol, move, go to the next state. */
    public record Action(int write, Move move, String next) {
    }

    /** One rule: in {@code state}, reading {@code read}, do {@code action}. */
    public record Rule(String state, int read, Action action) {
    }

    /**
     * One step of a run: at {@code time}, in {@code state} with the head at {@code head}, the
     * machine read {@code read}, wrote {@code write} and moved.
     */
    public record Step(int time, String state, int head, int read, int write, Move move) {
    }

    /**
     * A run: its steps, the state it ended in, whether it halted (rather than running out of
     * steps), and the final tape (non-blank cells and cells written).
     */
    public record Run(List<Step> steps, String finalState, boolean halted, Map<Integer, Integer> finalTape) {

        /** The final tape's cells {@code from..to}, inclusive. */
        public int[] tape(int from, int to) {
            int[] cells = new int[to - from + 1];
            for (int p = from; p <= to; p++) {
                cells[p - from] = finalTape.getOrDefault(p, BLANK);
            }
            return cells;
        }

        /** The leftmost cell the head visited (0 for a run without steps). */
        public int leftmostCell() {
            return steps.stream().mapToInt(Step::head).min().orElse(0);
        }

        /** The rightmost cell the head visited (0 for a run without steps). */
        public int rightmostCell() {
            return steps.stream().mapToInt(Step::head).max().orElse(0);
        }

        /** How many cells of the final tape hold {@code symbol} (not BLANK). */
        public long count(int symbol) {
            return finalTape.values().stream().filter(s -> s == symbol).count();
        }

        /**
         * The step whose write the machine reads at step {@code t}: the last step before t with
         * the head on the same cell, or −1 when that cell has not been written yet.
         */
        public int lastWriteBefore(int t) {
            int head = steps.get(t).head();
            for (int j = t - 1; j >= 0; j--) {
                if (steps.get(j).head() == head) {
                    return j;
                }
            }
            return -1;
        }
    }

    /**
     * The first index at which two traces differ (state, head, read, write or move), the length of
     * the shorter one when one is a prefix of the other, or −1 when they are equal.
     */
    public static int firstDifference(List<Step> a, List<Step> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return a.size() == b.size() ? -1 : Math.min(a.size(), b.size());
    }

    private final String start;
    private final Map<String, Map<Integer, Action>> rules;

    private TuringMachine(String start, Map<String, Map<Integer, Action>> rules) {
        this.start = start;
        this.rules = rules;
    }

    /** Starts the description of a machine whose first state is {@code start}. */
    public static Builder startingIn(String start) {
        return new Builder(start);
    }

    /** The initial state. */
    public String start() {
        return start;
    }

    /** Every rule: grouped by state, in the order the states first got a rule, and by symbol read within a state. */
    public List<Rule> rules() {
        List<Rule> all = new ArrayList<>();
        rules.forEach((state, byRead) -> byRead.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> all.add(new Rule(state, e.getKey(), e.getValue()))));
        return Collections.unmodifiableList(all);
    }

    /**
     * Every state the machine can be in: the start state first, then the states that have rules,
     * then states that are only entered (where the machine halts), each once.
     */
    public List<String> states() {
        Set<String> states = new LinkedHashSet<>();
        states.add(start);
        states.addAll(rules.keySet());
        for (Rule rule : rules()) {
            states.add(rule.action().next());
        }
        return List.copyOf(states);
    }

    /** The size of the alphabet the rules use: one more than the largest symbol read or written (at least 1, the blank). */
    public int symbols() {
        int largest = BLANK;
        for (Rule rule : rules()) {
            largest = Math.max(largest, Math.max(rule.read(), rule.action().write()));
        }
        return largest + 1;
    }

    /** The rule for reading {@code symbol} in {@code state}, or null: then the machine halts. */
    public Action action(String state, int symbol) {
        return rules.getOrDefault(state, Map.of()).get(symbol);
    }

    /**
     * Runs the machine on {@code input} (written on cells 0, 1, ..., head on cell 0) for at most
     * {@code maxSteps} steps, keeping the tape in a map: the reference the attention simulator is
     * checked against.
     */
    public Run run(int[] input, int maxSteps) {
        Map<Integer, Integer> tape = new HashMap<>();
        for (int p = 0; p < input.length; p++) {
            tape.put(p, input[p]);
        }
        List<Step> steps = new ArrayList<>();
        String state = start;
        int head = 0;
        while (steps.size() < maxSteps) {
            int read = tape.getOrDefault(head, BLANK);
            Action action = action(state, read);
            if (action == null) {
                return new Run(Collections.unmodifiableList(steps), state, true, tape);
            }
            steps.add(new Step(steps.size(), state, head, read, action.write(), action.move()));
            tape.put(head, action.write());
            head += action.move().delta;
            state = action.next();
        }
        boolean halted = action(state, tape.getOrDefault(head, BLANK)) == null;
        return new Run(Collections.unmodifiableList(steps), state, halted, tape);
    }

    /** Collects the rules of a machine. */
    public static final class Builder {
        private final String start;
        private final Map<String, Map<Integer, Action>> rules = new LinkedHashMap<>();

        private Builder(String start) {
            this.start = start;
        }

        /** In {@code state}, reading {@code read}: write {@code write}, move, go to {@code next}. */
        public Builder rule(String state, int read, int write, Move move, String next) {
            if (read < 0 || write < 0) {
                throw new IllegalArgumentException("symbols are 0, 1, 2, ...; got " + read + " and " + write);
            }
            Action previous = rules.computeIfAbsent(state, s -> new LinkedHashMap<>())
                    .put(read, new Action(write, move, next));
            if (previous != null) {
                throw new IllegalArgumentException("two rules for state " + state + " reading " + read);
            }
            return this;
        }

        /** The machine. */
        public TuringMachine build() {
            Map<String, Map<Integer, Action>> copy = new LinkedHashMap<>();
            rules.forEach((state, byRead) -> copy.put(state, Map.copyOf(byRead)));
            return new TuringMachine(start, Collections.unmodifiableMap(copy));
        }
    }
}
