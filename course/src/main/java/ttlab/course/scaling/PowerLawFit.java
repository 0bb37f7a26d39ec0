package ttlab.course.scaling;

/** The least-squares line through (log x, log y): y ≈ c x^slope. */
public record PowerLawFit(double slope, double intercept) {

    public static PowerLawFit of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need at least two (x, y) pairs of equal count, got " + x.length + " and " + y.length);
        }
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0 && y[i] > 0)) {
                throw new IllegalArgumentException("a power law needs positive values, got (" + x[i] + ", " + y[i] + ")");
            }
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        return new PowerLawFit(slope, my - slope * mx);
    }

    public double at(double x) {
        return Math.exp(intercept) * Math.pow(x, slope);
    }
}
