package ttlab.course.circuits;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The scores that identify what a head does, read from its attention pattern or its weights
 * (Olsson et al. 2022; Elhage et al. 2021). A pattern is causal: row i holds query i's weights
 * over keys 0..i.
 */
public final class HeadScores {

    private HeadScores() {
    }

    /** The mean weight a query puts on the position just before it, over queries 1..n−1. */
    public static double previousTokenScore(double[][] pattern) {
        if (pattern.length < 2) {
            throw new IllegalArgumentException("a previous-token score needs at least 2 positions, not " + pattern.length);
        }
        double sum = 0;
        for (int i = 1; i < pattern.length; i++) {
            sum += pattern[i][i - 1];
        }
        return sum / (pattern.length - 1);
    }

    /**
     * Prefix matching: the weight a query puts on the tokens that followed earlier occurrences of
     * its own token (Σ over every earlier occurrence j of A<sub>i,j+1</sub>), averaged over the
     * queries whose token occurred before; NaN when no token repeats.
     */
    public static double prefixMatchingScore(double[][] pattern, int[] tokens) {
        if (pattern.length != tokens.length) {
            throw new IllegalArgumentException("pattern has " + pattern.length + " rows for " + tokens.length + " tokens");
        }
        double sum = 0;
        int queries = 0;
        for (int i = 0; i < tokens.length; i++) {
            double weight = 0;
            boolean repeated = false;
            for (int j = 0; j < i; j++) {
                if (tokens[j] == tokens[i]) {
                    weight += pattern[i][j + 1];
                    repeated = true;
                }
            }
            if (repeated) {
                sum += weight;
                queries++;
            }
        }
        return queries == 0 ? Double.NaN : sum / queries;
    }

    /**
     * The copying score of a circuit M (vocabulary × vocabulary, e.g. W<sub>U</sub>W<sub>OV</sub>W<sub>E</sub>):
     * Σλ / Σ|λ| over its (complex) eigenvalues. It is 1 when every eigenvalue is positive (the head
     * raises the logit of the token it attends to), −1 when all are negative.
     */
    public static double copyingScore(double[][] circuit) {
        Complex_F64[] eigenvalues = eigenvalues(circuit);
        double sum = 0, sumOfMagnitudes = 0;
        for (Complex_F64 lambda : eigenvalues) {
            sum += lambda.real;                      // the imaginary parts of conjugate pairs cancel
            sumOfMagnitudes += lambda.getMagnitude();
        }
        if (sumOfMagnitudes == 0) {
            throw new IllegalArgumentException("the circuit is nilpotent (every eigenvalue is 0): no copying score");
        }
        return sum / sumOfMagnitudes;
    }

    /** The eigenvalues of a square real matrix (EJML's general eigen-decomposition). */
    public static Complex_F64[] eigenvalues(double[][] matrix) {
        int n = matrix.length;
        for (double[] row : matrix) {
            if (row.length != n) {
                throw new IllegalArgumentException("eigenvalues need a square matrix, got a row of length " + row.length + " in " + n + " rows");
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.eig(n, false);
        if (!decomposition.decompose(new DMatrixRMaj(matrix))) {
            throw new IllegalStateException("the eigen-decomposition did not converge");
        }
        Complex_F64[] eigenvalues = new Complex_F64[n];
        for (int k = 0; k < n; k++) {
            eigenvalues[k] = decomposition.getEigenvalue(k);
        }
        return eigenvalues;
    }
}
