package ttlab.course.icl;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HmmTest {

    static final Hmm A = new Hmm(new double[]{0.6, 0.4},
            new double[][]{{0.7, 0.3}, {0.2, 0.8}},
            new double[][]{{0.5, 0.4, 0.1}, {0.1, 0.3, 0.6}});
    static final Hmm B = new Hmm(new double[]{0.5, 0.5},
            new double[][]{{0.1, 0.9}, {0.9, 0.1}},
            new double[][]{{0.8, 0.1, 0.1}, {0.1, 0.1, 0.8}});

    /** p(o) by summing over every state path. */
    static double bruteForce(Hmm hmm, int[] tokens) {
        int s = hmm.states();
        int paths = (int) Math.pow(s, tokens.length);
        double total = 0;
        for (int code = 0; code < paths; code++) {
            int rest = code;
            double p = 1;
            int previous = -1;
            for (int t = 0; t < tokens.length; t++) {
                int state = rest % s;
                rest /= s;
                p *= (t == 0 ? hmm.initial()[state] : hmm.transition()[previous][state]) * hmm.emission()[state][tokens[t]];
                previous = state;
            }
            total += p;
        }
        return total;
    }

    @Test
    void forwardAgreesWithSummingOverPaths() {
        Random random = new Random(31);
        for (int trial = 0; trial < 20; trial++) {
            int[] tokens = random.ints(1 + trial % 7, 0, 3).toArray();
            assertThat(A.logLikelihood(tokens)).isCloseTo(Math.log(bruteForce(A, tokens)), within(1e-12));
        }
    }

    @Test
    void longSequencesStayFinite() {
        int[] tokens = A.sample(5000, new Random(32));
        double log = A.logLikelihood(tokens);
        assertThat(Math.exp(log)).as("the probability itself underflows").isEqualTo(0.0);
        assertThat(log).isFinite().isLessThan(-1000);
    }

    @Test
    void nextTokenDistributionIsARatioOfLikelihoods() {
        int[] prefix = {0, 2, 2, 1};
        double[] next = A.nextTokenDistribution(prefix);
        for (int v = 0; v < 3; v++) {
            int[] extended = java.util.Arrays.copyOf(prefix, 5);
            extended[4] = v;
            assertThat(next[v]).isCloseTo(Math.exp(A.logLikelihood(extended) - A.logLikelihood(prefix)), within(1e-12));
        }
        assertThat(A.nextTokenDistribution(new int[0])[0]).isCloseTo(0.6 * 0.5 + 0.4 * 0.1, within(1e-15));
    }

    @Test
    void refusesBadModelsAndTokens() {
        assertThatThrownBy(() -> new Hmm(new double[]{0.5, 0.6}, A.transition(), A.emission())).hasMessageContaining("sums to");
        assertThatThrownBy(() -> new Hmm(A.initial(), new double[][]{{1, 0}}, A.emission())).hasMessageContaining("per state");
        assertThatThrownBy(() -> A.logForward(new int[]{0, 3})).hasMessageContaining("token 3 at position 1");
    }

    @Test
    void posteriorIsBayesRuleAndConcentratesOnTheTrueConcept() {
        ConceptMixture mixture = new ConceptMixture(List.of(A, B), new double[]{0.3, 0.7});
        int[] tokens = {2, 0, 2, 1};
        double pa = 0.3 * bruteForce(A, tokens), pb = 0.7 * bruteForce(B, tokens);
        assertThat(mixture.posterior(tokens)).containsExactly(new double[]{pa / (pa + pb), pb / (pa + pb)}, within(1e-12));
        int[] long_ = A.sample(400, new Random(33));
        assertThat(mixture.posterior(long_)[0]).isGreaterThan(1 - 1e-6);
        double[] next = mixture.nextTokenDistribution(tokens);
        double[] viaLikelihood = new double[3];
        for (int v = 0; v < 3; v++) {
            int[] extended = {2, 0, 2, 1, v};
            viaLikelihood[v] = (0.3 * bruteForce(A, extended) + 0.7 * bruteForce(B, extended)) / (pa + pb);
        }
        assertThat(next).containsExactly(viaLikelihood, within(1e-12));
        assertThat(mixture.predictNext(tokens)).isEqualTo(argmax(viaLikelihood));
        assertThatThrownBy(() -> new ConceptMixture(List.of(A), new double[]{0.5, 0.5})).hasMessageContaining("one prior");
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
