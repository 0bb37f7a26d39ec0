package ttlab.course.ssm;

/**
 * Inference memory of a decoder: a transformer's KV cache, which grows by a fixed number of bytes
 * per token of context, against a state space model's state, which does not grow.
 */
public final class MemoryAudit {

    private MemoryAudit() {
    }

    /**
     * A transformer's attention: per layer and token it keeps one key and one value of
     * {@code headDim} numbers per key–value head.
     */
    public record Transformer(String name, int layers, int kvHeads, int headDim, int bytesPerNumber) {
        /** 2 · layers · kvHeads · headDim numbers per token. */
        public long numbersPerToken() {
            return 2L * layers * kvHeads * headDim;
        }

        /** KV-cache bytes per token of context. */
        public long bytesPerToken() {
            return numbersPerToken() * bytesPerNumber;
        }

        /** KV-cache bytes for a context of {@code tokens} tokens (one sequence). */
        public long cacheBytes(long tokens) {
            return Math.multiplyExact(bytesPerToken(), tokens);
        }
    }

    /**
     * A Mamba-style SSM: per layer, {@code channels} (the expanded width) recurrences of
     * {@code state} numbers, and the last {@code convWidth − 1} inputs of its short convolution.
     */
    public record Ssm(String name, int layers, int channels, int state, int convWidth, int bytesPerNumber) {
        /** layers · channels · (N + convWidth − 1) numbers, whatever the context length. */
        public long stateNumbers() {
            return (long) layers * channels * (state + convWidth - 1);
        }

        /** The state's bytes (one sequence). */
        public long stateBytes() {
            return stateNumbers() * bytesPerNumber;
        }
    }

    /** The context length at which the transformer's cache first holds at least as many bytes as the SSM's state. */
    public static long breakEvenTokens(Transformer transformer, Ssm ssm) {
        return (ssm.stateBytes() + transformer.bytesPerToken() - 1) / transformer.bytesPerToken();
    }

    /**
     * The counting bound: a state of {@code numbers} numbers of {@code bitsPerNumber} bits takes at
     * most 2^(numbers·bits) values, so it can recall exactly at most numbers·bits / log₂ V values
     * each drawn from V possibilities (all assignments of the values must give different states).
     */
    public static double maxExactlyRecalledValues(long numbers, int bitsPerNumber, double alphabet) {
        if (alphabet < 2) {
            throw new IllegalArgumentException("the alphabet needs at least 2 values, got " + alphabet);
        }
        return numbers * (double) bitsPerNumber / (Math.log(alphabet) / Math.log(2));
    }
}
