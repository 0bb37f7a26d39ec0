package ttlab.grader.grade;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sandbox on its own, with a shell standing in for the worker: what a worker could reach if
 * code got past the bytecode allowlist. Runs where bubblewrap works (the results of other machines
 * say so in extra_data.sandbox); {@link #withoutNamespacesTheFallbackIsStated} runs everywhere.
 */
class SandboxTest {

    @TempDir
    Path tmp;
    private Path secret;
    private Path report;

    @BeforeEach
    void files() throws IOException {
        secret = Files.writeString(tmp.resolve("master.ipynb"), "the hidden tests");
        report = Files.createFile(tmp.resolve("report.jsonl"));
        Files.setPosixFilePermissions(report, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
    }

    private String inSandbox(String script) throws Exception {
        Sandbox sandbox = Sandbox.here();
        assumeTrue(sandbox.confined(), sandbox.description());
        List<String> command = sandbox.command(List.of("/bin/sh", "-c", script), List.of(),
                sandbox.scratch(tmp), List.of(report), 256L << 20);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theWorkerIsNobodyWithoutCapabilitiesAndSeesNoOtherProcess() throws Exception {
        String out = inSandbox("id -u; grep CapEff /proc/self/status; ls /proc | grep -c '^[0-9]'");
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("65534");
        assertThat(lines.get(1)).endsWith("0000000000000000");
        assertThat(Integer.parseInt(lines.get(2).trim())).isLessThanOrEqualTo(4); // bwrap, sh, ls, grep
    }

    @Test
    void itCannotReadTheMastersNorWriteOutsideItsScratchAndReport() throws Exception {
        Path outside = tmp.resolve("written-from-the-sandbox");
        String out = inSandbox("cat " + secret + " 2>&1; touch " + outside + " 2>&1; touch /usr/x 2>&1;"
                + " echo line >> " + report + " && echo report-ok; touch ./scratch-file && echo scratch-ok;"
                + " ls / | tr '\\n' ' '");
        assertThat(out).doesNotContain("the hidden tests").contains("report-ok", "scratch-ok");
        assertThat(outside).doesNotExist();
        assertThat(Files.readString(report)).isEqualTo("line\n");
        assertThat(out).doesNotContain("work ", "root ", "home ");
    }

    @Test
    void itHasNoNetworkAndItsEnvironmentIsBuiltFromNothing() throws Exception {
        String out = inSandbox("cat /proc/net/dev | grep -c ':'; cat /proc/1/environ 2>&1 | tr '\\0' '\\n' | grep -c TOKEN");
        List<String> lines = out.lines().toList();
        assertThat(Integer.parseInt(lines.get(0).trim())).isEqualTo(1); // lo only, and it is down
        assertThat(lines.get(1).trim()).isEqualTo("0");
    }

    @Test
    void aWorkerJvmReachesNoListenerOnTheLoopbackNorAUnixSocketOutside() throws Exception {
        Sandbox sandbox = Sandbox.here();
        assumeTrue(sandbox.confined(), sandbox.description());
        Path socketPath = tmp.resolve("grader.sock");
        try (java.net.ServerSocket tcp = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             java.nio.channels.ServerSocketChannel unix = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            unix.bind(java.net.UnixDomainSocketAddress.of(socketPath));
            unix.configureBlocking(false);
            Path javaHome = Path.of(System.getProperty("java.home"));
            Path classes = Path.of(NetworkProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> command = sandbox.command(List.of(javaHome.resolve("bin/java").toString(), "-Xmx64m", "-cp",
                            classes.toString(), NetworkProbe.class.getName(), Integer.toString(tcp.getLocalPort()), socketPath.toString()),
                    List.of(javaHome, classes), sandbox.scratch(tmp), List.of(report), 256L << 20);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).contains("tcp failed:", "unix failed:").doesNotContain("CONNECTED");
            tcp.setSoTimeout(200);
            org.assertj.core.api.Assertions.assertThatThrownBy(tcp::accept).isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(unix.accept()).as("a connection on the Unix socket").isNull();
        }
    }

    /** Tries the test's listeners from inside the sandbox and prints what happened. */
    static final class NetworkProbe {
        public static void main(String[] args) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 2000);
                System.out.println("tcp CONNECTED");
            } catch (Exception e) {
                System.out.println("tcp failed: " + e);
            }
            try (java.nio.channels.SocketChannel c = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(args[1]))) {
                System.out.println("unix CONNECTED");
            } catch (Exception e) {
                System.out.println("unix failed: " + e);
            }
        }
    }

    @Test
    void aProcessInANewSessionDiesWithTheSandbox() throws Exception {
        Sandbox sandbox = Sandbox.here();
        assumeTrue(sandbox.confined(), sandbox.description());
        String marker = "ttlab-sandbox-" + System.nanoTime();
        List<String> command = sandbox.command(List.of("/bin/sh", "-c",
                "setsid sh -c 'sleep 100 # " + marker + "' & sleep 100"), List.of(), sandbox.scratch(tmp), List.of(report), 256L << 20);
        Process p = new ProcessBuilder(command).start();
        Thread.sleep(1500);
        p.destroyForcibly().waitFor();
        Thread.sleep(500);
        assertThat(ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
                .filter(c -> c.contains(marker))).isEmpty();
    }

    @Test
    void withoutNamespacesTheFallbackIsStated() throws Exception {
        // a machine whose bwrap cannot make namespaces, as in a container that forbids them
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = Files.writeString(bin.resolve("bwrap"),
                "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");
        fake.toFile().setExecutable(true);
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SandboxProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(java).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process p = builder.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(out).startsWith("false none: the worker runs as the grader's user")
                .endsWith("bubblewrap cannot make its sandbox here: bwrap: No permissions to create new namespace");
    }

    /** Prints whether this JVM's sandbox is bubblewrap's, and its description. */
    static final class SandboxProbe {
        public static void main(String[] args) {
            System.out.println(Sandbox.here().confined() + " " + Sandbox.here().description());
        }
    }
}
