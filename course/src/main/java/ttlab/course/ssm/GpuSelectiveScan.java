package ttlab.course.ssm;

import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

/**
 * The selective scan on an NVIDIA GPU, through JCuda and the CUDA driver API, from the PTX built
 * into the jar (src/main/cuda/selective_scan.cu).
 *
 * <p>{@link #run} is the fused kernel: discretization, scan and output in one pass, the state in
 * registers, B and C staged through shared memory, u and Δ read once (N ≤ {@value #MAX_STATE}).
 * {@link #runNaive} is the unfused pipeline that writes Ā and B̄u, of size batch·D·L·N, to
 * global memory and reads them back. Both compute Mamba's discretization (exp(ΔA), B̄ = ΔB) in
 * float32 and are checked against {@link SelectiveScanReference}.
 *
 * <p>Needs an NVIDIA GPU of compute capability 7.5 or newer and a driver that supports the PTX's
 * ISA version (ISA 8.0: CUDA 12.0, driver R525 or newer). {@link #open()} says why when it cannot
 * run; {@link SelectiveScans#best()} then falls back to the CPU.
 */
public final class GpuSelectiveScan implements SelectiveScanBackend, AutoCloseable {

    /** The largest state size N of the fused kernel (16 lanes per channel, 4 states per lane). */
    public static final int MAX_STATE = 64;

    /** Kernels every build of selective_scan.cu must contain. */
    public static final List<String> KERNELS = List.of(
            "selective_scan_fused_n16", "selective_scan_fused_n32", "selective_scan_fused_n64",
            "naive_delta", "naive_discretize", "naive_scan", "naive_output", "fill_uniform");

    private static final int FUSED_THREADS = 256;        // 16 channels × 16 lanes
    private static final int FUSED_CHANNELS_PER_BLOCK = 16;
    private static final int FUSED_TILE = 64;            // TILE in selective_scan.cu
    private static final int NAIVE_THREADS = 256;

    private static Availability cached;

    private final CudaDevice device;
    private final CUmodule module;
    private final PtxImage ptx;
    private final Map<String, CUfunction> kernels = new HashMap<>();

    private GpuSelectiveScan(CudaDevice device, CUmodule module, PtxImage ptx) {
        this.device = device;
        this.module = module;
        this.ptx = ptx;
        for (String kernel : KERNELS) {
            CUfunction function = new CUfunction();
            CudaDevice.check(cuModuleGetFunction(function, module, kernel), "cuModuleGetFunction " + kernel);
            kernels.put(kernel, function);
        }
    }

    /**
     * Whether the GPU path can run here, decided once per JVM.
     *
     * @param scan    the GPU backend, or null
     * @param message what runs, or why the GPU cannot
     */
    public record Availability(GpuSelectiveScan scan, String message) {
        /** Whether the GPU backend can run. */
        public boolean available() {
            return scan != null;
        }
    }

    /** The GPU backend shared by this JVM, or the reason there is none (probed once). */
    public static synchronized Availability availability() {
        if (cached == null) {
            try {
                GpuSelectiveScan scan = open();
                cached = new Availability(scan, "GPU: " + scan.device.describe());
            } catch (GpuUnavailableException e) {
                cached = new Availability(null, "no GPU: " + e.getMessage());
            } catch (LinkageError | RuntimeException e) {
                cached = new Availability(null, "no GPU: JCuda is not usable here (" + e + ")");
            }
        }
        return cached;
    }

    /**
     * Opens device 0 and loads the kernels. Before loading, compares the PTX's ISA version with
     * what the driver supports, so that an old driver is named as the reason.
     */
    public static GpuSelectiveScan open() throws GpuUnavailableException {
        PtxImage ptx = PtxImage.fromJar().orElseThrow(() -> new GpuUnavailableException(
                "the course library was built without nvcc, so it has no GPU kernels ("
                        + PtxImage.RESOURCE + " is missing)"));
        CudaDevice device = CudaDevice.open();
        try {
            checkDriver(ptx, device.driverVersion());
            return new GpuSelectiveScan(device, device.load(ptx), ptx);
        } catch (GpuUnavailableException e) {
            device.close();
            throw e;
        } catch (RuntimeException e) {
            device.close();
            throw new GpuUnavailableException("the GPU kernels could not be prepared: " + e.getMessage());
        }
    }

