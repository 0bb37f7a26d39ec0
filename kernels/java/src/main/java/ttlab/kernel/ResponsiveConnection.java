package ttlab.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.GeneralSecurityException;

/**
 * jjava-jupyter's connection, with shell and control channels that poll every 2 ms instead of
 * 50 ms. The library's channels sleep a fixed 50 ms between polls, which adds up to 50 ms to
 * every request (an interrupt, a completion, each cell) for no benefit to a notebook user;
 * 2 ms costs a few hundred cheap wake-ups a second.
 */
final class ResponsiveConnection extends JupyterConnection {

    private static final long POLL_MS = 2;

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ShellChannel responsiveShell;
    private final ShellChannel responsiveControl;
    private boolean connected;

    ResponsiveConnection(KernelConnectionProperties properties) throws GeneralSecurityException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.responsiveShell = new ShellChannel(context, hmac, false, this, POLL_MS);
        this.responsiveControl = new ShellChannel(context, hmac, true, this, POLL_MS);
    }

    /** Binds the library's heartbeat, stdin and iopub sockets, and our shell and control. */
    @Override
    public void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(properties);
        responsiveShell.bind(properties);
        responsiveControl.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public void close() {
        responsiveShell.close();
        responsiveControl.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        responsiveShell.waitUntilClose();
        responsiveControl.waitUntilClose();
        super.waitUntilClose();
    }
}
