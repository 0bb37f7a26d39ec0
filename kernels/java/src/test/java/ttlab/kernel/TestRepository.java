package ttlab.kernel;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A Maven local repository in a folder, and small jars compiled from source for it. */
final class TestRepository {

    /** Nothing listens there: a resolver that tries the network fails at once. */
    static final String NOWHERE = "http://127.0.0.1:9/";

    private final Path root;

    TestRepository(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Puts {@code jar} and a POM with {@code dependencies} (XML) where `mvn install` would. */
    Path install(String group, String artifact, String version, Path jar, String dependencies) throws IOException {
        Path folder = root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(folder);
        Path installed = Files.copy(jar, folder.resolve(artifact + "-" + version + ".jar"));
        installPom(group, artifact, version, dependencies);
        return installed;
    }

    /** A POM alone (a parent, say), with {@code more} (XML) after its coordinates. */
    void installPom(String group, String artifact, String version, String more) throws IOException {
        Path folder = Files.createDirectories(root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version));
        Files.writeString(folder.resolve(artifact + "-" + version + ".pom"),
                "<project><modelVersion>4.0.0</modelVersion><groupId>" + group + "</groupId><artifactId>" + artifact
                        + "</artifactId><version>" + version + "</version>" + more + "</project>");
    }

    static String dependency(String group, String artifact, String version) {
        return "<dependencies><dependency><groupId>" + group + "</groupId><artifactId>" + artifact
                + "</artifactId><version>" + version + "</version></dependency></dependencies>";
    }

    /**
     * Compiles {@code sources} (path in the jar → Java source) into {@code jar}, with
     * {@code resources} (path → text) beside them.
     */
    static Path jar(Path jar, Map<String, String> sources, Map<String, String> resources) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        String[] args = new String[sources.size() + 4];
        int i = 0;
        args[i++] = "-d";
        args[i++] = classes.toString();
        args[i++] = "-cp";
        args[i++] = System.getProperty("java.class.path");
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args[i++] = file.toString();
        }
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args) != 0) {
            throw new IllegalStateException("test sources do not compile");
        }
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            Path file = classes.resolve(resource.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, resource.getValue());
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, new Manifest());
             var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
