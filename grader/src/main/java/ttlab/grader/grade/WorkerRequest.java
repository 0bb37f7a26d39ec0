package ttlab.grader.grade;

import java.util.List;

/**
 * What the parent asks one worker process to do, written as JSON to the worker's standard input
 * (never to a file: it holds the hidden tests and the key of the report): the cells to replay in
 * order, then the master's test cells, and the limits that the worker enforces itself (the parent
 * enforces the rest from outside).
 *
 * @param replay          the cells to evaluate in order: the student's, and the originals that
 *                        stand in for deleted or edited cells
 * @param tests           the master's tests and hidden-tests cells, evaluated after the replay
 * @param skipClasses     test classes not to run (already graded by an earlier worker)
 * @param runLast         test classes to run after the others: one of their tests killed an
 *                        earlier worker, and another of them may do the same
 * @param cellLimitMillis how long one cell (or one test class's whole run) may take
 * @param testLimitMillis how long one test may take
 * @param outputLimit     bytes the submission may print before further output is dropped
 * @param maxThreads      live threads beyond which the worker ends itself (a thread bomb)
 * @param report          the file the worker appends its {@link WorkerEvent}s to
 * @param reportKey       the key, in hex, that signs each line of the report ({@link WorkerReport})
 * @param reservedNames   names the submission's declarations may not hold while the tests run
 *                        ({@link ReservedNames})
 * @param restore         the master's locked cells, evaluated again after the set-aside
 * @param forbidden       the course library's calls the master forbids ({@link BytecodeAllowlist})
 */
record WorkerRequest(List<ReplayStep> replay, List<TestCell> tests, List<String> skipClasses, List<String> runLast,
                     long cellLimitMillis, long testLimitMillis, long outputLimit, int maxThreads,
                     String report, String reportKey, List<String> reservedNames, List<ReplayStep> restore,
                     List<String> forbidden) {

    /**
     * One cell to replay.
     *
     * @param unit  a stable name for progress and restarts, e.g. {@code cell:square-solution}
     * @param label what errors call it, e.g. {@code cell 'square-solution'}
     */
    record ReplayStep(String unit, String label, String code) {
    }

    /**
     * One of the master's test cells.
     *
     * @param testMethods the cell's test methods as {@code Class#method}: a stack frame in one
     *                    of them names the test that was running when something went wrong
     */
    record TestCell(String unit, String label, String code, List<String> testMethods) {
    }
}
