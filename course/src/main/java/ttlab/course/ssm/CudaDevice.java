package ttlab.course.ssm;

import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;

import java.nio.charset.StandardCharsets;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

/**
 * The first CUDA device through the driver API (JCuda): its primary context, memory, events and
 * modules. Every call's result code is checked here (JCuda's global exception switch is left
 * alone, since notebooks may use JCuda themselves).
 */
final class CudaDevice implements AutoCloseable {

    /** The default (legacy) stream: a CUstream whose handle is 0. */
    static final CUstream DEFAULT_STREAM = new CUstream();

    private final CUdevice device;
    private final CUcontext context;
    private final String name;
    private final int driverVersion;
    private final int computeMajor;
    private final int computeMinor;
    private final int multiprocessors;
    private final long totalMemory;

    private CudaDevice(CUdevice device, CUcontext context, String name, int driverVersion,
                       int computeMajor, int computeMinor, int multiprocessors, long totalMemory) {
        this.device = device;
        this.context = context;
        this.name = name;
        this.driverVersion = driverVersion;
        this.computeMajor = computeMajor;
        this.computeMinor = computeMinor;
        this.multiprocessors = multiprocessors;
        this.totalMemory = totalMemory;
    }

    /** Device 0 with its primary context made current, or why not. */
    static CudaDevice open() throws GpuUnavailableException {
        int init;
        try {
            init = cuInit(0);
        } catch (LinkageError e) {
            // JCuda's native library links against libcuda.so.1, which only an NVIDIA driver installs.
            throw new GpuUnavailableException("JCuda could not load the NVIDIA driver's CUDA library ("
                    + linkFailure(e) + ")");
        }
        if (init != CUresult.CUDA_SUCCESS) {
            throw new GpuUnavailableException("the CUDA driver did not start: cuInit returned " + CUresult.stringFor(init));
        }
        int[] count = {0};
        require(cuDeviceGetCount(count), "cuDeviceGetCount");
        if (count[0] == 0) {
            throw new GpuUnavailableException("the CUDA driver found no GPU");
        }
        int[] version = {0};
        require(cuDriverGetVersion(version), "cuDriverGetVersion");
        CUdevice device = new CUdevice();
        require(cuDeviceGet(device, 0), "cuDeviceGet");
        byte[] nameBytes = new byte[256];
        require(cuDeviceGetName(nameBytes, nameBytes.length, device), "cuDeviceGetName");
        String name = new String(nameBytes, StandardCharsets.US_ASCII).trim().replace("\0", "");
        long[] total = {0};
        require(cuDeviceTotalMem(total, device), "cuDeviceTotalMem");
        CUcontext context = new CUcontext();
        require(cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain");
        require(cuCtxSetCurrent(context), "cuCtxSetCurrent");
        return new CudaDevice(device, context, name, version[0],
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
                total[0]);
    }

    String name() { return name; }
    int driverVersion() { return driverVersion; }
    int multiprocessors() { return multiprocessors; }
    long totalMemory() { return totalMemory; }

    /** "NVIDIA H100 80GB HBM3, compute capability 9.0, 132 SMs, 79.1 GiB, driver for CUDA 12.4". */
    String describe() {
        return String.format("%s, compute capability %d.%d, %d SMs, %.1f GiB, driver for CUDA %s",
                name, computeMajor, computeMinor, multiprocessors, totalMemory / (double) (1L << 30),
                CudaVersions.format(driverVersion));
    }

    /** Makes this device's context current on the calling thread (contexts are per thread). */
    void makeCurrent() {
        check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    long freeMemory() {
        long[] free = {0}, total = {0};
        check(cuMemGetInfo(free, total), "cuMemGetInfo");
        return free[0];
    }

    CUmodule load(PtxImage ptx) throws GpuUnavailableException {
        CUmodule module = new CUmodule();
        int result = cuModuleLoadData(module, ptx.text());
        if (result != CUresult.CUDA_SUCCESS) {
            throw new GpuUnavailableException("the driver could not load the PTX (ISA " + ptx.isa() + ", "
                    + ptx.target() + "): " + CUresult.stringFor(result));
        }
        return module;
    }

    void synchronize() {
        check(cuCtxSynchronize(), "cuCtxSynchronize");
    }

    /** Milliseconds of GPU time that {@code work} takes, between two events on the default stream. */
    float elapsedMillis(Runnable work) {
        CUevent start = new CUevent();
        CUevent stop = new CUevent();
        check(cuEventCreate(start, 0), "cuEventCreate");
        check(cuEventCreate(stop, 0), "cuEventCreate");
        try {
            check(cuEventRecord(start, DEFAULT_STREAM), "cuEventRecord");
            work.run();
            check(cuEventRecord(stop, DEFAULT_STREAM), "cuEventRecord");
            check(cuEventSynchronize(stop), "cuEventSynchronize");
            float[] millis = {0};
            check(cuEventElapsedTime(millis, start, stop), "cuEventElapsedTime");
            return millis[0];
        } finally {
            cuEventDestroy(start);
            cuEventDestroy(stop);
        }
    }

    /** A device buffer of {@code floats} floats (uninitialized). */
    Buffer allocate(long floats) {
        CUdeviceptr pointer = new CUdeviceptr();
        check(cuMemAlloc(pointer, Math.max(4, floats * Float.BYTES)), "cuMemAlloc of " + floats * Float.BYTES + " bytes");
        return new Buffer(pointer, floats);
    }

    /** A device copy of {@code host}. */
    Buffer upload(float[] host) {
        Buffer buffer = allocate(host.length);
        check(cuMemcpyHtoD(buffer.pointer, Pointer.to(host), (long) host.length * Float.BYTES), "cuMemcpyHtoD");
        return buffer;
    }

    /** Device-to-device copy of {@code bytes} bytes. */
    void copy(Buffer from, Buffer to, long bytes) {
        check(cuMemcpyDtoD(to.pointer, from.pointer, bytes), "cuMemcpyDtoD");
    }

    @Override
    public void close() {
        cuDevicePrimaryCtxRelease(device);
    }

    /** Device memory; {@link #close()} frees it. */
    static final class Buffer implements AutoCloseable {
        final CUdeviceptr pointer;
        final long floats;
        private boolean freed;

        private Buffer(CUdeviceptr pointer, long floats) {
            this.pointer = pointer;
            this.floats = floats;
        }

        float[] download() {
            float[] host = new float[Math.toIntExact(floats)];
            check(cuMemcpyDtoH(Pointer.to(host), pointer, (long) host.length * Float.BYTES), "cuMemcpyDtoH");
            return host;
        }

        @Override
        public void close() {
            if (!freed) {
                freed = true;
                cuMemFree(pointer);
            }
        }
    }

    /** A CUDA error after start-up: a bug or an exhausted device, not an absent one. */
    static void check(int result, String what) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new IllegalStateException(what + " failed: " + CUresult.stringFor(result));
        }
    }

    private static void require(int result, String what) throws GpuUnavailableException {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new GpuUnavailableException(what + " failed: " + CUresult.stringFor(result));
        }
    }

    private static int attribute(CUdevice device, int attribute) throws GpuUnavailableException {
        int[] value = {0};
        require(cuDeviceGetAttribute(value, attribute, device), "cuDeviceGetAttribute");
        return value[0];
    }

    /** The telling line of JCuda's long native-loading report, e.g. "libcuda.so.1: cannot open ...". */
    static String linkFailure(Throwable e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher missing = java.util.regex.Pattern.compile("libcuda\\.so[.\\d]*: [^\\n]+").matcher(message);
        if (missing.find()) {
            return missing.group();
        }
        int newline = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
