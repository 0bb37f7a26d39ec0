package ttlab.grader.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ttlab serve [options]}: runs the submission service until it is stopped (Ctrl-C or
 * SIGTERM, which stop it cleanly: what was being graded goes back to the queue). See
 * {@link ServeOptions#USAGE}. Exit status 2: bad options, roster or configuration, or the data
 * folder or database cannot be used.
 */
public final class ServeCommand {

    private ServeCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintStream out = System.out;
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(ServeOptions.USAGE);
            return;
        }
        Service service;
        try {
            ServeOptions options = ServeOptions.parse(args, System.getenv());
            service = Service.start(options, Clock.systemUTC(), out);
        } catch (IllegalArgumentException | IllegalStateException | IOException | SQLException e) {
            System.err.println("ttlab serve: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("ttlab serve: stopping");
            try {
                service.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("ttlab serve: while stopping: " + e);
            }
            stopped.countDown();
        }, "ttlab-serve-stop"));
        stopped.await();
    }
}
