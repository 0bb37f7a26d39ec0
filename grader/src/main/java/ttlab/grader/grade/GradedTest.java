package ttlab.grader.grade;

/**
 * One row of the results: a test (or one invocation of a parameterized test) with its outcome and
 * the points it is worth after the exercise's points were applied.
 *
 * @param exercise  the exercise its test cell belongs to, "" when none
 * @param outcome   PASSED, FAILED, ERROR, TIMED_OUT, SKIPPED, or NOT_RUN
 * @param message   what went wrong ("" when it passed)
 * @param maxPoints what it is worth
 * @param hidden    students see it only after grades are published
 */
record GradedTest(String exercise, String className, String methodName, String displayName, String outcome,
                  String message, double maxPoints, boolean hidden) {

    static final String PASSED = "PASSED";
    static final String NOT_RUN = "NOT_RUN";
    static final String ERROR = "ERROR";
    static final String FAILED = "FAILED";

    boolean passed() {
        return PASSED.equals(outcome);
    }

    double score() {
        return passed() ? maxPoints : 0.0;
    }

    GradedTest withPoints(double points) {
        return new GradedTest(exercise, className, methodName, displayName, outcome, message, points, hidden);
    }
}
