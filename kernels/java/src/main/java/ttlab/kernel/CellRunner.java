package ttlab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellError;
import ttlab.kernel.engine.CellResult;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a notebook cell: Java code goes to the {@link CellEngine}, magics are handled here.
 *
 * <ul>
 *   <li>{@code %classpath PATH...}: add jars or folders ({@code dir/*} adds every jar in dir);
 *       with no argument, list what was added.</li>
 *   <li>{@code %load FILE}: run a .jsh or .java file, or every code cell of an .ipynb.</li>
 *   <li>{@code %time CODE} and {@code %%time}: run code and print how long it took.</li>
 * </ul>
 */
final class CellRunner {

    static final Set<String> LINE_MAGICS = Set.of("classpath", "load", "time");
    static final Set<String> CELL_MAGICS = Set.of("time");

    private final CellEngine engine;
    private final Path workingDirectory;
    private final List<String> addedClasspath = new ArrayList<>();

    CellRunner(CellEngine engine, Path workingDirectory) {
        this.engine = engine;
        this.workingDirectory = workingDirectory;
    }

    CellResult run(String cell, String label) {
        MagicLine.CellMagic cellMagic = MagicLine.CellMagic.parse(cell);
        if (cellMagic != null) {
            return runCellMagic(cellMagic, label);
        }
        CellResult last = CellResult.success(false, null, List.of());
        for (MagicLine.Part part : MagicLine.split(cell)) {
            last = part.isMagic() ? runLineMagic(part.magic(), label) : engine.evaluate(part.code(), label);
            if (!last.succeeded()) {
                return last;
            }
        }
        return last;
    }

    private CellResult runCellMagic(MagicLine.CellMagic magic, String label) {
        if (!magic.name().equals("time")) {
            return unknownMagic("%%" + magic.name(), CELL_MAGICS, "%%");
        }
        return timed(() -> run(magic.body(), label));
    }

    private CellResult runLineMagic(MagicLine magic, String label) {
        switch (magic.name()) {
            case "classpath":
                return classpath(magic.args());
            case "load":
                return load(magic.args());
            case "time":
                String padded = "\n".repeat(magic.line() - 1) + magic.args();
                return timed(() -> engine.evaluate(padded, label));
            default:
                return unknownMagic("%" + magic.name(), LINE_MAGICS, "%");
        }
    }

    private CellResult timed(java.util.function.Supplier<CellResult> work) {
        long start = System.nanoTime();
        CellResult result = work.get();
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.println(String.format(Locale.ROOT, "Wall time: %.1f ms", ms));
        return result;
    }

    private CellResult classpath(String args) {
        if (args.isBlank()) {
            System.out.println(addedClasspath.isEmpty() ? "(nothing added)" : String.join(File.pathSeparator, addedClasspath));
            return CellResult.success(false, null, List.of());
        }
        List<String> entries = new ArrayList<>();
        for (String arg : args.split("[\\s" + File.pathSeparator + "]+")) {
            try {
                entries.addAll(expand(arg));
            } catch (IOException | IllegalArgumentException e) {
                return magicError("%classpath: " + e.getMessage());
            }
        }
        for (String entry : entries) {
            engine.addToClasspath(entry);
            addedClasspath.add(entry);
        }
        System.out.println("Added to the classpath: " + String.join(", ", entries));
        return CellResult.success(false, null, List.of());
    }

    /** A path, or {@code dir/*} for every jar in dir, relative to the notebook's folder. */
    private List<String> expand(String arg) throws IOException {
        boolean allJars = arg.endsWith("/*") || arg.equals("*");
        Path path = workingDirectory.resolve(allJars ? arg.substring(0, Math.max(0, arg.length() - 2)) : arg).normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file or folder: " + path);
        }
        if (!allJars) {
            return List.of(path.toString());
        }
        Set<String> jars = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path, "*.jar")) {
            stream.forEach(p -> jars.add(p.toString()));
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("no jar files in " + path);
        }
        return new ArrayList<>(jars);
    }

    private CellResult load(String args) {
        if (args.isBlank()) {
            return magicError("%load needs a file: %load path/to/code.jsh (or .java, .ipynb)");
        }
        Path file = workingDirectory.resolve(args.trim()).normalize();
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return magicError("%load: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (name.endsWith(".ipynb")) {
            return loadNotebook(name, text);
        }
        return run(text, name);
    }

    private CellResult loadNotebook(String name, String text) {
        JsonArray cells;
        try {
            JsonObject notebook = JsonParser.parseString(text).getAsJsonObject();
            cells = notebook.getAsJsonArray("cells");
            if (cells == null) {
                return magicError("%load: " + name + " has no cells (is it an nbformat 4 notebook?)");
            }
        } catch (JsonParseException | IllegalStateException e) {
            return magicError("%load: " + name + " is not a valid notebook: " + e.getMessage());
        }
        CellResult last = CellResult.success(false, null, List.of());
        int index = 0;
        for (JsonElement element : cells) {
            index++;
            JsonObject cell = element.getAsJsonObject();
            if (!"code".equals(cell.has("cell_type") ? cell.get("cell_type").getAsString() : "")) {
                continue;
            }
            last = run(joinSource(cell.get("source")), name + " cell " + index);
            if (!last.succeeded()) {
                return last;
            }
        }
        return last;
    }

    /** nbformat stores a cell's source as one string or as a list of lines. */
    private static String joinSource(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return source.getAsString();
    }

    private static CellResult unknownMagic(String written, Set<String> known, String prefix) {
        return magicError("Unknown magic " + written + ". Available: " + String.join(", ",
                new TreeSet<>(known).stream().map(k -> prefix + k).toArray(String[]::new)));
    }

    private static CellResult magicError(String message) {
        return CellResult.failure(CellResult.Status.RUNTIME_ERROR,
                new CellError("MagicError", message, List.of(message), List.of()), List.of());
    }
}
