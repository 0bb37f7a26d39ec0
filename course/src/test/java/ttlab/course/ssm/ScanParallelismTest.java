package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanParallelismTest {

    @Test
    void theFusedLaunchHasSixteenLanesPerChannelAndMatchesTheKernelsConstants() {
        GpuSelectiveScan.FusedLaunch n16 = GpuSelectiveScan.FusedLaunch.of(8, 1536, 4096, 16);
        assertThat(n16.kernel()).isEqualTo("selective_scan_fused_n16");
        assertThat(n16.gridX()).isEqualTo(96);
        assertThat(n16.gridY()).isEqualTo(8);
        assertThat(n16.threadsPerBlock()).isEqualTo(n16.lanesPerChannel() * n16.channelsPerBlock()).isEqualTo(256);
        assertThat(n16.threads()).isEqualTo(8L * 1536 * 16);
        assertThat(n16.sharedBytes()).isEqualTo(2 * 16 * 65 * 4);                 // 8.3 KB, as ptxas reports
        assertThat(n16.sequentialUpdatesPerThread()).isEqualTo(4096);
        GpuSelectiveScan.FusedLaunch n64 = GpuSelectiveScan.FusedLaunch.of(1, 17, 100, 64);
        assertThat(n64.kernel()).isEqualTo("selective_scan_fused_n64");
        assertThat(n64.gridX()).isEqualTo(2);                                       // 17 channels: a second, partial block
        assertThat(n64.statesPerLane()).isEqualTo(4);
        assertThat(n64.sharedBytes()).isEqualTo(4 * 8320);
        assertThat(GpuSelectiveScan.KERNELS).contains(n16.kernel(), n64.kernel(), GpuSelectiveScan.FusedLaunch.of(1, 1, 1, 32).kernel());
        assertThatThrownBy(() -> GpuSelectiveScan.FusedLaunch.of(1, 1, 1, 65)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mambasKernelUsesMoreThreadsPerChannelAndShorterChainsWhenTheSequenceIsLong() {
        assertThat(ScanParallelism.mambaThreads(128)).isEqualTo(32);
        assertThat(ScanParallelism.mambaItems(128)).isEqualTo(4);
        assertThat(ScanParallelism.mambaItems(256)).isEqualTo(8);
        assertThat(ScanParallelism.mambaThreads(1024)).isEqualTo(64);
        assertThat(ScanParallelism.mambaThreads(1025)).isEqualTo(128);
        ScanParallelism.Plan mamba = ScanParallelism.mambaReference(1, 64, 1 << 20, 16);
        ScanParallelism.Plan course = ScanParallelism.course(1, 64, 1 << 20, 16);
        assertThat(mamba.threads()).isEqualTo(64L * 128);
        assertThat(course.threads()).isEqualTo(64L * 16);
        // 512 chunks of 2048 steps, 16 states, 2·16 − 1 + 7 steps each
        assertThat(mamba.sequentialSteps()).isEqualTo(16L * 512 * 38);
        assertThat(course.sequentialSteps()).isEqualTo(1 << 20);
        long h100 = 132L * 2048;
        assertThat(mamba.modelSteps(h100)).isLessThan(course.modelSteps(h100));
        // many channels: the course kernel fits in one wave, Mamba's needs several
        ScanParallelism.Plan wideMamba = ScanParallelism.mambaReference(8, 1536, 4096, 16);
        ScanParallelism.Plan wideCourse = ScanParallelism.course(8, 1536, 4096, 16);
        assertThat(wideCourse.modelSteps(h100)).isLessThan(wideMamba.modelSteps(h100));
    }
}
