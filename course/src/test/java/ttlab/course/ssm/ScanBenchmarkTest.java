package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark program runs end to end on a tiny shape and prints each of its sections. */
class ScanBenchmarkTest {

    @Test
    void printsCorrectnessTrafficAndCpuFigures() {
        String out = capture(() -> ScanBenchmark.main(new String[] {
                "--shape", "1,16,256,16", "--cpu-shape", "1,8,128,4", "--runs", "1", "--warmup", "0",
                "--lengths", "128", "--states", "8"}));
        assertThat(out).contains("Correctness: every backend within 0.001 relative of the reference.")
                .doesNotContain("WRONG");
        assertThat(out).contains("Correctness: max error against the double-precision reference",
                "CPU float32 sequential", "Bytes moved", "fused: reads u, Δ, z, B, C once",
                "CPU at batch 1, D 8, L 128, N 4", "parallel is");
        assertThat(out).containsAnyOf("No GPU found (", "GPU: ");
        if (!GpuSelectiveScan.availability().available()) {
            assertThat(out).contains("running the CPU parts only").doesNotContain("GPU at batch");
        } else {
            assertThat(out).contains("GPU at batch 1, D 16, L 256, N 16", "Device copy bandwidth", "Sweep at batch 1");
        }
    }

    private static String capture(Runnable body) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
