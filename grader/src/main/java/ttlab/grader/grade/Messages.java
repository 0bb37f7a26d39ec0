package ttlab.grader.grade;

/**
 * Test messages a student can act on. JUnit reports what was thrown; a few throwables say little
 * to a student by their name alone, so a sentence is added to them.
 */
final class Messages {

    private static final int MAX_LENGTH = 4000;

    private Messages() {
    }

    static String explain(String status, String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("java.lang.StackOverflowError")) {
            m = "StackOverflowError: the code recursed too deeply (endless recursion?)" + rest(m, "java.lang.StackOverflowError");
        } else if (m.startsWith("java.lang.OutOfMemoryError")) {
            m = m + " (the code used up the memory of its grading process)";
        } else if (m.contains("SPIResolutionException")) {
            m = "the code calls something that is not defined: a cell that did not compile? (see the problems listed"
                    + " with the results)";
        }
        if (m.length() > MAX_LENGTH) {
            m = m.substring(0, MAX_LENGTH) + "\n[... " + (m.length() - MAX_LENGTH) + " more characters]";
        }
        return m;
    }

    private static String rest(String message, String prefix) {
        String tail = message.substring(prefix.length());
        return tail.startsWith(":") ? tail : "";
    }
}
