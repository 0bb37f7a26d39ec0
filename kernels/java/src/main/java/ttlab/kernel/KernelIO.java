package ttlab.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.nio.charset.StandardCharsets;

/** Jupyter's stdout, stderr, stdin and display streams, attachable to one request at a time. */
final class KernelIO extends JupyterIO {

    KernelIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Routes output (and input requests, when the frontend allows them) to this request. */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
    }

    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
