package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaterializedSelectiveScanTest {

    @Test
    void equalsTheFusedLoopBitwiseAndTheDoubleReferenceToFloatRounding() {
        for (boolean gate : new boolean[] {true, false}) {
            SelectiveScanInputs in = SelectiveScanInputs.random(2, 5, 70, 6, gate, 11);
            MaterializedSelectiveScan.Result result = MaterializedSelectiveScan.run(in);
            assertThat(result.y()).containsExactly(SelectiveScanCpu.sequential().run(in));
            assertThat(ErrorStats.of(result.y(), SelectiveScanReference.run(in)).maxRel()).isLessThan(1e-4);
        }
    }

    @Test
    void movesExactlyTheNaiveBytesOfScanTrafficAndAllocatesThreeFullArraysAndTwoPerChannelOnes() {
        for (int n : new int[] {1, 4, 16}) {
            SelectiveScanInputs in = SelectiveScanInputs.random(2, 3, 40, n, true, n);
            ScanTraffic traffic = ScanTraffic.of(in);
            MaterializedSelectiveScan.Result result = MaterializedSelectiveScan.run(in);
            assertThat(result.movedBytes()).isEqualTo(traffic.naiveBytes());
            long p = traffic.perChannelElements(), f = traffic.stateUpdates();
            assertThat(result.allocatedBytes()).isEqualTo(4 * (3 * f + 2 * p));
            assertThat(result.stages()).extracting(MaterializedSelectiveScan.Stage::name)
                    .containsExactly("Δ", "discretize", "scan", "read-out");
            // the scan reads Ā and B̄u and writes the states: 3F numbers
            assertThat(result.stages().get(2).bytes()).isEqualTo(4 * 3 * f);
            assertThat(MaterializedSelectiveScan.fusedAccesses(in).bytes()).isEqualTo(traffic.fusedBytes());
        }
    }

    @Test
    void absentArraysAreNotCounted() {
        SelectiveScanInputs full = SelectiveScanInputs.random(1, 2, 30, 4, false, 3);
        SelectiveScanInputs bare = new SelectiveScanInputs(1, 2, 30, 4, full.u(), full.delta(), full.a(), full.b(), full.c(),
                null, null, null, true);
        long missing = 4L * 2 * 2;                                   // D and the Δ bias, 2 channels each
        assertThat(MaterializedSelectiveScan.run(bare).movedBytes()).isEqualTo(ScanTraffic.of(bare).naiveBytes() - missing);
        assertThat(MaterializedSelectiveScan.run(bare).y()).containsExactly(SelectiveScanCpu.sequential().run(bare));
        assertThat(MaterializedSelectiveScan.fusedAccesses(bare).reads()).extracting(MaterializedSelectiveScan.Access::array)
                .isEqualTo(List.of("u", "raw Δ", "B", "C", "A"));
    }

    @Test
    void theJvmAllocatesAtLeastTheCountedArraysAndLittleElse() {
        SelectiveScanInputs in = SelectiveScanInputs.random(1, 8, 256, 16, true, 5);
        MaterializedSelectiveScan.Result result = MaterializedSelectiveScan.run(in);
        long measured = Timing.allocatedBytes(() -> MaterializedSelectiveScan.run(in));
        assertThat(measured).isGreaterThanOrEqualTo(result.allocatedBytes());
        assertThat(measured).isLessThan(result.allocatedBytes() + 64 * 1024);
    }
}
