package ttlab.kernel.engine;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell our in-process execution control and keeps a handle on it for the engine. */
final class InProcessExecutionProvider implements ExecutionControlProvider {

    private InProcessExecutionControl control;

    @Override
    public String name() {
        return "ttlab-inprocess";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new InProcessExecutionControl();
        return control;
    }

    InProcessExecutionControl control() {
        if (control == null) {
            throw new IllegalStateException("JShell has not created its execution control yet");
        }
        return control;
    }
}
