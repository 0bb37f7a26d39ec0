package ttlab.course.ssm;

import ttlab.course.Matrices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DiscretizationTest {

    private static final double[][] A = {{-1.0, 0.5, 0.0}, {-0.3, -2.0, 0.4}, {0.1, 0.0, -0.7}};
    private static final double[][] B = {{1.0}, {-0.5}, {2.0}};

    /** ZOH is exact for a constant input: compare with the ODE integrated by fine RK4 steps. */
    @Test
    void zohIsExactForConstantInput() {
        double delta = 0.3, u = 1.7;
        double[] h0 = {0.5, -1.0, 0.25};
        Discretization.Discrete zoh = Discretization.zoh(A, B, delta);
        double[] expected = integrate(h0, u, delta, 10_000);
        for (int i = 0; i < 3; i++) {
            double next = 0;
            for (int j = 0; j < 3; j++) {
                next += zoh.aBar()[i][j] * h0[j];
            }
            next += zoh.bBar()[i][0] * u;
            assertThat(next).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void vanLoansBlockExponentialEqualsTheTextbookFormula() {
        for (double delta : new double[] {1e-3, 0.1, 1, 5}) {
            Discretization.Discrete block = Discretization.zoh(A, B, delta);
            Discretization.Discrete formula = Discretization.zohByInverse(A, B, delta);
            assertThat(Matrices.maxAbsDifference(block.aBar(), formula.aBar())).isLessThan(1e-13);
            assertThat(Matrices.maxAbsDifference(block.bBar(), formula.bBar())).isLessThan(1e-12);
        }
    }

    @Test
    void zohHandlesASingularA() {
        double[][] zero = new double[2][2];
        double[][] b = {{1}, {2}};
        Discretization.Discrete zoh = Discretization.zoh(zero, b, 0.5);
        assertThat(Matrices.maxAbsDifference(zoh.aBar(), Matrices.identity(2))).isZero();
        assertThat(Matrices.maxAbsDifference(zoh.bBar(), new double[][] {{0.5}, {1.0}})).isLessThan(1e-16);
    }

    @Test
    void diagonalZohAgreesWithTheGeneralOne() {
        double[] a = {-0.5, -2, -10, 0, 1e-13};
        double[] b = {1, -1, 0.5, 2, 3};
        double delta = 0.2;
        Discretization.DiagonalDiscrete diagonal = Discretization.zohDiagonal(a, b, delta);
        Discretization.Discrete general = Discretization.zoh(Matrices.diagonal(a), Matrices.column(b), delta);
        for (int n = 0; n < a.length; n++) {
            assertThat(diagonal.aBar()[n]).isCloseTo(general.aBar()[n][n], within(1e-15));
            assertThat(diagonal.bBar()[n]).isCloseTo(general.bBar()[n][0], within(1e-15));
        }
    }

    /** As ΔA → 0, B̄ = φ₁(ΔA)ΔB → ΔB, smoothly and without cancellation. */
    @Test
    void theLimitOfSmallDeltaAIsHandled() {
        assertThat(Discretization.phi1(0)).isEqualTo(1.0);
        for (double x : new double[] {1e-300, 1e-12, 1e-8, -1e-8, 1e-4}) {
            assertThat(Discretization.phi1(x)).as("φ₁(%s)", x).isCloseTo(1 + x / 2 + x * x / 6 + x * x * x / 24, within(1e-15));
        }
        Discretization.DiagonalDiscrete zero = Discretization.zohDiagonal(new double[] {0}, new double[] {3}, 0.1);
        assertThat(zero.aBar()[0]).isEqualTo(1.0);
        assertThat(zero.bBar()[0]).isCloseTo(0.3, within(1e-16));
    }

    /** Mamba's B̄ = ΔB differs from ZOH's by (Δ²/2)·A·B + O(Δ³). */
    @Test
    void eulerInputMatrixIsZohToSecondOrder() {
        double[][] ab = Matrices.multiply(A, B);
        for (double delta : new double[] {1e-2, 1e-3}) {
            Discretization.Discrete zoh = Discretization.zoh(A, B, delta);
            Discretization.Discrete euler = Discretization.expWithEulerB(A, B, delta);
            assertThat(Matrices.maxAbsDifference(euler.aBar(), zoh.aBar())).isZero();
            for (int i = 0; i < 3; i++) {
                double difference = (zoh.bBar()[i][0] - euler.bBar()[i][0]) / (delta * delta);
                assertThat(difference).isCloseTo(ab[i][0] / 2, within(delta * 2));
            }
        }
    }

    @Test
    void diagonalEulerVariantKeepsExpAndScalesB() {
        Discretization.DiagonalDiscrete euler = Discretization.expWithEulerBDiagonal(new double[] {-2}, new double[] {5}, 0.1);
        assertThat(euler.aBar()[0]).isEqualTo(Math.exp(-0.2));
        assertThat(euler.bBar()[0]).isCloseTo(0.5, within(1e-16));
    }

    /** The bilinear Ā is the (1,1) Padé approximant of exp(ΔA): it agrees to O(Δ³). */
    @Test
    void bilinearAgreesWithZohToThirdOrder() {
        double previous = Double.NaN;
        for (double delta : new double[] {0.02, 0.01}) {
            double error = Matrices.maxAbsDifference(Discretization.bilinear(A, B, delta).aBar(),
                    Discretization.zoh(A, B, delta).aBar());
            if (!Double.isNaN(previous)) {
                assertThat(previous / error).as("error ratio when Δ halves").isBetween(7.0, 9.0);
            }
            previous = error;
        }
        double[][] scalar = Discretization.bilinear(new double[][] {{-3}}, new double[][] {{1}}, 0.1).aBar();
        assertThat(scalar[0][0]).isCloseTo((1 - 0.15) / (1 + 0.15), within(1e-15));
    }

    @Test
    void mismatchedShapesAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Discretization.zohDiagonal(new double[2], new double[3], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    private static double[] integrate(double[] h0, double u, double delta, int steps) {
        double[] h = h0.clone();
        double dt = delta / steps;
        for (int s = 0; s < steps; s++) {
            double[] k1 = derivative(h, u);
            double[] k2 = derivative(add(h, k1, dt / 2), u);
            double[] k3 = derivative(add(h, k2, dt / 2), u);
            double[] k4 = derivative(add(h, k3, dt), u);
            for (int i = 0; i < h.length; i++) {
                h[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return h;
    }

    private static double[] derivative(double[] h, double u) {
        double[] d = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h.length; j++) {
                d[i] += A[i][j] * h[j];
            }
            d[i] += B[i][0] * u;
        }
        return d;
    }

    private static double[] add(double[] x, double[] y, double s) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + s * y[i];
        }
        return out;
    }
}
