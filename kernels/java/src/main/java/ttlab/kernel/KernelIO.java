package ttlab.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;

import java.nio.charset.StandardCharsets;

/** Jupyter's stdout, stderr, stdin and display streams, attachable to one request at a time. */
final class KernelIO extends JupyterIO {

    private volatile ShellReplyEnvironment current;

    KernelIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Routes output (and input requests, when the frontend allows them) to this request. */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
        current = env;
    }

    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
        if (current == env) {
            current = null;
        }
    }

    /** Clears the running cell's output; with {@code wait}, only once new output arrives. */
    void clearOutput(boolean wait) {
        ShellReplyEnvironment env = current;
        if (env != null) {
            env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }
}
