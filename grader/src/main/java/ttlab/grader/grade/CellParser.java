package ttlab.grader.grade;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import ttlab.kernel.engine.CellSplitter;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a notebook cell into syntax trees without compiling or running it. A cell is not a Java
 * file: it mixes imports, methods, classes and statements, as JShell allows. So the cell is first
 * cut into snippets exactly as the engine cuts it ({@link CellSplitter} with JShell's source
 * analysis), then each snippet is parsed by javac inside a wrapper that makes it legal Java: as a
 * class member when it parses as one, else as statements of a method body. javac's parser recovers
 * from errors, so a cell that does not compile still yields the declarations it was meant to make.
 *
 * <p>Instances are not thread-safe: use one per thread ({@link #forThisThread()}).
 */
final class CellParser {

    /** The wrapper class's name, which never appears in what callers see. */
    static final String WRAPPER = "$Cell";
    private static final String MEMBER_PREFIX = "class " + WRAPPER + " {\n";
    private static final String STATEMENT_PREFIX = "class " + WRAPPER + " { void $run() throws Throwable {\n";
    private static final ThreadLocal<CellParser> PER_THREAD = ThreadLocal.withInitial(CellParser::new);

    /**
     * One snippet of a cell, parsed.
     *
     * @param wrapper    the wrapper class: its members are the snippet's declarations, or a single
     *                   method whose body holds its statements
     * @param statements true when the snippet is statements (wrapped in a method body)
     * @param imports    true when the snippet is an import (then {@code wrapper} is null)
     */
    record Snippet(CompilationUnitTree unit, ClassTree wrapper, boolean statements, boolean imports,
                   Trees trees, int cellOffset, int prefixLength, boolean hasErrors) {

        /** The 1-based line in the cell where a tree of this snippet starts. */
        int cellLine(Tree tree, String cell) {
            return CellSplitter.lineOf(cell, cellOffset(tree));
        }

        /** The offset in the cell where a tree of this snippet starts. */
        int cellOffset(Tree tree) {
            SourcePositions positions = trees.getSourcePositions();
            long start = positions.getStartPosition(unit, tree);
            return cellOffset + (int) Math.max(0, start - prefixLength);
        }
    }

    private final JShell analysisShell;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files = emptyPaths(javac.getStandardFileManager(null, null, null));

    private CellParser() {
        // Only JShell's source analysis is used: nothing is evaluated in this shell.
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        analysisShell = JShell.builder().executionEngine("local").out(quiet).err(quiet).build();
        SourceIndexing.suspend(analysisShell);
    }

    /**
     * A file manager that looks at no jar: parsing needs none, and with the default class path
     * javac would open every jar on it for each parse, looking for compiler plugins.
     */
    private static StandardJavaFileManager emptyPaths(StandardJavaFileManager files) {
        try {
            files.setLocation(StandardLocation.CLASS_PATH, List.of());
            files.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
            return files;
        } catch (IOException e) {
            throw new IllegalStateException("javac's file manager refused an empty path", e);
        }
    }

    static CellParser forThisThread() {
        return PER_THREAD.get();
    }

    /** The cell's snippets, parsed, in order. */
    List<Snippet> parse(String cell) {
        SourceCodeAnalysis analysis = analysisShell.sourceCodeAnalysis();
        List<Snippet> snippets = new ArrayList<>();
        for (CellSplitter.Piece piece : CellSplitter.split(analysis, cell)) {
            snippets.add(parsePiece(piece.source(), piece.start()));
        }
        return snippets;
    }

    private Snippet parsePiece(String source, int offset) {
        if (source.startsWith("import ") || source.startsWith("import\t") || source.startsWith("import\n")) {
            Parsed parsed = parseSource(source);
            return new Snippet(parsed.unit, null, false, true, parsed.trees, offset, 0, parsed.errors);
        }
        Parsed member = parseSource(MEMBER_PREFIX + source + "\n}\n");
        if (!member.errors) {
            return wrapped(member, false, offset, MEMBER_PREFIX.length());
        }
        Parsed statements = parseSource(STATEMENT_PREFIX + source + (endsWithBlockOrSemicolon(source) ? "" : ";") + "\n}}\n");
        if (statements.errors) {
            // Neither reading parses cleanly: a declaration with a syntax error. Error recovery
            // keeps its name in the member reading, which is what callers look for.
            return wrapped(member, false, offset, MEMBER_PREFIX.length());
        }
        return wrapped(statements, true, offset, STATEMENT_PREFIX.length());
    }

    private static boolean endsWithBlockOrSemicolon(String source) {
        String s = source.stripTrailing();
        return s.endsWith(";") || s.endsWith("}");
    }

    private static Snippet wrapped(Parsed parsed, boolean statements, int offset, int prefixLength) {
        ClassTree wrapper = null;
        for (Tree type : parsed.unit.getTypeDecls()) {
            if (type instanceof ClassTree && ((ClassTree) type).getSimpleName().contentEquals(WRAPPER)) {
                wrapper = (ClassTree) type;
            }
        }
        return new Snippet(parsed.unit, wrapper, statements, false, parsed.trees, offset, prefixLength, parsed.errors);
    }

    private record Parsed(CompilationUnitTree unit, Trees trees, boolean errors) {
    }

    private Parsed parseSource(String source) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Cell.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, List.of("-proc:none"), null, List.of(file));
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            boolean errors = diagnostics.getDiagnostics().stream()
                    .anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
            return new Parsed(unit, Trees.instance(task), errors);
        } catch (IOException e) {
            throw new IllegalStateException("javac could not read a string", e);
        }
    }
}
