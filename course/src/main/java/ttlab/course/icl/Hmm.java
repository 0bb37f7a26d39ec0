package ttlab.course.icl;

import ttlab.course.attention.Softmax;

import java.util.Random;

/**
 * A hidden Markov model over S states and V tokens: the first state is drawn from
 * {@code initial}, state s moves to s' with probability {@code transition[s][s']}, and state s
 * emits token v with probability {@code emission[s][v]}. Probabilities of whole sequences are
 * computed in log space (the forward algorithm with log-sum-exp), because in linear space they
 * underflow after a few hundred tokens.
 */
public record Hmm(double[] initial, double[][] transition, double[][] emission) {

    private static final double TOLERANCE = 1e-9;

    public Hmm {
        int states = initial.length;
        requireDistribution(initial, "initial");
        if (transition.length != states || emission.length != states) {
            throw new IllegalArgumentException("need one transition row and one emission row per state (" + states
                    + "), got " + transition.length + " and " + emission.length);
        }
        int vocabulary = emission[0].length;
        for (int s = 0; s < states; s++) {
            if (transition[s].length != states) {
                throw new IllegalArgumentException("transition row " + s + " has " + transition[s].length
                        + " entries, need " + states);
            }
            if (emission[s].length != vocabulary) {
                throw new IllegalArgumentException("emission row " + s + " has " + emission[s].length
                        + " entries, need " + vocabulary);
            }
            requireDistribution(transition[s], "transition row " + s);
            requireDistribution(emission[s], "emission row " + s);
        }
    }

    public int states() {
        return initial.length;
    }

    public int vocabulary() {
        return emission[0].length;
    }

    /**
     * The log forward messages: row t holds log p(o₀..o_t, s_t = s) for every state s. Row 0 is
     * log initial(s) + log emission(s, o₀); row t+1 is log-sum-exp over s of (row t)(s) +
     * log transition(s, s'), plus log emission(s', o_{t+1}).
     */
    public double[][] logForward(int[] tokens) {
        requireTokens(tokens);
        int states = states();
        double[][] alpha = new double[tokens.length][states];
        for (int s = 0; s < states; s++) {
            alpha[0][s] = Math.log(initial[s]) + Math.log(emission[s][tokens[0]]);
        }
        double[] terms = new double[states];
        for (int t = 1; t < tokens.length; t++) {
            for (int next = 0; next < states; next++) {
                for (int s = 0; s < states; s++) {
                    terms[s] = alpha[t - 1][s] + Math.log(transition[s][next]);
                }
                alpha[t][next] = logSumExp(terms) + Math.log(emission[next][tokens[t]]);
            }
        }
        return alpha;
    }

    /**
     * log p(o₀..o_{T−1}); 0 (probability one) for the empty sequence. Computed with the scaled
     * forward recursion (Rabiner 1989): each message is normalized to sum 1 and the logs of the
     * normalizers add up to the log-likelihood. It equals log-sum-exp of {@link #logForward}'s last
     * row, without a logarithm per term.
     */
    public double logLikelihood(int[] tokens) {
        if (tokens.length == 0) {
            return 0;
        }
        return scaledForward(tokens).logLikelihood;
    }

    private record Scaled(double[] last, double logLikelihood) {
    }

    /** The normalized last forward message p(s_{T−1} | o) and log p(o). */
    private Scaled scaledForward(int[] tokens) {
        requireTokens(tokens);
        int states = states();
        double[] alpha = new double[states];
        for (int s = 0; s < states; s++) {
            alpha[s] = initial[s] * emission[s][tokens[0]];
        }
        double log = normalize(alpha, 0);
        for (int t = 1; t < tokens.length; t++) {
            double[] next = new double[states];
            for (int s = 0; s < states; s++) {
                if (alpha[s] == 0) {
                    continue;
                }
                for (int s2 = 0; s2 < states; s2++) {
                    next[s2] += alpha[s] * transition[s][s2];
                }
            }
            for (int s2 = 0; s2 < states; s2++) {
                next[s2] *= emission[s2][tokens[t]];
            }
            log = normalize(next, log);
            alpha = next;
        }
        return new Scaled(alpha, log);
    }

    /** Scales p to sum 1 and returns log + log(its old sum); −∞ once the sequence is impossible. */
    private static double normalize(double[] p, double log) {
        double sum = 0;
        for (double x : p) {
            sum += x;
        }
        if (sum == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return log + Math.log(sum);
    }

    /** p(o_T = v | o₀..o_{T−1}) for every token v: the next-token distribution. */
    public double[] nextTokenDistribution(int[] tokens) {
        double[] state = tokens.length == 0 ? initial.clone() : nextStateDistribution(tokens);
        double[] next = new double[vocabulary()];
        for (int s = 0; s < states(); s++) {
            for (int v = 0; v < next.length; v++) {
                next[v] += state[s] * emission[s][v];
            }
        }
        return next;
    }

    /** A sequence of {@code length} tokens drawn from the model. */
    public int[] sample(int length, Random random) {
        int[] tokens = new int[length];
        int state = draw(initial, random);
        for (int t = 0; t < length; t++) {
            if (t > 0) {
                state = draw(transition[state], random);
            }
            tokens[t] = draw(emission[state], random);
        }
        return tokens;
    }

    /** p(s_T = s' | o₀..o_{T−1}), from the normalized last forward message. */
    private double[] nextStateDistribution(int[] tokens) {
        double[] last = scaledForward(tokens).last();
        double[] next = new double[states()];
        for (int s = 0; s < states(); s++) {
            for (int s2 = 0; s2 < next.length; s2++) {
                next[s2] += last[s] * transition[s][s2];
            }
        }
        return next;
    }

    /**
     * log Σ exp(uᵢ), shifted by the largest term; −∞ when every term is −∞ (a state that cannot be
     * reached), which the attention package's softmax rightly refuses but a forward message allows.
     */
    public static double logSumExp(double[] u) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : u) {
            max = Math.max(max, x);
        }
        return max == Double.NEGATIVE_INFINITY ? max : Softmax.logSumExp(u);
    }

    static int draw(double[] distribution, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < distribution.length; i++) {
            cumulative += distribution[i];
            if (u < cumulative) {
                return i;
            }
        }
        // Rounding can leave the cumulative sum a hair below 1: the last state with mass.
        for (int i = distribution.length - 1; i >= 0; i--) {
            if (distribution[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("empty distribution");
    }

    private void requireTokens(int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("need at least one token");
        }
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t] < 0 || tokens[t] >= vocabulary()) {
                throw new IllegalArgumentException("token " + tokens[t] + " at position " + t
                        + " is outside the vocabulary 0.." + (vocabulary() - 1));
            }
        }
    }

    private static void requireDistribution(double[] p, String what) {
        double sum = 0;
        for (double x : p) {
            if (!(x >= 0)) {
                throw new IllegalArgumentException(what + " has a negative or NaN probability " + x);
            }
            sum += x;
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new IllegalArgumentException(what + " sums to " + sum + ", not 1");
        }
    }
}
