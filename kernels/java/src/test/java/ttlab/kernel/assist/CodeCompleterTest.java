package ttlab.kernel.assist;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class CodeCompleterTest {

    private static final Set<String> LINE_MAGICS = Set.of("time", "timeit", "load", "classpath");
    private static final Set<String> CELL_MAGICS = Set.of("time", "html");

    private static JShell shell;
    private static CodeCompleter completer;

    @BeforeAll
    static void startShell() {
        shell = JShell.builder().executionEngine("local").build();
        shell.eval("int myVar = 5;");
        completer = new CodeCompleter(shell.sourceCodeAnalysis(), LINE_MAGICS, CELL_MAGICS);
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    private static Completion completeAtEnd(String cell) {
        return completer.complete(cell, cell.length());
    }

    @Test
    void completesAStaticMethod() {
        Completion completion = completeAtEnd("Math.ab");

        assertThat(completion.replacements()).contains("abs(", "absExact(");
        assertThat(completion.start()).isEqualTo(5);
        assertThat(completion.end()).isEqualTo(7);
    }

    @Test
    void dropsTheDuplicatesOverloadsProduce() {
        // JShell suggests "abs(" once per overload: int, long, float, double.
        assertThat(completeAtEnd("Math.ab").replacements()).doesNotHaveDuplicates()
                .filteredOn("abs("::equals).hasSize(1);
    }

    @Test
    void completesAMethodOfALocalVariableInTheSameSnippet() {
        Completion completion = completeAtEnd("String s = \"\"; s.len");

        assertThat(completion.replacements()).singleElement().asString().startsWith("length(");
        assertThat(completion.start()).isEqualTo("String s = \"\"; s.".length());
    }

    @Test
    void completesAVariableAnEarlierCellDefined() {
        Completion completion = completeAtEnd("myV");

        assertThat(completion.replacements()).containsExactly("myVar");
        assertThat(completion.start()).isZero();
        assertThat(completion.end()).isEqualTo(3);
    }

    @Test
    void translatesOffsetsOfALaterSnippetBackIntoTheCell() {
        String cell = "int x = 1;\nvoid f() {}\nMath.ab";

        Completion completion = completeAtEnd(cell);

        assertThat(completion.replacements()).contains("abs(");
        assertThat(completion.start()).isEqualTo(cell.indexOf("ab"));
        assertThat(completion.end()).isEqualTo(cell.length());
    }

    @Test
    void completesAtACursorInTheMiddleOfTheCell() {
        String cell = "Math.ab\nint y = 2;";

        Completion completion = completer.complete(cell, 7);

        assertThat(completion.replacements()).contains("abs(");
        assertThat(completion.start()).isEqualTo(5);
        assertThat(completion.end()).isEqualTo(7);
    }

    @Test
    void knowsVariablesDeclaredInEarlierSnippetsOfTheSameCell() {
        String cell = "java.util.List<String> names = new java.util.ArrayList<>();\nnames.ad";

        Completion completion = completeAtEnd(cell);

        assertThat(completion.replacements()).contains("add(", "addAll(");
        assertThat(completion.start()).isEqualTo(cell.lastIndexOf("ad"));
    }

    @Test
    void skipsEarlierMethodDeclarationsWhenGatheringThoseVariables() {
        String cell = "String word = \"\";\nvoid g() {}\nword.len";

        Completion completion = completeAtEnd(cell);

        assertThat(completion.replacements()).singleElement().asString().startsWith("length(");
        assertThat(completion.start()).isEqualTo(cell.lastIndexOf("len"));
    }

    @Test
    void completesTheBareNameOfAVariableDeclaredEarlierInTheSameCell() {
        String cell = "int total = 0;\nString title = \"\";\nfor (int i = 0; i < 3; i++) {\n  tot";

        Completion completion = completeAtEnd(cell);

        assertThat(completion.replacements()).contains("total").doesNotContain("title");
        assertThat(completion.start()).isEqualTo(cell.lastIndexOf("tot"));
        assertThat(completion.end()).isEqualTo(cell.length());
    }

    @Test
    void offersEarlierVariablesAlongsideJShellsOwnSuggestions() {
        String cell = "int myLocal = 0;\nmy";

        assertThat(completeAtEnd(cell).replacements()).containsExactly("myVar", "myLocal");
    }

    @Test
    void offersNoEarlierVariablesAfterADot() {
        String cell = "int length2 = 0;\n\"abc\".len";

        assertThat(completeAtEnd(cell).replacements()).singleElement().asString().startsWith("length(");
    }

    @Test
    void fallsBackToTheSnippetAloneWhenEarlierDeclarationsSpoilTheAnalysis() {
        // "static" is illegal for a local variable, so the snippet with it in front yields nothing.
        String cell = "static String w = \"\";\nMath.ab";

        Completion completion = completeAtEnd(cell);

        assertThat(completion.replacements()).contains("abs(");
        assertThat(completion.start()).isEqualTo(cell.lastIndexOf("ab"));
    }

    @Test
    void putsSuggestionsMatchingTheExpectedTypeFirst() {
        // JShell lists the double constant E before abs(, which returns the int wanted here.
        var replacements = completeAtEnd("int q = Math.").replacements();

        assertThat(replacements).contains("abs(", "E").doesNotHaveDuplicates();
        assertThat(replacements.indexOf("abs(")).isLessThan(replacements.indexOf("E"));
    }

    @Test
    void completesLineMagicNames() {
        Completion completion = completeAtEnd("%ti");

        assertThat(completion.replacements()).containsExactly("%time", "%timeit");
        assertThat(completion.start()).isZero();
        assertThat(completion.end()).isEqualTo(3);
    }

    @Test
    void aBarePercentOffersEveryLineMagicInOrder() {
        assertThat(completeAtEnd("%").replacements())
                .containsExactly("%classpath", "%load", "%time", "%timeit");
    }

    @Test
    void completesALineMagicOnALaterIndentedLine() {
        String cell = "int x = 1;\n  %lo";

        Completion completion = completeAtEnd(cell);

        assertThat(completion.replacements()).containsExactly("%load");
        assertThat(completion.start()).isEqualTo(cell.indexOf('%'));
    }

    @Test
    void completesCellMagicNamesOnTheFirstLine() {
        assertThat(completeAtEnd("%%").replacements()).containsExactly("%%html", "%%time");
        assertThat(completeAtEnd("%%ti").replacements()).containsExactly("%%time");
        assertThat(completer.complete("%%ti\nint x = 1;", 4).replacements())
                .containsExactly("%%time");
    }

    @Test
    void offersNoCellMagicsAfterTheFirstLine() {
        assertThat(completeAtEnd("int x = 1;\n%%ti").replacements()).doesNotContain("%%time");
    }

    @Test
    void offersNothingInAMagicsArguments() {
        Completion completion = completeAtEnd("%time Math.ab");

        assertThat(completion.isEmpty()).isTrue();
        assertThat(completion.start()).isEqualTo(completion.end()).isEqualTo(13);
    }

    @Test
    void offersNothingForAnUnknownMagic() {
        assertThat(completeAtEnd("%zz").isEmpty()).isTrue();
    }

    @Test
    void completesJavaBelowAMagicLine() {
        String cell = "%%time\nMath.ab";

        Completion completion = completeAtEnd(cell);

        assertThat(completion.replacements()).contains("abs(");
        assertThat(completion.start()).isEqualTo(cell.indexOf("ab"));
    }

    @Test
    void readsTheMagicNamesAnewOnEveryRequest() {
        Set<String> registry = new TreeSet<>();
        CodeCompleter live = new CodeCompleter(shell.sourceCodeAnalysis(), registry, Set.of());
        assertThat(live.complete("%wid", 4).isEmpty()).isTrue();

        registry.add("widgets");

        assertThat(live.complete("%wid", 4).replacements()).containsExactly("%widgets");
    }

    @Test
    void toleratesMissingMagicSets() {
        CodeCompleter noMagics = new CodeCompleter(shell.sourceCodeAnalysis(), null, null);

        assertThat(noMagics.complete("%ti", 3).isEmpty()).isTrue();
        assertThat(noMagics.complete("Math.ab", 7).replacements()).contains("abs(");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ")))(((", "}}}", "\"unterminated", "@@@", "int x = ;", "/* open"})
    void neverThrowsOnGarbage(String cell) {
        for (int cursor = -2; cursor <= cell.length() + 2; cursor++) {
            int at = cursor;
            assertThatCode(() -> completer.complete(cell, at)).doesNotThrowAnyException();
        }
    }

    @Test
    void clampsACursorOutsideTheCellAndAcceptsNull() {
        assertThat(completer.complete("Math.ab", 99).replacements()).contains("abs(");
        assertThat(completer.complete(null, 3)).isEqualTo(Completion.none(0));
        // An empty cell is no garbage: Tab there lists what can start a snippet.
        assertThat(completer.complete("", 0).replacements()).contains("myVar", "String");
    }
}
