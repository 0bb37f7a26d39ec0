package ttlab.grader;

import org.junit.jupiter.api.Test;
import ttlab.kernel.KernelConfig;
import ttlab.kernel.NotebookEngine;
import ttlab.kernel.engine.CellEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up cache's training runs a test class through JUnit on a notebook engine, as a check does. */
class StartupCacheTrainingTest {

    @Test
    void runsItsTestClassOnANotebookEngineAsACheckWould() {
        List<String> warnings = new ArrayList<>();
        CellEngine engine = NotebookEngine.start(new KernelConfig(Duration.ZERO, List.of(), List.of(), List.of(), null),
                warnings);
        try {
            TestReport report = StartupCacheTraining.runTests(engine);

            assertThat(warnings).isEmpty();
            assertThat(report.testCount()).isEqualTo(5);
            assertThat(report.count(TestStatus.PASSED)).isEqualTo(4);
            assertThat(report.results()).filteredOn(r -> r.status() == TestStatus.FAILED)
                    .singleElement().satisfies(r -> assertThat(r.message()).contains("to contain exactly", "[1.0, 3.0]"));
            assertThat(report.maxScore()).isGreaterThanOrEqualTo(1.0);
        } finally {
            engine.close();
        }
    }
}
