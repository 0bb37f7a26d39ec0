package ttlab.course.ssm;

import ttlab.course.Matrices;

/**
 * The matrix exponential exp(M) = Σ M<sup>k</sup>/k!.
 *
 * <p>{@link #exp} uses scaling and squaring with the diagonal [6/6] Padé approximant
 * (Moler &amp; Van Loan 2003, "Nineteen dubious ways to compute the exponential of a matrix",
 * method 3): exp(M) = exp(M/2<sup>s</sup>)<sup>2<sup>s</sup></sup>, with s chosen so that
 * ‖M/2<sup>s</sup>‖₁ ≤ ½, where the Padé approximant is exact up to a relative backward error of
 * 2<sup>−9</sup>(6!)²/(12!·13!) ≈ 3.4·10<sup>−16</sup> (their bound ε(6, 6)).
 * {@link #series} sums the power series directly: fine for small ‖M‖, a check for the other.
 */
public final class MatrixExp {

    private static final int PADE_DEGREE = 6;

    private MatrixExp() {
    }

    /** exp(M) by scaling and squaring with a [6/6] Padé approximant. */
    public static double[][] exp(double[][] m) {
        requireSquare(m);
        int n = m.length;
        double norm = Matrices.norm1(m);
        int squarings = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        double[][] scaled = Matrices.scale(m, Math.scalb(1.0, -squarings));

        // N(X) = Σ c_k X^k, D(X) = Σ c_k (−X)^k, c_k = (2q−k)! q! / ((2q)! k! (q−k)!)
        double[][] numerator = Matrices.identity(n);
        double[][] denominator = Matrices.identity(n);
        double[][] power = Matrices.identity(n);
        double c = 1;
        for (int k = 1; k <= PADE_DEGREE; k++) {
            c *= (double) (PADE_DEGREE - k + 1) / (k * (2 * PADE_DEGREE - k + 1));
            power = Matrices.multiply(power, scaled);
            numerator = Matrices.combine(1, numerator, c, power);
            denominator = Matrices.combine(1, denominator, k % 2 == 0 ? c : -c, power);
        }
        double[][] result = Matrices.solve(denominator, numerator);
        for (int i = 0; i < squarings; i++) {
            result = Matrices.multiply(result, result);
        }
        return result;
    }

    /** exp(M) by the power series Σ<sub>k&lt;terms</sub> M<sup>k</sup>/k!: only for small ‖M‖. */
    public static double[][] series(double[][] m, int terms) {
        requireSquare(m);
        double[][] sum = Matrices.identity(m.length);
        double[][] term = Matrices.identity(m.length);
        for (int k = 1; k < terms; k++) {
            term = Matrices.scale(Matrices.multiply(term, m), 1.0 / k);
            sum = Matrices.combine(1, sum, 1, term);
        }
        return sum;
    }

    private static void requireSquare(double[][] m) {
        if (m.length == 0 || m[0].length != m.length) {
            throw new IllegalArgumentException("need a square matrix");
        }
    }
}
