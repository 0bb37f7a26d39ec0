package ttlab.grader.grade;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the worker's standard output and error: passes bytes through until the shared
 * budget is spent, then drops them, and says so once. A submission that prints 100 MB then costs
 * the time of encoding it, not the disk or memory of anyone downstream.
 */
final class CappedOutputStream extends OutputStream {

    /** The budget that stdout and stderr share, and what to do when it is first exceeded. */
    static final class Budget {
        private final AtomicLong left;
        private final AtomicBoolean exceeded = new AtomicBoolean();
        private final Runnable onExceeded;

        Budget(long bytes, Runnable onExceeded) {
            this.left = new AtomicLong(bytes);
            this.onExceeded = onExceeded;
        }

        /** How many of {@code wanted} bytes may still pass. */
        int take(int wanted) {
            long before = left.getAndAccumulate(wanted, (l, w) -> Math.max(0, l - w));
            int granted = (int) Math.min(before, wanted);
            if (granted < wanted && exceeded.compareAndSet(false, true)) {
                onExceeded.run();
            }
            return granted;
        }
    }

    private final OutputStream target;
    private final Budget budget;

    CappedOutputStream(OutputStream target, Budget budget) {
        this.target = target;
        this.budget = budget;
    }

    @Override
    public void write(int b) throws IOException {
        if (budget.take(1) == 1) {
            target.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int granted = budget.take(length);
        if (granted > 0) {
            target.write(bytes, offset, granted);
        }
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
