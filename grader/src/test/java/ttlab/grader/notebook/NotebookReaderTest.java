package ttlab.grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.document;
import static ttlab.grader.notebook.TestNotebooks.markdown;

class NotebookReaderTest {

    private static Notebook parse(String text) throws NotebookException {
        return NotebookReader.parse(text.getBytes(StandardCharsets.UTF_8), "nb.ipynb");
    }

    private static String problem(String text) {
        try {
            parse(text);
        } catch (NotebookException e) {
            assertThat(e.getMessage()).isEqualTo("nb.ipynb: " + e.reason());
            assertThat(e.notebook()).isEqualTo("nb.ipynb");
            return e.reason();
        }
        throw new AssertionError("accepted: " + text);
    }

    private static JsonObject valid() {
        return document(markdown("m", "# Title", new JsonObject()), code("c", "1 + 1"));
    }

    @Test
    void aValidNotebookIsRead() throws Exception {
        Notebook nb = parse(valid().toString());
        assertThat(nb.cells()).extracting(Cell::id).containsExactly("m", "c");
    }

    @Test
    void textThatIsNotJsonIsRefusedWithTheParsersPosition() {
        assertThat(problem("{\"cells\": [}")).startsWith("is not valid JSON: ").contains("line 1 column 12");
        assertThat(problem("{\"nbformat\": 4,")).startsWith("is not valid JSON: ");
    }

    @Test
    void jsonExtensionsThatPythonRefusesAreRefused() {
        assertThat(problem("{'nbformat': 4}")).startsWith("is not valid JSON: ");
        assertThat(problem("{\"nbformat\": 4 /* comment */}")).startsWith("is not valid JSON: ");
        assertThat(problem("{\"nbformat\": 4,}")).startsWith("is not valid JSON: ");
        assertThat(problem("{\"nbformat\": 4} {}")).startsWith("is not valid JSON: more data after the end");
    }

    @Test
    void anEmptyFileIsNotANotebook() {
        assertThat(problem("")).isEqualTo("is empty, not a notebook");
        assertThat(problem("  \n")).isEqualTo("is empty, not a notebook");
    }

    @Test
    void jsonThatIsNotAnObjectIsNotANotebook() {
        assertThat(problem("[1, 2]")).isEqualTo("not a notebook: the JSON document is a list, not an object");
        assertThat(problem("\"text\"")).isEqualTo("not a notebook: the JSON document is a string, not an object");
    }

    @Test
    void nbformat3IsRefusedWithTheWayToUpgrade() {
        JsonObject nb = valid();
        nb.addProperty("nbformat", 3);
        assertThat(problem(nb.toString()))
                .isEqualTo("nbformat 3 notebooks are not supported; open and save it in JupyterLab to upgrade");
    }

    @Test
    void aMissingOrOddVersionIsRefused() {
        JsonObject nb = valid();
        nb.remove("nbformat");
        assertThat(problem(nb.toString())).isEqualTo("has no \"nbformat\" version: not a Jupyter notebook");
        nb.addProperty("nbformat", "4");
        assertThat(problem(nb.toString())).isEqualTo("\"nbformat\" must be an integer, not \"4\"");
        nb.addProperty("nbformat", 5);
        assertThat(problem(nb.toString())).isEqualTo("nbformat 5 is newer than the nbformat 4 that ttlab reads");
        nb.addProperty("nbformat", 4);
        nb.remove("nbformat_minor");
        assertThat(problem(nb.toString())).isEqualTo("\"nbformat_minor\" must be an integer, not null");
    }

    @Test
    void missingCellsAreRefused() {
        JsonObject nb = valid();
        nb.remove("cells");
        assertThat(problem(nb.toString())).isEqualTo("has no \"cells\" list: not an nbformat 4 notebook");
        nb.add("cells", new JsonObject());
        assertThat(problem(nb.toString())).isEqualTo("\"cells\" is an object, not a list");
    }

    @Test
    void missingNotebookMetadataIsRefused() {
        JsonObject nb = valid();
        nb.remove("metadata");
        assertThat(problem(nb.toString())).isEqualTo("the notebook has no \"metadata\" object");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirOffset() {
        byte[] latin1 = "{\"cells\": [], \"x\": \"café\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> NotebookReader.parse(latin1, "nb.ipynb"))
                .isInstanceOf(NotebookException.class)
                .hasMessage("nb.ipynb: is not UTF-8 text: invalid byte 0xE9 at offset 23 (notebooks are always UTF-8)");
    }

    @Test
    void aByteOrderMarkIsRefusedAsJupyterRefusesIt() {
        byte[] bom = ("\uFEFF" + valid()).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NotebookReader.parse(bom, "nb.ipynb"))
                .hasMessageContaining("byte-order mark");
    }

    @Test
    void aCellWithoutAnIdIsNamedByItsPosition() {
        JsonObject nb = valid();
        nb.addProperty("nbformat_minor", 4);
        nb.getAsJsonArray("cells").get(1).getAsJsonObject().remove("id");
        assertThat(problem(nb.toString())).isEqualTo("cell 2 (cells[1]) has no id: nbformat 4.5 requires cell ids"
                + " (this file is nbformat 4.4); open and save it in JupyterLab to add them");
    }

    @Test
    void cellIdsFollowTheNbformatSchema() throws Exception {
        JsonObject nb = valid();
        JsonObject cell = nb.getAsJsonArray("cells").get(0).getAsJsonObject();
        cell.addProperty("id", "has space");
        assertThat(problem(nb.toString())).isEqualTo(
                "cell 1 (cells[0]) has the id \"has space\", but a cell id is 1 to 64 letters, digits, '-' or '_'");
        cell.addProperty("id", "x".repeat(65));
        assertThat(problem(nb.toString())).contains("1 to 64 letters");
        cell.addProperty("id", 7);
        assertThat(problem(nb.toString())).contains("has the id 7");
        cell.addProperty("id", "A-z_09");
        assertThat(parse(nb.toString()).cells().get(0).id()).isEqualTo("A-z_09");
    }

    @Test
    void cellsMustHaveTheFieldsNbformatRequires() {
        JsonObject nb = valid();
        JsonArray cells = nb.getAsJsonArray("cells");
        cells.set(0, new JsonArray());
        assertThat(problem(nb.toString())).isEqualTo("cell 1 (cells[0]) is a list, not an object");

        nb = valid();
        nb.getAsJsonArray("cells").get(1).getAsJsonObject().remove("cell_type");
        assertThat(problem(nb.toString())).isEqualTo("cell 2 (cells[1]) has no \"cell_type\" (code, markdown or raw)");

        nb = valid();
        JsonArray badSource = new JsonArray();
        badSource.add("ok");
        badSource.add(3);
        nb.getAsJsonArray("cells").get(1).getAsJsonObject().add("source", badSource);
        assertThat(problem(nb.toString())).isEqualTo("cell 2 (cells[1]) has no \"source\" string or list of strings");

        nb = valid();
        nb.getAsJsonArray("cells").get(1).getAsJsonObject().remove("metadata");
        assertThat(problem(nb.toString())).isEqualTo("cell 2 (cells[1]) has no \"metadata\" object");

        nb = valid();
        nb.getAsJsonArray("cells").get(1).getAsJsonObject().remove("outputs");
        assertThat(problem(nb.toString())).isEqualTo("cell 2 (cells[1]) is a code cell without an \"outputs\" list");
    }

    @Test
    void aFileIsNamedByItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.ipynb");
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> NotebookReader.read(file))
                .isInstanceOf(NotebookException.class)
                .hasMessageStartingWith(file + ": not a notebook");
    }
}
