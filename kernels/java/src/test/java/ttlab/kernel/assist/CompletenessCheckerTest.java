package ttlab.kernel.assist;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.kernel.assist.CompletenessChecker.COMPLETE;
import static ttlab.kernel.assist.CompletenessChecker.INVALID;
import static ttlab.kernel.assist.CompletenessChecker.UNKNOWN;

class CompletenessCheckerTest {

    private static JShell shell;
    private static CompletenessChecker checker;

    @BeforeAll
    static void startShell() {
        shell = JShell.builder().executionEngine("local").build();
        checker = new CompletenessChecker(shell.sourceCodeAnalysis());
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    private static String cell(String escaped) {
        return escaped.replace("\\n", "\n");
    }

    @Test
    void usesTheAnswersJupyterExpects() {
        assertThat(COMPLETE).isEqualTo("complete");
        assertThat(INVALID).isEqualTo("invalid");
        assertThat(UNKNOWN).isEqualTo("unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "int x = 1;",
            "int x = 1",
            "x + 1",
            "int x = 1;\\nvoid f() {}\\nx + 1",
            "for (int i = 0; i < 3; i++) {\\n  System.out.println(i);\\n}",
            "System.out.println(\"{ ( [\");",
            "char c = '{';",
            "if (true) { } // {",
            "class A {\\n  void f() {\\n  }\\n}\\n\\n",
            "String t = \"\"\"\\n  {\\n  \"\"\";",
    })
    void completeCode(String code) {
        assertThat(checker.isComplete(cell(code))).isEqualTo(COMPLETE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t\n", "// just a note", "/* a */", "/** doc */\\n// more"})
    void cellsOfOnlyBlanksAndCommentsAreComplete(String code) {
        assertThat(checker.isComplete(cell(code))).isEqualTo(COMPLETE);
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "for (int i = 0; i < 3; i++) {                     | `    `",
            "class A {\\n  void f() {                          | `        `",
            "class A {\\n  void f() {\\n    if (x) {            | `            `",
            "class A {\\n  void f() {\\n  }                    | `    `",
            "foo(1,                                            | `    `",
            "int[] a = {1, 2                                   | `    `",
            "String s = \"{{\"; while (true) {                 | `    `",
            "if (x) { // {{{                                   | `    `",
            "int x = 1;\\nfor (;;) {                           | `    `",
            "x +                                               | ``",
            "String t = \"abc\" +                              | ``",
            "/* still in a comment                             | ``",
            "String t = \"\"\"\\n  text block {                | ``",
            "if (ready)                                        | ``",
            "void f()                                          | ``",
    })
    void incompleteCodeAnswersTheIndentOfTheNextLine(String code, String indent) {
        String answer = checker.isComplete(cell(code));

        assertThat(answer).isEqualTo(indent);
        assertThat(CompletenessChecker.isIndent(answer)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"}}}", "int x = ;", "else { }", "int ok = 1;\\n) oops", "String s = \"abc"})
    void codeNoMoreTypingCanRepairIsInvalid(String code) {
        // An unclosed "..." counts here: a Java string literal cannot go on to the next line.
        assertThat(checker.isComplete(cell(code))).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%time", "%load a.jsh\\n", "%time\\nint x = 1;", "%%time\\nint x = 1;",
            "%time {", "%%html\\n", "int x = 1;\\n%classpath lib/*.jar"})
    void magicLinesCountAsComplete(String code) {
        assertThat(checker.isComplete(cell(code))).isEqualTo(COMPLETE);
    }

    @Test
    void javaAfterMagicLinesIsStillChecked() {
        assertThat(checker.isComplete("%%time\nfor (;;) {")).isEqualTo("    ");
        assertThat(checker.isComplete("%time\n}}")).isEqualTo(INVALID);
    }

    @Test
    void onlyIndentsAreIndents() {
        assertThat(CompletenessChecker.isIndent("")).isTrue();
        assertThat(CompletenessChecker.isIndent("        ")).isTrue();
        assertThat(CompletenessChecker.isIndent(COMPLETE)).isFalse();
        assertThat(CompletenessChecker.isIndent(INVALID)).isFalse();
        assertThat(CompletenessChecker.isIndent(UNKNOWN)).isFalse();
        assertThat(CompletenessChecker.isIndent(null)).isFalse();
    }

    @Test
    void aMissingCellIsComplete() {
        assertThat(checker.isComplete(null)).isEqualTo(COMPLETE);
    }
}
