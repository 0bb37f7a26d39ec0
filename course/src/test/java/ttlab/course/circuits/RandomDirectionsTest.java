package ttlab.course.circuits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RandomDirectionsTest {

    @Test
    void vectorsAreUnitAndTheirSquaredInnerProductAveragesOneOverM() {
        int m = 50;
        double[][] u = RandomDirections.onSphere(400, m, 3);
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < u.length; i++) {
            assertThat(ttlab.course.Vectors.norm(u[i])).isCloseTo(1, within(1e-12));
            for (int j = i + 1; j < u.length; j++) {
                double dot = ttlab.course.Vectors.dot(u[i], u[j]);
                sum += dot * dot;
                pairs++;
            }
        }
        assertThat(sum / pairs).isCloseTo(1.0 / m, within(0.1 / m));
    }

    @Test
    void theUnionBoundHoldsAndItsInversesAgree() {
        int m = 200, count = 300;
        double eps = RandomDirections.epsilonFor(count, m, 0.01);
        assertThat((double) count * (count - 1) * RandomDirections.capBound(m, eps)).isCloseTo(0.01, within(1e-12));
        assertThat(RandomDirections.maxAbsInnerProduct(RandomDirections.onSphere(count, m, 4))).isLessThan(eps);
        assertThat(RandomDirections.countFor(m, 0.5, 1)).isCloseTo(Math.exp(12.5), within(1e-6));
        assertThat(RandomDirections.maxAbsInnerProduct(new double[][]{{1, 0}, {-0.6, 0.8}, {0, 1}})).isEqualTo(0.8);
    }
}
