package ttlab.grader.assign;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles notebook cells as the kernel does, in JShell, to prove that what assign writes
 * compiles. Runs in this JVM ("local" engine) so that it takes a fraction of a second.
 */
final class JShellCells implements AutoCloseable {

    private final JShell shell;

    JShellCells() {
        shell = JShell.builder()
                .executionEngine("local")
                .out(new PrintStream(new ByteArrayOutputStream()))
                .err(new PrintStream(new ByteArrayOutputStream()))
                .build();
        for (Class<?> api : List.of(Test.class, Assertions.class, org.opentest4j.AssertionFailedError.class,
                org.apiguardian.api.API.class)) {
            shell.addToClasspath(jarOf(api));
        }
        compile("import java.util.*;\nimport org.junit.jupiter.api.*;\nimport static org.assertj.core.api.Assertions.*;");
    }

    /** Evaluates a cell snippet by snippet; throws AssertionError with javac's messages if any fails. */
    List<SnippetEvent> compile(String cell) {
        List<SnippetEvent> events = new ArrayList<>();
        String remaining = cell;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                throw new AssertionError("incomplete code (" + info.completeness() + "):\n" + remaining);
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() != null) {
                    continue; // an update of an earlier snippet, not this one
                }
                Snippet.Status status = event.status();
                if (status != Snippet.Status.VALID && status != Snippet.Status.OVERWRITTEN) {
                    String diagnostics = shell.diagnostics(event.snippet())
                            .map(d -> d.getMessage(null))
                            .collect(Collectors.joining("\n"));
                    throw new AssertionError("snippet " + status + ":\n" + info.source() + "\n" + diagnostics
                            + unresolved(event.snippet()));
                }
                events.add(event);
            }
            remaining = info.remaining();
        }
        return events;
    }

    /** Evaluates an expression expected to throw; returns "ExceptionClass: message". */
    String thrownBy(String expression) {
        for (SnippetEvent event : compile(expression)) {
            if (event.exception() instanceof EvalException e) {
                return e.getExceptionClassName() + ": " + e.getMessage();
            }
            if (event.exception() != null) {
                return event.exception().toString();
            }
        }
        throw new AssertionError("no exception from " + expression);
    }

    /** Evaluates an expression and returns its value as JShell prints it. */
    String valueOf(String expression) {
        List<SnippetEvent> events = compile(expression);
        SnippetEvent last = events.get(events.size() - 1);
        if (last.exception() != null) {
            throw new AssertionError(expression + " threw " + last.exception());
        }
        return last.value();
    }

    private String unresolved(Snippet snippet) {
        if (snippet instanceof jdk.jshell.DeclarationSnippet d) {
            List<String> names = shell.unresolvedDependencies(d).toList();
            return names.isEmpty() ? "" : "\nunresolved: " + names;
        }
        return "";
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