    /**
     * Refuses, naming the driver needed, when a driver that supports CUDA {@code driverVersion}
     * (as cuDriverGetVersion reports it) cannot compile the PTX's ISA version.
     */
    static void checkDriver(PtxImage ptx, int driverVersion) throws GpuUnavailableException {
        int required;
        try {
            required = ptx.requiredCudaVersion();
        } catch (IllegalArgumentException e) {
            throw new GpuUnavailableException("the GPU kernels are PTX ISA " + ptx.isa()
                    + ", newer than this library knows; rebuild it with an older nvcc");
        }
        if (driverVersion < required) {
            throw new GpuUnavailableException("the GPU kernels are PTX ISA " + ptx.isa() + ", which needs a driver for "
                    + CudaVersions.describeDriverFor(required) + "; this driver supports only CUDA "
                    + CudaVersions.format(driverVersion) + ": update the NVIDIA driver");
        }
    }

    @Override
    public String name() {
        return "GPU fused kernel on " + device.name();
    }

    /** The device in words: name, compute capability, SMs, memory, driver. */
    public String deviceDescription() {
        return device.describe();
    }

    /** The PTX this backend loaded. */
    public PtxImage ptx() {
        return ptx;
    }

    /** y by the fused kernel. */
    @Override
    public float[] run(SelectiveScanInputs inputs) {
        device.makeCurrent();
        try (Problem problem = upload(inputs)) {
            launchFused(problem);
            device.synchronize();
            return problem.y.download();
        }
    }

    /** y by the naive pipeline (Ā and B̄u in global memory). */
    public float[] runNaive(SelectiveScanInputs inputs) {
        device.makeCurrent();
        try (Problem problem = upload(inputs); NaiveWorkspace workspace = allocateNaive(problem)) {
            launchNaive(problem, workspace);
            device.synchronize();
            return problem.y.download();
        }
    }

    @Override
    public void close() {
        cuModuleUnload(module);
        device.close();
    }

    // ---- device-level operations, for the benchmark --------------------------------------------

    CudaDevice device() {
        return device;
    }

    /** A problem on the device: inputs and the output buffer. */
    static final class Problem implements AutoCloseable {
        final int batch, channels, length, state;
        final boolean softplus;
        final CudaDevice.Buffer u, delta, a, b, c, d, z, bias, y;

        Problem(int batch, int channels, int length, int state, boolean softplus, CudaDevice.Buffer u,
                CudaDevice.Buffer delta, CudaDevice.Buffer a, CudaDevice.Buffer b, CudaDevice.Buffer c,
                CudaDevice.Buffer d, CudaDevice.Buffer z, CudaDevice.Buffer bias, CudaDevice.Buffer y) {
            this.batch = batch;
            this.channels = channels;
            this.length = length;
            this.state = state;
            this.softplus = softplus;
            this.u = u;
            this.delta = delta;
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
            this.z = z;
            this.bias = bias;
            this.y = y;
        }

        boolean gated() {
            return z != null;
        }

        @Override
        public void close() {
            for (CudaDevice.Buffer buffer : new CudaDevice.Buffer[] {u, delta, a, b, c, d, z, bias, y}) {
                if (buffer != null) {
                    buffer.close();
                }
            }
        }
    }

    /** The naive pipeline's intermediates: dt (batch·D·L) and Ā, B̄u (batch·D·L·N each). */
    static final class NaiveWorkspace implements AutoCloseable {
        final CudaDevice.Buffer dt, aBar, bBarU;

        NaiveWorkspace(CudaDevice.Buffer dt, CudaDevice.Buffer aBar, CudaDevice.Buffer bBarU) {
            this.dt = dt;
            this.aBar = aBar;
            this.bBarU = bBarU;
        }

        @Override
        public void close() {
            dt.close();
            aBar.close();
            bBarU.close();
        }
    }

