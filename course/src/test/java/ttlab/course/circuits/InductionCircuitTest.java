package ttlab.course.circuits;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InductionCircuitTest {

    private static final int VOCAB = 12, LENGTH = 30;

    @Test
    void predictsTheTokenAfterThePreviousOccurrenceAtEveryCopyablePosition() {
        AttentionOnlyModel model = InductionCircuit.model(VOCAB, LENGTH, 30);
        Random random = new Random(4);
        int checked = 0;
        for (int trial = 0; trial < 20; trial++) {
            int[] tokens = RepeatedSequences.sample(random, VOCAB, LENGTH, 3, 11);
            double[][] logits = model.forward(InductionCircuit.embed(tokens, VOCAB, LENGTH)).logits();
            int[] targets = RepeatedSequences.inductionTargets(tokens);
            for (int i = 0; i < LENGTH; i++) {
                if (targets[i] >= 0) {
                    assertThat(argmax(logits[i])).as("trial %d, position %d", trial, i).isEqualTo(tokens[i + 1]);
                    assertThat(logits[i][tokens[i + 1]]).isGreaterThan(0.99);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void itsHeadsScoreAsAPreviousTokenHeadAndAnInductionHead() {
        AttentionOnlyModel model = InductionCircuit.model(VOCAB, LENGTH, 30);
        int[] tokens = RepeatedSequences.sample(new Random(5), VOCAB, LENGTH, 5, 5);
        AttentionOnlyModel.Forward forward = model.forward(InductionCircuit.embed(tokens, VOCAB, LENGTH));
        assertThat(HeadScores.previousTokenScore(forward.pattern(0, 0))).isGreaterThan(0.99);
        assertThat(HeadScores.prefixMatchingScore(forward.pattern(1, 0), tokens)).isGreaterThan(0.99);
        assertThat(HeadScores.prefixMatchingScore(forward.pattern(0, 0), tokens)).isLessThan(0.05);
        assertThat(HeadScores.previousTokenScore(forward.pattern(1, 0))).isLessThan(0.1);
    }

    @Test
    void withoutTheFirstLayerTheSecondHeadHasNothingToMatch() {
        AttentionOnlyModel oneLayer = new AttentionOnlyModel(InductionCircuit.width(VOCAB, LENGTH),
                java.util.List.of(java.util.List.of(InductionCircuit.inductionHead(VOCAB, LENGTH, 30))),
                new double[0][]);
        int[] tokens = RepeatedSequences.sample(new Random(6), VOCAB, LENGTH, 5, 5);
        double[][] pattern = oneLayer.forward(InductionCircuit.embed(tokens, VOCAB, LENGTH)).pattern(0, 0);
        for (int i = 0; i < LENGTH; i++) {                       // every score is 0: uniform attention
            assertThat(pattern[i][0]).isCloseTo(1.0 / (i + 1), within(1e-12));
        }
    }

    @Test
    void rejectsTokensOutsideTheVocabulary() {
        assertThatThrownBy(() -> InductionCircuit.embed(new int[]{0, VOCAB}, VOCAB, LENGTH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> InductionCircuit.embed(new int[LENGTH + 1], VOCAB, LENGTH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built for");
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
