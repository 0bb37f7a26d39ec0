package ttlab.course.scaling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LbfgsTest {

    @Test
    void findsTheMinimumOfAnIllConditionedQuadratic() {
        double[] scales = {1, 10, 100, 1000, 1e4};
        double[] center = {1, -2, 3, -4, 5};
        Lbfgs.Result r = new Lbfgs().minimize((x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                f += 0.5 * scales[i] * (x[i] - center[i]) * (x[i] - center[i]);
                g[i] = scales[i] * (x[i] - center[i]);
            }
            return f;
        }, new double[5]);
        assertThat(r.converged()).isTrue();
        assertThat(r.x()).containsExactly(center, within(1e-9));
    }

    @Test
    void findsRosenbrocksMinimumAtOneOne() {
        Lbfgs.Result r = new Lbfgs().minimize((x, g) -> {
            double a = 1 - x[0], b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }, new double[]{-1.2, 1});
        assertThat(r.x()).containsExactly(new double[]{1, 1}, within(1e-8));
        assertThat(r.value()).isLessThan(1e-16);
        assertThat(r.iterations()).isLessThan(100);
    }

    @Test
    void leavesTheStartUnchangedAndRefusesANonFiniteStart() {
        double[] start = {3};
        new Lbfgs().minimize((x, g) -> {
            g[0] = 2 * x[0];
            return x[0] * x[0];
        }, start);
        assertThat(start).containsExactly(3);
        assertThatThrownBy(() -> new Lbfgs().minimize((x, g) -> Double.NaN, new double[]{0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite at the start");
    }
}
