package ttlab.course.scaling;

/**
 * The Chinchilla loss law L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022, approach 3)
 * and its compute-optimal allocation under C = 6 N D.
 *
 * <p>Minimizing L on the constraint (Lagrange multipliers, derived in lecture 03a) gives
 * N_opt = G (C/6)^(beta/(alpha+beta)) and D_opt = (C/6)^(alpha/(alpha+beta)) / G with
 * G = (alpha A / (beta B))^(1/(alpha+beta)).
 */
public record ScalingLaw(double e, double a, double b, double alpha, double beta) {

    /** The paper's approach-3 fit: E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28 (Hoffmann et al. 2022). */
    public static final ScalingLaw HOFFMANN_2022 = new ScalingLaw(1.69, 406.4, 410.7, 0.34, 0.28);

    /**
     * The refit of the same runs by Besiroglu, Erdil, Barnett and You (2024), as rounded in the data's
     * README: E = 1.82, A = 482, B = 2085, alpha = 0.348, beta = 0.366.
     */
    public static final ScalingLaw BESIROGLU_2024 = new ScalingLaw(1.82, 482, 2085, 0.348, 0.366);

    public ScalingLaw {
        if (!(a > 0 && b > 0 && alpha > 0 && beta > 0) || !Double.isFinite(e) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("a scaling law needs finite E and A, B, alpha, beta > 0, not E = " + e
                    + ", A = " + a + ", B = " + b + ", alpha = " + alpha + ", beta = " + beta);
        }
    }

    /** The law from its log-space parameters {log A, log B, log E, alpha, beta}, as the fit uses them. */
    public static ScalingLaw fromLogParameters(double[] theta) {
        if (theta.length != 5) {
            throw new IllegalArgumentException("expected {log A, log B, log E, alpha, beta}, got " + theta.length + " numbers");
        }
        return new ScalingLaw(Math.exp(theta[2]), Math.exp(theta[0]), Math.exp(theta[1]), theta[3], theta[4]);
    }

    /** {log A, log B, log E, alpha, beta}. */
    public double[] logParameters() {
        return new double[]{Math.log(a), Math.log(b), Math.log(e), alpha, beta};
    }

    /** The predicted loss of N parameters trained on D tokens. */
    public double loss(double parameters, double tokens) {
        return e + a / Math.pow(parameters, alpha) + b / Math.pow(tokens, beta);
    }

    /** G = (alpha A / (beta B))^(1/(alpha+beta)). */
    public double g() {
        return Math.pow(alpha * a / (beta * b), 1 / (alpha + beta));
    }

    /** N_opt(C) = G (C/6)^(beta/(alpha+beta)). */
    public double optimalParameters(double compute) {
        return g() * Math.pow(compute / 6, beta / (alpha + beta));
    }

    /** D_opt(C) = (C/6)^(alpha/(alpha+beta)) / G. */
    public double optimalTokens(double compute) {
        return Math.pow(compute / 6, alpha / (alpha + beta)) / g();
    }

    /** D_opt / N_opt at compute C: G^-2 (C/6)^((alpha-beta)/(alpha+beta)). */
    public double tokensPerParameter(double compute) {
        return optimalTokens(compute) / optimalParameters(compute);
    }

    /** The compute for which N is the optimal size: C = 6 (N/G)^((alpha+beta)/beta), the inverse of N_opt. */
    public double computeForParameters(double parameters) {
        return 6 * Math.pow(parameters / g(), (alpha + beta) / beta);
    }

    /** The loss at the compute-optimal allocation of C. */
    public double optimalLoss(double compute) {
        return loss(optimalParameters(compute), optimalTokens(compute));
    }

    /**
     * The tokens that bring N parameters down to {@code targetLoss}: D = (B / (L - E - A/N^alpha))^(1/beta);
     * infinite when N alone cannot reach it (L <= E + A/N^alpha).
     */
    public double tokensForLoss(double parameters, double targetLoss) {
        double room = targetLoss - e - a / Math.pow(parameters, alpha);
        return room <= 0 ? Double.POSITIVE_INFINITY : Math.pow(b / room, 1 / beta);
    }

    @Override
    public String toString() {
        return String.format("L(N, D) = %.4g + %.4g/N^%.4g + %.4g/D^%.4g", e, a, alpha, b, beta);
    }
}
