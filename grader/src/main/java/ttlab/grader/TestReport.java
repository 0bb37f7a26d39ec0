package ttlab.grader;

import java.util.List;

/**
 * The outcome of one run of test classes: a result per test (per invocation for parameterized
 * tests) in the order they ran, and what JUnit found wrong with the test classes themselves.
 *
 * @param results         one per test, in execution order
 * @param discoveryIssues problems JUnit found while looking for tests, e.g. a {@code @Test}
 *                        method that is private or returns a value and was therefore not run
 */
public record TestReport(List<TestResult> results, List<String> discoveryIssues) {

    public TestReport {
        results = List.copyOf(results);
        discoveryIssues = List.copyOf(discoveryIssues);
    }

    public int testCount() {
        return results.size();
    }

    public int passedCount() {
        return count(TestStatus.PASSED);
    }

    public int count(TestStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    public boolean allPassed() {
        return passedCount() == testCount();
    }

    /** Points earned. */
    public double score() {
        return round(results.stream().mapToDouble(TestResult::earnedPoints).sum());
    }

    /** Points available. */
    public double maxScore() {
        return round(results.stream().mapToDouble(TestResult::maxPoints).sum());
    }

    /** Sums of split points (three cases of 1/3) should read 1, not 0.9999999999999999. */
    private static double round(double points) {
        return Math.round(points * 1e6) / 1e6;
    }
}
