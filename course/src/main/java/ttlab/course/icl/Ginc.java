package ttlab.course.icl;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small GINC-style data set in the spirit of Xie et al. 2022: pretraining documents come from a
 * mixture of hidden Markov models ("concepts"), in-context prompts are examples of one concept
 * separated by a delimiter. Everything is generated from one seed.
 *
 * <ul>
 *   <li>Hidden states are pairs (entity e, property p), plus one delimiter state. Each concept θ has
 *       its own entity transitions T_e^θ, property transitions T_p^θ and start distribution π^θ; a
 *       content state moves to the delimiter with probability δ (the same for every concept),
 *       otherwise to (e', p') with probability (1 − δ) T_e^θ[e][e'] T_p^θ[p][p']; the delimiter
 *       moves to a content state drawn from π^θ.</li>
 *   <li>State (e, p) emits token memory[e][p] (a fixed random table shared by all concepts, so
 *       different states can share a token) with probability 1 − ε, otherwise a uniformly random
 *       content token; the delimiter state emits the delimiter token, the last of the vocabulary.</li>
 *   <li>A prompt is n examples of k tokens each, every one followed by the delimiter, and then the
 *       first k − 1 tokens of a test example; the label is the test example's k-th token. Each
 *       example starts in a content state drawn uniformly: <b>not</b> from π^θ, so prompts are not
 *       pretraining documents (the prompt–pretraining mismatch of Xie et al.).</li>
 * </ul>
 */
public final class Ginc {

    private final int entities;
    private final int properties;
    private final int contentTokens;
    private final List<Hmm> pretraining = new ArrayList<>();
    private final List<Hmm> examplesFromPrompts = new ArrayList<>();
    private final List<Hmm> examplesFromPretraining = new ArrayList<>();

    /**
     * A data set with {@code concepts} concepts over entities × properties hidden states and
     * {@code contentTokens} tokens plus the delimiter. {@code sharpness} is the inverse
     * temperature of the random transition rows (larger: more predictable, more distinguishable).
     */
    public Ginc(int concepts, int entities, int properties, int contentTokens, double delimiterProbability,
                double emissionNoise, double sharpness, long seed) {
        if (concepts < 1 || entities < 1 || properties < 1 || contentTokens < 2) {
            throw new IllegalArgumentException("need at least one concept, entity and property, and two content tokens");
        }
        if (!(delimiterProbability > 0 && delimiterProbability < 1) || !(emissionNoise > 0 && emissionNoise < 1)) {
            throw new IllegalArgumentException("δ and ε must lie in (0, 1), got " + delimiterProbability + " and " + emissionNoise);
        }
        this.entities = entities;
        this.properties = properties;
        this.contentTokens = contentTokens;
        Random random = new Random(seed);
        int[][] memory = new int[entities][properties];
        for (int[] row : memory) {
            for (int p = 0; p < properties; p++) {
                row[p] = random.nextInt(contentTokens);
            }
        }
        int content = entities * properties;
        double[][] emission = new double[content + 1][contentTokens + 1];
        for (int s = 0; s < content; s++) {
            for (int v = 0; v < contentTokens; v++) {
                emission[s][v] = emissionNoise / contentTokens;
            }
            emission[s][memory[s / properties][s % properties]] += 1 - emissionNoise;
        }
        emission[content][contentTokens] = 1;
        double[] uniformStart = new double[content];
        java.util.Arrays.fill(uniformStart, 1.0 / content);
        for (int c = 0; c < concepts; c++) {
            double[][] te = randomRows(entities, sharpness, random);
            double[][] tp = randomRows(properties, sharpness, random);
            double[] pi = randomRows(1, sharpness, random, content)[0];
            double[][] within = new double[content][content];
            double[][] withDelimiter = new double[content + 1][content + 1];
            for (int s = 0; s < content; s++) {
                for (int s2 = 0; s2 < content; s2++) {
                    within[s][s2] = te[s / properties][s2 / properties] * tp[s % properties][s2 % properties];
                    withDelimiter[s][s2] = (1 - delimiterProbability) * within[s][s2];
                }
                withDelimiter[s][content] = delimiterProbability;
                withDelimiter[content][s] = pi[s];
            }
            // The example models have only the content states; they keep the full vocabulary so that
            // token numbers agree, and never emit the delimiter.
            double[][] contentEmission = java.util.Arrays.copyOf(emission, content);
            pretraining.add(new Hmm(java.util.Arrays.copyOf(pi, content + 1), withDelimiter, emission));
            examplesFromPrompts.add(new Hmm(uniformStart, within, contentEmission));
            examplesFromPretraining.add(new Hmm(pi, within, contentEmission));
        }
    }

