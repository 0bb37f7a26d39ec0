package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notebooks get {@code import ttlab.course.*;} by default and add {@code import ttlab.course.ssm.*;}:
 * a public class of the same simple name in both packages would make that name ambiguous in every
 * such notebook ("reference to Matrices is ambiguous").
 */
class PublicNamesTest {

    @Test
    void noPublicClassOfThisPackageSharesItsNameWithOneOfTtlabCourse() throws Exception {
        Set<String> course = publicTopLevelClasses("ttlab.course");
        Set<String> ssm = publicTopLevelClasses("ttlab.course.ssm");
        assertThat(course).contains("Matrices", "Plots");
        assertThat(ssm).contains("Scans", "Ssd");
        ssm.retainAll(course);
        assertThat(ssm).as("public in both ttlab.course and ttlab.course.ssm").isEmpty();
    }

    /** The public top-level classes of a package, from every folder that holds its classes (main and test). */
    private static Set<String> publicTopLevelClasses(String packageName) throws IOException, URISyntaxException {
        Set<String> names = new TreeSet<>();
        for (URL folder : Collections.list(PublicNamesTest.class.getClassLoader().getResources(packageName.replace('.', '/')))) {
            assertThat(folder.getProtocol()).as("classes of " + packageName + " in a folder: " + folder).isEqualTo("file");
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                        String simpleName = name.substring(0, name.length() - ".class".length());
                        if (isPublic(packageName + "." + simpleName)) {
                            names.add(simpleName);
                        }
                    }
                }
            }
        }
        return names;
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, PublicNamesTest.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("listed but not loadable: " + className, e);
        }
    }
}
