package ttlab.course.icl;

import java.util.Random;

/**
 * The learning rate that makes one gradient-descent step from w₀ = 0 best on average over tasks,
 * in closed form. The one-step prediction is ŷ = η wᵀ S x_q with S = (1/N) Σⱼ xⱼxⱼᵀ, so for
 * w ~ N(0, I) and x with independent, symmetric coordinates of second moment m₂ and fourth
 * moment m₄ the expected query loss ½ E(ŷ − wᵀx_q)² is
 *
 * <pre>  ℓ(η) = ½ m₂ (d − 2η d m₂ + η² E tr S²),   E tr S² = (d/N)(m₄ + (N + d − 2) m₂²),</pre>
 *
 * a parabola in η with minimum at η* = N m₂ / (m₄ + (N + d − 2) m₂²). For x ~ U(−a, a),
 * m₂ = a²/3 and m₄ = a⁴/5; for Gaussian x, m₄ = 3m₂² and η* = N / ((N + d + 1) m₂).
 */
public final class OptimalStepSize {

    private OptimalStepSize() {
    }

    /** E x² for x ~ U(−a, a): a²/3. */
    public static double uniformSecondMoment(double a) {
        return a * a / 3;
    }

    /** E x⁴ for x ~ U(−a, a): a⁴/5. */
    public static double uniformFourthMoment(double a) {
        return a * a * a * a / 5;
    }

    /** E tr S² = (d/N)(m₄ + (N + d − 2) m₂²). */
    public static double expectedTraceOfSquare(int d, int n, double m2, double m4) {
        check(d, n);
        return (double) d / n * (m4 + (n + d - 2) * m2 * m2);
    }

    /** η* = E tr S / E tr S² = N m₂ / (m₄ + (N + d − 2) m₂²). */
    public static double eta(int d, int n, double m2, double m4) {
        return d * m2 / expectedTraceOfSquare(d, n, m2, m4);
    }

    /** η* for x ~ U(−a, a)^d. */
    public static double etaForUniform(int d, int n, double a) {
        return eta(d, n, uniformSecondMoment(a), uniformFourthMoment(a));
    }

    /** ℓ(η) = ½ m₂ (d − 2η d m₂ + η² E tr S²), the expected query loss after one step. */
    public static double expectedLoss(double eta, int d, int n, double m2, double m4) {
        return 0.5 * m2 * (d - 2 * eta * d * m2 + eta * eta * expectedTraceOfSquare(d, n, m2, m4));
    }

    /** ℓ(η) for x ~ U(−a, a)^d. */
    public static double expectedLossForUniform(double eta, int d, int n, double a) {
        return expectedLoss(eta, d, n, uniformSecondMoment(a), uniformFourthMoment(a));
    }

    /**
     * A Monte-Carlo estimate of ℓ(η): the mean of ½(ŷ − y_q)² over {@code tasks} fresh tasks,
     * with its standard error; the check of the closed form by sampling.
     */
    public static Estimate monteCarloLoss(double eta, int d, int n, double a, int tasks, Random random) {
        if (tasks < 2) {
            throw new IllegalArgumentException("need at least 2 tasks for a standard error, got " + tasks);
        }
        double sum = 0;
        double sumOfSquares = 0;
        for (int t = 0; t < tasks; t++) {
            RegressionTask task = RegressionTask.sample(d, n, a, random);
            double error = LeastSquares.prediction(task, eta, 1) - task.target();
            double loss = 0.5 * error * error;
            sum += loss;
            sumOfSquares += loss * loss;
        }
        double mean = sum / tasks;
        double variance = (sumOfSquares - tasks * mean * mean) / (tasks - 1);
        return new Estimate(mean, Math.sqrt(variance / tasks));
    }

    /** A sample mean and its standard error. */
    public record Estimate(double mean, double standardError) {
    }

    private static void check(int d, int n) {
        if (d < 1 || n < 1) {
            throw new IllegalArgumentException("need d ≥ 1 and N ≥ 1, got d = " + d + ", N = " + n);
        }
    }
}
