package ttlab.course.ssm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** src/main/cuda/build-ptx.sh on a machine without nvcc: one clear line, success, no PTX. */
class BuildPtxScriptTest {

    @Test
    void withoutNvccTheBuildSaysSoAndSucceeds(@TempDir Path out) throws IOException, InterruptedException {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash");
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "src/main/cuda/build-ptx.sh",
                "src/main/cuda/selective_scan.cu", out.toString()).redirectErrorStream(true);
        builder.environment().put("NVCC", out.resolve("no-such-nvcc").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).startsWith("nvcc not found, skipping PTX");
        Path dir = out.resolve("ttlab/course/ssm");
        assertThat(dir.resolve("selective_scan.ptx")).doesNotExist();
        assertThat(Files.readString(dir.resolve("selective_scan.properties"))).isEqualTo("nvcc=absent\n");
    }
}
