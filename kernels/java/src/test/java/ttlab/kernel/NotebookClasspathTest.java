package ttlab.kernel;

import org.junit.jupiter.api.Test;

import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;

class NotebookClasspathTest {

    @Test
    void keepsTheApisNotebooksCallAndDropsRuntimeOnlyJars() {
        String cp = String.join(File.pathSeparator,
                "/k/target/ttlab-kernel.jar",
                "/k/lib/ttlab-course-0.1.0-SNAPSHOT.jar",
                "/k/lib/api-0.35.1.jar",
                "/k/lib/tablesaw-core-0.44.4.jar",
                "/k/lib/assertj-core-3.27.6.jar",
                "/k/lib/junit-jupiter-api-5.14.1.jar",
                "/k/lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar",
                "/k/lib/jeromq-0.6.0.jar",
                "/k/lib/asm-9.9.1.jar",
                "/k/lib/fastutil-8.5.13.jar",
                "/k/target/classes");
        assertThat(NotebookClasspath.of(cp)).containsExactly(
                "/k/target/ttlab-kernel.jar",
                "/k/lib/ttlab-course-0.1.0-SNAPSHOT.jar",
                "/k/lib/api-0.35.1.jar",
                "/k/lib/tablesaw-core-0.44.4.jar",
                "/k/lib/assertj-core-3.27.6.jar",
                "/k/lib/junit-jupiter-api-5.14.1.jar",
                "/k/target/classes");
    }
}
