package ttlab.course.scaling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManifoldRegressionTest {

    @Test
    void theSameSeedGivesTheSameTaskAndSamplesDifferBySeed() {
        double[][][] a = new ManifoldRegression.Task(2, 8, 1).sample(5, 3);
        double[][][] b = new ManifoldRegression.Task(2, 8, 1).sample(5, 3);
        double[][][] c = new ManifoldRegression.Task(2, 8, 1).sample(5, 4);
        assertThat(a[0]).isDeepEqualTo(b[0]);
        assertThat(a[1]).isDeepEqualTo(b[1]);
        assertThat(a[0][0]).isNotEqualTo(c[0][0]);
        assertThat(a[0][0]).hasSize(8);
    }

    @Test
    void aWiderNetworkFitsTheTeacherBetter() {
        ManifoldRegression.Task task = new ManifoldRegression.Task(1, 8, 2);
        double[][][] train = task.sample(256, 1), test = task.sample(256, 2);
        ManifoldRegression.Result narrow = ManifoldRegression.train(train, test, 2, 200, 0.01f, 1);
        ManifoldRegression.Result wide = ManifoldRegression.train(train, test, 32, 200, 0.01f, 1);
        assertThat(narrow.parameters()).isEqualTo(8 * 2 + 2 + 2 + 1);
        assertThat(wide.testLoss()).isLessThan(narrow.testLoss());
        assertThat(wide.run().diverged()).isFalse();
    }
}
