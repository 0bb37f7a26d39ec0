package ttlab.grader.grade;

import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import ttlab.kernel.engine.CellEngine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a cell added to the shell, found from the snippets JShell made of it: which cell a stack
 * frame belongs to, and which classes a test cell declared. For those, JShell rather than the
 * source says which it could define, and what the others are missing (a student's method that did
 * not compile, say). A class that depends on something undefined cannot run any of its tests (all
 * of its methods would throw), so it is reported as unusable with the reason instead of being run.
 */
final class AddedSnippets {

    private AddedSnippets() {
    }

    /**
     * Every snippet so far, to tell afterwards which ones a cell added. Snippets are compared as
     * objects: JShell gives a redefinition (a test class the student's copy of the tests cell
     * already declared) the id of what it replaces.
     */
    static Set<Snippet> before(CellEngine engine) {
        return engine.withShell(shell -> shell.snippets().collect(Collectors.toCollection(HashSet::new)));
    }

    /** The snippets added since {@code before}, oldest first. */
    static List<Snippet> since(CellEngine engine, Set<Snippet> before) {
        return engine.withShell(shell -> shell.snippets().filter(s -> !before.contains(s)).collect(Collectors.toList()));
    }

    /** The classes declared by snippets not in {@code before}, in the order declared. */
    static List<WorkerEvent.DeclaredClass> classesSince(CellEngine engine, Set<Snippet> before) {
        return engine.withShell(shell -> {
            List<WorkerEvent.DeclaredClass> classes = new ArrayList<>();
            shell.snippets()
                    .filter(s -> !before.contains(s) && s instanceof TypeDeclSnippet)
                    .map(s -> (TypeDeclSnippet) s)
                    .forEach(s -> describe(shell, s, classes));
            return classes;
        });
    }

    private static void describe(JShell shell, TypeDeclSnippet snippet, List<WorkerEvent.DeclaredClass> classes) {
        Snippet.Status status = shell.status(snippet);
        if (status == Snippet.Status.OVERWRITTEN || status == Snippet.Status.DROPPED) {
            return; // redefined later in the same cell: the later one counts
        }
        String name = snippet.name();
        if (status == Snippet.Status.VALID) {
            classes.add(new WorkerEvent.DeclaredClass(name, true, null, List.of()));
            return;
        }
        List<String> missing = shell.unresolvedDependencies(snippet).collect(Collectors.toList());
        String reason;
        if (!missing.isEmpty()) {
            reason = name + " cannot be used until " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " declared";
        } else {
            String errors = shell.diagnostics(snippet).filter(Diag::isError)
                    .map(d -> d.getMessage(Locale.ROOT).lines().findFirst().orElse("error"))
                    .distinct().collect(Collectors.joining("; "));
            reason = name + " does not compile against the submission" + (errors.isEmpty() ? "" : ": " + errors);
        }
        classes.add(new WorkerEvent.DeclaredClass(name, false, reason, missing));
    }
}
