package ttlab.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the kernel: {@code java ttlab.kernel.Main CONNECTION_FILE}.
 *
 * <p>JShell warms up (compiler, default imports, start-up scripts) on its own thread while the
 * kernel binds its sockets and answers {@code kernel_info}; the first cell waits for it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp ... ttlab.kernel.Main CONNECTION_FILE");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            System.err.println("Connection file not found: " + connectionFile);
            System.exit(2);
        }
        // A kernel whose Jupyter server died without shutting it down has nobody left to serve.
        ParentWatch.start(0);
        KernelConfig config = KernelConfig.fromEnvironment();
        CompletableFuture<KernelSession> session = CompletableFuture.supplyAsync(() -> KernelSession.start(config),
                command -> {
                    Thread starter = new Thread(command, "ttlab-startup");
                    starter.setDaemon(true);
                    starter.start();
                });

        KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JavaKernel kernel = new JavaKernel(new KernelIO(), session);
        kernel.onStartup();
        JupyterConnection jupyter = new ResponsiveConnection(connection);
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        jupyter.waitUntilClose();
        // Threads a notebook started may still run; the kernel's life ends with the connection.
        System.exit(0);
    }
}
