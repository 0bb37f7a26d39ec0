package ttlab.course.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fits L(N, D) = E + A/N^alpha + B/D^beta to training runs as Hoffmann et al. (2022, approach 3)
 * did: in log space, with parameters theta = {a, b, e, alpha, beta} (A = e^a, B = e^b, E = e^e),
 * the prediction log L = LSE(a - alpha log N, b - beta log D, e) is compared with each run's log
 * loss under a Huber loss (delta = 1e-3), and the sum is minimized by L-BFGS from every point of a
 * grid of starts; the best end point wins.
 */
public final class LawFit {

    /** The fitted law, the objective at its optimum, and how many starts were tried. */
    public record Result(ScalingLaw law, double[] theta, double objective, int starts) {
    }

    private final double[] logN;
    private final double[] logD;
    private final double[] logLoss;
    private final double delta;

    public LawFit(List<ChinchillaData.Run> runs, double delta) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to fit");
        }
        if (!(delta > 0)) {
            throw new IllegalArgumentException("the Huber delta must be positive, not " + delta);
        }
        logN = new double[runs.size()];
        logD = new double[runs.size()];
        logLoss = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            ChinchillaData.Run run = runs.get(i);
            if (!(run.parameters() > 0 && run.tokens() > 0 && run.loss() > 0)) {
                throw new IllegalArgumentException("run " + i + " needs positive N, D and loss: " + run);
            }
            logN[i] = Math.log(run.parameters());
            logD[i] = Math.log(run.tokens());
            logLoss[i] = Math.log(run.loss());
        }
        this.delta = delta;
    }

    /** Hoffmann et al.'s grid: alpha, beta in {0, 0.5, ..., 2}, e in {-1, -0.5, ..., 1}, a, b in {0, 5, ..., 25}. */
    public static List<double[]> paperGrid() {
        return grid(new double[]{0, 5, 10, 15, 20, 25}, new double[]{-1, -0.5, 0, 0.5, 1}, new double[]{0, 0.5, 1, 1.5, 2});
    }

    /** Every {a, b, e, alpha, beta} with a and b from {@code ab}, e from {@code es}, alpha and beta from {@code exponents}. */
    public static List<double[]> grid(double[] ab, double[] es, double[] exponents) {
        List<double[]> starts = new ArrayList<>();
        for (double a : ab) {
            for (double b : ab) {
                for (double e : es) {
                    for (double alpha : exponents) {
                        for (double beta : exponents) {
                            starts.add(new double[]{a, b, e, alpha, beta});
                        }
                    }
                }
            }
        }
        return starts;
    }

    /** The sum of Huber losses of the log-loss residuals, with its gradient in theta filled in. */
    public double objective(double[] theta, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double total = 0;
        for (int i = 0; i < logN.length; i++) {
            double t1 = theta[0] - theta[3] * logN[i];
            double t2 = theta[1] - theta[4] * logD[i];
            double t3 = theta[2];
            double max = Math.max(t1, Math.max(t2, t3));
            double w1 = Math.exp(t1 - max), w2 = Math.exp(t2 - max), w3 = Math.exp(t3 - max);
            double sum = w1 + w2 + w3;
            double residual = max + Math.log(sum) - logLoss[i];
            total += Huber.value(residual, delta);
            double h = Huber.derivative(residual, delta) / sum; // times the softmax weights below
            gradient[0] += h * w1;
            gradient[1] += h * w2;
            gradient[2] += h * w3;
            gradient[3] -= h * w1 * logN[i];
            gradient[4] -= h * w2 * logD[i];
        }
        return total;
    }

    /** L-BFGS from each start; the end point with the lowest objective. */
    public Result fit(List<double[]> starts) {
        Lbfgs lbfgs = new Lbfgs(10, 500, 1e-12);
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double[] start : starts) {
            Lbfgs.Result r = lbfgs.minimize(this::objective, start);
            if (r.value() < bestValue && r.x()[3] > 0 && r.x()[4] > 0) {
                bestValue = r.value();
                best = r.x();
            }
        }
        if (best == null) {
            throw new IllegalStateException("no start of " + starts.size() + " reached positive exponents");
        }
        return new Result(ScalingLaw.fromLogParameters(best), best, bestValue, starts.size());
    }

    /**
     * Bootstrap: refit {@code resamples} times on runs drawn with replacement, each from the given
     * starts (the full fit's optimum is a good one), and return the fitted laws.
     */
    public static List<ScalingLaw> bootstrap(List<ChinchillaData.Run> runs, double delta, List<double[]> starts, int resamples, long seed) {
        Random random = new Random(seed);
        List<ScalingLaw> laws = new ArrayList<>();
        for (int k = 0; k < resamples; k++) {
            List<ChinchillaData.Run> sample = new ArrayList<>(runs.size());
            for (int i = 0; i < runs.size(); i++) {
                sample.add(runs.get(random.nextInt(runs.size())));
            }
            laws.add(new LawFit(sample, delta).fit(starts).law());
        }
        return laws;
    }

    /** Residuals log(predicted) - log(observed) of {@code law} on the runs. */
    public double[] residuals(ScalingLaw law) {
        double[] r = new double[logN.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.log(law.loss(Math.exp(logN[i]), Math.exp(logD[i]))) - logLoss[i];
        }
        return r;
    }
}
