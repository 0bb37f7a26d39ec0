package ttlab.course.circuits;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ttlab.course.train.EngineThreads;
import ttlab.course.train.MetricSeries;
import ttlab.course.train.TrainingParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InductionHeadTrainingTest {

    @BeforeAll
    static void oneThread() {
        EngineThreads.set(1);
    }

    @Test
    void aShortRunRecordsTheCopyableLossAndLowersIt() {
        InductionHeadTraining.Setup setup = new InductionHeadTraining.Setup(12, 16, 16, 2, 8, 3, 7, 200, 8, 1e-2f, 50);
        try (NDManager manager = NDManager.newBaseManager()) {
            var result = InductionHeadTraining.train(new TrainingParameters(manager, 3), setup, 2);
            MetricSeries copyable = result.run().metric(InductionHeadTraining.COPYABLE_LOSS);
            assertThat(result.run().diverged()).as(result.run().summary()).isFalse();
            assertThat(copyable.steps()).containsExactly(50, 100, 150, 200);
            assertThat(result.model().layers()).isEqualTo(2);
            assertThat(result.run().finalLoss()).isLessThan(result.run().losses()[0]);
        }
    }

    @Test
    void scoresAreTheHeadScoresOfTheExactModelsPatternsAveraged() {
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = new AttentionOnlyTransformer(new TrainingParameters(manager, 4), 10, 12, 8, 2, 2, 4);
            Random random = new Random(5);
            List<int[]> sequences = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                sequences.add(RepeatedSequences.sample(random, 10, 12, 2, 5));
            }
            List<InductionHeadTraining.HeadScore> scores = InductionHeadTraining.scores(model, sequences);
            assertThat(scores).hasSize(4);
            InductionHeadTraining.HeadScore l1h0 = scores.get(2);
            assertThat(l1h0.layer()).isEqualTo(1);
            assertThat(l1h0.head()).isZero();
            double previous = 0, prefix = 0;
            for (int[] tokens : sequences) {
                double[][] pattern = model.exact().forward(model.embed(tokens)).pattern(1, 0);
                previous += HeadScores.previousTokenScore(pattern) / 3;
                prefix += HeadScores.prefixMatchingScore(pattern, tokens) / 3;
            }
            assertThat(l1h0.previousToken()).isCloseTo(previous, within(1e-12));
            assertThat(l1h0.prefixMatching()).isCloseTo(prefix, within(1e-12));
            assertThat(l1h0.copying()).isEqualTo(HeadScores.copyingScore(model.ovCircuit(1, 0)));
            assertThat(InductionHeadTraining.inductionHead(scores).prefixMatching())
                    .isEqualTo(scores.stream().mapToDouble(InductionHeadTraining.HeadScore::prefixMatching).max().getAsDouble());
        }
    }

    @Test
    void theLargestDropShareTellsASteadyFallFromASuddenOne() {
        double[] steady = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        double[] sudden = {10, 10, 10, 10, 10, 0, 0, 0, 0, 0, 0};
        assertThat(InductionHeadTraining.largestDropShare(steady, 1)).isCloseTo(0.1, within(1e-12));
        assertThat(InductionHeadTraining.largestDropShare(steady, 5)).isCloseTo(0.5, within(1e-12));
        assertThat(InductionHeadTraining.largestDropShare(sudden, 1)).isEqualTo(1.0);
        assertThatThrownBy(() -> InductionHeadTraining.largestDropShare(new double[]{1, 2, 3}, 1)).hasMessageContaining("does not fall");
        assertThatThrownBy(() -> InductionHeadTraining.largestDropShare(steady, 11)).hasMessageContaining("window");
    }

    @Test
    void theInContextLearningScoreIsTheLateLossMinusTheEarlyOne() {
        double[] losses = {3.4, 3.3, 3.0, 1.0, 0.2};
        assertThat(InductionHeadTraining.inContextLearningScore(losses, 1, 4)).isCloseTo(0.2 - 3.3, within(1e-12));
        assertThatThrownBy(() -> InductionHeadTraining.inContextLearningScore(losses, 4, 1)).hasMessageContaining("early < late");
        assertThatThrownBy(() -> InductionHeadTraining.inContextLearningScore(losses, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGuessingLossIsTheLogOfTheOtherSegmentTokensAtCopyablePositions() {
        // segment 3 (positions 1-3), copyable from position 4: positions 4, 5, 6 predict (7 tokens, last excluded)
        int[] three = {0, 5, 6, 7, 5, 6, 7, 5};
        // segment 5: copyable positions 6 only
        int[] five = {0, 1, 2, 3, 4, 9, 1, 2};
        double expected = (3 * Math.log(2) + 1 * Math.log(4)) / 4;
        assertThat(InductionHeadTraining.guessingLoss(List.of(three, five))).isCloseTo(expected, within(1e-12));
        assertThatThrownBy(() -> InductionHeadTraining.guessingLoss(List.of(new int[]{0, 1, 2}))).hasMessageContaining("no copyable");
    }
}
