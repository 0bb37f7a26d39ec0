package ttlab.course.ssm;

/**
 * Where notebooks get a selective scan: {@link #best()} is the GPU's fused kernel when a GPU,
 * a recent enough driver and the kernels' PTX are all present, and otherwise the parallel CPU
 * version, with one message saying why. Both compute the same y up to float32 rounding.
 */
public final class SelectiveScans {

    private static boolean fallbackReported;

    private SelectiveScans() {
    }

    /**
     * The fastest backend available here. The first time it falls back to the CPU it prints the
     * reason once, on standard error; {@link SelectiveScanBackend#name()} says which one it is.
     */
    public static synchronized SelectiveScanBackend best() {
        GpuSelectiveScan.Availability gpu = GpuSelectiveScan.availability();
        if (gpu.available()) {
            return gpu.scan();
        }
        SelectiveScanBackend cpu = SelectiveScanCpu.parallel();
        if (!fallbackReported) {
            fallbackReported = true;
            System.err.println("Selective scan on the CPU (" + cpu.name() + "): " + gpu.message());
        }
        return cpu;
    }

    /** What {@link #best()} uses, or why the GPU cannot run, in one line. */
    public static String gpuStatus() {
        return GpuSelectiveScan.availability().message();
    }
}
