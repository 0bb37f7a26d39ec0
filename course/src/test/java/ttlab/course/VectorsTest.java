package ttlab.course;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VectorsTest {

    @Test
    void dotNormAndDistanceAgreeWithEachOther() {
        double[] a = Rng.gaussian(1, 7, 1)[0];
        double[] b = Rng.gaussian(1, 7, 2)[0];
        // ‖a − b‖² = ‖a‖² − 2 a·b + ‖b‖², computed two ways.
        double expanded = Vectors.dot(a, a) - 2 * Vectors.dot(a, b) + Vectors.dot(b, b);
        assertThat(Vectors.squaredDistance(a, b)).isCloseTo(expanded, within(1e-12));
        assertThat(Vectors.norm(Vectors.subtract(a, b))).isCloseTo(Math.sqrt(expanded), within(1e-12));
        assertThat(Vectors.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6})).isEqualTo(32.0);
    }

    @Test
    void arithmeticIsEntryWise() {
        double[] a = {1, -2, 3};
        double[] b = {0.5, 4, -1};
        assertThat(Vectors.add(a, b)).containsExactly(1.5, 2, 2);
        assertThat(Vectors.subtract(a, b)).containsExactly(0.5, -6, 4);
        assertThat(Vectors.scale(a, -2)).containsExactly(-2, 4, -6);
        assertThat(Vectors.sum(a)).isEqualTo(2);
        assertThat(Vectors.maxAbsDifference(a, b)).isEqualTo(6);
        assertThat(Vectors.filled(3, 0.25)).containsExactly(0.25, 0.25, 0.25);
        assertThat(Vectors.range(4)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void withNormKeepsTheDirection() {
        double[] a = {3, 4};
        double[] b = Vectors.withNorm(a, 10);
        assertThat(Vectors.norm(b)).isCloseTo(10, within(1e-12));
        assertThat(b).containsExactly(new double[] {6, 8}, within(1e-12));
        assertThatThrownBy(() -> Vectors.withNorm(new double[2], 1)).hasMessageContaining("zero vector");
    }

    @Test
    void logSpaceHasEqualRatiosAndExactEnds() {
        double[] v = Vectors.logSpace(1e-3, 1e3, 13);
        assertThat(v[0]).isEqualTo(1e-3);
        assertThat(v[12]).isEqualTo(1e3);
        for (int i = 1; i < v.length; i++) {
            assertThat(v[i] / v[i - 1]).isCloseTo(Math.pow(10, 0.5), within(1e-9));
        }
        assertThatThrownBy(() -> Vectors.logSpace(0, 1, 3)).hasMessageContaining("positive");
    }

    @Test
    void linSpaceHasEqualStepsAndExactEnds() {
        double[] v = Vectors.linSpace(-2, 3, 11);
        assertThat(v[0]).isEqualTo(-2);
        assertThat(v[10]).isEqualTo(3);
        for (int i = 1; i < v.length; i++) {
            assertThat(v[i] - v[i - 1]).isCloseTo(0.5, within(1e-15));
        }
        assertThatThrownBy(() -> Vectors.linSpace(1, 1, 3)).hasMessageContaining("from < to");
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> Vectors.dot(new double[2], new double[3])).hasMessageContaining("lengths differ: 2 vs 3");
    }
}
