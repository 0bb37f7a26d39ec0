package ttlab.course.ssm;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Wall-clock timings and allocated bytes for the lectures' measurements. Timings on a machine
 * shared with other work vary from run to run: they are measurements to print, not figures to
 * assert.
 */
public final class Timing {

    private Timing() {
    }

    /** The median of {@code runs} timed runs in milliseconds, after one untimed warm-up run. */
    public static double medianMillis(Runnable run, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive, got " + runs);
        }
        run.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(ms);
    }

    /** The median of {@code values} (the mean of the middle two for an even count); sorts them in place. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** The fastest of {@code runs} timed runs in milliseconds: on a shared machine, the run least disturbed by other work. */
    public static double bestMillis(Runnable run, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive, got " + runs);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    /**
     * The bytes the JVM allocated on this thread while {@code run} ran
     * ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}): every object and array,
     * headers and padding included. Work handed to other threads is not counted.
     *
     * @throws UnsupportedOperationException when this JVM does not measure allocation per thread
     */
    public static long allocatedBytes(Runnable run) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported()) {
            throw new UnsupportedOperationException("this JVM does not measure the bytes a thread allocates");
        }
        if (!bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        run.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }
}
