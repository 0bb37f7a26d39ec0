package ttlab.grader.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.grader.serve.HostileServiceTest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hostile-submission suites once more, with the grader itself run as an unprivileged user.
 * The build usually runs as root (CI, the images' build), and a root grader takes the sandbox's
 * root path (bubblewrap, then {@code setpriv} to user 65534); an instructor who grades as
 * themselves takes the other path (bubblewrap's own user namespace, {@code --cap-drop ALL}). This
 * test runs {@link HostileBatchTest}, {@link SandboxTest}, {@link WorkerReportTest} and the
 * service's {@link HostileServiceTest} with JUnit's console launcher as user 65534 with no
 * capabilities, so both paths are proved on every build, for {@code ./ttlab grade} and for the
 * service. When the build itself runs unprivileged, those suites already ran that way and this
 * test has nothing to add.
 */
class UnprivilegedSuitesTest {

    private static final List<Class<?>> SUITES = List.of(HostileBatchTest.class, SandboxTest.class, WorkerReportTest.class,
            HostileServiceTest.class);

    @TempDir
    Path tmp;

    @Test
    void theHostileSuitesPassWhenTheGraderIsAnUnprivilegedUser() throws Exception {
        assumeTrue(Sandbox.isRoot(), "the build runs unprivileged: the suites above ran as this user already");
        String namespaces = run(withoutPrivileges(List.of("bwrap", "--unshare-user", "--unshare-pid", "--unshare-net",
                "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "true")), 30);
        assumeTrue(namespaces.isEmpty(), "this machine lets no unprivileged user make namespaces, so an"
                + " unprivileged grader falls back (recorded in extra_data.sandbox; see SandboxTest): " + namespaces);

        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path scratch = Files.createDirectories(tmp.resolve("tmp"));
        for (Path shared : List.of(home, scratch)) {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-ea");
        command.add("-Duser.home=" + home);
        command.add("-Djava.io.tmpdir=" + scratch);
        command.add("-cp");
        command.add(readableClassPath(Files.createDirectories(tmp.resolve("classpath"))));
        command.add("org.junit.platform.console.ConsoleLauncher");
        command.addAll(List.of("execute", "--disable-banner", "--disable-ansi-colors", "--details=summary",
                "--fail-if-no-tests"));
        SUITES.forEach(s -> command.add("--select-class=" + s.getName()));

        Path log = tmp.resolve("suites.log");
        // in a folder user 65534 may enter: the build's own may be in a checkout only its owner can
        ProcessBuilder suites = new ProcessBuilder(withoutPrivileges(command)).directory(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        suites.environment().put("HOME", home.toString());
        Process p = suites.start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(ended).as("the suites ended within 15 minutes").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(count(output, "tests successful")).as(output).isPositive();
        assertThat(count(output, "tests failed")).as(output).isZero();
        assertThat(count(output, "tests aborted")).as("assumptions that did not hold as user " + Sandbox.NOBODY + ":\n" + output)
                .isZero();
        assertThat(count(output, "tests skipped")).as(output).isZero();
    }

    /**
     * This JVM's class path, with every entry user 65534 cannot read (Maven's local repository in
     * root's home, as a rule) copied into {@code folder}.
     */
    private static String readableClassPath(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> entries = new ArrayList<>();
        int copied = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(path) || readableByOthers(path)) {
                entries.add(path.toString());
            } else {
                // a jar, or a folder of classes in a checkout that others cannot enter
                Path copy = folder.resolve((copied++) + "-" + path.getFileName());
                copyReadable(path, copy);
                entries.add(copy.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Copies a file or a folder's tree, readable (and, for folders, enterable) by everyone. */
    private static void copyReadable(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    /** True when others may read {@code path} and enter every folder above it. */
    private static boolean readableByOthers(Path path) throws IOException {
        if (!Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ)) {
            return false;
        }
        for (Path folder = path.getParent(); folder != null; folder = folder.getParent()) {
            if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return !Files.isDirectory(path) || Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private static List<String> withoutPrivileges(List<String> command) {
        List<String> all = new ArrayList<>(Sandbox.BECOME_NOBODY);
        all.addAll(command);
        return all;
    }

    /** What a short command printed when it failed; empty when it succeeded. */
    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "it did not end within " + seconds + " s";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.exitValue() == 0 ? "" : "exit status " + p.exitValue() + (out.isEmpty() ? "" : ": " + out);
    }

    /** The number in a console-launcher summary line such as {@code [  12 tests successful ]}. */
    private static int count(String output, String what) {
        Matcher m = Pattern.compile("\\[\\s*(\\d+) " + Pattern.quote(what) + "\\s*]").matcher(output);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
