package ttlab.grader.grade;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where a grading process (a {@link GradingHost}, a {@link GradingAgent}) runs: with bubblewrap ({@code bwrap}, Debian's package of the same
 * name) in a sandbox of its own, or, on a machine where bubblewrap is missing or cannot create
 * namespaces (a container that forbids them), as a plain child process cut off the network where
 * {@code unshare --net} works. Which of the two is probed once and stated in every result.
 *
 * <p>The sandbox: new mount, PID, network, IPC, UTS and cgroup namespaces (and a user namespace
 * when the grader is not root); the worker runs as user 65534 (nobody) with no capabilities, in a
 * new session, and dies with its parent. Its file system is empty but for read-only views of the
 * system's libraries ({@code /usr}, {@code /lib}), the JDK, the class path's jars and folders and
 * the start-up cache, a private {@code /proc}, a minimal {@code /dev}, a private {@code /tmp} of
 * {@link #SCRATCH_BYTES} for its scratch directory, and the files it writes (an agent: its report and
 * named pipes; a host: its slot's folder, where those are made). It does not see the
 * masters, the submissions, the output folder, the service's data or roster, the grader's
 * environment or any other process. {@code prlimit} bounds the processes, the data segment
 * (native memory included) and the size of a file it writes.
 *
 * <p>Both ways, the worker's environment is built from nothing (an allowlist, not a list of
 * secrets to remove), and the parent kills the worker's whole process tree when it ends.
 */
final class Sandbox {

    /** The size of the private {@code /tmp} that holds the worker's scratch directory. */
    static final long SCRATCH_BYTES = 64L << 20;
    /** The largest file the worker may write (its report is read up to {@link WorkerReport#MAX_BYTES}). */
    static final long MAX_FILE_BYTES = 64L << 20;
    /** Processes and threads of the sandbox's user at most; the thread watchdog acts far below it. */
    static final int MAX_PROCESSES = 4096;
    /** Native memory beyond the heap that the data-segment limit allows (code, metaspace, stacks, malloc). */
    static final long NATIVE_BYTES = 1536L << 20;
    static final int NOBODY = 65534;

