package ttlab.kernel.engine;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * What Java serialization may build from a snippet agent's answers: the JDK's protocol sends
 * stack traces, the installed-classes flags of a failed load, and the strings of our extension
 * commands; anything else is rejected before it is instantiated.
 */
final class AgentAnswerFilter implements ObjectInputFilter {

    private static final Set<Class<?>> ALLOWED = Set.of(
            StackTraceElement.class, StackTraceElement[].class, boolean[].class, String.class);
    /** The JVM's own cap on a stack trace (-XX:MaxJavaStackTraceDepth) is 1024 by default. */
    private static final long MAX_ARRAY = 4096;
    private static final long MAX_DEPTH = 3;

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.arrayLength() > MAX_ARRAY) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED; // a reference or an array length alone: bounded above
        }
        return ALLOWED.contains(type) ? Status.ALLOWED : Status.REJECTED;
    }
}
