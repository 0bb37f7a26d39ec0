package ttlab.course.circuits;

/**
 * A sparse autoencoder in exact arithmetic (Bricken et al. 2023), for k latents on m-dimensional
 * activations: f = ReLU(W<sub>enc</sub>(x − b<sub>dec</sub>) + b<sub>enc</sub>), x̂ = W<sub>dec</sub>ᵀ f + b<sub>dec</sub>,
 * where row j of the k×m decoder is latent j's direction and is kept at unit norm. The loss of a
 * batch is the mean over its examples of ‖x − x̂‖² + λ‖f‖₁. With the loss a mean over the batch,
 * its minimiser and the size of its gradient do not depend on the batch size, so λ need not change
 * with it; summed over the batch, the gradient grows in proportion to the batch size.
 */
public final class SparseAutoencoder {

    /** Encoder k×m, encoder bias k, decoder k×m (unit rows), decoder bias m. */
    public record Parameters(double[][] encoder, double[] encoderBias, double[][] decoder, double[] decoderBias) {
    }

    private SparseAutoencoder() {
    }

    /** The latents f of one activation x. */
    public static double[] encode(Parameters sae, double[] x) {
        int k = sae.encoder().length;
        double[] f = new double[k];
        for (int j = 0; j < k; j++) {
            double pre = sae.encoderBias()[j];
            for (int d = 0; d < x.length; d++) {
                pre += sae.encoder()[j][d] * (x[d] - sae.decoderBias()[d]);
            }
            f[j] = Math.max(0, pre);
        }
        return f;
    }

    /** The reconstruction x̂ = Σ<sub>j</sub> f<sub>j</sub> d<sub>j</sub> + b<sub>dec</sub>. */
    public static double[] decode(Parameters sae, double[] f) {
        double[] xHat = sae.decoderBias().clone();
        for (int j = 0; j < f.length; j++) {
            for (int d = 0; d < xHat.length; d++) {
                xHat[d] += f[j] * sae.decoder()[j][d];
            }
        }
        return xHat;
    }

    /** Mean over the batch of ‖x − x̂‖² + λ‖f‖₁. */
    public static double loss(Parameters sae, double[][] batch, double lambda) {
        double sum = 0;
        for (double[] x : batch) {
            double[] f = encode(sae, x);
            double[] xHat = decode(sae, f);
            for (int d = 0; d < x.length; d++) {
                sum += (x[d] - xHat[d]) * (x[d] - xHat[d]);
            }
            for (double fj : f) {
                sum += lambda * fj;
            }
        }
        return sum / batch.length;
    }

    /** The gradient of {@link #loss} with respect to each parameter, in the same shapes. */
    public static Parameters gradient(Parameters sae, double[][] batch, double lambda) {
        int k = sae.encoder().length, m = sae.decoderBias().length;
        double[][] gEnc = new double[k][m], gDec = new double[k][m];
        double[] gEncBias = new double[k], gDecBias = new double[m];
        for (double[] x : batch) {
            double[] f = encode(sae, x);
            double[] r = decode(sae, f);
            for (int d = 0; d < m; d++) {
                r[d] -= x[d];                                   // r = x̂ − x
                gDecBias[d] += 2 * r[d];
            }
            for (int j = 0; j < k; j++) {
                double dLdF = lambda;
                for (int d = 0; d < m; d++) {
                    gDec[j][d] += 2 * f[j] * r[d];
                    dLdF += 2 * sae.decoder()[j][d] * r[d];
                }
                if (f[j] <= 0) {
                    continue;                                   // ReLU closed: no gradient reaches the encoder
                }
                gEncBias[j] += dLdF;
                for (int d = 0; d < m; d++) {
                    gEnc[j][d] += dLdF * (x[d] - sae.decoderBias()[d]);
                    gDecBias[d] -= dLdF * sae.encoder()[j][d];  // b_dec also enters through x − b_dec
                }
            }
        }
        double n = batch.length;
        return new Parameters(scale(gEnc, 1 / n), scale(gEncBias, 1 / n), scale(gDec, 1 / n), scale(gDecBias, 1 / n));
    }

    /** One gradient-descent step of size {@code rate}, then every decoder row scaled back to unit norm. */
    public static Parameters step(Parameters sae, double[][] batch, double lambda, double rate) {
        Parameters g = gradient(sae, batch, lambda);
        double[][] decoder = minus(sae.decoder(), g.decoder(), rate);
        for (double[] row : decoder) {
            double norm = 0;
            for (double v : row) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                throw new IllegalStateException("a decoder row became zero: it has no direction to keep");
            }
            for (int d = 0; d < row.length; d++) {
                row[d] /= norm;
            }
        }
        return new Parameters(minus(sae.encoder(), g.encoder(), rate), minus(sae.encoderBias(), g.encoderBias(), rate),
                decoder, minus(sae.decoderBias(), g.decoderBias(), rate));
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = scale(a[i], s);
        }
        return out;
    }

    private static double[] scale(double[] a, double s) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * s;
        }
        return out;
    }

    private static double[][] minus(double[][] a, double[][] g, double rate) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = minus(a[i], g[i], rate);
        }
        return out;
    }

    private static double[] minus(double[] a, double[] g, double rate) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - rate * g[i];
        }
        return out;
    }
}
