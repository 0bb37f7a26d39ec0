package ttlab.course.train;

import org.knowm.xchart.XYChart;
import ttlab.course.Plots;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What a training run did: its seed, how many steps it planned and ran, how long it took, the
 * loss after every step, the metrics measured along the way, and why it stopped early, if it did.
 */
public final class TrainingRun {

    private final long seed;
    private final int plannedSteps;
    private final double seconds;
    private final float[] losses;
    private final Map<String, MetricSeries> metrics;
    private final String divergence;

    public TrainingRun(long seed, int plannedSteps, double seconds, float[] losses,
                       Map<String, MetricSeries> metrics, Optional<String> divergence) {
        this.seed = seed;
        this.plannedSteps = plannedSteps;
        this.seconds = seconds;
        this.losses = losses.clone();
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        this.divergence = divergence.orElse(null);
    }

    /** The seed of the parameters' initialization. */
    public long seed() {
        return seed;
    }

    public int plannedSteps() {
        return plannedSteps;
    }

    /** The optimizer steps taken (fewer than planned when the loss diverged). */
    public int steps() {
        return losses.length;
    }

    /** Wall-clock seconds the loop took. */
    public double seconds() {
        return seconds;
    }

    /** The loss computed at each step, before that step's update. */
    public double[] losses() {
        return IntStream.range(0, losses.length).mapToDouble(i -> losses[i]).toArray();
    }

    /** The loss of the last step taken; NaN when no step was. */
    public double finalLoss() {
        return losses.length == 0 ? Double.NaN : losses[losses.length - 1];
    }

    /** True when a NaN or infinite loss stopped the run. */
    public boolean diverged() {
        return divergence != null;
    }

    /** Why the run stopped early, e.g. "loss became NaN at step 413 of 3000". */
    public Optional<String> divergence() {
        return Optional.ofNullable(divergence);
    }

    public MetricSeries metric(String name) {
        MetricSeries series = metrics.get(name);
        if (series == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; this run measured " + metrics.keySet());
        }
        return series;
    }

    public Map<String, MetricSeries> metrics() {
        return metrics;
    }

    /** The loss curve on a logarithmic axis. */
    public XYChart lossChart() {
        XYChart chart = Plots.logY(Plots.lines("Training loss", "step", "loss"));
        double[] x = IntStream.rangeClosed(1, losses.length).asDoubleStream().toArray();
        Plots.addSeries(chart, "loss", x, losses());
        return chart;
    }

    /** The named metrics against the number of steps, on one chart. */
    public XYChart metricChart(String title, String... names) {
        XYChart chart = Plots.lines(title, "step", names.length == 1 ? names[0] : "value");
        for (String name : names) {
            MetricSeries series = metric(name);
            Plots.addSeries(chart, name, series.stepsAsDoubles(), series.values());
        }
        return chart;
    }

    /** One line: steps, final loss, metrics, time, seed; and the divergence, if any. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        line.append(steps()).append('/').append(plannedSteps).append(" steps");
        line.append(String.format("  loss %.4g", finalLoss()));
        metrics.forEach((name, series) -> line.append(String.format("  %s %.4g", name, series.last())));
        line.append(String.format("  %.1f s  seed %d", seconds, seed));
        divergence().ifPresent(d -> line.append("  STOPPED: ").append(d));
        return line.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
