package ttlab.course.scaling;

/** A model size N and its training tokens D, with the compute 6ND and the tokens per parameter. */
public record Allocation(double parameters, double tokens) {

    public double trainingCompute() {
        return Flops.training(parameters, tokens);
    }

    public double tokensPerParameter() {
        return tokens / parameters;
    }

    /** The closed form of the law at compute C. */
    public static Allocation computeOptimal(ScalingLaw law, double compute) {
        return new Allocation(law.optimalParameters(compute), law.optimalTokens(compute));
    }

    /**
     * The same optimum found numerically: the loss along the constraint, L(N, C/(6N)), minimized by
     * golden section over log N in [log 1e3, log(C/6) - log 1e3], without the closed form.
     */
    public static Allocation numericOptimum(ScalingLaw law, double compute) {
        double logN = GoldenSection.minimize(
                x -> law.loss(Math.exp(x), compute / (6 * Math.exp(x))),
                Math.log(1e3), Math.log(compute / 6) - Math.log(1e3), 1e-10);
        double n = Math.exp(logN);
        return new Allocation(n, compute / (6 * n));
    }
}
