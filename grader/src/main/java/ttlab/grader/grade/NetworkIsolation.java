package ttlab.grader.grade;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs workers without network: in a network namespace of their own ({@code unshare --net}, as an
 * unprivileged user with {@code --map-root-user}), which has no interface but a loopback that is
 * down. Whether that works depends on the machine (a container may forbid namespaces), so it is
 * probed once; when it does not work, grading goes on without it and every result says so.
 */
final class NetworkIsolation {

    private static final List<List<String>> CANDIDATES = List.of(
            List.of("unshare", "--net"),
            List.of("unshare", "--net", "--map-root-user"));
    private static List<String> prefix;

    private NetworkIsolation() {
    }

    /** The command prefix that cuts a process off the network; empty when none works here. */
    static synchronized List<String> prefix() {
        if (prefix == null) {
            prefix = probe();
        }
        return prefix;
    }

    static boolean available() {
        return !prefix().isEmpty();
    }

    private static List<String> probe() {
        for (List<String> candidate : CANDIDATES) {
            List<String> command = new ArrayList<>(candidate);
            command.add("true");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return List.copyOf(candidate);
                }
                p.destroyForcibly();
            } catch (IOException e) {
                return List.of(); // no unshare on this machine
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }
}
