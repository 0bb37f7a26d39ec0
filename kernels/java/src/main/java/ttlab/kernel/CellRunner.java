package ttlab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellError;
import ttlab.kernel.engine.CellResult;
import ttlab.kernel.exercise.SavedNotebook;

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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a notebook cell: Java code goes to the {@link CellEngine}, magics are handled here.
 *
 * <ul>
 *   <li>{@code %classpath PATH...}: add jars or folders ({@code dir/*} adds every jar in dir,
 *       {@code dir/*.jar} and other globs in the file name add what matches); with no
 *       argument, list what was added. {@code %jars PATH...}, as JJava and IJava name it, is the
 *       same.</li>
 *   <li>{@code %maven group:artifact:version...}: add Maven artifacts with their runtime
 *       dependencies, from the local repository first (see {@link MavenArtifacts}).</li>
 *   <li>{@code %load FILE}: run a .jsh or .java file, or every code cell of an .ipynb.</li>
 *   <li>{@code %time CODE} and {@code %%time}: run code and print how long it took.</li>
 * </ul>
 */
final class CellRunner {

    static final Set<String> LINE_MAGICS = Set.of("classpath", "jars", "load", "maven", "time");
    static final Set<String> CELL_MAGICS = Set.of("time");

    private final CellEngine engine;
    private final Path workingDirectory;
    private final List<String> addedClasspath = new ArrayList<>();
    private final Supplier<MavenArtifacts> maven;
    private volatile Consumer<List<String>> classpathListener = entries -> { };

    CellRunner(CellEngine engine, Path workingDirectory) {
        // A lambda, not MavenArtifacts::standard: linking that method reference at kernel start
        // would verify MavenArtifacts, which loads the resolver's classes. The lambda's body runs,
        // and the resolver loads, at the first %maven.
        this(engine, workingDirectory, () -> MavenArtifacts.standard());
    }

    CellRunner(CellEngine engine, Path workingDirectory, Supplier<MavenArtifacts> maven) {
        this.engine = engine;
        this.workingDirectory = workingDirectory;
        this.maven = maven;
    }

    /** Told of the entries each %classpath, %jars or %maven added (the kernel installs their extensions). */
    void onClasspathAdded(Consumer<List<String>> listener) {
        this.classpathListener = listener;
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
            case "jars":
                return classpath(magic.args());
            case "maven":
                return maven(magic.args());
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
        add(entries);
        System.out.println("Added to the classpath: " + String.join(", ", entries));
        return CellResult.success(false, null, List.of());
    }

    private CellResult maven(String args) {
        if (args.isBlank()) {
            return magicError("%maven needs coordinates: %maven group:artifact:version ...");
        }
        List<Path> jars;
        try {
            jars = maven.get().resolve(List.of(args.trim().split("\\s+")));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return magicError("%maven: " + e.getMessage());
        }
        List<String> entries = new ArrayList<>();
        jars.forEach(jar -> entries.add(jar.toString()));
        add(entries);
        System.out.println("Added " + entries.size() + " jar(s) to the classpath: " + String.join(", ", entries));
        return CellResult.success(false, null, List.of());
    }

    private void add(List<String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        engine.addToClasspath(String.join(File.pathSeparator, entries));
        addedClasspath.addAll(entries);
        classpathListener.accept(List.copyOf(entries));
    }

    /**
     * A path relative to the notebook's folder; {@code dir/*} for every jar in dir, or a glob
     * ({@code *}, {@code ?}, {@code [...]}, {@code {a,b}}) in the file name for what matches.
     */
    private List<String> expand(String arg) throws IOException {
        Path given = workingDirectory.resolve(arg).normalize();
        String name = given.getFileName() == null ? "" : given.getFileName().toString();
        if (!name.matches(".*[*?\\[{].*")) {
            if (!Files.exists(given)) {
                throw new IllegalArgumentException("no such file or folder: " + given);
            }
            return List.of(given.toString());
        }
        Path folder = given.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder: " + folder);
        }
        String glob = name.equals("*") ? "*.jar" : name;
        Set<String> matches = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, glob)) {
            stream.forEach(p -> matches.add(p.toString()));
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException(name.equals("*") ? "no jar files in " + folder
                    : "nothing in " + folder + " matches " + name);
        }
        return new ArrayList<>(matches);
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
            last = run(SavedNotebook.source(cell.get("source")), name + " cell " + index);
            if (!last.succeeded()) {
                return last;
            }
        }
        return last;
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
