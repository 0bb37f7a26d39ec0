import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxDestroy;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.nvrtc.JNvrtc.nvrtcCompileProgram;
import static jcuda.nvrtc.JNvrtc.nvrtcCreateProgram;
import static jcuda.nvrtc.JNvrtc.nvrtcDestroyProgram;
import static jcuda.nvrtc.JNvrtc.nvrtcGetPTX;
import static jcuda.nvrtc.JNvrtc.nvrtcGetProgramLog;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;

/**
 * Checks JCuda on this machine's GPU, the path the CUDA image promises: NVRTC compiles a CUDA C
 * kernel (y = a x + y) to PTX, the driver loads the PTX, the kernel runs on a million floats,
 * and the result equals the same computation on the CPU (Math.fma, as the GPU contracts
 * a * x + y into one fused multiply-add).
 *
 * <p>Exit status: 0 when the GPU's result is right; 1 when it is wrong or CUDA reports an error;
 * 2 when no CUDA driver or GPU is visible (a container started without the GPU).
 */
public final class CudaCheck {
    private static final String SOURCE = """
            extern "C" __global__ void saxpy(int n, float a, const float *x, float *y) {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < n) {
                    y[i] = a * x[i] + y[i];
                }
            }
            """;
    private static final int N = 1 << 20;
    private static final int BLOCK = 256;
    private static final float A = 1.75f;
    private static final String NO_GPU = "no CUDA driver or GPU visible: start the container with the GPU"
            + " (docker run --gpus all; compose: deploy.resources.reservations.devices)";

    public static void main(String[] args) {
        CUdevice device = new CUdevice();
        try {
            JCudaDriver.setExceptionsEnabled(true);
            cuInit(0);
            int[] count = {0};
            cuDeviceGetCount(count);
            if (count[0] == 0) {
                exit(2, NO_GPU);
            }
            cuDeviceGet(device, 0);
        } catch (UnsatisfiedLinkError e) {
            exit(2, NO_GPU + " (" + cause(e) + ")");
        } catch (CudaException e) {
            if (e.getMessage().contains("CUDA_ERROR_NO_DEVICE")) {
                exit(2, NO_GPU + " (" + e.getMessage() + ")");
            }
            exit(1, "CUDA error: " + e.getMessage() + " (the host's driver must support CUDA 12.6)");
        }

        try {
            System.out.println(describe(device));
            String ptx = compileToPtx(SOURCE);
            CUcontext context = new CUcontext();
            cuCtxCreate(context, 0, device);
            try {
                runAndCompare(ptx);
            } finally {
                cuCtxDestroy(context);
            }
        } catch (CudaException e) {
            exit(1, "CUDA error: " + e.getMessage());
        }
    }

    private static String describe(CUdevice device) {
        byte[] name = new byte[256];
        cuDeviceGetName(name, name.length, device);
        int[] major = {0};
        int[] minor = {0};
        int[] driver = {0};
        cuDeviceGetAttribute(major, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
        cuDeviceGetAttribute(minor, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
        cuDriverGetVersion(driver);
        String deviceName = new String(name, StandardCharsets.US_ASCII).trim().replace("\0", "");
        return String.format("GPU 0: %s, compute capability %d.%d, driver API %d.%d",
                deviceName, major[0], minor[0], driver[0] / 1000, driver[0] % 1000 / 10);
    }

    /** CUDA C to PTX with NVRTC, for its default virtual architecture: the driver JIT-compiles it for the GPU. */
    private static String compileToPtx(String source) {
        JNvrtc.setExceptionsEnabled(true);
        nvrtcProgram program = new nvrtcProgram();
        nvrtcCreateProgram(program, source, "saxpy.cu", 0, null, null);
        try {
            nvrtcCompileProgram(program, 0, null);
            String[] ptx = new String[1];
            nvrtcGetPTX(program, ptx);
            return ptx[0];
        } catch (CudaException e) {
            String[] log = new String[1];
            nvrtcGetProgramLog(program, log);
            throw new CudaException("NVRTC: " + e.getMessage() + "\n" + log[0]);
        } finally {
            nvrtcDestroyProgram(program);
        }
    }

    private static void runAndCompare(String ptx) {
        CUmodule module = new CUmodule();
        cuModuleLoadData(module, ptx);
        CUfunction saxpy = new CUfunction();
        cuModuleGetFunction(saxpy, module, "saxpy");

        Random random = new Random(20240601L);
        float[] x = new float[N];
        float[] y = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) random.nextGaussian();
            y[i] = (float) random.nextGaussian();
        }
        long bytes = (long) N * Sizeof.FLOAT;
        CUdeviceptr deviceX = new CUdeviceptr();
        CUdeviceptr deviceY = new CUdeviceptr();
        cuMemAlloc(deviceX, bytes);
        cuMemAlloc(deviceY, bytes);
        float[] result = new float[N];
        try {
            cuMemcpyHtoD(deviceX, Pointer.to(x), bytes);
            cuMemcpyHtoD(deviceY, Pointer.to(y), bytes);
            Pointer parameters = Pointer.to(
                    Pointer.to(new int[] {N}), Pointer.to(new float[] {A}),
                    Pointer.to(deviceX), Pointer.to(deviceY));
            cuLaunchKernel(saxpy, (N + BLOCK - 1) / BLOCK, 1, 1, BLOCK, 1, 1, 0, null, parameters, null);
            cuCtxSynchronize();
            cuMemcpyDtoH(Pointer.to(result), deviceY, bytes);
        } finally {
            cuMemFree(deviceX);
            cuMemFree(deviceY);
        }

        double worst = 0;
        for (int i = 0; i < N; i++) {
            float expected = Math.fma(A, x[i], y[i]);
            worst = Math.max(worst, Math.abs(result[i] - expected) / Math.max(1.0, Math.abs(expected)));
        }
        System.out.printf("PTX from NVRTC ran on the GPU: y = %.2f x + y over %d floats, largest relative"
                + " difference from the CPU %.2e%n", A, N, worst);
        if (!(worst <= 1e-6)) {
            exit(1, "the GPU's result differs from the CPU's");
        }
        System.out.println("JCuda check passed (" + CUresult.stringFor(CUresult.CUDA_SUCCESS) + ")");
    }

    /** The line of a native library's loading error that says what is missing (JCuda's message is long). */
    private static String cause(UnsatisfiedLinkError e) {
        String message = String.valueOf(e.getMessage());
        return message.lines()
                .filter(line -> line.contains("cannot open shared object file"))
                .map(line -> line.substring(line.indexOf(": ") + 2))
                .findFirst()
                .orElse(message.lines().findFirst().orElse(message));
    }

    private static void exit(int status, String message) {
        System.err.println("ttlab-cuda-check: " + message);
        System.exit(status);
    }
}
