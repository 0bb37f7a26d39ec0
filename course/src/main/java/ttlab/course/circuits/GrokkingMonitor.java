package ttlab.course.circuits;

import ttlab.course.train.Training;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches a {@link ModularAdditionTransformer} while it trains: the metrics of the run (train
 * and test loss and accuracy, Σ‖W‖²), computed from one forward pass over all p² inputs per log
 * step, and a copy of those logits every {@code snapshotEvery} steps. The copies are what the
 * progress measures need afterwards: restricted and excluded loss use the key frequencies of the
 * trained model, which are known only when training is over.
 */
public final class GrokkingMonitor {

    /** The logits of every input after {@code step} optimizer steps, row-major over (a·p + b, c). */
    public record Snapshot(int step, float[] logits) {
    }

    private final ModularAddition task;
    private final ModularAdditionTransformer model;
    private final int snapshotEvery;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private int evaluatedStep = -1;
    private double[] evaluated;           // train loss, test loss, train accuracy, test accuracy, Σ‖W‖²

    public GrokkingMonitor(ModularAddition task, ModularAdditionTransformer model, int snapshotEvery) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, not " + snapshotEvery);
        }
        this.task = task;
        this.model = model;
        this.snapshotEvery = snapshotEvery;
    }

    /**
     * Adds the metrics "train loss", "test loss", "train accuracy", "test accuracy" and
     * "weight norm²" to a run (they are measured at its log steps; snapshots are taken at the log
     * steps that are multiples of {@code snapshotEvery}, so make it a multiple of logEvery).
     */
    public Training attach(Training training) {
        return training.metric("train loss", step -> at(step)[0])
                .metric("test loss", step -> at(step)[1])
                .metric("train accuracy", step -> at(step)[2])
                .metric("test accuracy", step -> at(step)[3])
                .metric("weight norm²", step -> at(step)[4]);
    }

    /** The logits of the current model, recorded as a snapshot of step 0 (call it before training). */
    public void snapshotInitial() {
        snapshots.add(new Snapshot(0, model.allLogitsFlat(task)));
    }

    public List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** Restricted and excluded loss of every snapshot, with the given key frequencies. */
    public ProgressMeasures progressMeasures(int[] keys) {
        return ProgressMeasures.of(task, snapshots, keys);
    }

    private double[] at(int step) {
        if (step != evaluatedStep) {
            float[] logits = model.allLogitsFlat(task);
            double[][][] cube = ProgressMeasures.cube(logits, task.p());
            evaluated = new double[]{ModularFourier.loss(cube, task.train()), ModularFourier.loss(cube, task.test()),
                    ModularFourier.accuracy(cube, task.train()), ModularFourier.accuracy(cube, task.test()),
                    model.squaredWeightNorm()};
            evaluatedStep = step;
            if (step % snapshotEvery == 0) {
                snapshots.add(new Snapshot(step, logits));
            }
        }
        return evaluated;
    }
}
