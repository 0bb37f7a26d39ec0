package ttlab.grader.grade;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The per-cell time limit of the replay, kept in the process that runs the submission's code
 * ({@link GradingAgent}): the host arms it before each cell and disarms it after. The engine has
 * no cell limit of its own, since that would also bound a whole test class's run (the runner runs
 * a class as one piece of stoppable work), so that eight slow tests under their own limit would
 * add up to a class stopped with all its results; this timer stops a cell through the same stop
 * mechanism instead.
 */
final class CellTimer implements AutoCloseable {

    private final Runnable stop;
    private final Duration limit;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ttlab-cell-timer");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> alarm;

    /** A timer that calls {@code stop} once an armed cell has run for {@code limit}. */
    CellTimer(Runnable stop, Duration limit) {
        this.stop = stop;
        this.limit = limit;
    }

    /** A cell starts: past the limit it is stopped, and ends TIMED_OUT. */
    synchronized void arm() {
        disarm();
        alarm = alarms.schedule(stop, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The cell has ended. */
    synchronized void disarm() {
        if (alarm != null) {
            alarm.cancel(false);
            alarm = null;
        }
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }
}
