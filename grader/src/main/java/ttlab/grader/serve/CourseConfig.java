package ttlab.grader.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import ttlab.grader.grade.Sizes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The course's rules for the submission service, from a small JSON file ({@code --config}):
 *
 * <pre>{@code
 * {
 *   "timezone": "Europe/Berlin",
 *   "max_notebook_bytes": "5m",
 *   "gradebook": "last",
 *   "instructor_group": "instructors",
 *   "defaults": {"late_penalty_per_day": 0.1, "max_submissions": 20, "grace_minutes": 5},
 *   "assignments": {
 *     "00-warmup": {"title": "Warm-up", "due": "2026-10-20T23:59", "cutoff": "2026-10-23T23:59"}
 *   }
 * }
 * }</pre>
 *
 * Every key is optional. Dates are ISO 8601: with an offset ({@code 2026-10-20T23:59+02:00}), or
 * local time in {@code timezone} (default UTC); a date alone means the end of that day. An
 * assignment's keys override {@code defaults}. With {@code assignments}, only those are accepted,
 * and each must have its master in the solutions folder; without, every master there is an
 * assignment. {@code gradebook} says which graded submission counts: {@code last} (the latest
 * graded) or {@code best}. {@code instructor_group}: behind JupyterHub, the Hub group whose
 * members are instructors besides the Hub's admins. Unknown keys are errors, so that a typo cannot
 * silently drop a deadline.
 */
public final class CourseConfig {

    /** Which of a student's graded submissions the gradebook counts. */
    public enum Counted { LAST, BEST }

    static final long DEFAULT_MAX_NOTEBOOK_BYTES = 5L << 20;
    private static final Set<String> TOP_KEYS = Set.of("timezone", "max_notebook_bytes", "gradebook",
            "instructor_group", "defaults", "assignments");
    private static final Set<String> RULE_KEYS = Set.of("title", "due", "cutoff", "late_penalty_per_day",
            "max_submissions", "grace_minutes");

    private final Map<String, Assignment> assignments;
    private final long maxNotebookBytes;
    private final Counted counted;
    private final String instructorGroup;

    private CourseConfig(Map<String, Assignment> assignments, long maxNotebookBytes, Counted counted,
                         String instructorGroup) {
        this.assignments = Map.copyOf(assignments);
        this.maxNotebookBytes = maxNotebookBytes;
        this.counted = counted;
        this.instructorGroup = instructorGroup;
    }

    /** Every master in {@code solutions} an assignment with no deadline and no limit. */
    public static CourseConfig defaults(Path solutions) throws IOException {
        Map<String, Assignment> all = new TreeMap<>();
        for (String name : masters(solutions)) {
            all.put(name, Assignment.open(name));
        }
        return new CourseConfig(all, DEFAULT_MAX_NOTEBOOK_BYTES, Counted.LAST, null);
    }

