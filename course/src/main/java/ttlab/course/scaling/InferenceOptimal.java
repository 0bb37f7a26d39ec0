package ttlab.course.scaling;

/**
 * Inference-aware training (Sardana et al. 2023): for a model that must reach a given loss and will
 * then serve {@code inferenceTokens} tokens, minimize the lifetime compute
 * 6 N D_train(N) + 2 N D_inference, where D_train(N) is the data that brings N parameters to the
 * loss (from the law). With no inference this is the compute-optimal (Chinchilla) model for that
 * loss; the more inference, the smaller and longer-trained the best model.
 */
public final class InferenceOptimal {

    /** The best model, its training and inference compute. */
    public record Plan(Allocation allocation, double trainingCompute, double inferenceCompute) {
        public double totalCompute() {
            return trainingCompute + inferenceCompute;
        }
    }

    private InferenceOptimal() {
    }

    /** The lifetime compute of N parameters trained to {@code targetLoss}; infinite if N cannot reach it. */
    public static double lifetimeCompute(ScalingLaw law, double parameters, double targetLoss, double inferenceTokens) {
        double tokens = law.tokensForLoss(parameters, targetLoss);
        return Flops.training(parameters, tokens) + Flops.inference(parameters, inferenceTokens);
    }

    /**
     * The N that minimizes the lifetime compute at the target loss, by golden section over log N. The
     * function is unimodal in log N: the training term falls then rises, the inference term rises.
     */
    public static Plan optimum(ScalingLaw law, double targetLoss, double inferenceTokens) {
        if (!(targetLoss > law.e())) {
            throw new IllegalArgumentException("the target loss " + targetLoss + " is not above the law's floor E = " + law.e());
        }
        if (!(inferenceTokens >= 0)) {
            throw new IllegalArgumentException("inference tokens must be >= 0, not " + inferenceTokens);
        }
        // N must exceed the size at which A/N^alpha alone uses up the room above E.
        double smallest = Math.pow(law.a() / (targetLoss - law.e()), 1 / law.alpha());
        double low = Math.log(smallest) + 1e-9, high = Math.log(smallest) + 60;
        double logN = GoldenSection.minimize(
                x -> Math.log(lifetimeCompute(law, Math.exp(x), targetLoss, inferenceTokens)), low, high, 1e-10);
        double n = Math.exp(logN);
        double tokens = law.tokensForLoss(n, targetLoss);
        return new Plan(new Allocation(n, tokens), Flops.training(n, tokens), Flops.inference(n, inferenceTokens));
    }
}
