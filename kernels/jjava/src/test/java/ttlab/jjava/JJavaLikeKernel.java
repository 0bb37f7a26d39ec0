package ttlab.jjava;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stands in for JJava's kernel, which is not published on Maven Central: a {@link BaseKernel}
 * with extensions enabled that evaluates cells in an in-process JShell, as JJava does, and
 * starts the way JJava's launcher does ({@code onStartup()}, which installs the extensions
 * found on its class path). It keeps what the notebook displays.
 */
final class JJavaLikeKernel extends BaseKernel {

    private final JShell shell;
    final List<DisplayData> displayed = new ArrayList<>();

    JJavaLikeKernel() {
        super("JJava-like", "test", new LanguageInfo.Builder("java").build(), List.of(), null,
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null, true,
                new StringStyler.Builder().build());
        shell = JShell.builder().executionEngine("local").build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
    }

    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }

    /** Evaluates every snippet of {@code source}; returns the last value as JShell prints it. */
    @Override
    public Object evalRaw(String source) {
        String value = null;
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE
                    && info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI) {
                throw new IllegalArgumentException("incomplete: " + remaining);
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new IllegalArgumentException(shell.diagnostics(event.snippet())
                            .map(d -> d.getMessage(null)).collect(Collectors.joining("; ")) + ": " + info.source());
                }
                if (event.exception() != null) {
                    throw new IllegalStateException(event.exception());
                }
                value = event.value();
            }
            remaining = info.remaining();
        }
        return value;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_MAYBE;
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        shell.close();
    }
}
