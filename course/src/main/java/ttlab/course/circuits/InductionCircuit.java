package ttlab.course.circuits;

import java.util.List;

/**
 * A two-layer induction circuit with every weight set by hand (the constructive half of "induction
 * heads need two layers"). The residual stream has four blocks of one-hot coordinates:
 * <pre>
 *   [ token (V) | position (n) | previous token (V) | output (V) ]
 * </pre>
 * Layer 1, the <b>previous-token head</b>: query position i scores key position i−1 with β
 * (W<sub>QK</sub> reads only the position block) and its OV map copies the key's token block into the
 * previous-token block. Layer 2, the <b>induction head</b>: query token t scores a key whose
 * previous-token block holds t with β (K-composition: the key side reads what layer 1 wrote), and
 * its OV map copies the key's token into the output block, which W<sub>U</sub> reads. As β → ∞
 * the circuit predicts, at every position whose token occurred before, the token that followed it.
 */
public final class InductionCircuit {

    private InductionCircuit() {
    }

    /** The residual width 3V + n. */
    public static int width(int vocab, int maxLength) {
        return 3 * vocab + maxLength;
    }

    /** The embedded sequence: x<sub>i</sub> = e<sub>token(t_i)</sub> + e<sub>position(i)</sub>. */
    public static double[][] embed(int[] tokens, int vocab, int maxLength) {
        if (tokens.length > maxLength) {
            throw new IllegalArgumentException("sequence of " + tokens.length + " tokens, the circuit was built for " + maxLength);
        }
        double[][] x = new double[tokens.length][width(vocab, maxLength)];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocab) {
                throw new IllegalArgumentException("token " + tokens[i] + " at position " + i + " is outside 0.." + (vocab - 1));
            }
            x[i][tokens[i]] = 1;
            x[i][vocab + i] = 1;
        }
        return x;
    }

    /** The previous-token head: W<sub>QK</sub>[pos i][pos i−1] = β, W<sub>OV</sub>[prev t][token t] = 1. */
    public static AttentionOnlyModel.Head previousTokenHead(int vocab, int maxLength, double beta) {
        int d = width(vocab, maxLength);
        double[][] qk = new double[d][d], ov = new double[d][d];
        for (int i = 1; i < maxLength; i++) {
            qk[vocab + i][vocab + i - 1] = beta;
        }
        for (int t = 0; t < vocab; t++) {
            ov[previousBlock(vocab, maxLength) + t][t] = 1;
        }
        return new AttentionOnlyModel.Head(qk, ov);
    }

    /** The induction head: W<sub>QK</sub>[token t][prev t] = β, W<sub>OV</sub>[out t][token t] = 1. */
    public static AttentionOnlyModel.Head inductionHead(int vocab, int maxLength, double beta) {
        int d = width(vocab, maxLength);
        double[][] qk = new double[d][d], ov = new double[d][d];
        for (int t = 0; t < vocab; t++) {
            qk[t][previousBlock(vocab, maxLength) + t] = beta;
            ov[outputBlock(vocab, maxLength) + t][t] = 1;
        }
        return new AttentionOnlyModel.Head(qk, ov);
    }

    /** The whole circuit: one head per layer, W<sub>U</sub> reading the output block. */
    public static AttentionOnlyModel model(int vocab, int maxLength, double beta) {
        int d = width(vocab, maxLength);
        double[][] unembedding = new double[vocab][d];
        for (int t = 0; t < vocab; t++) {
            unembedding[t][outputBlock(vocab, maxLength) + t] = 1;
        }
        return new AttentionOnlyModel(d, List.of(List.of(previousTokenHead(vocab, maxLength, beta)),
                List.of(inductionHead(vocab, maxLength, beta))), unembedding);
    }

    static int previousBlock(int vocab, int maxLength) {
        return vocab + maxLength;
    }

    static int outputBlock(int vocab, int maxLength) {
        return 2 * vocab + maxLength;
    }
}
