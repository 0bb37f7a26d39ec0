package ttlab.jjava;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension on a JJava-like kernel: found through JJava's service mechanism at start-up,
 * it brings the course's imports, renderers and a check(...) that gives up on a stuck test.
 */
class CourseExtensionTest {

    private JJavaLikeKernel kernel;

    @BeforeEach
    void start() {
        kernel = new JJavaLikeKernel();
        kernel.evalRaw("import static ttlab.jjava.JJavaStatics.*;"); // as JJava's own start-up does
        kernel.onStartup();
    }

    @AfterEach
    void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void theCourseImportsResolveBesideJJavasOwnHelpers() {
        Object value = kernel.evalRaw("Function<Integer, Integer> twice = x -> 2 * x;\n"
                + "var squares = IntStream.range(0, 4).map(i -> i * i).boxed().collect(Collectors.toList());\n"
                + "assertThat(squares).containsExactly(0, 1, 4, 9);\n"
                + "Pattern.matches(\"a+\", \"aaa\") && Duration.ofSeconds(2).toMillis() == 2000\n"
                + "    && Vectors.class != null && Test.class != null && twice.apply(3) == 6");

        assertThat(value).isEqualTo("true");
    }

    @Test
    void jjavasDisplayAndTheCoursesHtmlHelperAreNotAmbiguous() {
        kernel.evalRaw("display(html(\"<b>bold</b>\"));\nprintf(\"%d%n\", 3);");

        assertThat(kernel.displayed).hasSize(1);
        assertThat(kernel.displayed.get(0).getData(MIMEType.TEXT_HTML)).isEqualTo("<b>bold</b>");
    }

    @Test
    void theCoursesRenderersAreRegistered() {
        DisplayData matrix = kernel.getRenderer().render(new double[][] {{1, 2}, {3, 4}});
        DisplayData chart = kernel.getRenderer().render(new XYChart(200, 100));

        assertThat((String) matrix.getData(MIMEType.TEXT_HTML)).contains("<caption>double[2][2]</caption>");
        assertThat(chart.getData(MIMEType.IMAGE_PNG)).isNotNull();
    }

    @Test
    void checkGivesUpOnAStuckTestAndReportsTheOthers() {
        kernel.evalRaw("class Release { static volatile boolean done; }\n"
                + "int square(int x) { return x * x; }\n"
                + "int spin() { while (!Release.done) { Thread.interrupted(); } return 0; }\n"
                + "class SquareTests {\n"
                + "  @Test @Points(2) void squares() { assertThat(square(3)).isEqualTo(9); }\n"
                + "  @Test void spins() { spin(); }\n"
                + "}");
        long started = System.nanoTime();

        try {
            kernel.evalRaw("check(Duration.ofMillis(500), SquareTests.class);");
        } finally {
            kernel.evalRaw("Release.done = true;");
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).as("check waited for the stuck test").isLessThan(5.0);
        assertThat(kernel.displayed).hasSize(1);
        String table = (String) kernel.displayed.get(0).getData(MIMEType.TEXT_PLAIN);
        assertThat(table).contains("1 of 2 tests passed, 2 / 3 points").contains("TIMED_OUT").contains("PASSED");
    }
}
