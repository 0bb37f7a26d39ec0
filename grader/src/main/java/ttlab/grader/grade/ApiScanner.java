package ttlab.grader.grade;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags uses of APIs that the course does not allow in answers, read from the syntax tree of the
 * student's cells (no compiling, no running): reflection, starting processes, threads, file I/O,
 * the network, and ending the JVM; and the course library's lecture packages (block 1's attention,
 * block 5's state space models), whose classes compute what some exercises ask students to
 * write. A flag informs the instructor; it does not change the score.
 *
 * <p>The tree has no types, so names decide: a simple name such as {@code Files} or
 * {@code Thread} (the kernel imports {@code java.io.*}, {@code java.nio.file.*} and
 * {@code java.util.concurrent.*}, so these need no import), a qualified name in a flagged package,
 * an import of one, or a call such as {@code System.exit}. A class of the student's own called
 * {@code Path} would be flagged too; a flag is a pointer for a human, not a verdict.
 */
final class ApiScanner {

    static final String REFLECTION = "reflection";
    static final String PROCESS = "process";
    static final String THREADS = "threads";
    static final String FILE_IO = "file-io";
    static final String NETWORK = "network";
    static final String EXIT = "exit";
    /** The course library's lecture code, which already computes what some exercises ask for. */
    static final String COURSE_LIBRARY = "course-library";

    /**
     * One use: the cell (by id and position), the line in it, what kind of API, the name used, and
     * the line of code it is on.
     */
    record ApiFlag(String cell, int cellNumber, int line, String category, String api, String code) {
    }

    /** A cell of the student's to scan. */
    record StudentCell(String id, int number, String source) {
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("Method", REFLECTION), Map.entry("Field", REFLECTION), Map.entry("Constructor", REFLECTION),
            Map.entry("AccessibleObject", REFLECTION), Map.entry("Proxy", REFLECTION),
            Map.entry("InvocationHandler", REFLECTION), Map.entry("MethodHandles", REFLECTION),
            Map.entry("MethodHandle", REFLECTION), Map.entry("VarHandle", REFLECTION), Map.entry("Unsafe", REFLECTION),
            Map.entry("ProcessBuilder", PROCESS), Map.entry("ProcessHandle", PROCESS),
            Map.entry("Thread", THREADS), Map.entry("ThreadGroup", THREADS), Map.entry("ExecutorService", THREADS),
            Map.entry("Executors", THREADS), Map.entry("Executor", THREADS), Map.entry("ForkJoinPool", THREADS),
            Map.entry("ForkJoinTask", THREADS), Map.entry("RecursiveTask", THREADS),
            Map.entry("RecursiveAction", THREADS), Map.entry("ThreadPoolExecutor", THREADS),
            Map.entry("ScheduledExecutorService", THREADS), Map.entry("Timer", THREADS),
            Map.entry("File", FILE_IO), Map.entry("FileInputStream", FILE_IO), Map.entry("FileOutputStream", FILE_IO),
            Map.entry("FileReader", FILE_IO), Map.entry("FileWriter", FILE_IO), Map.entry("RandomAccessFile", FILE_IO),
            Map.entry("FileDescriptor", FILE_IO), Map.entry("Files", FILE_IO), Map.entry("Paths", FILE_IO),
            Map.entry("Path", FILE_IO), Map.entry("FileSystems", FILE_IO), Map.entry("FileSystem", FILE_IO),
            Map.entry("FileChannel", FILE_IO),
            Map.entry("Socket", NETWORK), Map.entry("ServerSocket", NETWORK), Map.entry("DatagramSocket", NETWORK),
            Map.entry("URL", NETWORK), Map.entry("URLConnection", NETWORK), Map.entry("HttpURLConnection", NETWORK),
            Map.entry("HttpClient", NETWORK), Map.entry("InetAddress", NETWORK));

    /** Packages whose every class is flagged, by qualified-name prefix. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("java.lang.reflect.", REFLECTION),
            Map.entry("java.lang.invoke.", REFLECTION),
            Map.entry("sun.misc.", REFLECTION),
            Map.entry("jdk.internal.", REFLECTION),
            Map.entry("java.net.", NETWORK),
            Map.entry("java.nio.file.", FILE_IO),
            Map.entry("java.nio.channels.", FILE_IO),
            Map.entry("ttlab.course.attention.", COURSE_LIBRARY),
            Map.entry("ttlab.course.icl.", COURSE_LIBRARY),
            Map.entry("ttlab.course.scaling.", COURSE_LIBRARY),
            Map.entry("ttlab.course.circuits.", COURSE_LIBRARY),
            Map.entry("ttlab.course.ssm.", COURSE_LIBRARY));

    /** Thread's static helpers that do not start anything. */
    private static final Set<String> HARMLESS_THREAD_CALLS = Set.of("sleep", "currentThread", "onSpinWait", "interrupted");

