package ttlab.kernel.assist;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class BracketDepthTest {

    static Stream<Arguments> code() {
        return Stream.of(
                arguments("int x = 1;", 0),
                arguments("for (int i = 0; i < 3; i++) {", 1),
                arguments("class A {\n  void f() {", 2),
                arguments("class A {\n  void f() {\n  }", 1),
                arguments("foo(1,", 1),
                arguments("int[] a = {1, 2", 1),
                arguments("a[(1", 2),
                arguments("String s = \"{{(\"; if (x) {", 1),
                arguments("char c = '{'; if (x) {", 1),
                arguments("char c = '\\''; if (x) {", 1),
                arguments("String s = \"\\\"{\"; if (x) {", 1),
                arguments("String s = \"\\\\\"; if (x) {", 1),
                arguments("if (x) { // {{{", 1),
                arguments("// {\nwhile (y) {", 1),
                arguments("/* { ( [ */ while (y) {", 1),
                arguments("/* { unfinished comment", 0),
                arguments("String t = \"\"\"\n  {{ ( \\\"\"\" \n  \"\"\"; {", 1),
                arguments("String t = \"\"\"\n  {{ still open", 0),
                arguments("String s = \"{ never closed\nif (x) {", 1),
                arguments("}}} {", 1));
    }

    @ParameterizedTest(name = "[{index}] {1} open")
    @MethodSource("code")
    void countsOnlyBracketsThatAreCode(String code, int expected) {
        assertThat(BracketDepth.unclosed(code)).as(code).isEqualTo(expected);
    }
}
