package ttlab.course.ssm;

/**
 * How two GPU kernels for the selective scan spread the work over threads, as a count: threads
 * launched and the state updates (or scan steps) one thread makes one after another. This is a
 * model of the launch configurations, not a measurement.
 * <ul>
 *   <li>{@link #course}: this course's fused kernel ({@link GpuSelectiveScan.FusedLaunch}): 16
 *       lanes per (batch, channel) pair split the N states; time is sequential within a lane.</li>
 *   <li>{@link #mambaReference}: the forward kernel of the Mamba repository
 *       ({@code csrc/selective_scan/selective_scan_fwd_kernel.cuh}): one block per (batch, channel)
 *       pair; the sequence is cut into chunks of threads × items steps; for each state in turn, each
 *       thread combines its items, a block-wide parallel scan (CUB's BlockScan) combines the threads,
 *       and a running prefix carries the state from chunk to chunk. Threads and items per thread
 *       depend on L: (32, 4) up to L = 128, (32, 8) to 256, (32, 16) to 512, (64, 16) to 1024,
 *       (128, 16) beyond.</li>
 * </ul>
 */
public final class ScanParallelism {

    private ScanParallelism() {
    }

    /**
     * One kernel's plan for a shape.
     *
     * @param name              which kernel
     * @param threads           threads launched
     * @param sequentialSteps   operations of the recurrence one thread makes in order (state updates,
     *                          or applications of the scan operator)
     * @param workPerUpdate     applications of the operator per state update, over all threads:
     *                          1 for the loop, about 2 for a work-efficient scan
     */
    public record Plan(String name, long threads, long sequentialSteps, double workPerUpdate) {

        /**
         * A crude time in units of one dependent step: the waves of threads a GPU holding
         * {@code residentThreads} at once needs, times the steps each thread makes in order.
         */
        public double modelSteps(long residentThreads) {
            return Math.ceil((double) threads / residentThreads) * sequentialSteps;
        }
    }

    /** The course's fused kernel, from its launch configuration. */
    public static Plan course(int batch, int channels, int length, int state) {
        GpuSelectiveScan.FusedLaunch launch = GpuSelectiveScan.FusedLaunch.of(batch, channels, length, state);
        return new Plan("course: lanes over states, time in order", launch.threads(),
                launch.sequentialUpdatesPerThread(), 1.0);
    }

    /** Threads per block of Mamba's forward kernel for a length L. */
    public static int mambaThreads(int length) {
        return length <= 512 ? 32 : length <= 1024 ? 64 : 128;
    }

    /** Time steps per thread and chunk of Mamba's forward kernel for a length L. */
    public static int mambaItems(int length) {
        return length <= 128 ? 4 : length <= 256 ? 8 : 16;
    }

    /**
     * Mamba's forward kernel: batch·D blocks of {@link #mambaThreads} threads; per chunk and state a
     * thread combines its items in order (items − 1), takes part in the block scan (log₂ threads
     * rounds) and applies the prefix to its items (items): about 2·items + log₂ threads steps, for
     * each of the N states and each chunk.
     */
    public static Plan mambaReference(int batch, int channels, int length, int state) {
        int threads = mambaThreads(length), items = mambaItems(length), chunk = threads * items;
        long chunks = (length + chunk - 1) / chunk;
        int log2 = 31 - Integer.numberOfLeadingZeros(threads);
        long perThread = (long) state * chunks * (2L * items - 1 + log2);
        return new Plan("Mamba: block scan over time, states in order", (long) batch * channels * threads, perThread, 2.0);
    }
}
