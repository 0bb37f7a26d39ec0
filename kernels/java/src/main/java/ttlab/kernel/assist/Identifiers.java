package ttlab.kernel.assist;

/** Where the Java identifier touching an offset starts and ends. */
final class Identifiers {

    private Identifiers() {
    }

    /** The start of the identifier that runs through or ends at {@code offset}. */
    static int start(String code, int offset) {
        int at = Math.min(offset, code.length());
        while (at > 0 && Character.isJavaIdentifierPart(code.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    /** The end of the identifier that runs through or starts at {@code offset}. */
    static int end(String code, int offset) {
        int at = Math.max(0, offset);
        while (at < code.length() && Character.isJavaIdentifierPart(code.charAt(at))) {
            at++;
        }
        return at;
    }
}
