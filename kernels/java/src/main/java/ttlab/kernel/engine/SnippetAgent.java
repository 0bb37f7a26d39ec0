package ttlab.kernel.engine;

import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The process side of a {@link CellEngine} built with
 * {@link CellEngine.Builder#runSnippetsElsewhere}: it loads and runs the classes that the
 * engine's JShell compiled, exactly as the kernel runs them in-process (the same
 * {@link InProcessExecutionControl}: instrumented for stops, {@link ClassChecks} at load), and
 * answers through JShell's own protocol ({@link Util#forwardExecutionControl}).
 *
 * <p>It times its code itself: its owner calls {@link #stop} (a cell timer), or an invoke limit
 * stops each snippet. A stopped snippet is answered as JShell's {@code StoppedException}, and the
 * engine asks for the reason with the {@link #STOP_REASON} extension command; code cannot forge
 * that, since the answer depends on this side's stop flag, not on what the code threw.
 *
 * <p>Create it and call {@link #serve} on the same thread: snippets run on it, with the class
 * loader the constructor makes that thread's context loader.
 */
public final class SnippetAgent {

    /** Extension command: why the last snippet was stopped (a {@link ExecutionStopped.Reason} name). */
    static final String STOP_REASON = "ttlab.stopReason";
    /** Extension command: release the static fields of a wrapper class (its name). */
    static final String RELEASE = "ttlab.release";

    /**
     * JVM options for a process that runs {@link #main}: the JVM's own warnings (an unusable
     * start-up cache, say) go to standard output by default, where they would corrupt the protocol.
     */
    public static final List<String> JVM_LOG_TO_STDERR = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

    /**
     * A command of the agent's owner that the engine's side sends besides JShell's own (as a
     * JShell extension command): a string in, a string or null out. It runs on the agent's
     * thread, between snippets.
     */
    @FunctionalInterface
    public interface Command {
        String run(String argument) throws Exception;
    }

    private final InProcessExecutionControl control = new InProcessExecutionControl();
    private final Map<String, Command> commands = new ConcurrentHashMap<>();
    private final Duration invokeLimit;
    private final ScheduledExecutorService alarms;

    /** An agent whose snippets run until its owner stops them. */
    public SnippetAgent() {
        this(Duration.ZERO);
    }

    /** An agent that stops each snippet after {@code invokeLimit} (zero: no limit). */
    public SnippetAgent(Duration invokeLimit) {
        this.invokeLimit = invokeLimit;
        this.alarms = invokeLimit.isZero() || invokeLimit.isNegative() ? null
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "ttlab-agent-alarm");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Serves one engine on these streams, on this thread, until the engine closes or the
     * streams end.
     */
    public void serve(InputStream fromEngine, OutputStream toEngine) throws IOException {
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(toEngine));
        out.flush(); // the stream header, which the engine's ObjectInputStream waits for
        ObjectInputStream in = new ObjectInputStream(fromEngine);
        Util.forwardExecutionControl(new Forwarder(fromEngine), in, out);
    }

    /**
     * Serves one engine over two named pipes that the caller made: commands come from
     * {@code fromEngine}, answers go to {@code toEngine}. The engine's side opens
     * {@code fromEngine} for writing first, then {@code toEngine} for reading; this side opens them
     * in the same order, since opening a named pipe waits for its other end.
     */
    public void serve(java.nio.file.Path fromEngine, java.nio.file.Path toEngine) throws IOException {
        InputStream in = new FileInputStream(fromEngine.toFile());
        OutputStream out = new FileOutputStream(toEngine.toFile());
        serve(in, out);
    }

    /**
     * Answers {@code name} from now on ({@link CellEngine#askAgent} on the engine's side);
     * the names of the agent's own commands are taken.
     */
    public SnippetAgent command(String name, Command command) {
        if (name.equals(STOP_REASON) || name.equals(RELEASE)) {
            throw new IllegalArgumentException(name + " is the agent's own command");
        }
        commands.put(name, command);
        return this;
    }

    /** Stops the running snippet, and any the engine asks for until {@link #clearStop}. */
    public void stop(ExecutionStopped.Reason reason) {
        control.stop(reason);
    }

    /** Lowers the stop: the next snippet may run. */
    public void clearStop() {
        StopSignal.clear();
    }

    /**
     * Runs the snippets' code that is not a snippet (a test class's tests, in an owner command) as
     * the agent runs a snippet, so that {@link #stop} also wakes it from {@code sleep()} or
     * {@code wait()}. Call it on the agent's thread.
     */
    public <T> T runAsCode(java.util.concurrent.Callable<T> work) throws Exception {
        return control.runAsClient(work);
    }

    /** The value of the last snippet as an object (JShell's engine got only a short description). */
    public Object takeLastValue() {
        return control.takeLastValue();
    }

    /** The class loader of the snippets and of the jars added to their class path. */
    public ClassLoader snippetLoader() {
        return control.snippetLoader();
    }

    /**
     * Serves one engine and ends when the engine closes. {@code --channel IN OUT}: commands come
     * from the file IN and answers go to the file OUT, named pipes the caller made (open IN for
     * writing first, then OUT for reading), and standard output stays the snippets'. Without it,
     * the protocol takes standard input and output and the snippets' prints go to standard error;
     * start the JVM with {@link #JVM_LOG_TO_STDERR} then. {@code --invoke-limit-ms N} stops each
     * snippet after N ms.
     */
    public static void main(String[] args) throws IOException {
        Duration limit = Duration.ZERO;
        String in = null;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--invoke-limit-ms") && i + 1 < args.length) {
                limit = Duration.ofMillis(Long.parseLong(args[++i]));
            } else if (args[i].equals("--channel") && i + 2 < args.length) {
                in = args[++i];
                out = args[++i];
            } else {
                throw new IllegalArgumentException("usage: SnippetAgent [--invoke-limit-ms N] [--channel IN OUT]");
            }
        }
        SnippetAgent agent = new SnippetAgent(limit);
        if (in != null) {
            agent.serve(java.nio.file.Path.of(in), java.nio.file.Path.of(out));
        } else {
            OutputStream protocol = new FileOutputStream(FileDescriptor.out);
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
            agent.serve(System.in, protocol);
        }
        // halt, not a return: threads the code left running must not keep this process alive.
        Runtime.getRuntime().halt(0);
    }

    /** What the engine's commands do here. */
    private final class Forwarder implements ExecutionControl {

        private final InputStream fromEngine;

        Forwarder(InputStream fromEngine) {
            this.fromEngine = fromEngine;
        }

        @Override
        public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            control.load(cbcs);
        }

        @Override
        public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            control.redefine(cbcs);
        }

        @Override
        public String invoke(String className, String methodName) throws RunException, InternalException,
                EngineTerminationException {
            ScheduledFuture<?> alarm = null;
            if (alarms != null) {
                clearStop();
                alarm = alarms.schedule(() -> SnippetAgent.this.stop(ExecutionStopped.Reason.TIMED_OUT),
                        invokeLimit.toMillis(), TimeUnit.MILLISECONDS);
            }
            try {
                if (StopSignal.requested() != null) {
                    throw new StoppedException();
                }
                return control.invoke(className, methodName);
            } catch (UserException | ResolutionException e) {
                if (StopSignal.requested() != null) {
                    throw new StoppedException(); // whatever the code threw once stopped is the stop
                }
                throw e;
            } finally {
                if (alarm != null) {
                    alarm.cancel(false);
                }
            }
        }

        @Override
        public String varValue(String className, String varName) throws RunException, EngineTerminationException,
                InternalException {
            return control.varValue(className, varName);
        }

        @Override
        public void addToClasspath(String path) throws EngineTerminationException, InternalException {
            control.addToClasspath(path);
        }

        @Override
        public void stop() {
            control.stop();
        }

        @Override
        public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException,
                InternalException {
            if (STOP_REASON.equals(command)) {
                ExecutionStopped.Reason reason = StopSignal.requested();
                return reason == null ? null : reason.name();
            }
            if (RELEASE.equals(command) && arg instanceof String className) {
                control.releaseStaticState(className);
                return null;
            }
            Command owners = commands.get(command);
            if (owners == null || !(arg == null || arg instanceof String)) {
                throw new NotImplementedException("no such command: " + command);
            }
            try {
                return owners.run((String) arg);
            } catch (Exception | Error e) {
                throw new InternalException(command + " failed: " + e);
            }
        }

        @Override
        public void close() {
            control.close();
            if (alarms != null) {
                alarms.shutdownNow();
            }
            try {
                // JDK 17's command loop goes on reading after a close (JShell kills its agents);
                // a closed input ends it here on every JDK.
                fromEngine.close();
            } catch (IOException e) {
                // the loop ends on the next read all the same
            }
        }
    }
}
