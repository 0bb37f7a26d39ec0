package ttlab.jjava;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The helpers JJava imports on demand into every notebook (its {@code BaseNotebookStatics}),
 * with the same names and parameters, so that a test sees whether the course's imports make
 * any call of them ambiguous.
 */
public final class JJavaStatics {

    private JJavaStatics() {
    }

    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    public static DisplayData render(Object o) {
        return BaseKernel.notebookKernel().getRenderer().render(o);
    }

    public static DisplayData render(Object o, String... as) {
        return BaseKernel.notebookKernel().getRenderer().renderAs(o, as);
    }

    public static String display(Object o) {
        BaseKernel.notebookKernel().display(render(o));
        return "";
    }

    public static String display(Object o, String... as) {
        BaseKernel.notebookKernel().display(render(o, as));
        return "";
    }

    public static void updateDisplay(String id, Object o) {
        display(o);
    }
}
