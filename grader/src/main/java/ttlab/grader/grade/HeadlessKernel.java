package ttlab.grader.grade;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The notebook kernel that {@code display(...)}, {@code render(...)} and friends find while a
 * submission is graded: without one they throw, and a cell such as
 * {@code display(chart); double loss = train();} would stop before defining {@code loss}, which
 * it did not do in JupyterLab. What is displayed is rendered as text and dropped: nobody sees it,
 * and drawing charts would only cost grading time.
 */
final class HeadlessKernel extends BaseKernel {

    private HeadlessKernel() {
        super("ttlab-grader", "1", new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source",
                        ".jshell", "java", "java", null),
                List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, null, false, new StringStyler.Builder().build());
    }

    /** Makes a headless kernel this JVM's notebook kernel. */
    static void install() {
        new HeadlessKernel().installNotebookKernel();
    }

    @Override
    public void display(DisplayData data) {
        // shown to nobody while grading
    }

    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("eval(...) is not available while grading");
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
}
