package ttlab.course.ssm;

/**
 * How far a float32 result is from a double reference.
 *
 * @param maxAbs the largest |got − reference|
 * @param maxRel the largest |got − reference| / max(|reference|, floor), where the floor,
 *               10⁻³·max|reference|, keeps entries that are nearly zero from dominating
 */
public record ErrorStats(double maxAbs, double maxRel) {

    /** Compares element by element. */
    public static ErrorStats of(float[] got, double[] reference) {
        if (got.length != reference.length) {
            throw new IllegalArgumentException("lengths differ: " + got.length + " and " + reference.length);
        }
        double scale = 0;
        for (double r : reference) {
            scale = Math.max(scale, Math.abs(r));
        }
        double floor = Math.max(1e-3 * scale, Double.MIN_NORMAL);
        double maxAbs = 0, maxRel = 0;
        for (int i = 0; i < got.length; i++) {
            double error = Math.abs(got[i] - reference[i]);
            if (Double.isNaN(error)) {
                return new ErrorStats(Double.NaN, Double.NaN);
            }
            maxAbs = Math.max(maxAbs, error);
            maxRel = Math.max(maxRel, error / Math.max(Math.abs(reference[i]), floor));
        }
        return new ErrorStats(maxAbs, maxRel);
    }

    @Override
    public String toString() {
        return String.format("max abs error %.2e, max rel error %.2e", maxAbs, maxRel);
    }
}