    /** Reflection that needs no import: calls on Class objects and what they return. */
    private static final Set<String> REFLECTIVE_CALLS = Set.of("setAccessible", "getDeclaredField",
            "getDeclaredFields", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredConstructor",
            "getDeclaredConstructors", "getDeclaredClasses", "getMethod", "getMethods", "getField", "getFields",
            "getConstructor", "getConstructors", "newInstance");

    private ApiScanner() {
    }

    /** The flags of every cell, sorted by cell position, line, category and name, without repeats. */
    static List<ApiFlag> scan(List<StudentCell> cells) {
        TreeSet<ApiFlag> flags = new TreeSet<>(Comparator.comparingInt(ApiFlag::cellNumber)
                .thenComparing(ApiFlag::cell).thenComparingInt(ApiFlag::line)
                .thenComparing(ApiFlag::category).thenComparing(ApiFlag::api));
        for (StudentCell cell : cells) {
            for (CellParser.Snippet snippet : CellParser.forThisThread().parse(cell.source())) {
                new Visitor(cell, snippet, flags).scan(snippet.unit(), null);
            }
        }
        return new ArrayList<>(flags);
    }

    private static final class Visitor extends TreeScanner<Void, Void> {
        private final StudentCell cell;
        private final CellParser.Snippet snippet;
        private final TreeSet<ApiFlag> flags;

        Visitor(StudentCell cell, CellParser.Snippet snippet, TreeSet<ApiFlag> flags) {
            this.cell = cell;
            this.snippet = snippet;
            this.flags = flags;
        }

        private void flag(Tree at, String category, String api) {
            int line = snippet.cellLine(at, cell.source());
            String code = cell.source().lines().skip(line - 1L).findFirst().orElse("").strip();
            if (code.length() > 200) {
                code = code.substring(0, 200) + "...";
            }
            flags.add(new ApiFlag(cell.id(), cell.number(), line, category, api, code));
        }

        @Override
        public Void visitImport(ImportTree tree, Void unused) {
            String name = tree.getQualifiedIdentifier().toString();
            String category = packageCategory(name);
            if (category == null) {
                category = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            }
            if (category != null) {
                flag(tree, category, "import " + (tree.isStatic() ? "static " : "") + name);
            }
            return null; // an import's parts are not uses
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            if (tree.getMethodSelect() instanceof MemberSelectTree) {
                MemberSelectTree select = (MemberSelectTree) tree.getMethodSelect();
                String method = select.getIdentifier().toString();
                String receiver = select.getExpression().toString();
                boolean runtime = receiver.equals("Runtime") || receiver.endsWith("getRuntime()")
                        || receiver.endsWith(".Runtime");
                if ((method.equals("exit") && (receiver.equals("System") || receiver.endsWith(".System") || runtime))
                        || (method.equals("halt") && runtime)) {
                    flag(tree, EXIT, (runtime ? "Runtime." : "System.") + method);
                } else if (method.equals("exec") && runtime) {
                    flag(tree, PROCESS, "Runtime.exec");
                } else if (method.equals("forName") && (receiver.equals("Class") || receiver.endsWith(".Class"))) {
                    flag(tree, REFLECTION, "Class.forName");
                } else if (REFLECTIVE_CALLS.contains(method)) {
                    flag(tree, REFLECTION, method);
                } else if (method.equals("invoke") && receiver.contains("Method(")) {
                    flag(tree, REFLECTION, "Method.invoke");
                }
                if (receiver.equals("Thread") && HARMLESS_THREAD_CALLS.contains(method)) {
                    return scan(tree.getArguments(), null); // Thread.sleep(...) starts no thread
                }
            }
            return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
            String name = tree.toString();
            String category = packageCategory(name + ".");
            if (category != null && isQualifiedName(tree)) {
                flag(tree, category, name);
                return null; // java.nio.file.Files: one use, not three
            }
            return super.visitMemberSelect(tree, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
            String name = tree.getName().toString();
            String category = TYPES.get(name);
            if (category != null) {
                flag(tree, category, name);
            }
            return null;
        }

        private static boolean isQualifiedName(MemberSelectTree tree) {
            Tree t = tree;
            while (t instanceof MemberSelectTree) {
                t = ((MemberSelectTree) t).getExpression();
            }
            return t instanceof IdentifierTree;
        }
    }

    private static String packageCategory(String qualified) {
        for (Map.Entry<String, String> p : PACKAGES.entrySet()) {
            if (qualified.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        if (qualified.startsWith("java.io.File") || qualified.startsWith("java.io.RandomAccessFile")) {
            return FILE_IO;
        }
        if (qualified.startsWith("java.lang.ProcessBuilder") || qualified.startsWith("java.lang.ProcessHandle")) {
            return PROCESS;
        }
        if (qualified.startsWith("java.util.concurrent.Executor") || qualified.startsWith("java.util.concurrent.ForkJoin")) {
            return THREADS;
        }
        return null;
    }
}