    /** The command prefix that runs what follows as user {@link #NOBODY} with every capability dropped (as root). */
    static final List<String> BECOME_NOBODY = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
            "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--");

    private static Sandbox here;

    private final Path bwrap;
    private final boolean root;
    private final String description;
    private final List<String> networkPrefix;

    private Sandbox(Path bwrap, boolean root, String description, List<String> networkPrefix) {
        this.bwrap = bwrap;
        this.root = root;
        this.description = description;
        this.networkPrefix = networkPrefix;
    }

    /** This machine's sandbox, probed on first use. */
    static synchronized Sandbox here() {
        if (here == null) {
            here = probe();
        }
        return here;
    }

    /** True when workers run in bubblewrap's sandbox; false in the fallback. */
    boolean confined() {
        return bwrap != null;
    }

    /** True when workers have no network (always in the sandbox; in the fallback where unshare works). */
    boolean networkIsolated() {
        return confined() || !networkPrefix.isEmpty();
    }

    /** What confines the workers, in words, for results.json and the feedback. */
    String description() {
        return description;
    }

    /**
     * Where the worker's scratch directory is, as the worker sees it: in the sandbox, inside its
     * private {@code /tmp} (whose size is bounded), else {@code hostScratch} itself.
     */
    Path scratch(Path hostScratch) {
        return confined() ? Path.of("/tmp/scratch") : hostScratch;
    }

    /**
     * The command that runs {@code java} (its arguments included) for one grading process.
     *
     * @param readOnly files and folders it reads (the JDK, jars, caches); missing ones are skipped
     * @param scratch  its working and temporary directory, as {@link #scratch} gives it
     * @param writable the files and folders outside its scratch directory that it writes (its
     *                 report, the named pipes to the other side)
     */
    List<String> command(List<String> java, List<Path> readOnly, Path scratch, List<Path> writable, long heapBytes) {
        List<String> c = new ArrayList<>();
        if (!confined()) {
            c.addAll(networkPrefix);
            c.addAll(java);
            return c;
        }
        c.add(bwrap.toString());
        c.addAll(namespaces(root));
        c.addAll(List.of("--die-with-parent", "--new-session", "--proc", "/proc", "--dev", "/dev"));
        c.addAll(List.of("--size", Long.toString(SCRATCH_BYTES), "--perms", "1777", "--tmpfs", "/tmp"));
        List<Path> binds = new ArrayList<>(systemPaths());
        readOnly.stream().filter(Files::exists).forEach(binds::add);
        c.addAll(parentFolders(binds, writable));
        for (Path p : binds) {
            c.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        c.addAll(List.of("--perms", "0777", "--dir", scratch.toString()));
        for (Path p : writable) {
            c.addAll(List.of("--bind", p.toString(), p.toString()));
        }
        c.addAll(List.of("--chdir", scratch.toString()));
        if (root) {
            // Root's own user, even without capabilities, owns the files of the machine: the worker
            // becomes nobody for real, and setpriv drops every capability on the way.
            c.addAll(BECOME_NOBODY);
        }
        c.addAll(List.of("prlimit", "--nproc=" + MAX_PROCESSES, "--fsize=" + MAX_FILE_BYTES, "--core=0",
                "--data=" + (heapBytes + NATIVE_BYTES), "--"));
        c.addAll(java);
        return c;
    }

    /**
     * The folders above the bound paths, made readable first: bubblewrap would make them as
     * {@code 0700} folders of root, which the worker, as nobody, could not enter.
     */
    private static List<String> parentFolders(List<Path> binds, List<Path> writable) {
        Set<Path> folders = new java.util.TreeSet<>();
        List<Path> all = new ArrayList<>(binds);
        all.addAll(writable);
        for (Path p : all) {
            for (Path parent = p.getParent(); parent != null && parent.getParent() != null; parent = parent.getParent()) {
                if (!parent.equals(Path.of("/tmp"))) {
                    folders.add(parent);
                }
            }
        }
        folders.removeAll(all);
        List<String> args = new ArrayList<>();
        for (Path f : folders) { // sorted: a folder before the folders in it
            args.addAll(List.of("--perms", "0755", "--dir", f.toString()));
        }
        return args;
    }

    /**
     * The worker's environment, from nothing: what the JVM and the kernel's settings need, and
     * {@link WorkerProcess#GRADING_VARIABLE}. The kernel's settings ({@code TTLAB_CLASSPATH}...)
     * pass unless their names look like secrets.
     */
    static Map<String, String> environment(Map<String, String> parent, Path scratch) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", scratch.toString());
        env.put("TMPDIR", scratch.toString());
        env.put("MALLOC_ARENA_MAX", "2"); // fewer malloc arenas: native memory stays under the data limit
        for (Map.Entry<String, String> e : parent.entrySet()) {
            String name = e.getKey().toUpperCase(Locale.ROOT);
            boolean kernelSetting = name.startsWith("TTLAB_") || name.startsWith("JJAVA_") || name.startsWith("IJAVA_");
            if (kernelSetting && !WorkerProcess.isSecret(name)) {
                env.put(e.getKey(), e.getValue());
            }
        }
        env.put(WorkerProcess.GRADING_VARIABLE, "1");
        return env;
    }

    /** Paths named by the kernel's settings in {@code env} (extra class path, start-up scripts). */
    static List<Path> settingsPaths(Map<String, String> env) {
        List<Path> paths = new ArrayList<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().endsWith("_CLASSPATH") || e.getKey().endsWith("_STARTUP_SCRIPTS_PATH")) {
                for (String part : e.getValue().split(File.pathSeparator)) {
                    if (!part.isBlank()) {
                        String path = part.endsWith("/*") ? part.substring(0, part.length() - 2) : part;
                        paths.add(Path.of(path).toAbsolutePath().normalize());
                    }
                }
            }
        }
        return paths;
    }

    private static List<String> namespaces(boolean root) {
        List<String> ns = new ArrayList<>(List.of("--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                "--unshare-cgroup-try"));
        if (!root) {
            ns.addAll(List.of("--unshare-user", "--uid", Integer.toString(NOBODY), "--gid", Integer.toString(NOBODY),
                    "--cap-drop", "ALL"));
        }
        return ns;
    }

    /** The system's libraries and the few files of /etc the JVM reads; never /etc as a whole. */
    private static List<Path> systemPaths() {
        Set<Path> paths = new LinkedHashSet<>();
        for (String p : List.of("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc/ld.so.cache",
                "/etc/localtime", "/etc/fonts", "/etc/alternatives")) {
            Path path = Path.of(p);
            if (Files.exists(path)) {
                paths.add(path);
            }
        }
        // Debian's JDKs keep their configuration (java.security...) in /etc/java-NN-openjdk
        try (Stream<Path> etc = Files.list(Path.of("/etc"))) {
            etc.filter(p -> p.getFileName().toString().startsWith("java-")).sorted().forEach(paths::add);
        } catch (IOException e) {
            // no /etc to list: nothing more to bind
        }
        return new ArrayList<>(paths);
    }

    private static Sandbox probe() {
        List<String> network = NetworkIsolation.prefix();
        String fallback = network.isEmpty()
                ? "none: the worker runs as the grader's user, with network"
                : "none: the worker runs as the grader's user, without network (unshare --net)";
        Path bwrap = onPath("bwrap");
        if (bwrap == null) {
            return new Sandbox(null, false, fallback + "; bubblewrap (bwrap) is not installed", network);
        }
        boolean root = isRoot();
        List<String> probe = new ArrayList<>(List.of(bwrap.toString()));
        probe.addAll(namespaces(root));
        probe.addAll(List.of("--die-with-parent", "--proc", "/proc", "--dev", "/dev"));
        for (Path p : systemPaths()) {
            probe.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        if (root) {
            probe.addAll(BECOME_NOBODY);
        }
        probe.addAll(List.of("prlimit", "--nproc=" + MAX_PROCESSES, "--", "true"));
        String why = run(probe);
        if (why != null) {
            return new Sandbox(null, false, fallback + "; bubblewrap cannot make its sandbox here: " + why, network);
        }
        return new Sandbox(bwrap, root, "bubblewrap: user " + NOBODY + ", no capabilities, own "
                + (root ? "" : "user, ") + "mount, PID, network, IPC and UTS namespaces, read-only JDK and jars,"
                + " private /tmp", List.of());
    }

    /** Runs a probe; null when it worked, else the first line it printed (or its exit status). */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "it did not answer within 20 s";
            }
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() == 0) {
                return null;
            }
            String first = printed.lines().findFirst().orElse("");
            return first.isEmpty() ? "exit status " + p.exitValue() : first;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
