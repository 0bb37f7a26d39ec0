package ttlab.kernel.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for every snippet JShell accepted, the cell it came from and the cell line it
 * starts on, so that a stack frame in a method defined three cells ago still points at the
 * student's own text ("In[3] line 7").
 */
final class SnippetOrigins {

    record Origin(String cellLabel, int firstLine) {
        String describe(int snippetLine) {
            return cellLabel + " line " + (firstLine + snippetLine - 1);
        }
    }

    private final Map<String, Origin> byId = new ConcurrentHashMap<>();

    void record(String snippetId, String cellLabel, int firstLine) {
        byId.put(snippetId, new Origin(cellLabel, firstLine));
    }

    /** JShell names snippet sources "#id" in translated stack traces. */
    String describe(String fileName, int snippetLine) {
        if (fileName == null || !fileName.startsWith("#")) {
            return null;
        }
        Origin origin = byId.get(fileName.substring(1));
        return origin == null ? null : origin.describe(snippetLine);
    }
}
