package ttlab.course.circuits;

/**
 * Which latent of a dictionary (e.g. a sparse autoencoder's decoder rows) best matches each
 * ground-truth feature direction, by cosine similarity. The mean over the ground-truth features
 * of the best cosine is a "mean max cosine similarity", the name under which Sharkey et al. (2022)
 * score recovered features; averaged over the features, latents left over cost nothing.
 *
 * @param latent for each feature, the index of the dictionary row with the largest cosine
 * @param cosine that largest cosine
 */
public record FeatureMatch(int[] latent, double[] cosine) {

    /** Matches every row of {@code features} (n×m) against every row of {@code dictionary} (k×m). */
    public static FeatureMatch of(double[][] features, double[][] dictionary) {
        int[] latent = new int[features.length];
        double[] cosine = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            cosine[i] = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < dictionary.length; j++) {
                double c = cosine(features[i], dictionary[j]);
                if (c > cosine[i]) {
                    cosine[i] = c;
                    latent[i] = j;
                }
            }
        }
        return new FeatureMatch(latent, cosine);
    }

    /** The columns of an m×n matrix as n rows: a toy model's feature directions W<sub>i</sub>. */
    public static double[][] columns(double[][] w) {
        double[][] out = new double[w[0].length][w.length];
        for (int r = 0; r < w.length; r++) {
            for (int i = 0; i < w[0].length; i++) {
                out[i][r] = w[r][i];
            }
        }
        return out;
    }

    /** The cosine of the angle between a and b; an error for a zero vector, which has no direction. */
    public static double cosine(double[] a, double[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int d = 0; d < a.length; d++) {
            ab += a[d] * b[d];
            aa += a[d] * a[d];
            bb += b[d] * b[d];
        }
        if (aa == 0 || bb == 0) {
            throw new IllegalArgumentException("a zero vector has no direction");
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** The mean over features of the best cosine. */
    public double meanMaxCosine() {
        double sum = 0;
        for (double c : cosine) {
            sum += c;
        }
        return sum / cosine.length;
    }

    /** How many features some latent matches with cosine at least {@code threshold}. */
    public int recovered(double threshold) {
        int count = 0;
        for (double c : cosine) {
            if (c >= threshold) {
                count++;
            }
        }
        return count;
    }

    /** How many different latents the features' best matches use (n when each feature has its own). */
    public long distinctLatents() {
        return java.util.Arrays.stream(latent).distinct().count();
    }
}