    Problem upload(SelectiveScanInputs in) {
        device.makeCurrent();
        return new Problem(in.batch(), in.channels(), in.length(), in.state(), in.deltaSoftplus(),
                device.upload(in.u()), device.upload(in.delta()), device.upload(in.a()),
                device.upload(in.b()), device.upload(in.c()),
                in.d() == null ? null : device.upload(in.d()),
                in.z() == null ? null : device.upload(in.z()),
                in.deltaBias() == null ? null : device.upload(in.deltaBias()),
                device.allocate(in.outputSize()));
    }

    /**
     * A random problem generated on the device (no host arrays, so any size that fits):
     * u, B, C, z uniform on [−1, 1), raw Δ uniform on [−6, −2) with softplus (steps of about
     * 0.0025 to 0.13), A<sub>dn</sub> = −(n+1), D = 1, no Δ bias.
     */
    Problem randomProblem(int batch, int channels, int length, int state, boolean gate, int seed) {
        device.makeCurrent();
        long perChannel = (long) batch * channels * length;
        long perState = (long) batch * state * length;
        float[] a = new float[Math.multiplyExact(channels, state)];
        float[] d = new float[channels];
        for (int ch = 0; ch < channels; ch++) {
            for (int n = 0; n < state; n++) {
                a[ch * state + n] = -(n + 1);
            }
            d[ch] = 1;
        }
        return new Problem(batch, channels, length, state, true,
                filled(perChannel, seed, -1, 1), filled(perChannel, seed + 1, -6, -2), device.upload(a),
                filled(perState, seed + 2, -1, 1), filled(perState, seed + 3, -1, 1), device.upload(d),
                gate ? filled(perChannel, seed + 4, -1, 1) : null, null, device.allocate(perChannel));
    }

    NaiveWorkspace allocateNaive(Problem p) {
        long perChannel = (long) p.batch * p.channels * p.length;
        return new NaiveWorkspace(device.allocate(perChannel), device.allocate(perChannel * p.state),
                device.allocate(perChannel * p.state));
    }

    /**
     * The fused kernel's launch configuration for a shape, as {@link #run} launches it: a grid of
     * (⌈D / 16⌉, batch) blocks of 256 threads; in a block, 16 lanes per (batch, channel) pair and
     * 16 pairs; each lane holds {@code statesPerLane} of the pair's N states (N ≤ 16, 32, 64: 1, 2,
     * 4) and runs through all L steps in order, a tile of 64 steps at a time. B and C of a tile go
     * through shared memory.
     *
     * @param kernel          the kernel's name in the PTX
     * @param gridX           ⌈D / channelsPerBlock⌉
     * @param gridY           batch
     * @param threadsPerBlock lanesPerChannel · channelsPerBlock
     * @param sharedBytes     dynamic shared memory per block: B and C tiles, 2·16·statesPerLane·(tile + 1) floats
     * @param lanesPerChannel threads that share one (batch, channel) pair
     * @param channelsPerBlock pairs per block
     * @param statesPerLane   states each thread updates at every step
     * @param tile            time steps per round of the B and C tiles
     * @param length          L: the steps each thread runs through one after another
     */
    public record FusedLaunch(String kernel, int gridX, int gridY, int threadsPerBlock, int sharedBytes,
                              int lanesPerChannel, int channelsPerBlock, int statesPerLane, int tile, int length) {

        /** The configuration for (batch, D, L, N). */
        public static FusedLaunch of(int batch, int channels, int length, int state) {
            if (state < 1 || state > MAX_STATE) {
                throw new IllegalArgumentException("the fused GPU kernel handles 1 <= N <= " + MAX_STATE + ", got N = " + state);
            }
            int statesPerLane = state <= 16 ? 1 : state <= 32 ? 2 : 4;
            int lanes = FUSED_THREADS / FUSED_CHANNELS_PER_BLOCK;
            return new FusedLaunch("selective_scan_fused_n" + lanes * statesPerLane,
                    Math.toIntExact(ceilDiv(channels, FUSED_CHANNELS_PER_BLOCK)), batch, FUSED_THREADS,
                    2 * lanes * statesPerLane * (FUSED_TILE + 1) * Float.BYTES,
                    lanes, FUSED_CHANNELS_PER_BLOCK, statesPerLane, FUSED_TILE, length);
        }

        /** Threads launched: gridX · gridY · threadsPerBlock. */
        public long threads() {
            return (long) gridX * gridY * threadsPerBlock;
        }

        /** State updates each thread makes one after another: L · statesPerLane. */
        public long sequentialUpdatesPerThread() {
            return (long) length * statesPerLane;
        }
    }

