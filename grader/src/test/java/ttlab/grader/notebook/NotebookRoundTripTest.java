package ttlab.grader.notebook;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading and writing against files that Python's nbformat wrote (see make_notebooks.py): a
 * notebook saved by JupyterLab must come back byte for byte.
 */
class NotebookRoundTripTest {

    static byte[] resource(String path) {
        try (InputStream in = NotebookRoundTripTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Notebook read(String path) throws NotebookException {
        return NotebookReader.parse(resource(path), path);
    }

    @Test
    void aNotebookSavedByJupyterLabIsWrittenBackByteForByte() throws Exception {
        byte[] saved = resource("notebooks/jupyterlab-saved.ipynb");
        byte[] written = NotebookWriter.toBytes(NotebookReader.parse(saved, "saved"));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(saved, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(saved);
    }

    @Test
    void aHandWrittenNotebookIsWrittenExactlyAsNbformatWritesIt() throws Exception {
        String expected = new String(resource("notebooks/hand-written.nbformat.ipynb"), StandardCharsets.UTF_8);
        assertThat(NotebookWriter.toJson(read("notebooks/hand-written.ipynb"))).isEqualTo(expected);
    }

    @Test
    void nbformatsOwnOutputIsAFixedPoint() throws Exception {
        byte[] nbformat = resource("notebooks/hand-written.nbformat.ipynb");
        assertThat(NotebookWriter.toBytes(NotebookReader.parse(nbformat, "x"))).isEqualTo(nbformat);
    }

    @Test
    void theSourceIsOneStringWhetherStoredAsAStringOrAsLines() throws Exception {
        Notebook handWritten = read("notebooks/hand-written.ipynb");
        assertThat(handWritten.cells().get(0).source()).isEqualTo("one string\nof two lines");
        assertThat(handWritten.cells().get(1).source()).isEqualTo("not split at line ends\nx");
        Notebook saved = read("notebooks/jupyterlab-saved.ipynb");
        Cell square = saved.cells().get(2);
        assertThat(square.source()).isEqualTo("int square(int x) {\n    return x * x;\n}");
        assertThat(saved.cells().get(8).source()).isEqualTo("// ends with blank lines\n\n");
        assertThat(saved.cells().get(7).source()).isEmpty();
    }

    @Test
    void cellsGiveTypedAccessToIdTypeMetadataAndOutputs() throws Exception {
        Notebook saved = read("notebooks/jupyterlab-saved.ipynb");
        assertThat(saved.nbformat()).isEqualTo(4);
        assertThat(saved.nbformatMinor()).isEqualTo(5);
        assertThat(saved.metadata().getAsJsonObject("kernelspec").get("name").getAsString()).isEqualTo("java");
        assertThat(saved.cells()).extracting(Cell::id).startsWith("intro", "with-attachment", "square", "streams");
        assertThat(saved.cells()).extracting(Cell::type).contains(Cell.CODE, Cell.MARKDOWN, Cell.RAW);
        Cell streams = saved.cells().get(3);
        assertThat(streams.isCode()).isTrue();
        assertThat(streams.number()).isEqualTo(4);
        assertThat(streams.outputs()).hasSize(2);
        assertThat(saved.cells().get(2).metadata().getAsJsonObject("ttlab").get("exercise").getAsString())
                .isEqualTo("warmup.square");
    }

    @Test
    void anEditedSourceIsWrittenAsLinesThatKeepTheirLineBreaks() throws Exception {
        Notebook nb = read("notebooks/jupyterlab-saved.ipynb");
        nb.cells().get(2).setSource("a\nb");
        nb.cells().get(3).setSource("a\nb\n");
        nb.cells().get(4).setSource("");
        String json = NotebookWriter.toJson(nb);
        assertThat(json).contains("\"source\": [\n    \"a\\n\",\n    \"b\"\n   ]");
        assertThat(json).contains("\"source\": [\n    \"a\\n\",\n    \"b\\n\"\n   ]");
        assertThat(json).contains("\"source\": []");
        Notebook reread = NotebookReader.parse(json.getBytes(StandardCharsets.UTF_8), "reread");
        assertThat(reread.cells().get(3).source()).isEqualTo("a\nb\n");
    }

    @Test
    void unknownFieldsAtEveryLevelSurvive() throws Exception {
        JsonObject doc = TestNotebooks.document(TestNotebooks.code("c", "1 + 1"));
        doc.addProperty("x-top", "kept");
        doc.getAsJsonObject("metadata").addProperty("x-meta", 1);
        JsonObject cell = doc.getAsJsonArray("cells").get(0).getAsJsonObject();
        cell.addProperty("x-cell", true);
        cell.getAsJsonObject("metadata").addProperty("jupyter", "whatever");
        Notebook nb = NotebookReader.parse(doc.toString().getBytes(StandardCharsets.UTF_8), "x");
        String json = NotebookWriter.toJson(nb);
        assertThat(json).contains("\"x-top\": \"kept\"", "\"x-meta\": 1", "\"x-cell\": true", "\"jupyter\": \"whatever\"");
    }

    @Test
    void transientFieldsAreDroppedAsNbformatDropsThem() throws Exception {
        String json = NotebookWriter.toJson(read("notebooks/hand-written.ipynb"));
        assertThat(json).doesNotContain("orig_nbformat", "signature", "trusted");
    }

    @Test
    void writingIsRepeatableAndLeavesTheModelAsItWas() throws Exception {
        Notebook nb = read("notebooks/hand-written.ipynb");
        String before = nb.json().toString();
        String first = NotebookWriter.toJson(nb);
        assertThat(NotebookWriter.toJson(nb)).isEqualTo(first);
        assertThat(nb.json().toString()).isEqualTo(before);
    }

    @Test
    void clearingOutputsEmptiesThemAndTheExecutionCount() throws Exception {
        Notebook nb = read("notebooks/jupyterlab-saved.ipynb");
        Cell value = nb.cells().get(4);
        value.clearOutputs();
        assertThat(value.outputs()).isEmpty();
        assertThat(value.json().get("execution_count").isJsonNull()).isTrue();
    }

    @Test
    void aCopyIsIndependent() throws Exception {
        Notebook nb = read("notebooks/jupyterlab-saved.ipynb");
        Notebook copy = nb.copy();
        copy.cells().get(0).setSource("changed");
        copy.removeCells(Cell::isCode);
        assertThat(nb.cells().get(0).source()).startsWith("# Attention");
        assertThat(nb.cells()).hasSize(11);
        assertThat(copy.cells()).extracting(Cell::type).doesNotContain(Cell.CODE);
    }
}
