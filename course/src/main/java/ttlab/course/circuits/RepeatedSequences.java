package ttlab.course.circuits;

import java.util.Random;

/**
 * The data on which induction heads form: a beginning-of-sequence token, then a random segment of
 * distinct tokens of random length, repeated to fill the sequence. Because the segment's length
 * (and so the period) is random, no fixed positional offset predicts the next token: only "find
 * the previous occurrence of the current token and copy what followed it" does. Token 0 is the
 * beginning-of-sequence token and never appears again.
 */
public final class RepeatedSequences {

    /** The beginning-of-sequence token. */
    public static final int BOS = 0;

    private RepeatedSequences() {
    }

    /**
     * A sequence of {@code length} tokens: {@link #BOS}, then a segment of distinct tokens drawn
     * from 1..vocab−1, of a length drawn uniformly from [minSegment, maxSegment], repeated.
     */
    public static int[] sample(Random random, int vocab, int length, int minSegment, int maxSegment) {
        if (minSegment < 1 || maxSegment < minSegment) {
            throw new IllegalArgumentException("segment lengths must satisfy 1 <= min <= max, not " + minSegment + ", " + maxSegment);
        }
        if (maxSegment > vocab - 1) {
            throw new IllegalArgumentException("a segment of " + maxSegment + " distinct tokens needs a vocabulary of at least "
                    + (maxSegment + 1) + " (token 0 is BOS), not " + vocab);
        }
        if (length < 2) {
            throw new IllegalArgumentException("a sequence needs BOS and at least one token, not length " + length);
        }
        int segmentLength = minSegment + random.nextInt(maxSegment - minSegment + 1);
        int[] pool = new int[vocab - 1];
        for (int t = 0; t < pool.length; t++) {
            pool[t] = t + 1;
        }
        for (int k = 0; k < segmentLength; k++) {           // partial Fisher–Yates: distinct tokens
            int pick = k + random.nextInt(pool.length - k);
            int swap = pool[k];
            pool[k] = pool[pick];
            pool[pick] = swap;
        }
        int[] tokens = new int[length];
        tokens[0] = BOS;
        for (int i = 1; i < length; i++) {
            tokens[i] = pool[(i - 1) % segmentLength];
        }
        return tokens;
    }

    /**
     * The length of a {@link #sample}'s repeated segment: the distance from position 1 to the next
     * occurrence of its token (the whole sequence after BOS when it does not repeat).
     */
    public static int segmentLength(int[] tokens) {
        for (int j = 2; j < tokens.length; j++) {
            if (tokens[j] == tokens[1]) {
                return j - 1;
            }
        }
        return tokens.length - 1;
    }

    /**
     * What an induction head predicts after each position: the token that followed the most
     * recent earlier occurrence of {@code tokens[i]}, or −1 where the token has not occurred before
     * (and at the last position, which has nothing to predict).
     */
    public static int[] inductionTargets(int[] tokens) {
        int[] targets = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            targets[i] = -1;
            if (i == tokens.length - 1) {
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                if (tokens[j] == tokens[i]) {
                    targets[i] = tokens[j + 1];
                    break;
                }
            }
        }
        return targets;
    }

    /** Whether position i is copyable: its token occurred before, so induction predicts the next one. */
    public static boolean[] copyable(int[] tokens) {
        int[] targets = inductionTargets(tokens);
        boolean[] copyable = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            copyable[i] = targets[i] >= 0;
        }
        return copyable;
    }
}
