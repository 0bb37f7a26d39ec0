package ttlab.kernel.engine;

import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Snippets compiled here run in another process, a {@link SnippetAgent}, through JShell's own
 * execution protocol ({@link StreamingExecutionControl} here, {@code Util.forwardExecutionControl}
 * there). The other process may run hostile code, so what it answers is read defensively: each
 * answer has a byte budget ({@link AnswerBudget}), Java serialization accepts only the few
 * types the protocol carries ({@link AgentAnswerFilter}), and an answer out of protocol ends the
 * engine with a clear error instead of throwing into JShell.
 *
 * <p>Stops belong to the agent, which times its code: {@link #stop} is refused here, and a stop
 * the agent made is learnt from its answer (see {@link SnippetAgent#STOP_REASON}).
 */
final class ForwardedSnippetExecution implements SnippetExecution {

    /** The most one answer of the agent may take, in bytes. */
    static final long ANSWER_LIMIT = 4L << 20;

    private final AnswerBudget fromAgent;
    private final OutputStream toAgent;
    private AgentControl control;

    ForwardedSnippetExecution(InputStream fromAgent, OutputStream toAgent) {
        this.fromAgent = new AnswerBudget(fromAgent, ANSWER_LIMIT);
        this.toAgent = toAgent;
    }

    @Override
    public ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "ttlab-forwarded";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                try {
                    ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(toAgent));
                    out.flush(); // the stream header, which the agent's ObjectInputStream waits for
                    ObjectInputStream in = new ObjectInputStream(fromAgent);
                    in.setObjectInputFilter(new AgentAnswerFilter());
                    control = new AgentControl(out, in, fromAgent);
                    return control;
                } catch (IOException e) {
                    throw new UncheckedIOException("the snippet agent did not answer", e);
                }
            }
        };
    }

    private AgentControl control() {
        if (control == null) {
            throw new IllegalStateException("JShell has not created its execution control yet");
        }
        return control;
    }

    @Override
    public Object takeLastValue() {
        return null; // the object stays with the agent
    }

    @Override
    public String lastInvokedClass() {
        return control().lastInvokedClass;
    }

    @Override
    public void releaseStaticState(String className) {
        try {
            control().extensionCommand(SnippetAgent.RELEASE, className);
        } catch (ExecutionControl.ExecutionControlException | RuntimeException e) {
            // Releasing is a saving of memory over there, never needed for correctness.
        }
    }

    @Override
    public String askAgent(String command, String argument) {
        Object answer;
        try {
            answer = control().extensionCommand(command, argument);
        } catch (ExecutionControl.ExecutionControlException e) {
            throw new IllegalStateException("the snippet agent could not do " + command + ": " + e.getMessage(), e);
        }
        if (answer != null && !(answer instanceof String)) {
            throw new IllegalStateException("the snippet agent answered " + command + " out of protocol");
        }
        return (String) answer;
    }

    @Override
    public void stop(ExecutionStopped.Reason reason) {
        throw new UnsupportedOperationException("snippets that run in another process are stopped there");
    }

    @Override
    public ExecutionStopped.Reason stopRequested() {
        return control == null ? null : control.stopReason;
    }

    @Override
    public String endedBecause() {
        return control == null ? null : control.ended;
    }

    @Override
    public void clearStop() {
        if (control != null) {
            control.stopReason = null;
        }
    }

    @Override
    public <T> T runAsClient(Callable<T> work) {
        throw new UnsupportedOperationException("notebook code runs in the agent's process, not here");
    }

    @Override
    public ClassLoader snippetLoader() {
        throw new UnsupportedOperationException("notebook classes are loaded in the agent's process, not here");
    }

    /**
     * JShell's streaming control, with a fresh answer budget per command, the stop reason asked
     * for when the agent stopped a snippet, and protocol violations turned into the end of the
     * engine (the JDK's reader casts what it deserializes, which an agent could make fail).
     */
    private static final class AgentControl extends StreamingExecutionControl {

        private final AnswerBudget budget;
        private volatile String lastInvokedClass;
        private volatile ExecutionStopped.Reason stopReason;
        private volatile String ended;

        AgentControl(ObjectOutputStream out, ObjectInputStream in, AnswerBudget budget) {
            super(out, in);
            this.budget = budget;
        }

        @Override
        public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            this.<Void, ClassInstallException, NotImplementedException>answered(() -> {
                super.load(cbcs);
                return null;
            });
        }

        @Override
        public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            this.<Void, ClassInstallException, NotImplementedException>answered(() -> {
                super.redefine(cbcs);
                return null;
            });
        }

        @Override
        public String invoke(String className, String methodName) throws RunException, EngineTerminationException,
                InternalException {
            lastInvokedClass = className;
            try {
                return this.<String, RunException, InternalException>answered(() -> super.invoke(className, methodName));
            } catch (StoppedException e) {
                // JShell drops a StoppedException without a trace; as the exception the stopped
                // code threw, it reaches the engine, which reads the reason, as in-process.
                stopReason = askStopReason();
                throw new UserException(stopReason.message(), ExecutionStopped.class.getName(),
                        new StackTraceElement[0]);
            }
        }

        @Override
        public String varValue(String className, String varName) throws RunException, EngineTerminationException,
                InternalException {
            return this.<String, RunException, InternalException>answered(() -> super.varValue(className, varName));
        }

        @Override
        public void addToClasspath(String path) throws EngineTerminationException, InternalException {
            this.<Void, InternalException, InternalException>answered(() -> {
                super.addToClasspath(path);
                return null;
            });
        }

        @Override
        public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException,
                InternalException {
            return this.<Object, RunException, InternalException>answered(() -> super.extensionCommand(command, arg));
        }

        /** A command of JShell's protocol, whose answer the agent sends: see {@link #answered}. */
        private interface Command<T, A extends Exception, B extends Exception> {
            T send() throws A, B, EngineTerminationException;
        }

        /**
         * Sends a command with a fresh answer budget; an engine-ending answer is remembered, and
         * an answer the JDK's reader fails on (a cast, say) ends the engine too.
         */
        private <T, A extends Exception, B extends Exception> T answered(Command<T, A, B> command)
                throws A, B, EngineTerminationException {
            budget.nextAnswer();
            try {
                return command.send();
            } catch (EngineTerminationException e) {
                throw end(e);
            } catch (RuntimeException e) {
                throw end(outOfProtocol(e));
            }
        }

        /** The agent stopped a snippet: it says why; anything but a known reason counts as an interrupt. */
        private ExecutionStopped.Reason askStopReason() throws EngineTerminationException {
            try {
                Object reason = extensionCommand(SnippetAgent.STOP_REASON, null);
                for (ExecutionStopped.Reason r : ExecutionStopped.Reason.values()) {
                    if (r.name().equals(reason)) {
                        return r;
                    }
                }
            } catch (RunException | InternalException e) {
                // falls through to the plain interrupt
            }
            return ExecutionStopped.Reason.INTERRUPTED;
        }

        private EngineTerminationException end(EngineTerminationException e) {
            if (ended == null) {
                ended = e.getMessage();
            }
            return e;
        }

        private static EngineTerminationException outOfProtocol(RuntimeException e) {
            return new EngineTerminationException("the snippet agent answered out of protocol: " + e);
        }
    }
}
