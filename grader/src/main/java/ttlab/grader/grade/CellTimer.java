package ttlab.grader.grade;

import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.ExecutionStopped;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The per-cell time limit of the replay. The engine has a cell limit of its own, but it would also
 * bound a whole test class's run (the runner runs a class as one piece of stoppable work), so that
 * eight slow tests under their own limit would add up to a class stopped with all its results; the
 * engine therefore runs without one (as the kernel does by default) and this timer stops a cell
 * through the same stop mechanism.
 */
final class CellTimer implements AutoCloseable {

    private final CellEngine engine;
    private final Duration limit;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ttlab-cell-timer");
        t.setDaemon(true);
        return t;
    });

    CellTimer(CellEngine engine, Duration limit) {
        this.engine = engine;
        this.limit = limit;
    }

    /** Runs a cell's evaluation; past the limit the engine stops it and it ends TIMED_OUT. */
    <T> T time(Supplier<T> evaluation) {
        ScheduledFuture<?> alarm = alarms.schedule(() -> engine.stop(ExecutionStopped.Reason.TIMED_OUT),
                limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return evaluation.get();
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }
}
