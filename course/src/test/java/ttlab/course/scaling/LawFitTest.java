package ttlab.course.scaling;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LawFitTest {

    @Test
    void theDataHas245RunsWithTokensFromCompute() {
        List<ChinchillaData.Run> runs = ChinchillaData.load();
        assertThat(runs).hasSize(245);
        ChinchillaData.Run first = runs.get(0);
        assertThat(first.parameters()).isCloseTo(6795600349.289497, within(1e-3));
        assertThat(first.tokens() * 6 * first.parameters()).isCloseTo(first.compute(), within(1e-6 * first.compute()));
        assertThat(ChinchillaData.table().rowCount()).isEqualTo(245);
        List<ChinchillaData.Run> kept = ChinchillaData.withoutHighestLosses(runs, 5);
        assertThat(kept).hasSize(240);
        double maxKept = kept.stream().mapToDouble(ChinchillaData.Run::loss).max().orElseThrow();
        assertThat(runs.stream().filter(r -> r.loss() > maxKept)).hasSize(5);
    }

    @Test
    void theGradientMatchesFiniteDifferences() {
        LawFit fit = new LawFit(ChinchillaData.load(), 0.05); // a wide delta: both Huber branches occur
        double[] theta = {6, 6.2, 0.5, 0.34, 0.3};
        double[] g = new double[5];
        fit.objective(theta, g);
        for (int k = 0; k < 5; k++) {
            double h = 1e-6;
            double[] up = theta.clone(), down = theta.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (fit.objective(up, new double[5]) - fit.objective(down, new double[5])) / (2 * h);
            assertThat(g[k]).as("d/dtheta_%d", k).isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void recoversKnownConstantsFromSyntheticRunsWithOutliers() {
        ScalingLaw truth = new ScalingLaw(1.8, 500, 1500, 0.35, 0.33);
        Random random = new Random(3);
        List<ChinchillaData.Run> runs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            double n = Math.exp(random.nextDouble(Math.log(5e7), Math.log(1e10)));
            double d = Math.exp(random.nextDouble(Math.log(1e9), Math.log(3e11)));
            double loss = truth.loss(n, d) * Math.exp(1e-4 * random.nextGaussian());
            if (i % 20 == 0) {
                loss *= 1.3; // outliers the Huber loss shrugs off
            }
            runs.add(new ChinchillaData.Run(n, 6 * n * d, loss));
        }
        LawFit.Result r = new LawFit(runs, Huber.CHINCHILLA_DELTA)
                .fit(LawFit.grid(new double[]{5, 10}, new double[]{0, 1}, new double[]{0.5, 1}));
        assertThat(r.law().alpha()).isCloseTo(0.35, within(0.01));
        assertThat(r.law().beta()).isCloseTo(0.33, within(0.01));
        assertThat(r.law().e()).isCloseTo(1.8, within(0.02));
    }

    @Test
    void huberIsQuadraticInsideAndLinearOutside() {
        assertThat(Huber.value(0.5e-3, 1e-3)).isCloseTo(0.125e-6, within(1e-18));
        assertThat(Huber.value(-3e-3, 1e-3)).isCloseTo(2.5e-6, within(1e-18));
        assertThat(Huber.derivative(-3e-3, 1e-3)).isEqualTo(-1e-3);
        assertThat(Huber.derivative(0.5e-3, 1e-3)).isEqualTo(0.5e-3);
    }
}
