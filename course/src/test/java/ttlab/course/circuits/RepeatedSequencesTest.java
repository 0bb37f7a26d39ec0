package ttlab.course.circuits;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepeatedSequencesTest {

    @Test
    void aSegmentOfDistinctTokensRepeatedAfterBos() {
        Random random = new Random(1);
        Set<Integer> periods = new HashSet<>();
        for (int trial = 0; trial < 200; trial++) {
            int[] tokens = RepeatedSequences.sample(random, 30, 60, 8, 24);
            assertThat(tokens[0]).isEqualTo(RepeatedSequences.BOS);
            int period = 1;
            while (tokens[1 + period] != tokens[1]) {
                period++;
            }
            assertThat(period).isBetween(8, 24);
            periods.add(period);
            for (int i = 1; i < 60; i++) {
                assertThat(tokens[i]).isBetween(1, 29);
                if (i + period < 60) {
                    assertThat(tokens[i + period]).isEqualTo(tokens[i]);
                }
            }
        }
        assertThat(periods).hasSize(17);
    }

    @Test
    void inductionTargetsAreTheTokensAfterThePreviousOccurrence() {
        int[] tokens = {0, 5, 7, 9, 5, 7, 9, 5};
        assertThat(RepeatedSequences.inductionTargets(tokens)).containsExactly(-1, -1, -1, -1, 7, 9, 5, -1);
        assertThat(RepeatedSequences.copyable(tokens)).containsExactly(false, false, false, false, true, true, true, false);
    }

    @Test
    void rejectsSegmentsTheVocabularyCannotFill() {
        assertThatThrownBy(() -> RepeatedSequences.sample(new Random(1), 10, 40, 8, 24))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vocabulary of at least 25");
        assertThatThrownBy(() -> RepeatedSequences.sample(new Random(1), 30, 40, 0, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSegmentLengthIsThePeriodAfterBos() {
        java.util.Random random = new java.util.Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int[] tokens = RepeatedSequences.sample(random, 30, 40, 3, 20);
            int segment = RepeatedSequences.segmentLength(tokens);
            for (int i = 1; i + segment < tokens.length; i++) {
                assertThat(tokens[i + segment]).isEqualTo(tokens[i]);
            }
            assertThat(java.util.Arrays.stream(tokens, 1, 1 + segment).distinct().count()).isEqualTo(segment);
        }
        assertThat(RepeatedSequences.segmentLength(new int[]{0, 4, 5, 6})).isEqualTo(3);
    }
}
