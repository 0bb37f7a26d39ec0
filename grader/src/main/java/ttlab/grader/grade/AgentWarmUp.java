package ttlab.grader.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ttlab.grader.TestReport;
import ttlab.grader.TestRunner;
import ttlab.grader.TestStatus;
import ttlab.kernel.engine.SnippetAgent;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What a {@link GradingAgent} does before its submission comes: runs a test class of its own
 * through the same runner as the submission's, so that JUnit's launcher and AssertJ are loaded and
 * their first run is behind it. In a fresh JVM that first run costs about half the time the
 * agent's tests take; an agent started ahead ({@link AgentLaunch}) spends it while the slot's
 * previous submission is graded. Nothing of it stays: the runner is the warm-up's own, and the
 * agent checks nothing of the submission yet.
 */
final class AgentWarmUp {

    private AgentWarmUp() {
    }

    /** Runs the warm-up tests; throws if they do not come out as written (a broken runner). */
    static void run(SnippetAgent agent) {
        TestReport report = TestRunner.inAgent(agent, Duration.ofSeconds(30)).run(WarmUpTests.class);
        if (report.testCount() != 5 || report.count(TestStatus.FAILED) != 1) {
            throw new IllegalStateException("the agent's warm-up tests did not run as written: " + report.results());
        }
    }

    /** As exercise sets write them: a value with AssertJ, a failure with its message, parameters, an exception. */
    static final class WarmUpTests {
        @Test
        void passes() {
            assertThat(Math.sqrt(4.0)).as("sqrt(4)").isCloseTo(2.0, within(1e-12));
        }

        @Test
        void fails() {
            assertThat(new double[] {1, 2}).containsExactly(1, 3);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void positive(int x) {
            assertThat(x).isPositive();
        }

        @Test
        void throwsClearly() {
            assertThatThrownBy(() -> {
                throw new IllegalArgumentException("lengths differ");
            }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
        }
    }
}
