package ttlab.course.ssm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code ./ttlab bench scan}: the selective scan's speed and accuracy, as plain text.
 *
 * <ol>
 *   <li>Correctness at small shapes: every backend against the double-precision reference.</li>
 *   <li>On a GPU: the device's copy bandwidth (cuMemcpyDtoD), then the fused kernel and the naive
 *       pipeline at the main shape (default batch 8, D 1536, L 4096, N 16, gated) and over a
 *       sweep of L and N: time, bytes moved by the {@link ScanTraffic} model, GB/s and the
 *       fraction of the copy bandwidth.</li>
 *   <li>The CPU scans, sequential and parallel, as baselines (on a smaller shape by default,
 *       since the main shape takes seconds per run on a CPU).</li>
 * </ol>
 * Times are medians of repeated runs after warm-up runs.
 */
public final class ScanBenchmark {

    private static final String USAGE = """
            usage: ./ttlab bench scan [options]
              --shape B,D,L,N      GPU shape (default 8,1536,4096,16)
              --cpu-shape B,D,L,N  CPU baseline shape (default 2,256,4096,16; the GPU shape takes
                                   seconds per run on a CPU)
              --lengths L,...      sweep of L at the GPU shape's N (default 1024,2048,4096,8192,16384)
              --states N,...       sweep of N at the GPU shape's L (default 4,8,16,32,64)
              --no-sweep           only the main shape
              --no-gate            without the z gate
              --runs N             timed runs per figure (default 10 on the GPU, 3 on the CPU)
              --warmup N           untimed runs first (default 3 on the GPU, 1 on the CPU)
            """;

    private final Options options;

    private ScanBenchmark(Options options) {
        this.options = options;
    }

