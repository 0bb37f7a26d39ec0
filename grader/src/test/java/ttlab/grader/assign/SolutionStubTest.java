package ttlab.grader.assign;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ttlab.grader.notebook.Notebook;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.notebook;
import static ttlab.grader.notebook.TestNotebooks.solution;

/**
 * The stub a student gets must compile wherever the markers may stand, for any return type, and
 * fail with a message naming the exercise. Each case compiles the master's cell and the
 * stubbed cell in JShell, as the kernel would, and calls both.
 */
class SolutionStubTest {

    private static JShellCells jshell;

    @BeforeAll
    static void start() {
        jshell = new JShellCells();
    }

    @AfterAll
    static void stop() {
        jshell.close();
    }

    /** The student's copy of a one-cell master whose solution cell is {@code source}. */
    static String stubbed(String exercise, String source) throws Exception {
        Notebook master = notebook(code("sol", source, solution(exercise)));
        return Assigner.assign(master, "test.ipynb").cells().get(0).source();
    }

    static Stream<Arguments> solutions() {
        return Stream.of(
                Arguments.of("int, four spaces", "ex.square", """
                        static int square(int x) {
                            // BEGIN SOLUTION
                            return x * x;
                            // END SOLUTION
                        }""", "square(3)", "9"),
                Arguments.of("void, two spaces", "ex.greet", """
                        void greet(StringBuilder out) {
                          // BEGIN SOLUTION
                          out.append("hi");
                          // END SOLUTION
                        }""", "greet(new StringBuilder())", null),
                Arguments.of("String, tabs", "ex.shout", "String shout(String s) {\n\t// BEGIN SOLUTION\n"
                        + "\treturn s.toUpperCase() + \"!\";\n\t// END SOLUTION\n}", "shout(\"a\")", "\"A!\""),
                Arguments.of("double[] after a guard clause", "ex.halves", """
                        double[] halves(double[] xs) {
                            if (xs.length == 0) {
                                return xs;
                            }
                            // BEGIN SOLUTION
                            double[] out = new double[xs.length];
                            for (int i = 0; i < xs.length; i++) {
                                out[i] = xs[i] / 2;
                            }
                            return out;
                            // END SOLUTION
                        }""", "halves(new double[] {4})[0]", "2.0"),
                Arguments.of("generic method", "ex.max", """
                        <T extends Comparable<T>> T max(List<T> xs) {
                            // BEGIN SOLUTION
                            T best = xs.get(0);
                            for (T x : xs) {
                                if (x.compareTo(best) > 0) {
                                    best = x;
                                }
                            }
                            return best;
                            // END SOLUTION
                        }""", "max(List.of(3, 9, 4))", "9"),
                Arguments.of("boolean, inside an if block", "ex.even", """
                        boolean isEven(int n) {
                            if (n >= 0) {
                                // BEGIN SOLUTION
                                return n % 2 == 0;
                                // END SOLUTION
                            }
                            return isEven(-n);
                        }""", "isEven(4)", "true"),
                Arguments.of("constructor of a class with a final field", "ex.vec", """
                        class Vec {
                            final double x;

                            Vec(double x) {
                                // BEGIN SOLUTION
                                this.x = x;
                                // END SOLUTION
                            }
                        }""", "new Vec(2).x", "2.0"),
                Arguments.of("method of a nested class, twelve spaces", "ex.deep", """
                        class Outer {
                            static class Inner {
                                long twice(long v) {
                                    // BEGIN SOLUTION
                                    return 2 * v;
                                    // END SOLUTION
                                }
                            }
                        }""", "new Outer.Inner().twice(21)", "42"),
                Arguments.of("interface default method", "ex.area", """
                        interface Shape {
                            double side();

                            default double area() {
                                // BEGIN SOLUTION
                                return side() * side();
                                // END SOLUTION
                            }
                        }""", "((Shape) () -> 3).area()", "9.0"),
                Arguments.of("record compact constructor", "ex.range", """
                        record Range(int lo, int hi) {
                            public Range {
                                // BEGIN SOLUTION
                                if (lo > hi) {
                                    throw new IllegalArgumentException(lo + " > " + hi);
                                }
                                // END SOLUTION
                            }
                        }""", "new Range(1, 2).hi()", "2"),
                Arguments.of("lambda block body", "ex.twice", """
                        java.util.function.IntUnaryOperator twice = x -> {
                            // BEGIN SOLUTION
                            return 2 * x;
                            // END SOLUTION
                        };""", "twice.applyAsInt(5)", "10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solutions")
    void theStubCompilesAndThrowsNamingTheExercise(String what, String exercise, String master, String call,
                                                   String masterValue) throws Exception {
        jshell.compile(master);
        if (masterValue != null) {
            assertThat(jshell.valueOf(call)).as("the master itself works").isEqualTo(masterValue);
        }
        String student = stubbed(exercise, master);
        assertThat(student).doesNotContain("BEGIN SOLUTION", "END SOLUTION")
                .contains("throw new UnsupportedOperationException(\"not implemented yet: " + exercise + "\");");
        jshell.compile(student);
        assertThat(jshell.thrownBy(call))
                .isEqualTo("java.lang.UnsupportedOperationException: not implemented yet: " + exercise);
    }

    @Test
    void theStubTakesTheBeginMarkersIndentationAndNothingElseChanges() throws Exception {
        String master = "/** Doc. */\nint f(int x) {\n  int y = x;\n\t  // BEGIN SOLUTION\n  return y;\n"
                + "  // END SOLUTION\n}  // trailing comment\n";
        assertThat(stubbed("e.f", master)).isEqualTo("/** Doc. */\nint f(int x) {\n  int y = x;\n"
                + "\t  throw new UnsupportedOperationException(\"not implemented yet: e.f\");\n}  // trailing comment\n");
    }

    @Test
    void everyRegionOfACellIsStubbed() throws Exception {
        String master = """
                int a() {
                    // BEGIN SOLUTION
                    return 1;
                    // END SOLUTION
                }

                int b() {
                        // BEGIN SOLUTION
                        return 2;
                        // END SOLUTION
                }""";
        String student = stubbed("two.parts", master);
        assertThat(student).isEqualTo("""
                int a() {
                    throw new UnsupportedOperationException("not implemented yet: two.parts");
                }

                int b() {
                        throw new UnsupportedOperationException("not implemented yet: two.parts");
                }""");
        jshell.compile(student);
        assertThat(jshell.thrownBy("b()")).endsWith("not implemented yet: two.parts");
    }

    @Test
    void anEmptyRegionBecomesAStubToo() throws Exception {
        String student = stubbed("e.todo", "void todo() {\n    // BEGIN SOLUTION\n    // END SOLUTION\n}");
        assertThat(student).isEqualTo(
                "void todo() {\n    throw new UnsupportedOperationException(\"not implemented yet: e.todo\");\n}");
    }
}