    /**
     * Reads a configuration file.
     *
     * @throws IllegalArgumentException naming the file and the key of the first problem
     */
    public static CourseConfig read(Path file, Path solutions) throws IOException {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException(file + ": expected a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage());
        }
        try {
            return parse(root, solutions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    static CourseConfig parse(JsonObject root, Path solutions) throws IOException {
        onlyKeys(root, TOP_KEYS, "");
        ZoneId zone = ZoneId.of("UTC");
        if (root.has("timezone")) {
            try {
                zone = ZoneId.of(text(root, "timezone", ""));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("timezone: unknown time zone " + root.get("timezone"));
            }
        }
        long maxBytes = DEFAULT_MAX_NOTEBOOK_BYTES;
        if (root.has("max_notebook_bytes")) {
            try {
                maxBytes = Sizes.parseBytes(root.get("max_notebook_bytes").getAsString());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("max_notebook_bytes: expected a size such as 5m or 2000000, not "
                        + root.get("max_notebook_bytes"));
            }
        }
        Counted counted = Counted.LAST;
        if (root.has("gradebook")) {
            String value = text(root, "gradebook", "");
            switch (value) {
                case "last": counted = Counted.LAST; break;
                case "best": counted = Counted.BEST; break;
                default: throw new IllegalArgumentException("gradebook: expected \"last\" or \"best\", not \"" + value + "\"");
            }
        }
        String group = root.has("instructor_group") ? text(root, "instructor_group", "") : null;
        JsonObject defaults = root.has("defaults") ? object(root, "defaults") : new JsonObject();
        onlyKeys(defaults, RULE_KEYS, "defaults.");
        Set<String> available = Set.copyOf(masters(solutions));
        Map<String, Assignment> assignments = new TreeMap<>();
        if (root.has("assignments")) {
            JsonObject listed = object(root, "assignments");
            for (Map.Entry<String, JsonElement> e : listed.entrySet()) {
                String name = e.getKey();
                String where = "assignments." + name + ".";
                if (!e.getValue().isJsonObject()) {
                    throw new IllegalArgumentException("assignments." + name + ": expected an object");
                }
                if (!available.contains(name)) {
                    throw new IllegalArgumentException("assignments." + name + ": there is no master " + name
                            + ".ipynb in " + solutions);
                }
                JsonObject rules = e.getValue().getAsJsonObject();
                onlyKeys(rules, RULE_KEYS, where);
                JsonObject merged = defaults.deepCopy();
                rules.entrySet().forEach(r -> merged.add(r.getKey(), r.getValue()));
                assignments.put(name, assignment(name, merged, zone, where));
            }
        } else {
            for (String name : available) {
                assignments.put(name, assignment(name, defaults, zone, "defaults."));
            }
        }
        return new CourseConfig(assignments, maxBytes, counted, group);
    }

    private static Assignment assignment(String name, JsonObject rules, ZoneId zone, String where) {
        try {
            String title = rules.has("title") ? text(rules, "title", where) : name;
            Instant due = rules.has("due") ? instant(text(rules, "due", where), zone, where + "due") : null;
            Instant cutoff = rules.has("cutoff") ? instant(text(rules, "cutoff", where), zone, where + "cutoff") : null;
            double penalty = rules.has("late_penalty_per_day") ? number(rules, "late_penalty_per_day", where) : 0;
            double graceMinutes = rules.has("grace_minutes") ? number(rules, "grace_minutes", where) : 0;
            double max = rules.has("max_submissions") ? number(rules, "max_submissions", where) : 0;
            if (max != Math.rint(max)) {
                throw new IllegalArgumentException(where + "max_submissions must be a whole number");
            }
            return new Assignment(name, title, due, cutoff, penalty, Duration.ofSeconds(Math.round(graceMinutes * 60)),
                    (int) max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                    : where.substring(0, where.length() - 1) + ": " + e.getMessage());
        }
    }

    /** An ISO 8601 instant; local dates and times are in {@code zone}; a date alone is the end of that day. */
    static Instant instant(String text, ZoneId zone, String where) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a local date and time
        }
        try {
            return LocalDate.parse(text).plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": expected an ISO 8601 date such as 2026-10-20T23:59 or "
                    + "2026-10-20T23:59+02:00, not \"" + text + "\"");
        }
    }

    /** Master names (file names without .ipynb) in a solutions folder, sorted. */
    static Collection<String> masters(Path solutions) throws IOException {
        if (!Files.isDirectory(solutions)) {
            throw new IllegalArgumentException("no solutions folder " + solutions);
        }
        Set<String> names = new java.util.TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(solutions, "*.ipynb")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".")) {
                    names.add(name.substring(0, name.length() - ".ipynb".length()));
                }
            }
        }
        return names;
    }

    private static void onlyKeys(JsonObject o, Set<String> allowed, String where) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key " + where + key + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static JsonObject object(JsonObject o, String key) {
        if (!o.get(key).isJsonObject()) {
            throw new IllegalArgumentException(key + ": expected an object");
        }
        return o.getAsJsonObject(key);
    }

    private static String text(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(where + key + ": expected a string, not " + e);
        }
        return e.getAsString();
    }

    private static double number(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(where + key + ": expected a number, not " + e);
        }
        double value = e.getAsDouble();
        if (value < 0 || !Double.isFinite(value)) {
            throw new IllegalArgumentException(where + key + ": must not be negative");
        }
        return value;
    }

    /** The assignments, by name. */
    public Map<String, Assignment> assignments() {
        return new TreeMap<>(assignments);
    }

    public Optional<Assignment> assignment(String name) {
        return Optional.ofNullable(assignments.get(name));
    }

    public long maxNotebookBytes() {
        return maxNotebookBytes;
    }

    public Counted counted() {
        return counted;
    }

    /** The JupyterHub group of instructors; null: admins only. */
    public String instructorGroup() {
        return instructorGroup;
    }
}