    /** Runs the benchmark; exit status 2 on bad options. */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(USAGE);
            return;
        }
        if (!new ScanBenchmark(options).run()) {
            System.exit(1);
        }
    }

    /** Largest relative error a float32 backend may show against the double reference (measured: ~3e-5). */
    static final double FLOAT32_TOLERANCE = 1e-3;

    /** Runs every section; false, after the correctness table, when a backend computes wrong results. */
    boolean run() {
        System.out.println("Selective scan benchmark (Mamba's discretization: exp(ΔA), B̄ = ΔB; float32)");
        System.out.printf("Java %s, %d cores%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        GpuSelectiveScan.Availability gpu = GpuSelectiveScan.availability();
        System.out.println(gpu.available() ? gpu.message() : "No GPU found (" + gpu.message().replaceFirst("^no GPU: ", "")
                + "): running the CPU parts only.");
        printBuildInfo();
        System.out.println();

        List<String> wrong = correctness(gpu.scan());
        if (!wrong.isEmpty()) {
            // Timings of a kernel that computes something else mean nothing.
            System.out.println("Correctness FAILED (max rel error above " + FLOAT32_TOLERANCE + "): " + String.join("; ", wrong));
            return false;
        }
        System.out.println("Correctness: every backend within " + FLOAT32_TOLERANCE + " relative of the reference.");
        System.out.println();
        printTrafficModel();
        if (gpu.available()) {
            new GpuFigures(gpu.scan()).run();
        }
        cpuBaselines();
        return true;
    }

    private static void printBuildInfo() {
        Properties info = PtxImage.buildInfo();
        if (!"present".equals(info.getProperty("nvcc"))) {
            System.out.println("PTX: not in this build (nvcc was absent when the course library was built)");
            return;
        }
        System.out.printf("PTX: ISA %s, %s, built with nvcc %s. ptxas for sm_90:%n", info.getProperty("ptx.isa"),
                info.getProperty("ptx.arch"), info.getProperty("nvcc.version"));
        Map<String, String> sorted = new TreeMap<>();
        info.stringPropertyNames().stream().filter(k -> k.startsWith("ptxas.sm_90."))
                .forEach(k -> sorted.put(k.substring("ptxas.sm_90.".length()), info.getProperty(k)));
        sorted.forEach((kernel, figures) -> System.out.printf("  %-26s %s%n", kernel, figures));
    }

    // ---- correctness --------------------------------------------------------------------------

    /** Prints each backend's errors on small inputs; returns the backends (with inputs) that are wrong. */
    private List<String> correctness(GpuSelectiveScan gpu) {
        System.out.println("Correctness: max error against the double-precision reference");
        System.out.printf("  %-34s %-28s %10s %10s%n", "inputs", "backend", "max abs", "max rel");
        List<String> wrong = new ArrayList<>();
        List<SelectiveScanInputs> cases = List.of(
                SelectiveScanInputs.random(2, 24, 300, 16, true, 1),
                withoutOptionalInputs(SelectiveScanInputs.random(1, 17, 64, 5, false, 2)),
                SelectiveScanInputs.random(2, 8, 1000, 40, true, 3),
                SelectiveScanInputs.random(1, 16, 130, 32, false, 4),
                SelectiveScanInputs.random(1, 3, 1, 16, true, 5));
        for (SelectiveScanInputs in : cases) {
            double[] reference = SelectiveScanReference.run(in);
            String label = String.format("(%d, %d, %d, %d)%s%s", in.batch(), in.channels(), in.length(), in.state(),
                    in.z() != null ? " gated" : "", in.deltaBias() == null ? " no bias/D" : "");
            List<Map.Entry<String, Supplier<float[]>>> backends = new ArrayList<>(List.of(
                    Map.entry("CPU float32 sequential", () -> SelectiveScanCpu.sequential().run(in)),
                    Map.entry("CPU float32 parallel", () -> SelectiveScanCpu.parallel().run(in))));
            if (gpu != null) {
                backends.add(Map.entry("GPU fused", () -> gpu.run(in)));
                backends.add(Map.entry("GPU naive", () -> gpu.runNaive(in)));
            }
            for (Map.Entry<String, Supplier<float[]>> backend : backends) {
                ErrorStats errors = ErrorStats.of(backend.getValue().get(), reference);
                boolean right = errors.maxRel() <= FLOAT32_TOLERANCE; // false for NaN too
                System.out.printf("  %-34s %-28s %10.2e %10.2e%s%n", label, backend.getKey(), errors.maxAbs(), errors.maxRel(),
                        right ? "" : "  WRONG");
                if (!right) {
                    wrong.add(backend.getKey() + " at " + String.format("(%d, %d, %d, %d)", in.batch(), in.channels(), in.length(), in.state()));
                }
                label = "";
            }
        }
        return wrong;
    }

    private static SelectiveScanInputs withoutOptionalInputs(SelectiveScanInputs in) {
        return new SelectiveScanInputs(in.batch(), in.channels(), in.length(), in.state(), in.u(), in.delta(),
                in.a(), in.b(), in.c(), null, null, null, true);
    }

    private void printTrafficModel() {
        ScanTraffic shape = options.shape(options.gpuShape);
        System.out.println("Bytes moved (model: each array a kernel touches crosses DRAM once; P = batch·D·L,");
        System.out.println("S = batch·N·L for B and C, F = batch·D·L·N for Ā, B̄u and the states):");
        System.out.println("  fused: reads u, Δ" + (options.gate ? ", z" : "") + ", B, C once, writes y: 4·("
                + (options.gate ? 4 : 3) + "P + 2S) bytes");
        System.out.println("  naive: also writes dt, Ā, B̄u and the states and reads them back: 4·(6F + "
                + (options.gate ? 7 : 6) + "P + 2S) bytes");
        System.out.printf("  at the GPU shape: fused %s, naive %s, ratio %.1f%n%n", gigabytes(shape.fusedBytes()),
                gigabytes(shape.naiveBytes()), shape.ratio());
    }

    // ---- GPU ----------------------------------------------------------------------------------

    private final class GpuFigures {
        private final GpuSelectiveScan gpu;
        private final CudaDevice device;
        private double copyBandwidth;

        GpuFigures(GpuSelectiveScan gpu) {
            this.gpu = gpu;
            this.device = gpu.device();
        }

        void run() {
            device.makeCurrent();
            copyBandwidth = measureCopyBandwidth();
            int[] s = options.gpuShape;
            System.out.printf("GPU at batch %d, D %d, L %d, N %d%s (median of %d runs after %d warm-up runs):%n",
                    s[0], s[1], s[2], s[3], options.gate ? ", gated" : "", options.runs(true), options.warmup(true));
            System.out.printf("  %-8s %10s %12s %10s %12s %16s%n", "kernel", "time (ms)", "model bytes", "GB/s",
                    "of copy BW", "state updates/s");
            double[] times = measure(s[0], s[1], s[2], s[3]);
            ScanTraffic shape = options.shape(s);
            printRow("fused", times[0], shape.fusedBytes(), shape.stateUpdates());
            if (Double.isNaN(times[1])) {
                System.out.println("  naive    skipped: " + naiveSkipReason(shape));
            } else {
                printRow("naive", times[1], shape.naiveBytes(), shape.stateUpdates());
                System.out.printf("  fused is %.1f times as fast as naive (it moves %.1f times fewer bytes)%n",
                        times[1] / times[0], shape.ratio());
            }
            System.out.println();
            if (options.sweep) {
                sweep();
            }
        }

        private double measureCopyBandwidth() {
            long bytes = Math.min(1L << 30, device.freeMemory() / 4) & ~0xFFFFL;
            try (CudaDevice.Buffer from = device.allocate(bytes / Float.BYTES);
                 CudaDevice.Buffer to = device.allocate(bytes / Float.BYTES)) {
                double millis = median(options.warmup(true), options.runs(true),
                        () -> device.elapsedMillis(() -> device.copy(from, to, bytes)));
                double bandwidth = 2.0 * bytes / (millis / 1e3) / 1e9;   // each byte read and written
                System.out.printf("Device copy bandwidth (cuMemcpyDtoD of %s, read + write): %.0f GB/s%n%n",
                        gigabytes(bytes), bandwidth);
                return bandwidth;
            }
        }

        /** {fused ms, naive ms or NaN when it does not fit}. */
        private double[] measure(int batch, int channels, int length, int state) {
            try (GpuSelectiveScan.Problem problem = gpu.randomProblem(batch, channels, length, state, options.gate, 17)) {
                double fused = median(options.warmup(true), options.runs(true),
                        () -> device.elapsedMillis(() -> gpu.launchFused(problem)));
                double naive = Double.NaN;
                if (naiveFits(options.shape(new int[] {batch, channels, length, state}))) {
                    try (GpuSelectiveScan.NaiveWorkspace workspace = gpu.allocateNaive(problem)) {
                        naive = median(options.warmup(true), options.runs(true),
                                () -> device.elapsedMillis(() -> gpu.launchNaive(problem, workspace)));
                    }
                }
                return new double[] {fused, naive};
            }
        }

        private boolean naiveFits(ScanTraffic shape) {
            long needed = Float.BYTES * (2 * shape.stateUpdates() + shape.perChannelElements());
            return needed < 0.8 * device.freeMemory();
        }

        private String naiveSkipReason(ScanTraffic shape) {
            long needed = Float.BYTES * (2 * shape.stateUpdates() + shape.perChannelElements());
            return "its intermediates need " + gigabytes(needed) + ", more than 80% of the free "
                    + gigabytes(device.freeMemory());
        }

        private void printRow(String kernel, double millis, long bytes, long updates) {
            double bandwidth = bytes / (millis / 1e3) / 1e9;
            System.out.printf("  %-8s %10.3f %12s %10.0f %11.0f%% %16.3g%n", kernel, millis, gigabytes(bytes),
                    bandwidth, 100 * bandwidth / copyBandwidth, updates / (millis / 1e3));
        }

        private void sweep() {
            int[] s = options.gpuShape;
            System.out.printf("Sweep at batch %d, D %d%s: GB/s by the traffic model, %% of copy bandwidth%n",
                    s[0], s[1], options.gate ? ", gated" : "");
            System.out.printf("  %6s %4s %11s %8s %6s %11s %8s %6s %9s%n", "L", "N", "fused ms", "GB/s", "%copy",
                    "naive ms", "GB/s", "%copy", "naive/fused");
            List<int[]> shapes = new ArrayList<>();
            for (int length : options.lengths) {
                shapes.add(new int[] {s[0], s[1], length, s[3]});
            }
            for (int state : options.states) {
                if (state != s[3]) {
                    shapes.add(new int[] {s[0], s[1], s[2], state});
                }
            }
            for (int[] shape : shapes) {
                ScanTraffic traffic = options.shape(shape);
                if (shape[3] > GpuSelectiveScan.MAX_STATE) {
                    System.out.printf("  %6d %4d  skipped: the fused kernel handles N <= %d%n", shape[2], shape[3],
                            GpuSelectiveScan.MAX_STATE);
                    continue;
                }
                double[] times = measure(shape[0], shape[1], shape[2], shape[3]);
                double fusedRate = traffic.fusedBytes() / (times[0] / 1e3) / 1e9;
                String naive = Double.isNaN(times[1]) ? String.format("%11s %8s %6s %9s", "(too big)", "", "", "")
                        : String.format("%11.3f %8.0f %5.0f%% %9.1f", times[1], traffic.naiveBytes() / (times[1] / 1e3) / 1e9,
                        100 * traffic.naiveBytes() / (times[1] / 1e3) / 1e9 / copyBandwidth, times[1] / times[0]);
                System.out.printf("  %6d %4d %11.3f %8.0f %5.0f%% %s%n", shape[2], shape[3], times[0], fusedRate,
                        100 * fusedRate / copyBandwidth, naive);
            }
            System.out.println();
        }
    }

    // ---- CPU ----------------------------------------------------------------------------------

    private void cpuBaselines() {
        int[] s = options.cpuShape;
        boolean reduced = !Arrays.equals(s, options.gpuShape);
        System.out.printf("CPU at batch %d, D %d, L %d, N %d%s (median of %d runs after %d warm-up)%s:%n",
                s[0], s[1], s[2], s[3], options.gate ? ", gated" : "", options.runs(false), options.warmup(false),
                reduced ? String.format("; a smaller shape than the GPU's, %.0f times fewer state updates "
                        + "(--cpu-shape to change)", options.shape(options.gpuShape).stateUpdates()
                        / (double) options.shape(s).stateUpdates()) : "");
        SelectiveScanInputs in = SelectiveScanInputs.random(s[0], s[1], s[2], s[3], options.gate, 23);
        ScanTraffic traffic = ScanTraffic.of(in);
        System.out.printf("  %-34s %10s %14s %16s %14s%n", "backend", "time (ms)", "CPU time (ms)", "state updates/s",
                "GB/s (fused)");
        double sequential = 0;
        for (SelectiveScanCpu backend : List.of(SelectiveScanCpu.sequential(), SelectiveScanCpu.parallel())) {
            double[] cpuMillis = new double[1];
            double millis = median(options.warmup(false), options.runs(false), () -> {
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                backend.run(in);
                long elapsed = System.nanoTime() - start;
                cpuMillis[0] = cpuStart < 0 ? -1 : (processCpuNanos() - cpuStart) / 1e6;
                return elapsed / 1e6;
            });
            System.out.printf("  %-34s %10.1f %14s %16.3g %14.2f%n", backend.name(), millis,
                    cpuMillis[0] < 0 ? "?" : String.format("%.1f", cpuMillis[0]),
                    traffic.stateUpdates() / (millis / 1e3), traffic.fusedBytes() / (millis / 1e3) / 1e9);
            if (sequential == 0) {
                sequential = millis;
            } else {
                System.out.printf("  parallel is %.2f times as fast as sequential%n", sequential / millis);
            }
        }
        System.out.println("  (CPU time: of the whole process, last run; well below cores × time when other programs share the cores)");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static double median(int warmup, int runs, Supplier<Number> millis) {
        for (int i = 0; i < warmup; i++) {
            millis.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = millis.get().doubleValue();
        }
        return Timing.median(times);
    }

    /** CPU time of this process so far, or a negative number where the JVM does not say. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /** Command-line options. */
    private static final class Options {
        int[] gpuShape = {8, 1536, 4096, 16};
        int[] cpuShape = {2, 256, 4096, 16};
        int[] lengths = {1024, 2048, 4096, 8192, 16384};
        int[] states = {4, 8, 16, 32, 64};
        boolean sweep = true;
        boolean gate = true;
        boolean help;
        Integer runs;
        Integer warmup;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--shape" -> o.gpuShape = ints(value(args, ++i, arg), 4, arg);
                    case "--cpu-shape" -> o.cpuShape = ints(value(args, ++i, arg), 4, arg);
                    case "--lengths" -> o.lengths = ints(value(args, ++i, arg), -1, arg);
                    case "--states" -> o.states = ints(value(args, ++i, arg), -1, arg);
                    case "--no-sweep" -> o.sweep = false;
                    case "--no-gate" -> o.gate = false;
                    case "--runs" -> o.runs = ints(value(args, ++i, arg), 1, arg)[0];
                    case "--warmup" -> o.warmup = ints(value(args, ++i, arg), 1, arg)[0];
                    case "-h", "--help" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            if (o.warmup != null && o.warmup < 0) {
                throw new IllegalArgumentException("--warmup must be >= 0");
            }
            return o;
        }

        int runs(boolean gpu) {
            return runs != null ? runs : gpu ? 10 : 3;
        }

        int warmup(boolean gpu) {
            return warmup != null ? warmup : gpu ? 3 : 1;
        }

        ScanTraffic shape(int[] s) {
            return new ScanTraffic(s[0], s[1], s[2], s[3], gate);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int[] ints(String text, int count, String option) {
            int[] values;
            try {
                values = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a list of integers: " + text);
            }
            if (count > 0 && values.length != count) {
                throw new IllegalArgumentException(option + " needs " + count + " comma-separated integers, got " + text);
            }
            if (Arrays.stream(values).anyMatch(v -> v < (option.equals("--warmup") ? 0 : 1))) {
                throw new IllegalArgumentException(option + ": values must be positive: " + text);
            }
            return values;
        }
    }
}
