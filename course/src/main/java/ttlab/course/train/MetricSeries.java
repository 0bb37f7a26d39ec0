package ttlab.course.train;

import java.util.Arrays;

/** A metric measured during a run: its values after the given numbers of steps. */
public final class MetricSeries {

    private final String name;
    private final int[] steps;
    private final double[] values;

    public MetricSeries(String name, int[] steps, double[] values) {
        if (steps.length != values.length) {
            throw new IllegalArgumentException("metric '" + name + "': " + steps.length + " steps but " + values.length + " values");
        }
        this.name = name;
        this.steps = steps.clone();
        this.values = values.clone();
    }

    public String name() {
        return name;
    }

    /** After how many optimizer steps each value was measured. */
    public int[] steps() {
        return steps.clone();
    }

    public double[] values() {
        return values.clone();
    }

    /** The last value measured; NaN when none was. */
    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** The first number of steps after which the metric reached {@code threshold}, or -1. */
    public int firstStepAtLeast(double threshold) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= threshold) {
                return steps[i];
            }
        }
        return -1;
    }

    double[] stepsAsDoubles() {
        return Arrays.stream(steps).asDoubleStream().toArray();
    }
}
