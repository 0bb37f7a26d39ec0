package ttlab.kernel.exercise;

import ttlab.kernel.engine.CellError;
import ttlab.kernel.engine.CellResult;
import ttlab.kernel.engine.CompileDiagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Explains the most common first error in an exercise notebook: {@code check(DotTests.class)}
 * run before the tests cell that declares {@code DotTests}. The compiler only says "cannot find
 * symbol"; this says which cell to run, naming the exercise when the saved notebook tells which
 * tests cell declares the class. It applies to any class given to {@code check(...)} as
 * {@code Name.class}, whatever the exercise.
 */
public final class TestsCellNotRun {

    /** javac's message (in the root locale) for a name that is declared nowhere the snippet can see. */
    private static final String CANNOT_FIND_SYMBOL = "cannot find symbol";
    private static final Pattern CHECK_CALL = Pattern.compile("\\bcheck\\s*\\(");

    private final Supplier<Optional<SavedNotebook>> notebook;

    /** {@code notebook} is read only when a cell needs the explanation. */
    public TestsCellNotRun(Supplier<Optional<SavedNotebook>> notebook) {
        this.notebook = notebook;
    }

    /** The result unchanged, or, for a check of a test class not declared yet, the same error led by what to do. */
    public CellResult explain(String cell, CellResult result) {
        if (result.status() != CellResult.Status.COMPILE_ERROR || !CHECK_CALL.matcher(cell).find()) {
            return result;
        }
        CellError error = result.error().orElseThrow();
        List<String> advice = new ArrayList<>();
        Optional<SavedNotebook> saved = null; // read once, and only if a diagnostic needs it
        for (CompileDiagnostic d : error.diagnostics()) {
            String name = underlined(d);
            if (d.message().startsWith(CANNOT_FIND_SYMBOL) && isClassLiteral(cell, name)) {
                saved = saved == null ? notebook.get() : saved;
                String line = adviceFor(name, saved);
                if (!advice.contains(line)) {
                    advice.add(line);
                }
            }
        }
        if (advice.isEmpty()) {
            return result;
        }
        List<String> traceback = new ArrayList<>(advice);
        traceback.addAll(error.traceback());
        return CellResult.failure(result.status(),
                new CellError(error.name(), String.join(" ", advice), traceback, error.diagnostics()), result.notes());
    }

    private static String adviceFor(String testClass, Optional<SavedNotebook> saved) {
        Optional<SavedNotebook.SavedCell> declaring = saved.flatMap(n -> n.testsCellDeclaring(testClass));
        if (declaring.isPresent()) {
            SavedNotebook.SavedCell tests = declaring.get();
            String exercise = tests.exercise().isEmpty() ? "" : " of exercise " + tests.exercise();
            return testClass + " is declared in the tests cell" + exercise + " (cell " + tests.number()
                    + "), which has not run yet: run the tests cell above first, then check(...) again.";
        }
        return testClass + " is not declared yet: run the tests cell above that declares it (class " + testClass
                + ") first, then check(...) again.";
    }

    private static String underlined(CompileDiagnostic d) {
        int from = Math.max(0, d.spanStart() - 1);
        int to = Math.min(d.sourceLine().length(), d.spanEnd() - 1);
        return from < to ? d.sourceLine().substring(from, to).strip() : "";
    }

    private static boolean isClassLiteral(String cell, String name) {
        return name.matches("[A-Za-z_$][\\w$]*")
                && Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\.\\s*class\\b").matcher(cell).find();
    }
}
