package ttlab.course.attention;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which coordinates of the decoder vector at position i hold what, in the hard-attention
 * simulation of a machine with states Q and alphabet Σ ({@link HardAttentionTuringMachine.Result#decoderVector}),
 * and which part of the decoder writes them.
 */
public final class DecoderLayout {

    /** The state q(i), one-hot over {@link TransitionNetwork#states()}. */
    public static final String STATE = "q(i)";
    /** The previous move μ(i) = m(i−1), 0 at position 0. */
    public static final String PREVIOUS_MOVE = "μ(i)";
    /** The positional encoding 1/(i+1). */
    public static final String INVERSE = "1/(i+1)";
    /** The positional encoding 1/(i+1)². */
    public static final String INVERSE_SQUARED = "1/(i+1)²";
    /** The head encoding ĉ(i) = c(i)/(i+1). */
    public static final String HEAD = "ĉ(i)";
    /** The symbol read s(i), one-hot over Σ. */
    public static final String READ = "s(i)";
    /** The next state q(i+1), one-hot. */
    public static final String NEXT_STATE = "q(i+1)";
    /** The symbol written w(i), one-hot. */
    public static final String WRITE = "w(i)";
    /** The move m(i) = ±1. */
    public static final String MOVE = "m(i)";
    /** The halt signal: 1 when no rule applies to (q(i), s(i)). */
    public static final String HALT = "halt";

    /** A block of coordinates {@code from..from+width−1}: what it holds and what writes it. */
    public record Block(String name, int from, int width, String writtenBy, String holds) {
        /** The block's part of {@code vector}. */
        public double[] of(double[] vector) {
            return Arrays.copyOfRange(vector, from, from + width);
        }
    }

    /**
     * A decoder vector read block by block: the state, the previous move, the two positional
     * encodings, ĉ, the symbol read (−1 when its block is all zero: a symbol outside the alphabet),
     * and the transition the network's output block says.
     */
    public record Reading(String state, int previousMove, double inverse, double inverseSquared, double head,
                          int read, TransitionNetwork.Output transition) {
    }

    private final List<Block> blocks = new ArrayList<>();
    private final TransitionNetwork network;
    private int width;

    private DecoderLayout(TransitionNetwork network) {
        this.network = network;
        int q = network.states().size(), s = network.symbols();
        add(STATE, q, "input (the previous position's output; the start state at 0)", "state, one-hot");
        add(PREVIOUS_MOVE, 1, "input (the previous position's output; 0 at 0)", "previous move m(i−1)");
        add(INVERSE, 1, "input (positional encoding)", "1/(i+1)");
        add(INVERSE_SQUARED, 1, "input (positional encoding)", "1/(i+1)²");
        add(HEAD, 1, "attention 1: uniform over μ(0..i)", "head cell c(i) divided by i+1");
        add(READ, s, "attention 2: last write on the head's cell, else the encoder", "symbol read, one-hot");
        add(NEXT_STATE, q, "feed-forward: TransitionNetwork", "next state, one-hot");
        add(WRITE, s, "feed-forward: TransitionNetwork", "symbol written, one-hot");
        add(MOVE, 1, "feed-forward: TransitionNetwork", "move, ±1");
        add(HALT, 1, "feed-forward: TransitionNetwork", "1 when no rule applies");
    }

    /** The layout for the machine {@code network} computes. */
    public static DecoderLayout of(TransitionNetwork network) {
        return new DecoderLayout(network);
    }

    private void add(String name, int size, String writtenBy, String holds) {
        blocks.add(new Block(name, width, size, writtenBy, holds));
        width += size;
    }

    /** The blocks, in the order of their coordinates. */
    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** The block called {@code name} (one of the constants of this class). */
    public Block block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no block " + name));
    }

    /** The part of {@code vector} in block {@code name}. */
    public double[] slice(double[] vector, String name) {
        return block(name).of(vector);
    }

    /** Reads {@code vector} block by block; refuses one-hot blocks that are not one-hot. */
    public Reading read(double[] vector) {
        int state = oneHot(slice(vector, STATE), false);
        int read = oneHot(slice(vector, READ), true);
        return new Reading(network.states().get(state), (int) slice(vector, PREVIOUS_MOVE)[0],
                slice(vector, INVERSE)[0], slice(vector, INVERSE_SQUARED)[0], slice(vector, HEAD)[0], read,
                network.decode(Arrays.copyOfRange(vector, block(NEXT_STATE).from(), width)));
    }

    private static int oneHot(double[] block, boolean mayBeZero) {
        int hot = -1;
        for (int k = 0; k < block.length; k++) {
            if (block[k] == 1 && hot < 0) {
                hot = k;
            } else if (block[k] != 0) {
                throw new IllegalArgumentException("not one-hot: " + Arrays.toString(block));
            }
        }
        if (hot < 0 && !mayBeZero) {
            throw new IllegalArgumentException("no coordinate is 1: " + Arrays.toString(block));
        }
        return hot;
    }

    /** The decoder vector's width. */
    public int width() {
        return width;
    }

    /** The layout as a table: coordinates, name, what it holds, what writes it. */
    public Table table() {
        StringColumn coordinates = StringColumn.create("coordinates"), name = StringColumn.create("block"),
                holds = StringColumn.create("holds"), writer = StringColumn.create("written by");
        IntColumn widths = IntColumn.create("width");
        for (Block b : blocks) {
            coordinates.append(b.width() == 1 ? String.valueOf(b.from()) : b.from() + ".." + (b.from() + b.width() - 1));
            name.append(b.name());
            widths.append(b.width());
            holds.append(b.holds());
            writer.append(b.writtenBy());
        }
        return Table.create("decoder vector at position i", coordinates, name, widths, holds, writer);
    }
}
