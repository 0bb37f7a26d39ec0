package ttlab.jjava;

import ttlab.kernel.NotebookEngine;

import java.util.ArrayList;
import java.util.List;

/** What a course notebook may use unqualified, as imports for a JJava kernel. */
final class CourseImports {

    /**
     * The display helpers JJava lacks, by name. JJava imports its own {@code display},
     * {@code render} and {@code updateDisplay} on demand; importing ttlab's on demand as well
     * would make every call of them ambiguous, while a single-name import shadows nothing else.
     */
    static final List<String> NOTEBOOK_HELPERS = List.of(
            "static ttlab.kernel.Notebook.html",
            "static ttlab.kernel.Notebook.markdown",
            "static ttlab.kernel.Notebook.latex",
            "static ttlab.kernel.Notebook.clearOutput");

    private CourseImports() {
    }

    static List<String> forJJava() {
        List<String> imports = new ArrayList<>(NotebookEngine.LIBRARY_IMPORTS);
        imports.addAll(NOTEBOOK_HELPERS);
        imports.addAll(NotebookEngine.GRADER_IMPORTS);
        return imports;
    }
}
