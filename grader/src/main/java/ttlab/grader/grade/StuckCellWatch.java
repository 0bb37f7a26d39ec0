package ttlab.grader.grade;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Notices, from outside, a replayed cell that does not stop at its time limit. The limit stops
 * code through the engine's stop flag and an interrupt, which code blocked where neither reaches
 * ({@code Semaphore.acquireUninterruptibly()}, a JDK loop that never returns to the student's
 * code) ignores. The worker then sits there until the submission's whole time budget is gone;
 * instead, the parent watches the worker's report, and a cell still open well past its limit gets
 * its worker killed, so that grading can go on in a fresh one without that cell.
 */
final class StuckCellWatch {

    /** How long past its limit a cell may stay open: stopping takes a moment, and so does javac. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final WorkerReport.Reader report;
    private final long allowedNanos;
    private long size = -1;
    private String open;
    private long openedAt;

    StuckCellWatch(WorkerReport.Reader report, Duration cellLimit) {
        this.report = report;
        this.allowedNanos = cellLimit.plus(GRACE).toNanos();
    }

    /** The unit (a cell or test cell) that is stuck, or null. Cheap when the report has not changed. */
    String stuckUnit() {
        long now = System.nanoTime();
        long current;
        try {
            current = report.size();
            if (current != size) {
                size = current;
                String unit = openUnit(report.read());
                if (!Objects.equals(unit, open)) {
                    open = unit;
                    openedAt = now;
                }
            }
        } catch (IOException e) {
            return null;
        }
        boolean isCell = open != null && !open.startsWith("class:") && !open.equals("setup");
        return isCell && now - openedAt > allowedNanos ? open : null;
    }

    /** The unit started last, unless its end was reported too. */
    private static String openUnit(List<WorkerEvent> events) {
        String open = null;
        for (WorkerEvent e : events) {
            if (e.is(WorkerEvent.START)) {
                open = e.unit();
            } else if ((e.is(WorkerEvent.CELL) || e.is(WorkerEvent.TESTS_CELL)) && Objects.equals(e.unit(), open)) {
                open = null;
            }
        }
        return open;
    }
}
