package ttlab.course.icl;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GincTest {

    private static final Ginc GINC = new Ginc(4, 3, 3, 8, 0.1, 0.1, 2.0, 1);

    @Test
    void promptsHaveTheirShape() {
        Ginc.Prompt p = GINC.prompt(2, 3, 5, new Random(2));
        assertThat(p.tokens()).hasSize(3 * 6 + 4);
        for (int i = 0; i < 3; i++) {
            assertThat(p.tokens()[i * 6 + 5]).isEqualTo(GINC.delimiter());
            assertThat(java.util.Arrays.copyOfRange(p.tokens(), i * 6, i * 6 + 5)).containsExactly(p.examples().get(i));
        }
        assertThat(p.tokens()).endsWith(p.testPrefix());
        assertThatThrownBy(() -> GINC.prompt(0, 1, 1, new Random(1))).hasMessageContaining("k ≥ 2");
        Ginc.Prompt last = GINC.lastExamples(p, 1);
        assertThat(last.tokens()).containsExactly(java.util.Arrays.copyOfRange(p.tokens(), 2 * 6, p.tokens().length));
        assertThat(GINC.lastExamples(p, 0).tokens()).containsExactly(p.testPrefix());
        assertThatThrownBy(() -> GINC.lastExamples(p, 4)).hasMessageContaining("has 3 examples");
    }

    @Test
    void thePromptLikelihoodFactorsOverExamples() {
        // The delimiter state forgets the past, so log p(prompt | θ) = Σ log p_pretraining-example(xᵢ | θ)
        // + the test prefix + the δ and (1 − δ) factors, which are the same for every concept.
        Ginc.Prompt p = GINC.prompt(1, 4, 6, new Random(3));
        double[] ratio = new double[GINC.concepts()];
        for (int c = 0; c < GINC.concepts(); c++) {
            double sum = GINC.pretrainingExample(c).logLikelihood(p.testPrefix());
            for (int[] x : p.examples()) {
                sum += GINC.pretrainingExample(c).logLikelihood(x);
            }
            ratio[c] = GINC.concept(c).logLikelihood(p.tokens()) - sum;
        }
        for (int c = 1; c < ratio.length; c++) {
            assertThat(ratio[c]).isCloseTo(ratio[0], within(1e-9));
        }
        assertThat(ratio[0]).isCloseTo(4 * Math.log(0.1) + (4 * 5 + 4) * Math.log(0.9), within(1e-9));
    }

    @Test
    void logLikelihoodAgreesWithTheLogSpaceForwardOnLongDocuments() {
        int[] doc = GINC.document(0, 3000, new Random(4));
        double[][] alpha = GINC.concept(0).logForward(doc);
        assertThat(GINC.concept(0).logLikelihood(doc)).isCloseTo(Hmm.logSumExp(alpha[doc.length - 1]), within(1e-8));
    }

    @Test
    void longPromptsConcentrateThePosteriorOnTheirConcept() {
        Random random = new Random(5);
        for (int c = 0; c < GINC.concepts(); c++) {
            Ginc.Prompt p = GINC.prompt(c, 40, 10, random);
            assertThat(GINC.pretrainingMixture().posterior(p.tokens())[c]).isGreaterThan(0.99);
        }
    }
}
