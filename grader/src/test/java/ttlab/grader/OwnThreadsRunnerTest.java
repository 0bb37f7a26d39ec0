package ttlab.grader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner for kernels that cannot stop notebook code: a stuck test is given up at its
 * limit and the others still run.
 */
class OwnThreadsRunnerTest {

    /** Lets the abandoned thread end once the test has seen the report, so it does not spin on. */
    static volatile boolean release;

    @AfterEach
    void releaseStuckThreads() {
        release = true;
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OneStuck {
        @Test
        @Order(1)
        void spinsIgnoringInterrupts() {
            while (!release) {
                Thread.interrupted();
            }
        }

        @Test
        @Order(2)
        void passesAfterwards() {
            assertThat(2 + 2).isEqualTo(4);
        }

        @Test
        @Order(3)
        void throwsItsOwnTimeout() throws TimeoutException {
            throw new TimeoutException("the student's own");
        }
    }

    @Test
    void aStuckTestTimesOutAndTheRestStillRun() {
        release = false;
        long started = System.nanoTime();

        TestReport report = TestRunner.onOwnThreads(Duration.ofMillis(500)).run(OneStuck.class);

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).as("the run waited for the stuck test").isLessThan(5.0);
        assertThat(report.results()).extracting(TestResult::status)
                .containsExactly(TestStatus.TIMED_OUT, TestStatus.PASSED, TestStatus.ERROR);
        assertThat(report.results().get(0).message()).isEqualTo("timed out after 0.5 s");
        assertThat(report.results().get(2).message()).contains("the student's own");
    }

    @Test
    void aLimitMustBePositive() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TestRunner.onOwnThreads(Duration.ZERO));
    }
}
