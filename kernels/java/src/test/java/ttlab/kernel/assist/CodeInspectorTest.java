package ttlab.kernel.assist;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CodeInspectorTest {

    private static JShell shell;
    private static CodeInspector inspector;

    @BeforeAll
    static void startShell() {
        shell = JShell.builder().executionEngine("local").build();
        shell.eval("int answer = 424242;");
        shell.eval("java.util.List<String> names = java.util.List.of(\"secretValue\");");
        shell.eval("String length = \"shadow\";");
        inspector = new CodeInspector(shell);
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    private static Inspection inspectAt(String cell, String marker) {
        int cursor = cell.indexOf(marker);
        assertThat(cursor).as("marker in cell").isNotNegative();
        return inspector.inspect(cell.replace(marker, ""), cursor, false).orElseThrow();
    }

    /** The JDK's sources, which JShell reads javadoc from, are not installed everywhere. */
    private static boolean jdkSourcesInstalled() {
        return Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib", "src.zip"));
    }

    @Test
    void showsEveryOverloadOfAMethodBeingCalled() {
        Inspection inspection = inspector.inspect("Math.abs(", 9, false).orElseThrow();

        assertThat(inspection.text()).contains("int Math.abs(int a)", "long Math.abs(long a)",
                "double Math.abs(double a)");
        assertThat(inspection.html()).contains("<pre><code>int Math.abs(int a)</code></pre>");
        assertThat(inspection.markdown()).contains("```java\nint Math.abs(int a)\n```");
    }

    @Test
    void worksFromAnywhereInTheMethodName() {
        assertThat(inspectAt("Math.a|bs(-1)", "|").text()).contains("int Math.abs(int a)");
        assertThat(inspectAt("Math.abs|(-1)", "|").text()).contains("int Math.abs(int a)");
        assertThat(inspectAt("Math.abs(-1|)", "|").text()).contains("int Math.abs(int a)");
    }

    @Test
    void documentsAMethodNamedWithoutParentheses() {
        assertThat(inspectAt("Math.abs|", "|").text()).contains("int Math.abs(int a)");
    }

    @Test
    void documentsAClassAndAField() {
        assertThat(inspectAt("Ma|th.PI", "|").text()).contains("java.lang.Math");
        assertThat(inspectAt("System.o|ut", "|").text()).contains("java.io.PrintStream");
    }

    @Test
    void documentsAMemberOfAVariableDeclaredInTheSameSnippet() {
        assertThat(inspectAt("String s = \"\"; s.len|gth()", "|").text())
                .contains("int String.length()");
    }

    @Test
    void documentsCodeInALaterSnippetOfTheCell() {
        assertThat(inspectAt("int x = 1;\nvoid f() {}\nMath.max|(x, 2)", "|").text())
                .contains("int Math.max(int a, int b)");
    }

    @Test
    void knowsVariablesOfEarlierSnippetsInTheSameCell() {
        String cell = "String word = \"\";\nint n = word.len|gth();";

        assertThat(inspectAt(cell, "|").text()).contains("int String.length()");
    }

    @Test
    void describesANotebookVariableByTypeWithoutItsValue() {
        Inspection inspection = inspectAt("ans|wer + 1", "|");

        assertThat(inspection.text()).startsWith("int answer").doesNotContain("424242");
        assertThat(inspection.html()).contains("int answer").doesNotContain("424242");
        assertThat(inspection.markdown()).contains("int answer").doesNotContain("424242");
    }

    @Test
    void describesAGenericNotebookVariable() {
        Inspection inspection = inspectAt("names|", "|");

        assertThat(inspection.text()).contains("List<String> names").doesNotContain("secretValue");
        assertThat(inspection.html()).contains("List&lt;String&gt; names");
    }

    @Test
    void aMemberIsNotTakenForANotebookVariableOfTheSameName() {
        // A notebook variable is called "length" too; after the '.' the String method is meant.
        assertThat(inspectAt("\"abc\".len|gth()", "|").text())
                .contains("int String.length()")
                .doesNotContain("shadow");
    }

    @Test
    void fallsBackToTheTypeOfTheExpression() {
        assertThat(inspectAt("1 + 2|", "|").text()).isEqualTo("expression of type int");
    }

    @Test
    void inspectsJavaBelowAMagicLine() {
        assertThat(inspectAt("%%time\nMath.abs(|", "|").text()).contains("int Math.abs(int a)");
    }

    @Test
    void saysNothingAboutAMagicLine() {
        assertThat(inspector.inspect("%time Math.abs(1)", 12, false)).isEmpty();
    }

    @Test
    void includesTheJavadocWhenTheJdkSourcesAreThere() {
        assumeTrue(jdkSourcesInstalled(), "no lib/src.zip in this JDK");

        Inspection brief = inspector.inspect("Math.abs(", 9, false).orElseThrow();
        Inspection detailed = inspector.inspect("Math.abs(", 9, true).orElseThrow();

        assertThat(brief.text()).contains("absolute value").doesNotContain("Parameters:");
        assertThat(detailed.text()).contains("absolute value", "Parameters:", "Returns:");
        assertThat(detailed.html()).contains("<dt>Returns:</dt>").contains("<code>int</code>");
        assertThat(detailed.markdown()).contains("**Returns:**");
    }

    @Test
    void offersTheThreeFormsAsAMimeBundle() {
        Inspection inspection = inspector.inspect("Math.abs(", 9, false).orElseThrow();

        assertThat(inspection.mimeBundle()).containsOnlyKeys("text/plain", "text/html", "text/markdown")
                .containsEntry("text/plain", inspection.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "))((", "}}}", "@@@", "\"unterminated", "int x = ;", "/* open",
            "nosuchThing", "%", "%%"})
    void garbageGivesNothingAndNeverThrows(String cell) {
        for (int cursor = -2; cursor <= cell.length() + 2; cursor++) {
            int at = cursor;
            assertThatCode(() -> inspector.inspect(cell, at, true)).doesNotThrowAnyException();
        }
        assertThat(inspector.inspect(cell, cell.length(), true)).isEmpty();
    }

    @Test
    void aMissingCellGivesNothing() {
        assertThat(inspector.inspect(null, 0, false)).isEmpty();
    }
}
