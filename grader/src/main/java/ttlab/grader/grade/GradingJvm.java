package ttlab.grader.grade;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM of a grading process (a {@link GradingHost} or a {@link GradingAgent}): this JVM's
 * Java, class path and kernel options, the heap cap and the other options that carry the limits
 * a process cannot enforce on itself, and what it must be able to read in a sandbox.
 */
final class GradingJvm {

    /** Options of this JVM (started as the kernel is, by ./ttlab) that grading processes take over. */
    private static final List<String> KERNEL_OPTIONS = List.of(
            // the kernel's start-up cache: grading processes start JShell and JUnit as the kernel
            // does, so the same AppCDS archive or AOT cache saves each a second or so
            "-XX:SharedArchiveFile=", "-XX:AOTCache=",
            // what the course allows its libraries on newer JDKs; without them the JDK would print
            // warnings into the submission's output that the kernel never showed
            "--enable-native-access", "--sun-misc-unsafe-memory-access", "--illegal-native-access",
            "--add-opens", "--add-exports");

    private GradingJvm() {
    }

    /**
     * {@code java ... main args} with a heap of {@code heapBytes} at most, and {@code scratch} (as
     * the process sees it) as its temporary directory.
     */
    static List<String> command(GradeOptions options, long heapBytes, Path scratch, Class<?> main, List<String> args) {
        List<String> java = new ArrayList<>();
        java.add(javaHome().resolve("bin").resolve("java").toString());
        java.add("-Xmx" + heapBytes);
        java.add("-XX:MaxMetaspaceSize=256m");
        java.add("-XX:CompressedClassSpaceSize=128m");
        java.add("-XX:+UseSerialGC");
        if (options.quickJit()) {
            java.add("-XX:TieredStopAtLevel=1");
        }
        java.add("-XX:-UsePerfData");
        java.add("-ea");
        java.add("-Djava.awt.headless=true");
        java.add("-Dfile.encoding=UTF-8");
        java.add("-Duser.language=en");
        java.add("-Duser.country=US");
        java.add("-Duser.timezone=UTC");
        java.add("-Djava.io.tmpdir=" + scratch);
        java.addAll(kernelOptions());
        java.add(SourceIndexing.OPEN_JSHELL);
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add(main.getName());
        java.addAll(args);
        return java;
    }

    /**
     * The start of a grading process: {@code command} (from {@link Sandbox#command}) in
     * {@code hostScratch}, the folder the parent made for it, with the environment the sandbox
     * allows and nothing else of this process's.
     */
    static ProcessBuilder builder(List<String> command, Path hostScratch) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(hostScratch.toFile());
        builder.environment().clear();
        builder.environment().putAll(Sandbox.environment(System.getenv(), Sandbox.here().scratch(hostScratch)));
        return builder;
    }

    /** What a grading process reads: the JDK, the class path, the start-up cache, the kernel settings' paths. */
    static List<Path> readOnly() {
        List<Path> readOnly = new ArrayList<>();
        readOnly.add(javaHome());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                readOnly.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        for (String option : kernelOptions()) {
            int eq = option.indexOf('=');
            if (option.startsWith("-XX:") && eq > 0) { // the start-up cache's file
                readOnly.add(Path.of(option.substring(eq + 1)).toAbsolutePath().normalize());
            }
        }
        readOnly.addAll(Sandbox.settingsPaths(System.getenv()));
        return readOnly;
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static List<String> kernelOptions() {
        List<String> options = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (KERNEL_OPTIONS.stream().anyMatch(arg::startsWith)) {
                options.add(arg);
            }
        }
        return options;
    }
}