    /** Launches the fused kernel (asynchronously). */
    void launchFused(Problem p) {
        if (p.state > MAX_STATE) {
            throw new IllegalArgumentException("the fused GPU kernel handles N <= " + MAX_STATE + ", got N = " + p.state);
        }
        FusedLaunch shape = FusedLaunch.of(p.batch, p.channels, p.length, p.state);
        launch(shape.kernel(), shape.gridX(), shape.gridY(), 1, shape.threadsPerBlock(), 1, shape.sharedBytes(),
                p.u, p.delta, p.a, p.b, p.c, p.d, p.z, p.bias, p.y, p.channels, p.length, p.state, p.softplus ? 1 : 0);
    }

    /** Launches the four kernels of the naive pipeline (asynchronously). */
    void launchNaive(Problem p, NaiveWorkspace w) {
        if (p.state > 1024) {
            throw new IllegalArgumentException("the naive pipeline's blocks hold one thread per state: N <= 1024, got " + p.state);
        }
        int rowsPerBlock = Math.max(1, NAIVE_THREADS / p.state);   // block (N, rowsPerBlock)
        launch("naive_delta", ceilDiv(p.length, NAIVE_THREADS), p.channels, p.batch, NAIVE_THREADS, 1, 0,
                p.delta, p.bias, w.dt, p.channels, p.length, p.softplus ? 1 : 0);
        launch("naive_discretize", ceilDiv(p.length, rowsPerBlock), p.channels, p.batch, p.state, rowsPerBlock, 0,
                w.dt, p.u, p.a, p.b, w.aBar, w.bBarU, p.channels, p.length, p.state);
        launch("naive_scan", ceilDiv(p.channels, rowsPerBlock), p.batch, 1, p.state, rowsPerBlock, 0,
                w.aBar, w.bBarU, p.channels, p.length, p.state);
        launch("naive_output", ceilDiv(p.length, NAIVE_THREADS), p.channels, p.batch, NAIVE_THREADS, 1, 0,
                w.bBarU, p.c, p.u, p.d, p.z, p.y, p.channels, p.length, p.state);
    }

    private CudaDevice.Buffer filled(long floats, int seed, float lo, float hi) {
        CudaDevice.Buffer buffer = device.allocate(floats);
        int blocks = (int) Math.min(ceilDiv(floats, 256), 32L * device.multiprocessors());
        launch("fill_uniform", blocks, 1, 1, 256, 1, 0, buffer, floats, seed, lo, hi);
        return buffer;
    }

    private void launch(String kernel, long gridX, int gridY, int gridZ, int blockX, int blockY, int sharedBytes,
                        Object... args) {
        List<NativePointerObject> params = new ArrayList<>(args.length);
        for (Object arg : args) {
            if (arg == null) {
                params.add(Pointer.to(new CUdeviceptr()));   // a null device pointer: "absent"
            } else if (arg instanceof CudaDevice.Buffer buffer) {
                params.add(Pointer.to(buffer.pointer));
            } else if (arg instanceof Integer i) {
                params.add(Pointer.to(new int[] {i}));
            } else if (arg instanceof Long l) {
                params.add(Pointer.to(new long[] {l}));
            } else if (arg instanceof Float f) {
                params.add(Pointer.to(new float[] {f}));
            } else {
                throw new IllegalArgumentException("unsupported kernel argument " + arg.getClass());
            }
        }
        CudaDevice.check(cuLaunchKernel(kernels.get(kernel), Math.toIntExact(gridX), gridY, gridZ, blockX, blockY, 1,
                sharedBytes, CudaDevice.DEFAULT_STREAM, Pointer.to(params.toArray(new NativePointerObject[0])), null), "launch " + kernel);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
