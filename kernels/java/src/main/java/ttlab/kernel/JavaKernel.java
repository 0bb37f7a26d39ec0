package ttlab.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import ttlab.kernel.assist.CodeCompleter;
import ttlab.kernel.assist.CodeInspector;
import ttlab.kernel.assist.CompletenessChecker;
import ttlab.kernel.assist.Completion;
import ttlab.kernel.display.CourseRenderers;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellError;
import ttlab.kernel.engine.CellResult;
import ttlab.kernel.engine.ExecutionStopped;
import ttlab.kernel.exercise.SavedNotebook;
import ttlab.kernel.exercise.TestsCellNotRun;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Jupyter kernel: Jupyter's messages in, the shared {@link ttlab.kernel.engine.CellEngine}
 * underneath. Cells run in this JVM; results are rendered richly; errors name the student's
 * cell and line.
 */
public final class JavaKernel extends BaseKernel {

    private final KernelIO kernelIO;
    private final SessionHistory history;
    private final CompletableFuture<KernelSession> session;
    private final TestsCellNotRun testsCellNotRun = new TestsCellNotRun(SavedNotebook::ofThisKernel);

    JavaKernel(KernelIO io, CompletableFuture<KernelSession> session) {
        this(io, new SessionHistory(), session);
    }

    private JavaKernel(KernelIO io, SessionHistory history, CompletableFuture<KernelSession> session) {
        super("ttlab", KernelVersion.get(), languageInfo(), helpLinks(), history, io, new CommManager(),
                renderer(), null, null, false, errorStyler());
        this.kernelIO = io;
        this.history = history;
        this.session = session;
        session.thenAccept(s -> s.runner().onClasspathAdded(this::installExtensionsFrom));
    }

    /**
     * A jar added by %jars, %classpath or %maven may carry a JJava extension (a
     * {@code META-INF/services/org.dflib.jjava.jupyter.Extension} entry): it is installed, as
     * JJava does, once per extension class.
     */
    private void installExtensionsFrom(List<String> entries) {
        try {
            installExtensions(String.join(java.io.File.pathSeparator, entries));
        } catch (RuntimeException | java.util.ServiceConfigurationError | LinkageError e) {
            System.err.println("An extension in the added jars could not be installed: " + e);
        }
    }

    /** Extensions load through the notebook's own loader, so that they see the notebook's classes. */
    @Override
    protected ClassLoader getClassLoader() {
        return session().engine().notebookClassLoader();
    }

