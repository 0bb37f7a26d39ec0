package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GPU path: its build (the PTX in the jar), its start-up checks, and, where a GPU is present,
 * its results against the double reference. Without a GPU the tests that need one are reported
 * as skipped with the reason.
 */
class GpuSelectiveScanTest {

    @Test
    void ptxIsInTheJarWithEveryKernelWhenNvccWasPresentAtBuildTime() {
        Properties build = PtxImage.buildInfo();
        assertThat(build.getProperty("nvcc")).as("selective_scan.properties from build-ptx.sh").isIn("present", "absent");
        assumeTrue("present".equals(build.getProperty("nvcc")), "nvcc was absent when the course library was built: no PTX to check");
        Optional<PtxImage> ptx = PtxImage.fromJar();
        assertThat(ptx).isPresent();
        assertThat(ptx.get().entries()).containsAll(GpuSelectiveScan.KERNELS);
        assertThat(ptx.get().isa()).isEqualTo(build.getProperty("ptx.isa"));
        assertThat(ptx.get().requiredCudaVersion()).as("loads on CUDA 12.0 drivers").isLessThanOrEqualTo(12000);
        assertThat(ptx.get().target()).isEqualTo("sm_75");
        assertThat(build.getProperty("ptxas.sm_90.selective_scan_fused_n16")).contains("registers");
    }

    /** The build must not skip the PTX on a machine that has nvcc (the skip is for machines without one). */
    @Test
    void aBuildOnAMachineWithNvccHasThePtx() {
        boolean nvccHere = System.getenv("NVCC") == null && onPath("nvcc");
        assumeTrue(nvccHere, "nvcc is not on this machine's PATH");
        assertThat(PtxImage.buildInfo().getProperty("nvcc")).isEqualTo("present");
    }

    @Test
    void ptxHeaderAndEntriesAreParsed() {
        String text = """
                //
                .version 8.0
                .target sm_75
                .address_size 64

                .visible .entry selective_scan_fused_n16(
                    .param .u64 p0
                )
                { ret; }
                .visible .entry naive_scan(
                    .param .u64 p0
                )
                { ret; }
                """;
        PtxImage ptx = PtxImage.parse(text);
        assertThat(ptx.isa()).isEqualTo("8.0");
        assertThat(ptx.target()).isEqualTo("sm_75");
        assertThat(ptx.entries()).containsExactly("selective_scan_fused_n16", "naive_scan");
        assertThat(ptx.requiredCudaVersion()).isEqualTo(12000);
        assertThatThrownBy(() -> PtxImage.parse("not ptx")).hasMessageContaining(".version");
    }

    @Test
    void ptxIsaVersionsMapToTheCudaReleaseThatIntroducedThem() {
        assertThat(CudaVersions.forPtxIsa("7.8")).isEqualTo(11080);
        assertThat(CudaVersions.forPtxIsa("8.4")).isEqualTo(12040);
        assertThat(CudaVersions.forPtxIsa("8.7")).isEqualTo(12080);
        assertThat(CudaVersions.forPtxIsa("9.0")).isEqualTo(13000);
        assertThat(CudaVersions.format(12040)).isEqualTo("12.4");
        assertThat(CudaVersions.describeDriverFor(13000)).isEqualTo("CUDA 13.0 (Linux driver R580 or newer)");
        assertThatThrownBy(() -> CudaVersions.forPtxIsa("99.9")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDriverTooOldForThePtxIsNamedAsTheReason() throws GpuUnavailableException {
        PtxImage isa90 = PtxImage.parse(".version 9.0\n.target sm_75\n");
        assertThatThrownBy(() -> GpuSelectiveScan.checkDriver(isa90, 12040))
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessage("the GPU kernels are PTX ISA 9.0, which needs a driver for CUDA 13.0 (Linux driver R580 or newer);"
                        + " this driver supports only CUDA 12.4: update the NVIDIA driver");
        GpuSelectiveScan.checkDriver(isa90, 13000);                       // new enough: no exception
        GpuSelectiveScan.checkDriver(PtxImage.parse(".version 8.0\n"), 12000);
        assertThatThrownBy(() -> GpuSelectiveScan.checkDriver(PtxImage.parse(".version 12.1\n"), 13000))
                .hasMessageContaining("newer than this library knows");
    }

    @Test
    void aMissingDriverLibraryIsReportedInOneLine() {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver\"\n"
                + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver.so: libcuda.so.1: cannot open shared object file: No such file or directory\n"
                + "\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)");
        assertThat(CudaDevice.linkFailure(error)).isEqualTo("libcuda.so.1: cannot open shared object file: No such file or directory");
        assertThat(CudaDevice.linkFailure(new UnsatisfiedLinkError("something else\nmore"))).isEqualTo("UnsatisfiedLinkError: something else");
    }

    @Test
    void withoutAGpuTheBestBackendIsTheCpuAndSaysWhy() {
        GpuSelectiveScan.Availability gpu = GpuSelectiveScan.availability();
        assumeFalse(gpu.available(), "a GPU is present: the fallback is not taken here");
        assertThat(gpu.message()).startsWith("no GPU: ").hasSizeGreaterThan("no GPU: ".length() + 10);
        assertThat(SelectiveScans.best()).isInstanceOf(SelectiveScanCpu.class);
        assertThat(SelectiveScans.best().name()).startsWith("CPU");
    }

    @ParameterizedTest(name = "batch {0}, D {1}, L {2}, N {3}, gate {4}")
    @CsvSource({"1, 1, 1, 1, false", "2, 24, 300, 16, true", "1, 17, 64, 5, false", "2, 8, 1000, 40, true",
            "1, 16, 130, 32, false", "2, 33, 200, 64, true"})
    void gpuKernelsMatchTheDoubleReference(int batch, int channels, int length, int state, boolean gate) {
        GpuSelectiveScan.Availability gpu = GpuSelectiveScan.availability();
        assumeTrue(gpu.available(), () -> "needs an NVIDIA GPU: " + gpu.message());
        SelectiveScanInputs in = SelectiveScanInputs.random(batch, channels, length, state, gate, 31);
        double[] reference = SelectiveScanReference.run(in);
        // float32 with the GPU's exp2 (2 ulp): the same order of error as the CPU's float32 scan
        assertThat(ErrorStats.of(gpu.scan().run(in), reference).maxRel()).as("fused").isLessThan(1e-4);
        assertThat(ErrorStats.of(gpu.scan().runNaive(in), reference).maxRel()).as("naive").isLessThan(1e-4);
        assertThat(SelectiveScans.best()).isSameAs(gpu.scan());
    }

    @Test
    void gpuRefusesStatesBeyondTheFusedKernel() {
        GpuSelectiveScan.Availability gpu = GpuSelectiveScan.availability();
        assumeTrue(gpu.available(), () -> "needs an NVIDIA GPU: " + gpu.message());
        SelectiveScanInputs in = SelectiveScanInputs.random(1, 2, 10, GpuSelectiveScan.MAX_STATE + 1, false, 32);
        assertThatThrownBy(() -> gpu.scan().run(in)).hasMessageContaining("N <= 64");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
