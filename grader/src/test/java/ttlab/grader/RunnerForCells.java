package ttlab.grader;

/** Lets code in a notebook cell reach a runner, as a notebook's check(...) will. */
public final class RunnerForCells {

    public static volatile TestRunner runner;

    private RunnerForCells() {
    }
}