    private static Renderer renderer() {
        Renderer renderer = new Renderer();
        CourseRenderers.registerAll(renderer);
        return renderer;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    private static List<HelpLink> helpLinks() {
        return List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/"));
    }

    private static StringStyler errorStyler() {
        return new StringStyler.Builder()
                .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                .addSecondaryStyle(TextColor.BOLD_RED_FG)
                .addHighlightStyle(TextColor.BOLD_RESET_FG)
                .build();
    }

    private KernelSession session() {
        return session.join();
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        // A silent request (a frontend's own probe) is neither counted, echoed nor remembered.
        boolean silent = request.isSilent();
        int count = silent ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        if (!silent && request.shouldStoreHistory()) {
            history.record(count, request.getCode());
        }
        replaceOutputStreams(env);
        kernelIO.attach(env, request.isStdinEnabled());
        env.defer(() -> kernelIO.detach(env));

        CellResult result = execute(request.getCode(), "In[" + count + "]");
        if (result.succeeded() && result.hasValue() && !silent) {
            result = publishValue(env, count, result);
        }
        System.out.flush();
        System.err.flush();
        if (result.succeeded()) {
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } else {
            CellError error = result.error().orElseThrow();
            List<String> traceback = styled(error);
            env.publish(new PublishError(error.name(), error.message(), traceback));
            ErrorReply reply = new ErrorReply(error.name(), error.message(), traceback);
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    private CellResult execute(String code, String label) {
        try {
            KernelSession s = session();
            s.takeStartupWarnings().forEach(System.err::println);
            CellResult result = testsCellNotRun.explain(code, s.runner().run(code, label));
            result.notes().forEach(System.err::println);
            return result;
        } catch (RuntimeException e) {
            return internalError(e);
        }
    }

    /** Renders the value on the cell thread: a student's toString() may loop, and must be stoppable. */
    private CellResult publishValue(ShellReplyEnvironment env, int count, CellResult result) {
        try {
            DisplayData data = session().engine().runStoppable(() -> Notebook.render(result.value()));
            env.publish(new PublishExecuteResult(count, data));
            Object text = data.getData(MIMEType.TEXT_PLAIN);
            if (text != null) {
                history.recordOutput(count, text.toString());
            }
            return result;
        } catch (ExecutionStopped stopped) {
            String text = stopped.reason().message() + " while showing the result";
            return CellResult.failure(CellResult.Status.INTERRUPTED,
                    new CellError(CellError.INTERRUPTED, text, List.of(text), List.of()), List.of());
        } catch (RuntimeException e) {
            String text = "Showing the result failed: " + e;
            return CellResult.failure(CellResult.Status.RUNTIME_ERROR,
                    new CellError(e.getClass().getName(), text, List.of(text), List.of()), List.of());
        }
    }

    private static CellResult internalError(RuntimeException e) {
        String text = "The kernel failed to run this cell: " + e;
        return CellResult.failure(CellResult.Status.RUNTIME_ERROR,
                new CellError("KernelError", text, List.of(text), List.of()), List.of());
    }

    /** The first line in bold red, the rest plain: what Jupyter frontends show for an error. */
    private List<String> styled(CellError error) {
        List<String> lines = new ArrayList<>(error.traceback());
        if (!lines.isEmpty()) {
            lines.set(0, errorStyler.secondary(lines.get(0)));
        }
        return lines;
    }

    /** Used by {@code eval(...)} from notebook code: runs code, returns its value or throws. */
    @Override
    public Object evalRaw(String source) {
        CellResult result = session().runner().run(source, "eval");
        if (!result.succeeded()) {
            CellError error = result.error().orElseThrow();
            throw new IllegalStateException(error.name() + ": " + error.message());
        }
        return result.hasValue() ? result.value() : null;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return session().engine().withShell(shell ->
                new CodeInspector(shell).inspect(code, at, extraDetail)
                        .map(i -> {
                            DisplayData data = new DisplayData();
                            i.mimeBundle().forEach(data::putData);
                            return data;
                        })
                        .orElse(null));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Completion completion = session().engine().withShell(shell ->
                new CodeCompleter(shell.sourceCodeAnalysis(), CellRunner.LINE_MAGICS, CellRunner.CELL_MAGICS)
                        .complete(code, at));
        return new ReplacementOptions(completion.replacements(), completion.start(), completion.end());
    }

    @Override
    public String isComplete(String code) {
        return session().engine().withShell(shell ->
                new CompletenessChecker(shell.sourceCodeAnalysis()).isComplete(code));
    }

    CellEngine engine() {
        return session().engine();
    }

    void clearOutput(boolean wait) {
        kernelIO.clearOutput(wait);
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfoRequest);
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer().reply(new Replies.Interrupt());
        interrupt();
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        List<HistoryEntry> entries;
        switch (request.getAccessType()) {
            case TAIL:
                entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
                break;
            case RANGE:
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
                break;
            default:
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        }
        env.reply(Replies.History.replyTo(message, entries));
    }

    private void handleCommInfoRequest(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String target = message.getContent().getTargetName();
        Map<String, CommInfoReply.CommInfo> comms = new LinkedHashMap<>();
        commManager.forEach(comm -> {
            if (target == null || target.equals(comm.getTargetName())) {
                comms.put(comm.getID(), new CommInfoReply.CommInfo(comm.getTargetName()));
            }
        });
        env.reply(new Replies.CommInfo(comms));
    }

    @Override
    public void interrupt() {
        if (session.isDone() && !session.isCompletedExceptionally()) {
            session().engine().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interrupt();
        try {
            session.get(2, TimeUnit.SECONDS).engine().close();
        } catch (Exception e) {
            // Shutting down regardless: the process exits right after.
        }
        super.onShutdown(isRestarting);
    }
}
