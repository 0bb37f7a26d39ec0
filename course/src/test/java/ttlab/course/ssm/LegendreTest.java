package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LegendreTest {

    @Test
    void lowDegreesMatchTheirClosedForms() {
        for (double x = -1; x <= 1; x += 0.125) {
            assertThat(Legendre.p(0, x)).isEqualTo(1.0);
            assertThat(Legendre.p(1, x)).isEqualTo(x);
            assertThat(Legendre.p(2, x)).isCloseTo((3 * x * x - 1) / 2, within(1e-15));
            assertThat(Legendre.p(3, x)).isCloseTo((5 * x * x * x - 3 * x) / 2, within(1e-15));
            assertThat(Legendre.p(4, x)).isCloseTo((35 * Math.pow(x, 4) - 30 * x * x + 3) / 8, within(1e-14));
        }
    }

    @Test
    void endpointValuesAreOneAndAlternatingSigns() {
        for (int n = 0; n < 40; n++) {
            assertThat(Legendre.p(n, 1)).isCloseTo(1.0, within(1e-12));
            assertThat(Legendre.p(n, -1)).isCloseTo(n % 2 == 0 ? 1.0 : -1.0, within(1e-12));
        }
    }

    @Test
    void polynomialsAreOrthogonalWithNorm2Over2nPlus1() {
        Legendre.Quadrature rule = Legendre.gauss(30);
        for (int m = 0; m < 12; m++) {
            for (int n = 0; n < 12; n++) {
                int mm = m, nn = n;
                double integral = rule.integrate(x -> Legendre.p(mm, x) * Legendre.p(nn, x), -1, 1);
                assertThat(integral).as("∫P_%d P_%d", m, n).isCloseTo(m == n ? 2.0 / (2 * n + 1) : 0, within(1e-13));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 8, 33})
    void gaussRuleIsExactUpToDegree2nMinus1AndNotBeyond(int points) {
        Legendre.Quadrature rule = Legendre.gauss(points);
        for (int degree = 0; degree <= 2 * points - 1; degree++) {
            int k = degree;
            double exact = k % 2 == 1 ? 0 : 2.0 / (k + 1);
            assertThat(rule.integrate(x -> Math.pow(x, k), -1, 1)).as("∫x^%d", k).isCloseTo(exact, within(1e-13));
        }
        // x^(2n) is the first monomial it misses, by exactly 2^(2n+1)(n!)^4 / ((2n+1)((2n)!)^2).
        if (points <= 10) {
            int tooHigh = 2 * points;
            double factorial = 1, doubleFactorial = 1;
            for (int k = 2; k <= points; k++) factorial *= k;
            for (int k = 2; k <= tooHigh; k++) doubleFactorial *= k;
            double expected = Math.pow(2, tooHigh + 1) * Math.pow(factorial, 4) / ((tooHigh + 1) * doubleFactorial * doubleFactorial);
            double missed = 2.0 / (tooHigh + 1) - rule.integrate(x -> Math.pow(x, tooHigh), -1, 1);
            assertThat(missed).isCloseTo(expected, within(1e-9 * expected + 1e-15));
        }
    }

    @Test
    void quadratureMapsOntoAnyInterval() {
        assertThat(Legendre.gauss(8).integrate(Math::exp, 0, 3)).isCloseTo(Math.exp(3) - 1, within(1e-12));
    }
}
