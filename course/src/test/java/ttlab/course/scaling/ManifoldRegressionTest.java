package ttlab.course.scaling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import ttlab.course.train.CollectedBackward;
import ttlab.course.train.TrainingParameters;

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

    @Test
    void itsGradientsDoNotReadMemoryTheCollectorFreed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingParameters params = new TrainingParameters(manager, 3);
            params.normal("W1", new Shape(8, 16), 0.5);
            params.normal("b1", new Shape(16), 0.5);
            params.normal("W2", new Shape(16, 1), 0.25);
            params.zeros("b2", new Shape(1));
            NDArray x = manager.randomNormal(new Shape(32, 8)), y = manager.randomNormal(new Shape(32, 1));
            CollectedBackward.assertGradientsSurviveCollection(params,
                    () -> ManifoldRegression.predict(params, x).sub(y).square().mean());
        }
    }
}