    /** The pretraining distribution: a uniform prior over the concepts' HMMs (with the delimiter state). */
    public ConceptMixture pretrainingMixture() {
        return ConceptMixture.uniform(pretraining);
    }

    /** Concept c's HMM for whole pretraining documents. */
    public Hmm concept(int c) {
        return pretraining.get(c);
    }

    /** The distribution of one prompt example under concept c: uniform start, c's transitions, no delimiter. */
    public Hmm promptExample(int c) {
        return examplesFromPrompts.get(c);
    }

    /** The same example as a pretraining document would continue after a delimiter: start from π^c. */
    public Hmm pretrainingExample(int c) {
        return examplesFromPretraining.get(c);
    }

    public int concepts() {
        return pretraining.size();
    }

    /** The delimiter token (the last of the vocabulary). */
    public int delimiter() {
        return contentTokens;
    }

    /** A pretraining document of {@code length} tokens from concept c. */
    public int[] document(int c, int length, Random random) {
        return pretraining.get(c).sample(length, random);
    }

    /** A prompt of n examples of length k from concept c, then a test example's first k − 1 tokens. */
    public Prompt prompt(int c, int n, int k, Random random) {
        if (n < 0 || k < 2) {
            throw new IllegalArgumentException("need n ≥ 0 examples of length k ≥ 2, got n = " + n + ", k = " + k);
        }
        List<int[]> examples = new ArrayList<>();
        int[] tokens = new int[n * (k + 1) + k - 1];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int[] example = examplesFromPrompts.get(c).sample(k, random);
            examples.add(example);
            System.arraycopy(example, 0, tokens, at, k);
            at += k;
            tokens[at++] = contentTokens;
        }
        int[] test = examplesFromPrompts.get(c).sample(k, random);
        System.arraycopy(test, 0, tokens, at, k - 1);
        return new Prompt(c, tokens, java.util.List.copyOf(examples), java.util.Arrays.copyOf(test, k - 1), test[k - 1]);
    }

    /**
     * The same prompt with only its last n examples (and the same test example): prompts of every
     * length made from one draw, so that curves over n compare like with like.
     */
    public Prompt lastExamples(Prompt prompt, int n) {
        int total = prompt.examples().size();
        if (n < 0 || n > total) {
            throw new IllegalArgumentException("the prompt has " + total + " examples, cannot keep " + n);
        }
        int k = prompt.testPrefix().length + 1;
        List<int[]> kept = prompt.examples().subList(total - n, total);
        int[] tokens = new int[n * (k + 1) + k - 1];
        int at = 0;
        for (int[] example : kept) {
            System.arraycopy(example, 0, tokens, at, k);
            at += k;
            tokens[at++] = contentTokens;
        }
        System.arraycopy(prompt.testPrefix(), 0, tokens, at, k - 1);
        return new Prompt(prompt.concept(), tokens, List.copyOf(kept), prompt.testPrefix(), prompt.label());
    }

    /** A prompt: its concept, its tokens (ending with the test prefix), its examples, the test prefix and the label. */
    public record Prompt(int concept, int[] tokens, List<int[]> examples, int[] testPrefix, int label) {
    }

    private static double[][] randomRows(int size, double sharpness, Random random) {
        return randomRows(size, sharpness, random, size);
    }

    /** Rows ∝ exp(sharpness · g) with g standard normal: random distributions, peaked for large sharpness. */
    private static double[][] randomRows(int rows, double sharpness, Random random, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                row[j] = Math.exp(sharpness * random.nextGaussian());
                sum += row[j];
            }
            for (int j = 0; j < cols; j++) {
                row[j] /= sum;
            }
        }
        return m;
    }
}
