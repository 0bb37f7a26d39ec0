package ttlab.grader.notebook;

/**
 * The line comments that mark parts of a master's cell: {@code // BEGIN SOLUTION} ...
 * {@code // END SOLUTION} around the solution body, {@code // BEGIN HIDDEN TESTS} ...
 * {@code // END HIDDEN TESTS} around tests that students do not get.
 */
public enum Marker {

    SOLUTION("SOLUTION"),
    HIDDEN_TESTS("HIDDEN TESTS");

    private final String word;

    Marker(String word) {
        this.word = word;
    }

    public String begin() {
        return "// BEGIN " + word;
    }

    public String end() {
        return "// END " + word;
    }

    static Marker fromWord(String word) {
        return word.startsWith("SOLUTION") ? SOLUTION : HIDDEN_TESTS;
    }
}
