package ttlab.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells run in this kernel session, for Jupyter's history requests (a console's up-arrow,
 * {@code %history}-style tools). Kept in memory: a kernel's history ends with the kernel.
 */
final class SessionHistory implements HistoryManager {

    private static final int SESSION = 0;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void record(int executionCount, String code) {
        entries.add(new HistoryEntry(SESSION, executionCount, code, null));
    }

    /** Attaches the plain-text result of a cell recorded earlier. */
    synchronized void recordOutput(int executionCount, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            if (e.getCellNumber() == executionCount) {
                entries.set(i, new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(), output));
                return;
            }
        }
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, length));
        return new ArrayList<>(entries.subList(from, entries.size()));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> found = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
                found.add(e);
            }
        }
        return found;
    }

    /** Glob search as IPython does it: '*' any text, '?' one character. */
    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern pattern = Pattern.compile(globToRegex(glob == null ? "*" : glob), Pattern.DOTALL);
        Map<String, HistoryEntry> matches = new LinkedHashMap<>();
        for (HistoryEntry e : entries) {
            if (pattern.matcher(e.getInput()).matches()) {
                if (flags.contains(ResultFlag.UNIQUE)) {
                    matches.remove(e.getInput()); // keep the latest of equal inputs
                }
                matches.put(flags.contains(ResultFlag.UNIQUE) ? e.getInput() : e.getCellNumber() + "", e);
            }
        }
        List<HistoryEntry> all = new ArrayList<>(matches.values());
        return length > 0 && all.size() > length ? all.subList(all.size() - length, all.size()) : all;
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
