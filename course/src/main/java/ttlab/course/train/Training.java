package ttlab.course.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.IntToDoubleFunction;

/**
 * The course's training loop. Each step computes the loss inside a gradient collector, runs
 * backward, updates every parameter with the optimizer and clears the gradients. A progress line
 * (updated in place in a notebook) shows the step, the loss and the metrics; a NaN or infinite
 * loss stops the run before it damages the parameters, and the run says so.
 *
 * <p>Arrays the loss function creates are closed after its step, so a long run does not grow
 * native memory. The loop is not thread-safe: one run at a time (the engine has one collector).
 */
public final class Training {

    /** The loss of one step, a scalar computed from the parameters (and this step's batch). */
    @FunctionalInterface
    public interface StepLoss {
        NDArray loss(int step);
    }

    private final TrainingParameters params;
    private Optimizer optimizer;
    private int steps = -1;
    private int logEvery = -1;
    private int threads = 1;
    private final Map<String, IntToDoubleFunction> metrics = new LinkedHashMap<>();

    private Training(TrainingParameters params) {
        this.params = params;
    }

    /** A run over these parameters: set the steps, then {@link #run}. */
    public static Training of(TrainingParameters params) {
        if (params.all().isEmpty()) {
            throw new IllegalArgumentException("there are no parameters to train: create them first (params.normal(...))");
        }
        return new Training(params);
    }

    /** The optimizer (default: Adam with a learning rate of 1e-3). */
    public Training optimizer(Optimizer optimizer) {
        this.optimizer = optimizer;
        return this;
    }

    /** How many optimizer steps to take. */
    public Training steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        this.steps = steps;
        return this;
    }

    /** Update the progress line and measure the metrics every {@code every} steps (default: 50 times a run). */
    public Training logEvery(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("logEvery must be at least 1, got " + every);
        }
        this.logEvery = every;
        return this;
    }

    /**
     * How many threads PyTorch uses inside one operation during the run (default 1; the number
     * before is restored after it). The course's models are small, and PyTorch's default pool of a
     * spinning thread per core slows them down many times over when the cores are shared: see
     * {@link EngineThreads}.
     */
    public Training threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * A metric measured (outside gradient recording) after every {@code logEvery} steps and after
     * the last one; {@code value} receives the number of steps taken so far.
     */
    public Training metric(String name, IntToDoubleFunction value) {
        if (metrics.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("a metric called '" + name + "' is defined already");
        }
        return this;
    }

    /** Runs the loop and returns what it did. */
    public TrainingRun run(StepLoss loss) {
        if (steps < 1) {
            throw new IllegalStateException("say how many steps to take: .steps(n) before .run(...)");
        }
        int threadsBefore = EngineThreads.set(threads);
        try {
            return loop(loss);
        } finally {
            EngineThreads.set(threadsBefore);
        }
    }

    private TrainingRun loop(StepLoss loss) {
        Optimizer opt = optimizer != null ? optimizer : Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
        int every = logEvery > 0 ? logEvery : Math.max(1, steps / 50);
        Map<String, List<double[]>> measured = new LinkedHashMap<>();
        metrics.keySet().forEach(name -> measured.put(name, new ArrayList<>()));
        float[] losses = new float[steps];
        ProgressDisplay.Line line = ProgressDisplay.openLine(String.format("training %d parameters for %d steps (seed %d)",
                params.count(), steps, params.seed()));
        long start = System.nanoTime();
        int taken = 0;
        String divergence = null;
        while (taken < steps) {
            if (Thread.currentThread().isInterrupted()) {
                line.update(String.format("interrupted after %d of %d steps", taken, steps));
                throw new CancellationException("training interrupted after " + taken + " of " + steps + " steps");
            }
            float value = lossAndGradients(loss, taken);
            if (!Float.isFinite(value)) {
                divergence = String.format("loss became %s at step %d of %d; the parameters are those after step %d",
                        value, taken + 1, steps, taken);
                break;
            }
            update(opt);
            losses[taken++] = value;
            if (taken % every == 0 || taken == steps) {
                measure(taken, measured);
                line.update(progress(taken, value, measured, start));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainingRun run = new TrainingRun(params.seed(), steps, seconds, java.util.Arrays.copyOf(losses, taken),
                series(measured), Optional.ofNullable(divergence));
        line.update(run.summary());
        return run;
    }

    /** The step's loss value; its gradients are left on the parameters. */
    private float lossAndGradients(StepLoss loss, int step) {
        clearGradients();
        try (NDScope scope = new NDScope(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = loss.loss(step);
            if (value == null || value.getShape().size() != 1) {
                throw new IllegalArgumentException("the loss must be a scalar, got " + (value == null ? "null" : "shape " + value.getShape()));
            }
            collector.backward(value);
            return value.toType(DataType.FLOAT32, false).getFloat();
        }
    }

    private void update(Optimizer opt) {
        for (Map.Entry<String, NDArray> p : params.all().entrySet()) {
            NDArray weight = p.getValue();
            if (weight.hasGradient()) {
                try (NDArray gradient = weight.getGradient()) {
                    opt.update(p.getKey(), weight, gradient);
                }
            }
        }
    }

    /** Backward adds to the gradients; each step starts from zero. */
    private void clearGradients() {
        for (NDArray weight : params.all().values()) {
            if (weight.hasGradient()) {
                try (NDArray gradient = weight.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    private void measure(int taken, Map<String, List<double[]>> measured) {
        for (Map.Entry<String, IntToDoubleFunction> metric : metrics.entrySet()) {
            try (NDScope scope = new NDScope()) {
                measured.get(metric.getKey()).add(new double[] {taken, metric.getValue().applyAsDouble(taken)});
            }
        }
    }

    private String progress(int taken, float loss, Map<String, List<double[]>> measured, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder text = new StringBuilder(String.format("step %d/%d  loss %.4g", taken, steps, loss));
        measured.forEach((name, values) -> text.append(String.format("  %s %.4g", name, values.get(values.size() - 1)[1])));
        text.append(String.format("  %.1f s (%.1f ms/step)", seconds, 1000 * seconds / taken));
        return text.toString();
    }

    private static Map<String, MetricSeries> series(Map<String, List<double[]>> measured) {
        Map<String, MetricSeries> out = new LinkedHashMap<>();
        measured.forEach((name, points) -> out.put(name, new MetricSeries(name,
                points.stream().mapToInt(p -> (int) p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray())));
        return out;
    }
}
