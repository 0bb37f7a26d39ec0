package ttlab.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import ttlab.kernel.display.CourseRenderers;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The training run behind the kernel's start-up cache: `./ttlab setup` runs it once with
 * -XX:ArchiveClassesAtExit (AppCDS) or -XX:AOTCacheOutput (JDK 25+), so that the classes a
 * kernel loads at start (JShell, javac, ZeroMQ, the renderers) come mapped from the cache.
 * It does what a kernel does in its first seconds: bind sockets, start JShell with the default
 * imports, compile and run a few typical cells, render their values.
 */
public final class StartupTraining {

    private static final List<String> TYPICAL_CELLS = List.of(
            "1 + 1",
            "int square(int x) { return x * x; }\nsquare(7)",
            "record Point(double x, double y) {}\nnew Point(1, 2)",
            "var xs = new double[]{1, 2, 3};\nArrays.stream(xs).sum()",
            "String s = \"text\"; s.length()",
            "System.out.println(\"hello\");",
            "for (int i = 0; i < 3; i++) { Math.sqrt(i); }");

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        train(engine -> {
        });
        System.out.println("start-up training done");
        System.exit(0);
    }

    /**
     * Runs the kernel's first seconds, then {@code more} on the same engine (what else the cache
     * should hold, e.g. the grader's test runs), and closes it.
     */
    public static void train(Consumer<CellEngine> more) throws Exception {
        JupyterConnection connection = new ResponsiveConnection(loopbackConnection());
        connection.connect();

        KernelSession session = KernelSession.start(KernelConfig.fromEnvironment());
        Renderer renderer = new Renderer();
        CourseRenderers.registerAll(renderer);
        for (String cell : TYPICAL_CELLS) {
            CellResult result = session.runner().run(cell, "training");
            if (!result.succeeded()) {
                throw new IllegalStateException("training cell failed: " + cell + " -> " + result);
            }
            if (result.hasValue()) {
                renderer.render(result.value());
            }
        }
        more.accept(session.engine());
        session.engine().close();
        connection.close();
    }

    private static KernelConnectionProperties loopbackConnection() throws IOException {
        return new KernelConnectionProperties("127.0.0.1", freePort(), freePort(), freePort(), freePort(), freePort(),
                "tcp", "hmac-sha256", UUID.randomUUID().toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
