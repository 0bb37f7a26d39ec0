package ttlab.course;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MatricesTest {

    @Test
    void multiplyComputesRowsTimesColumns() {
        double[][] a = Rng.gaussian(4, 3, 1);
        double[][] b = Rng.gaussian(3, 5, 2);
        double[][] c = Matrices.multiply(a, b);
        double[][] bt = Matrices.transpose(b);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(c[i][j]).isCloseTo(Vectors.dot(a[i], bt[j]), within(1e-12));
            }
        }
        // A times the first unit vector is A's first column.
        assertThat(Matrices.multiply(a, new double[] {1, 0, 0})).containsExactly(a[0][0], a[1][0], a[2][0], a[3][0]);
    }

    @Test
    void transposeOfAProductReversesTheFactors() {
        for (long seed = 0; seed < 5; seed++) {
            double[][] a = Rng.gaussian(3, 4, seed);
            double[][] b = Rng.gaussian(4, 2, seed + 100);
            double[][] left = Matrices.transpose(Matrices.multiply(a, b));
            double[][] right = Matrices.multiply(Matrices.transpose(b), Matrices.transpose(a));
            assertThat(Matrices.maxAbsDifference(left, right)).isLessThan(1e-12);
        }
    }

    @Test
    void identityIsNeutral() {
        double[][] a = Rng.gaussian(3, 3, 9);
        assertThat(Matrices.maxAbsDifference(Matrices.multiply(a, Matrices.identity(3)), a)).isZero();
        assertThat(Matrices.maxAbsDifference(Matrices.add(a, Matrices.scale(a, -1)), new double[3][3])).isZero();
        assertThat(Matrices.maxAbsDifference(Matrices.subtract(a, a), new double[3][3])).isZero();
    }

    @Test
    void columnMeansRowSumsAndRepeatRow() {
        double[][] a = {{1, 2}, {3, 6}, {5, 10}};
        assertThat(Matrices.columnMeans(a)).containsExactly(3, 6);
        assertThat(Matrices.rowSums(a)).containsExactly(3, 9, 15);
        assertThat(Matrices.repeatRow(new double[] {7, 8}, 2)).isDeepEqualTo(new double[][] {{7, 8}, {7, 8}});
        assertThat(Matrices.frobeniusNorm(new double[][] {{3, 0}, {0, 4}})).isEqualTo(5);
        assertThat(Matrices.permuteRows(a, new int[] {2, 0, 1})).isDeepEqualTo(new double[][] {{5, 10}, {1, 2}, {3, 6}});
    }

    @Test
    void eigenvaluesOfAMatrixBuiltFromKnownOnes() {
        // A = Q diag(λ) Qᵀ with Q orthogonal (Gram–Schmidt on Gaussian columns): the spectrum is λ.
        double[] lambda = {5, 2.5, 1, -0.5, -3};
        double[][] q = orthonormalColumns(Rng.gaussian(5, 5, 3));
        double[][] d = new double[5][5];
        for (int i = 0; i < 5; i++) {
            d[i][i] = lambda[i];
        }
        double[][] a = Matrices.multiply(Matrices.multiply(q, d), Matrices.transpose(q));
        symmetrise(a);
        assertThat(Matrices.symmetricEigenvalues(a)).containsExactly(lambda, within(1e-10));
    }

    @Test
    void eigenvaluesKeepTraceAndFrobeniusNorm() {
        for (long seed = 0; seed < 5; seed++) {
            double[][] b = Rng.gaussian(8, 8, seed);
            double[][] a = Matrices.add(b, Matrices.transpose(b));
            double[] eig = Matrices.symmetricEigenvalues(a);
            double trace = 0;
            for (int i = 0; i < 8; i++) {
                trace += a[i][i];
            }
            assertThat(Arrays.stream(eig).sum()).isCloseTo(trace, within(1e-10));
            assertThat(Arrays.stream(eig).map(x -> x * x).sum())
                    .isCloseTo(Math.pow(Matrices.frobeniusNorm(a), 2), within(1e-9));
            for (int i = 1; i < eig.length; i++) {
                assertThat(eig[i]).isLessThanOrEqualTo(eig[i - 1]);
            }
        }
        assertThatThrownBy(() -> Matrices.symmetricEigenvalues(new double[][] {{1, 2}, {0, 1}}))
                .hasMessageContaining("symmetric");
    }

    @Test
    void singularValuesOfKnownMatrices() {
        assertThat(Matrices.singularValues(new double[][] {{3, 0}, {0, -4}, {0, 0}})).containsExactly(new double[] {4, 3}, within(1e-12));
        // A rank-one matrix u vᵀ has one singular value ‖u‖‖v‖.
        double[] u = {1, 2, 2};
        double[] v = {3, 4};
        double[][] uv = {{3, 4}, {6, 8}, {6, 8}};
        double[] sv = Matrices.singularValues(uv);
        assertThat(sv[0]).isCloseTo(Vectors.norm(u) * Vectors.norm(v), within(1e-10));
        assertThat(sv[1]).isLessThan(1e-6);
        double[][] a = Rng.gaussian(6, 4, 5);
        double sumSquares = Arrays.stream(Matrices.singularValues(a)).map(x -> x * x).sum();
        assertThat(sumSquares).isCloseTo(Math.pow(Matrices.frobeniusNorm(a), 2), within(1e-9));
        assertThat(Matrices.singularValues(Matrices.transpose(a))).containsExactly(Matrices.singularValues(a), within(1e-9));
    }

    @Test
    void shapesAreChecked() {
        assertThatThrownBy(() -> Matrices.multiply(new double[2][3], new double[2][3])).hasMessageContaining("2x3 times 2x3");
        assertThatThrownBy(() -> Matrices.add(new double[2][3], new double[3][2])).hasMessageContaining("shapes differ");
        assertThatThrownBy(() -> Matrices.transpose(new double[][] {{1, 2}, {3}})).hasMessageContaining("ragged");
    }

    static double[][] orthonormalColumns(double[][] m) {
        int n = m.length;
        double[][] cols = Matrices.transpose(m);
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < k; j++) {
                cols[k] = Vectors.subtract(cols[k], Vectors.scale(cols[j], Vectors.dot(cols[j], cols[k])));
            }
            cols[k] = Vectors.withNorm(cols[k], 1);
        }
        return Matrices.transpose(cols);
    }

    private static void symmetrise(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = mean;
                a[j][i] = mean;
            }
        }
    }
}
