package ttlab.grader.grade;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import ttlab.grader.Points;
import ttlab.grader.notebook.CellRole;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tests a master declares, read from the source of its test cells without running anything:
 * each test method with its class, points, exercise and visibility. The grader needs this list
 * before any test runs, so that a test that never ran (its class could not be compiled against the
 * submission, or the submission killed its grading process) still appears, failed, at its points:
 * a grade must not go up because a test vanished.
 *
 * <p>It mirrors what JUnit runs: methods annotated as tests in the classes a cell declares and in
 * their {@code @Nested} classes. Points follow {@link Points} as the runner reads it (method, else
 * enclosing class, else {@value Points#DEFAULT}), from literal values.
 */
final class TestInventory {

    private static final Set<String> TEST_ANNOTATIONS =
            Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate");

    /**
     * One test method.
     *
     * @param className   as the student wrote it, nested classes after a {@code $}
     * @param displayName what JUnit calls the method (a parameterized one: every invocation)
     * @param exercise    its test cell's exercise, or "" when the cell names none
     * @param offsets     where the method (with its annotations) starts in the cell's source
     */
    record TestCase(String className, String methodName, String displayName, double points, String exercise,
                    boolean hidden, String cellId, List<Integer> offsets) {

        String key() {
            return className + "#" + methodName;
        }
    }

    private final List<TestCase> cases;
    private final Map<String, TestCase> byKey;
    private final Map<String, Integer> position;
    private final Map<String, String> cellOfClass;

    private TestInventory(List<TestCase> cases, Map<String, String> cellOfClass) {
        this.cases = Collections.unmodifiableList(cases);
        Map<String, TestCase> index = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        cases.forEach(c -> {
            index.put(c.key(), c);
            positions.put(c.key(), positions.size());
        });
        this.byKey = Collections.unmodifiableMap(index);
        this.position = Collections.unmodifiableMap(positions);
        this.cellOfClass = Collections.unmodifiableMap(cellOfClass);
    }

    static TestInventory of(Master master) {
        return of(master.testCells());
    }

    /** The tests that these tests and hidden-tests cells declare. */
    static TestInventory of(List<Master.MasterCell> testCells) {
        Map<String, TestCase> cases = new LinkedHashMap<>();
        Map<String, String> cellOfClass = new LinkedHashMap<>();
        for (Master.MasterCell cell : testCells) {
            new CellReader(cell, cases, cellOfClass).read();
        }
        return new TestInventory(new ArrayList<>(cases.values()), cellOfClass);
    }

    /** Every test, in the order the master declares them. */
    List<TestCase> cases() {
        return cases;
    }

    Optional<TestCase> find(String className, String methodName) {
        return Optional.ofNullable(byKey.get(className + "#" + methodName));
    }

    /** The position of a test in the master, for sorting; unknown tests go last. */
    int order(String className, String methodName) {
        return position.getOrDefault(className + "#" + methodName, cases.size());
    }

    /** The top-level test classes in the order declared. */
    List<String> classes() {
        return cases.stream().map(c -> outer(c.className())).distinct().collect(Collectors.toList());
    }

    /** The tests of a top-level class, including its nested classes. */
    List<TestCase> casesOf(String topLevelClass) {
        return cases.stream().filter(c -> outer(c.className()).equals(topLevelClass)).collect(Collectors.toList());
    }

    /** The id of the test cell that declares a top-level class, if the master declares it. */
    Optional<String> cellOf(String topLevelClass) {
        return Optional.ofNullable(cellOfClass.get(topLevelClass));
    }

    /** The test methods a cell declares, as {@code Class#method}. */
    List<String> methodsOfCell(String cellId) {
        return cases.stream().filter(c -> c.cellId().equals(cellId)).map(TestCase::key).collect(Collectors.toList());
    }

    static String outer(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    /** Reads one test cell's classes. */
    private static final class CellReader {
        private final Master.MasterCell cell;
        private final Map<String, TestCase> cases;
        private final Map<String, String> cellOfClass;
        private final String exercise;
        private CellParser.Snippet snippet;

        CellReader(Master.MasterCell cell, Map<String, TestCase> cases, Map<String, String> cellOfClass) {
            this.cell = cell;
            this.cases = cases;
            this.cellOfClass = cellOfClass;
            this.exercise = cell.exercise().orElse("");
        }

        void read() {
            for (CellParser.Snippet s : CellParser.forThisThread().parse(cell.source())) {
                if (s.imports() || s.statements() || s.wrapper() == null) {
                    continue;
                }
                snippet = s;
                for (Tree member : s.wrapper().getMembers()) {
                    if (member instanceof ClassTree) {
                        String name = ((ClassTree) member).getSimpleName().toString();
                        cellOfClass.put(name, cell.id());
                        readClass((ClassTree) member, name, null);
                    }
                }
            }
        }

        private void readClass(ClassTree type, String name, Double enclosingPoints) {
            Double classPoints = pointsOf(type.getModifiers()).orElse(enclosingPoints);
            for (Tree member : type.getMembers()) {
                if (member instanceof MethodTree && isTest((MethodTree) member)) {
                    add(name, (MethodTree) member, classPoints);
                } else if (member instanceof ClassTree && has(((ClassTree) member).getModifiers(), "Nested")) {
                    readClass((ClassTree) member, name + "$" + ((ClassTree) member).getSimpleName(), classPoints);
                }
            }
        }

        private void add(String className, MethodTree method, Double classPoints) {
            double points = has(method.getModifiers(), "Disabled") ? 0.0
                    : pointsOf(method.getModifiers()).orElse(classPoints == null ? Points.DEFAULT : classPoints);
            int offset = snippet.cellOffset(method);
            boolean hidden = cell.hasRole(CellRole.HIDDEN_TESTS)
                    || cell.hiddenLines().contains(snippet.cellLine(method, cell.source()));
            String methodName = method.getName().toString();
            TestCase earlier = cases.get(className + "#" + methodName);
            if (earlier != null) { // overloads share a name, which is all a result carries
                List<Integer> offsets = new ArrayList<>(earlier.offsets());
                offsets.add(offset);
                cases.put(earlier.key(), new TestCase(className, methodName, earlier.displayName(),
                        earlier.points() + points, exercise, earlier.hidden() && hidden, cell.id(), offsets));
                return;
            }
            cases.put(className + "#" + methodName, new TestCase(className, methodName, displayName(method), points,
                    exercise, hidden, cell.id(), List.of(offset)));
        }

        private static boolean isTest(MethodTree method) {
            return method.getModifiers().getAnnotations().stream().anyMatch(a -> TEST_ANNOTATIONS.contains(simpleName(a)));
        }

        /** JUnit's default: {@code name(int, String)} with simple type names; or a literal @DisplayName. */
        private static String displayName(MethodTree method) {
            for (AnnotationTree a : method.getModifiers().getAnnotations()) {
                if (simpleName(a).equals("DisplayName") && a.getArguments().size() == 1) {
                    Object value = literal(a.getArguments().get(0));
                    if (value instanceof String) {
                        return (String) value;
                    }
                }
            }
            List<String> types = new ArrayList<>();
            for (VariableTree parameter : method.getParameters()) {
                String type = parameter.getType().toString().replaceAll("<.*>", "");
                types.add(type.substring(type.lastIndexOf('.') + 1));
            }
            return method.getName() + "(" + String.join(", ", types) + ")";
        }

        private static boolean has(ModifiersTree modifiers, String annotation) {
            return modifiers.getAnnotations().stream().anyMatch(a -> simpleName(a).equals(annotation));
        }

        private static Optional<Double> pointsOf(ModifiersTree modifiers) {
            for (AnnotationTree a : modifiers.getAnnotations()) {
                if (simpleName(a).equals("Points") && a.getArguments().size() == 1) {
                    Object value = literal(a.getArguments().get(0));
                    if (value instanceof Number) {
                        return Optional.of(((Number) value).doubleValue());
                    }
                    return Optional.of(Points.DEFAULT); // not a literal: the runner reads it, this list cannot
                }
            }
            return Optional.empty();
        }

        private static Object literal(ExpressionTree argument) {
            ExpressionTree value = argument instanceof AssignmentTree ? ((AssignmentTree) argument).getExpression() : argument;
            return value instanceof LiteralTree ? ((LiteralTree) value).getValue() : null;
        }

        private static String simpleName(AnnotationTree annotation) {
            String name = annotation.getAnnotationType().toString();
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
