package ttlab.grader.grade;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiScannerTest {

    private static List<String> flags(String... cells) {
        List<ApiScanner.StudentCell> scanned = new java.util.ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            scanned.add(new ApiScanner.StudentCell("c" + (i + 1), i + 1, cells[i]));
        }
        return ApiScanner.scan(scanned).stream()
                .map(f -> f.cell() + ":" + f.line() + ":" + f.category() + ":" + f.api()).toList();
    }

    @Test
    void findsEachKindInDeclarationsAndStatements() {
        String cell = String.join("\n",
                "static void work() throws Exception {",
                "    Class.forName(\"x.Y\").getDeclaredField(\"f\").setAccessible(true);",
                "    new ProcessBuilder(\"ls\").start();",
                "    Runtime.getRuntime().exec(\"ls\");",
                "    ExecutorService pool = Executors.newFixedThreadPool(2);",
                "    String text = Files.readString(Path.of(\"secret.txt\"));",
                "    var url = new java.net.URL(\"http://example.org\");",
                "    System.exit(1);",
                "}",
                "Runtime.getRuntime().halt(2);");
        assertThat(flags(cell)).containsExactly(
                "c1:2:reflection:Class.forName",
                "c1:2:reflection:getDeclaredField",
                "c1:2:reflection:setAccessible",
                "c1:3:process:ProcessBuilder",
                "c1:4:process:Runtime.exec",
                "c1:5:threads:ExecutorService",
                "c1:5:threads:Executors",
                "c1:6:file-io:Files",
                "c1:6:file-io:Path",
                "c1:7:network:java.net.URL",
                "c1:8:exit:System.exit",
                "c1:10:exit:Runtime.halt");
    }

    @Test
    void importsAndQualifiedNamesAreFlaggedOnce() {
        assertThat(flags("import java.lang.reflect.Method;\nimport java.net.*;",
                "java.nio.file.Files.delete(java.nio.file.Path.of(\"x\"));"))
                .containsExactly("c1:1:reflection:import java.lang.reflect.Method", "c1:2:network:import java.net.*",
                        "c2:1:file-io:java.nio.file.Files.delete", "c2:1:file-io:java.nio.file.Path.of");
    }

    @Test
    void theCourseLibrarysLectureCodeIsFlagged() {
        assertThat(flags("import ttlab.course.attention.*;\ndouble[] p = Softmax.of(new double[] {1, 2}, 1);",
                "var y = ttlab.course.ssm.Scans.sequential(null, null);", "double[][] m = Matrices.identity(2);"))
                .containsExactly("c1:1:course-library:import ttlab.course.attention.*",
                        "c2:1:course-library:ttlab.course.ssm.Scans.sequential");
    }

    @Test
    void startingNoThreadIsNotFlagged() {
        assertThat(flags("Thread.sleep(10);\nlong id = Thread.currentThread().getId();")).isEmpty();
        assertThat(flags("new Thread(() -> {}).start();")).containsExactly("c1:1:threads:Thread");
    }

    @Test
    void ordinaryCodeIsNotFlagged() {
        assertThat(flags("static long square(int x) {\n    return (long) x * x;\n}\nsquare(5)",
                "List<Integer> xs = new ArrayList<>();\nxs.stream().map(x -> x + 1).forEach(System.out::println);"))
                .isEmpty();
    }

    @Test
    void aCellThatDoesNotCompileIsStillScanned() {
        assertThat(flags("static void f() {\n    System.exit(1)\n}")).containsExactly("c1:2:exit:System.exit");
    }
}
