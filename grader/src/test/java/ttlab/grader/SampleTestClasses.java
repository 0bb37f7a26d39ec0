package ttlab.grader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Test classes for {@link TestRunnerTest} to run; several fail on purpose. They are nested
 * classes, which Surefire does not run by itself, so they only run through the runner.
 */
final class SampleTestClasses {

    private SampleTestClasses() {
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OneOfEach {
        @Test
        @Order(1)
        void passes() {
            assertThat(2 + 2).isEqualTo(4);
        }

        @Test
        @Order(2)
        void failsAnAssertJAssertion() {
            assertThat(2 + 2).as("two plus two").isEqualTo(5);
        }

        @Test
        @Order(3)
        void throwsAnException() {
            Integer.parseInt("four");
        }

        @Test
        @Order(4)
        @Disabled("not ready yet")
        void isDisabled() {
            Assertions.fail("a disabled test ran");
        }

        @Test
        @Order(5)
        void assumesSomethingFalse() {
            assumeTrue(false, "needs a GPU");
        }

        @Test
        @Order(6)
        void failsAJUnitAssertion() {
            Assertions.assertEquals(4, 5);
        }
    }

    static class PartialCredit {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4})
        @Points(4)
        void isBelowFour(int n) {
            assertThat(n).isLessThan(4);
        }
    }

    @Points(2)
    static class PointsOnTheClass {
        @Test
        void worthTheClassPoints() {
        }

        @Test
        @Points(0.5)
        void worthItsOwnPoints() {
        }

        @RepeatedTest(3)
        void repeatedSharesTheClassPoints() {
        }
    }

    static class BrokenSetUp {
        @BeforeAll
        static void setUp() {
            throw new IllegalStateException("no data file");
        }

        @Test
        void first() {
        }

        @Test
        @Points(3)
        void second() {
        }
    }

    static class Quiet {
        @Test
        void passes() {
        }

        @Test
        void fails() {
            assertThat("quiet").isEqualTo("loud");
        }
    }

    static class ReturnsAValue {
        @Test
        void runs() {
        }

        @Test
        int isNotATest() {
            return 1;
        }
    }

    static class BrokenTearDown {
        @AfterAll
        static void tearDown() {
            throw new IllegalStateException("could not delete the scratch folder");
        }

        @Test
        void passes() {
        }
    }
}
