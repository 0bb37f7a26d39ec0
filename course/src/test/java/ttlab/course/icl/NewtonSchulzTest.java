package ttlab.course.icl;

import org.junit.jupiter.api.Test;
import ttlab.course.Matrices;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NewtonSchulzTest {

    @Test
    void theResidualSquaresAtEveryStep() {
        RegressionTask task = RegressionTask.sample(new double[]{1.5, 1.0, 0.4}, 20, new Random(21));
        double[][] s = GdPlusPlus.secondMoment(task.xs());
        double alpha = 1 / Matrices.symmetricEigenvalues(s)[0];
        double[][][] x = NewtonSchulz.iterates(s, alpha, 10);
        double[][] identity = Matrices.identity(3);
        for (int k = 0; k < 10; k++) {
            double[][] r = Matrices.subtract(identity, Matrices.multiply(s, x[k]));
            double[][] next = Matrices.subtract(identity, Matrices.multiply(s, x[k + 1]));
            assertThat(Matrices.maxAbsDifference(next, Matrices.multiply(r, r))).as("step %d", k).isLessThan(1e-12);
        }
        assertThat(Matrices.maxAbsDifference(x[10], Matrices.inverse(s))).isLessThan(1e-9);
    }

    @Test
    void tokenLayersComputeTheMatrixIteration() {
        Random random = new Random(22);
        for (int trial = 0; trial < 5; trial++) {
            RegressionTask task = RegressionTask.sample(new double[]{1.0, 0.7, 0.3, 0.1}, 16, random);
            double alpha = 1 / Matrices.symmetricEigenvalues(GdPlusPlus.secondMoment(task.xs()))[0];
            for (int k = 0; k <= 5; k++) {
                assertThat(NewtonSchulz.tokenPrediction(task, alpha, k)).as("K = %d", k)
                        .isCloseTo(NewtonSchulz.matrixPrediction(task, alpha, k), within(1e-11));
            }
        }
    }

    @Test
    void convergesToTheLeastSquaresPredictionWhichIsExactOnNoiselessData() {
        RegressionTask task = RegressionTask.sample(new double[]{1.0, 0.5, 0.2}, 10, new Random(23));
        double alpha = 1 / Matrices.symmetricEigenvalues(GdPlusPlus.secondMoment(task.xs()))[0];
        assertThat(NewtonSchulz.leastSquaresPrediction(task)).isCloseTo(task.target(), within(1e-10));
        assertThat(NewtonSchulz.tokenPrediction(task, alpha, 12)).isCloseTo(task.target(), within(1e-9));
    }
}
