package ttlab.grader.grade;

import java.time.Duration;
import java.util.List;

/**
 * Everything results.json says about one submission.
 *
 * @param id               the submission's id, which names its results folder
 * @param notebook         the submitted notebook's path
 * @param master           the master's path
 * @param tests            every test of the master, in its order
 * @param problems         what differs from the master, and what went wrong while grading
 * @param flags            uses of APIs outside the course's allowance
 * @param networkIsolation whether the grading processes ran without network
 * @param sandbox          what confined the grading processes, in words ({@link Sandbox#description()})
 * @param gradable         false when the submission could not be graded at all (no master)
 * @param executionTime    how long grading took: kept out of everything scored
 * @param workerOutput     what the grading processes printed, capped: for a human, not the results
 */
record SubmissionResult(String id, String notebook, String master, List<GradedTest> tests, List<String> problems,
                        List<ApiScanner.ApiFlag> flags, boolean networkIsolation, String sandbox, boolean gradable,
                        Duration executionTime, String workerOutput) {

    double score() {
        return round(tests.stream().mapToDouble(GradedTest::score).sum());
    }

    double maxScore() {
        return round(tests.stream().mapToDouble(GradedTest::maxPoints).sum());
    }

    /** Sums of split points (three cases of 1/3) should read 1, not 0.9999999999999999. */
    static double round(double points) {
        return Math.round(points * 1e6) / 1e6;
    }
}
