package ttlab.grader;

import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.ExecutionStopped;
import ttlab.kernel.engine.SnippetAgent;

import java.util.concurrent.Callable;

/**
 * Where tests run under the engine's stop mechanism, and how to stop them there: on a cell
 * engine's thread in this JVM, or on the thread of a {@link SnippetAgent} that runs a grading
 * engine's code in another process. Either way a stop raises the flag that instrumented notebook
 * code checks and wakes the code from {@code sleep()} or {@code wait()}.
 */
interface CodeStops {

    /** Runs {@code work} as notebook code, so that {@link #stop} reaches it. */
    <T> T run(Callable<T> work);

    /** Stops the code that runs now (from any thread). */
    void stop(ExecutionStopped.Reason reason);

    /** Lowers the stop, on the thread that runs the code, so the next test runs. */
    void clearStop();

    static CodeStops of(CellEngine engine) {
        return new CodeStops() {
            @Override
            public <T> T run(Callable<T> work) {
                return engine.runStoppable(work); // in place when called from a cell
            }

            @Override
            public void stop(ExecutionStopped.Reason reason) {
                engine.stop(reason);
            }

            @Override
            public void clearStop() {
                engine.clearStop();
            }
        };
    }

    static CodeStops of(SnippetAgent agent) {
        return new CodeStops() {
            @Override
            public <T> T run(Callable<T> work) {
                try {
                    return agent.runAsCode(work);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void stop(ExecutionStopped.Reason reason) {
                agent.stop(reason);
            }

            @Override
            public void clearStop() {
                agent.clearStop();
            }
        };
    }
}
