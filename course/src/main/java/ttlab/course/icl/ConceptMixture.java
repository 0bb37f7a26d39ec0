package ttlab.course.icl;

import ttlab.course.attention.Softmax;

import java.util.List;

/**
 * A prior over "concepts", each an {@link Hmm} over one vocabulary: the pretraining distribution
 * of Xie et al. 2022. Given a prompt, the posterior over concepts is
 * p(θ | o) ∝ p(θ) p(o | θ), computed from log-likelihoods with log-sum-exp; the Bayes predictive
 * distribution of the next token mixes each concept's next-token distribution by that posterior.
 */
public record ConceptMixture(List<Hmm> concepts, double[] prior) {

    public ConceptMixture {
        concepts = List.copyOf(concepts);
        if (concepts.isEmpty() || concepts.size() != prior.length) {
            throw new IllegalArgumentException("need one prior probability per concept, got "
                    + concepts.size() + " concepts and " + prior.length + " probabilities");
        }
        double sum = 0;
        for (double p : prior) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("prior probabilities must be ≥ 0, got " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("prior sums to " + sum + ", not 1");
        }
        int vocabulary = concepts.get(0).vocabulary();
        for (Hmm c : concepts) {
            if (c.vocabulary() != vocabulary) {
                throw new IllegalArgumentException("every concept needs the same vocabulary size " + vocabulary);
            }
        }
    }

    /** A uniform prior over the given concepts. */
    public static ConceptMixture uniform(List<Hmm> concepts) {
        double[] prior = new double[concepts.size()];
        java.util.Arrays.fill(prior, 1.0 / concepts.size());
        return new ConceptMixture(concepts, prior);
    }

    /** p(θ | o) for every concept θ. */
    public double[] posterior(int[] tokens) {
        double[] logJoint = new double[concepts.size()];
        for (int c = 0; c < logJoint.length; c++) {
            logJoint[c] = Math.log(prior[c]) + concepts.get(c).logLikelihood(tokens);
        }
        double norm = Softmax.logSumExp(logJoint);
        double[] post = new double[logJoint.length];
        for (int c = 0; c < post.length; c++) {
            post[c] = Math.exp(logJoint[c] - norm);
        }
        return post;
    }

    /** The Bayes predictive next-token distribution Σ_θ p(θ | o) p(next | o, θ). */
    public double[] nextTokenDistribution(int[] tokens) {
        double[] post = posterior(tokens);
        double[] next = new double[concepts.get(0).vocabulary()];
        for (int c = 0; c < post.length; c++) {
            double[] p = concepts.get(c).nextTokenDistribution(tokens);
            for (int v = 0; v < next.length; v++) {
                next[v] += post[c] * p[v];
            }
        }
        return next;
    }

    /** The Bayes-optimal next token: the most probable one under the predictive distribution. */
    public int predictNext(int[] tokens) {
        double[] p = nextTokenDistribution(tokens);
        int best = 0;
        for (int v = 1; v < p.length; v++) {
            if (p[v] > p[best]) {
                best = v;
            }
        }
        return best;
    }
}
