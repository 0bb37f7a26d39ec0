package ttlab.course.circuits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HeadScoresTest {

    @Test
    void previousTokenScoreOfAnExactPreviousTokenPatternIsOne() {
        double[][] pattern = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}};
        assertThat(HeadScores.previousTokenScore(pattern)).isEqualTo(1.0);
        double[][] diagonal = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertThat(HeadScores.previousTokenScore(diagonal)).isZero();
    }

    @Test
    void prefixMatchingSumsOverEveryEarlierOccurrence() {
        int[] tokens = {3, 4, 3, 4, 3};
        double[][] pattern = new double[5][5];
        pattern[0][0] = 1;
        pattern[1][0] = 1;
        pattern[2][1] = 1;                                 // token 3 at 2: earlier 3 at 0, next is 1
        pattern[3][2] = 1;                                 // token 4 at 3: earlier 4 at 1, next is 2
        pattern[4][1] = 0.5;                               // token 3 at 4: earlier 3s at 0 and 2, next 1 and 3
        pattern[4][3] = 0.25;
        pattern[4][4] = 0.25;
        assertThat(HeadScores.prefixMatchingScore(pattern, tokens)).isCloseTo((1 + 1 + 0.75) / 3, within(1e-15));
        assertThat(HeadScores.prefixMatchingScore(new double[][]{{1, 0}, {0.5, 0.5}}, new int[]{1, 2})).isNaN();
    }

    @Test
    void copyingScoreIsTheSignedShareOfTheEigenvalues() {
        assertThat(HeadScores.copyingScore(new double[][]{{2, 0}, {0, 3}})).isCloseTo(1, within(1e-12));
        assertThat(HeadScores.copyingScore(new double[][]{{-2, 0}, {0, -3}})).isCloseTo(-1, within(1e-12));
        assertThat(HeadScores.copyingScore(new double[][]{{0, -1}, {1, 0}})).isCloseTo(0, within(1e-12));   // eigenvalues ±i
        assertThat(HeadScores.copyingScore(new double[][]{{3, 0}, {0, -1}})).isCloseTo(0.5, within(1e-12));
        // A non-normal matrix: its eigenvalues (1 and 2) are on the diagonal of the triangle.
        assertThat(HeadScores.copyingScore(new double[][]{{1, 100}, {0, 2}})).isCloseTo(1, within(1e-12));
    }

    @Test
    void copyingScoreIsInvariantUnderAChangeOfBasis() {
        double[][] m = {{1, 2, 0}, {-3, 0.5, 1}, {0.2, 0, -2}};
        double[][] s = {{1, 1, 0}, {0, 1, 1}, {1, 0, 2}};
        double[][] similar = ttlab.course.Matrices.multiply(ttlab.course.Matrices.inverse(s), ttlab.course.Matrices.multiply(m, s));
        assertThat(HeadScores.copyingScore(similar)).isCloseTo(HeadScores.copyingScore(m), within(1e-10));
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> HeadScores.copyingScore(new double[][]{{0, 1}, {0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nilpotent");
        assertThatThrownBy(() -> HeadScores.eigenvalues(new double[][]{{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
        assertThatThrownBy(() -> HeadScores.prefixMatchingScore(new double[2][2], new int[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
