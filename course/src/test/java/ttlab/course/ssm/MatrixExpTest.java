package ttlab.course.ssm;

import ttlab.course.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixExpTest {

    /**
     * Against the eigendecomposition: M = P·diag(λ)·P⁻¹ has exp(M) = P·diag(e^λ)·P⁻¹. The
     * scales include norms far above ½, where scaling and squaring does the work.
     */
    @ParameterizedTest
    @CsvSource({"1, 0.3", "2, 1", "4, 3", "6, 10", "8, 25"})
    void matchesTheEigendecomposition(int n, double eigenvalueScale) {
        Random random = new Random(n);
        double[][] p = new double[n][n];
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] = (i == j ? 2 : 0) + 0.5 * random.nextGaussian();   // well conditioned
            }
            lambda[i] = -eigenvalueScale * random.nextDouble();               // a stable system
        }
        double[] expLambda = new double[n];
        for (int i = 0; i < n; i++) {
            expLambda[i] = Math.exp(lambda[i]);
        }
        double[][] pInverse = Matrices.inverse(p);
        double[][] m = Matrices.multiply(Matrices.multiply(p, Matrices.diagonal(lambda)), pInverse);
        double[][] expected = Matrices.multiply(Matrices.multiply(p, Matrices.diagonal(expLambda)), pInverse);
        assertThat(Matrices.maxAbsDifference(MatrixExp.exp(m), expected)).isLessThan(1e-12);
    }

    @Test
    void matchesThePowerSeriesForSmallNorms() {
        double[][] m = Rng3.gaussian(5, 0.1);
        assertThat(Matrices.maxAbsDifference(MatrixExp.exp(m), MatrixExp.series(m, 30))).isLessThan(1e-14);
    }

    @Test
    void rotationGeneratorGivesARotation() {
        double theta = 10;
        double[][] expected = {{Math.cos(theta), -Math.sin(theta)}, {Math.sin(theta), Math.cos(theta)}};
        assertThat(Matrices.maxAbsDifference(MatrixExp.exp(new double[][] {{0, -theta}, {theta, 0}}), expected)).isLessThan(1e-13);
    }

    @Test
    void nilpotentSeriesIsFinite() {
        double[][] n = {{0, 2, 3}, {0, 0, -1}, {0, 0, 0}};
        double[][] expected = Matrices.combine(1, Matrices.combine(1, Matrices.identity(3), 1, n),
                0.5, Matrices.multiply(n, n));
        assertThat(Matrices.maxAbsDifference(MatrixExp.exp(n), expected)).isLessThan(1e-15);
    }

    @Test
    void expOfMinusMIsTheInverse() {
        double[][] m = Rng3.gaussian(6, 2);
        double[][] product = Matrices.multiply(MatrixExp.exp(m), MatrixExp.exp(Matrices.scale(m, -1)));
        assertThat(Matrices.maxAbsDifference(product, Matrices.identity(6))).isLessThan(1e-11);
    }

    @Test
    void theHippoMatrixExponentialDecays() {
        // exp(−A) for LegS's A: lower triangular with diagonal e^{−(n+1)} (‖A‖₁ ≈ 40: seven squarings).
        double[][] e = MatrixExp.exp(HippoLegS.dynamicsMatrix(8));
        for (int n = 0; n < 8; n++) {
            assertThat(e[n][n]).isCloseTo(Math.exp(-(n + 1)), org.assertj.core.api.Assertions.within(1e-13));
            for (int k = n + 1; k < 8; k++) {
                assertThat(e[n][k]).isZero();
            }
        }
    }

    /** Seeded Gaussian matrices. */
    static final class Rng3 {
        static double[][] gaussian(int n, double scale) {
            Random random = new Random(n * 31L);
            double[][] m = new double[n][n];
            for (double[] row : m) {
                for (int j = 0; j < n; j++) {
                    row[j] = scale * random.nextGaussian();
                }
            }
            return m;
        }
    }
}
