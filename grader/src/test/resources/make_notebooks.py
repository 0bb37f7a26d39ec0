"""Writes the test notebooks of the grader's notebook and assign tests with Python's nbformat.

The files are committed; this script documents how they were made. Re-run it from this folder
with a Python that has nbformat installed (pip install nbformat):

    python3 make_notebooks.py

- notebooks/jupyterlab-saved.ipynb: what JupyterLab's server writes (nbformat.write), with
  outputs of every kind, unicode, control characters and awkward keys. Read and written back
  by ttlab it must stay byte-identical.
- notebooks/hand-written.ipynb: a valid notebook written by plain json.dump (sources as single
  strings, unsplit outputs, transient fields), and notebooks/hand-written.nbformat.ipynb, the
  same read and written by nbformat: what ttlab's writer must produce from the former.
- assign/solutions/01-warmup.ipynb: a master notebook; assign/exercises/01-warmup.ipynb: the
  student copy that assign must write for it, spelled out here by hand (with the hidden points it
  records on the tests cell).
"""
import json
import os

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

HERE = os.path.dirname(os.path.abspath(__file__))
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

JAVA_METADATA = {
    "kernelspec": {"display_name": "Java (ttlab)", "language": "java", "name": "java"},
    "language_info": {
        "codemirror_mode": "java",
        "file_extension": ".jshell",
        "mimetype": "text/x-java-source",
        "name": "java",
        "pygments_lexer": "java",
        "version": "17.0.15+6-Debian-1deb12u1",
    },
}


def write(nb, *path):
    with open(os.path.join(HERE, *path), "w", encoding="utf-8") as f:
        nbformat.write(nb, f)


def jupyterlab_saved():
    nb = new_notebook(metadata=dict(JAVA_METADATA))
    nb.metadata["custom"] = {
        "floats": [0.1, 1e-05, 1e16, 1e15, 2.5, -0.0, 123456789.125],
        "ints": [0, -7, 12345678901234567890],
        "flags": [True, False, None],
        "empty": {"list": [], "object": {}},
        "\ufb01": "ligature key sorts before the emoji key by code point",
        "\U0001F600": "emoji key",
        "Zebra": 1, "apple": 2, "_under": 3, "ключ": "значение",
    }
    nb.cells = [
        new_markdown_cell(
            "# Attention — naïve first\n\nQuotes \"double\" and 'single', a back\\slash, a tab\there,\n"
            "math $\\alpha_{ij} = \\mathrm{softmax}(q_i \\cdot k_j)$, 注意力, emoji 😀, DEL \x7f.",
            id="intro"),
        new_markdown_cell("Attachment below\n\n![dot](attachment:dot.png)", id="with-attachment",
                          attachments={"dot.png": {"image/png": PNG}}),
        new_code_cell("int square(int x) {\n    return x * x;\n}", id="square", execution_count=1,
                      metadata={"ttlab": {"exercise": "warmup.square", "points": 2, "role": "solution"},
                                "tags": ["exercise"], "collapsed": False}),
        new_code_cell("for (int i = 0; i < 3; i++) {\n    System.out.println(\"line \" + i);\n}\nSystem.err.print(\"\\u001b[31mred\\u001b[0m\");\n",
                      id="streams", execution_count=2, outputs=[
                          new_output("stream", name="stdout", text="line 0\nline 1\nline 2\n"),
                          new_output("stream", name="stderr", text="\x1b[31mred\x1b[0m\x01"),
                      ]),
        new_code_cell("square(7)", id="value", execution_count=3, outputs=[
            new_output("execute_result", execution_count=3,
                       data={"text/plain": "49", "text/html": "<b>49</b>\n<i>forty-nine</i>"},
                       metadata={}),
        ]),
        new_code_cell("display(chart)", id="display", execution_count=4, metadata={"scrolled": True}, outputs=[
            new_output("display_data",
                       data={"image/png": PNG, "image/svg+xml": "<svg>\n<rect/>\n</svg>",
                             "application/json": {"a": [1, 2.5, None], "b": "x"},
                             "text/latex": "$$x^2$$", "text/plain": "Chart[400x300]"},
                       metadata={"image/png": {"width": 400, "height": 300}}),
        ]),
        new_code_cell("1 / 0", id="error", execution_count=5, outputs=[
            new_output("error", ename="java.lang.ArithmeticException", evalue="/ by zero",
                       traceback=["\x1b[1;31mjava.lang.ArithmeticException: / by zero\x1b[0m",
                                  "\tat (In[5] line 1)"]),
        ]),
        new_code_cell("", id="empty", execution_count=None),
        new_code_cell("// ends with blank lines\n\n", id="trailing-newlines"),
        new_markdown_cell("form\x0cfeed, line\u2028separator, carriage\rreturn, crlf\r\nend", id="odd-breaks"),
        new_raw_cell("raw text\n", id="raw", metadata={"format": "text/plain"}),
    ]
    write(nb, "notebooks", "jupyterlab-saved.ipynb")


def hand_written():
    doc = {
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": dict(JAVA_METADATA, orig_nbformat=3, signature="sha256:abc"),
        "cells": [
            {"id": "a", "cell_type": "markdown", "metadata": {"trusted": True},
             "source": "one string\nof two lines"},
            {"id": "b", "cell_type": "code", "metadata": {}, "execution_count": 1,
             "source": ["not ", "split ", "at line ends\n", "x"],
             "outputs": [
                 {"output_type": "stream", "name": "stdout", "text": "a\nb\n"},
                 {"output_type": "stream", "name": "stdout", "text": ["c\n", "d"]},
                 {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                  "data": {"text/plain": ["1", "2\n", "3"], "image/png": [PNG[:20], PNG[20:]],
                           "application/vnd.custom+json": ["kept", "as a list"],
                           "text/html": "<p>\n</p>"}},
             ]},
            {"id": "c", "cell_type": "raw", "metadata": {}, "source": "v\x0bt\x1cs\x85n\u2029p"},
        ],
    }
    with open(os.path.join(HERE, "notebooks", "hand-written.ipynb"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(HERE, "notebooks", "hand-written.ipynb"), encoding="utf-8") as f:
        nb = nbformat.read(f, as_version=nbformat.NO_CONVERT)
    write(nb, "notebooks", "hand-written.nbformat.ipynb")


def ttlab(exercise=None, points=None, role=None):
    meta = {}
    if exercise is not None:
        meta["exercise"] = exercise
    if points is not None:
        meta["points"] = points
    if role is not None:
        meta["role"] = role
    return {"ttlab": meta}


def read_only(metadata):
    return dict(metadata, editable=False, deletable=False)


SQUARE_MASTER = """\
/** The square of x. */
static int square(int x) {
    // BEGIN SOLUTION
    return x * x;
    // END SOLUTION
}"""

SQUARE_STUDENT = """\
/** The square of x. */
static int square(int x) {
    throw new UnsupportedOperationException("not implemented yet: warmup.square");
}"""

MEAN_MASTER = """\
/** The arithmetic mean of xs; NaN when there are none. */
static double mean(double[] xs) {
    if (xs.length == 0) {
        return Double.NaN;
    }
    // BEGIN SOLUTION
    double sum = 0;
    for (double x : xs) {
        sum += x;
    }
    return sum / xs.length;
    // END SOLUTION
}
"""

MEAN_STUDENT = """\
/** The arithmetic mean of xs; NaN when there are none. */
static double mean(double[] xs) {
    if (xs.length == 0) {
        return Double.NaN;
    }
    throw new UnsupportedOperationException("not implemented yet: warmup.mean");
}
"""

COUNTER_MASTER = """\
class Counter {
\tprivate int count;

\t/** Counts one more and returns the new count. */
\tint next() {
\t\t// BEGIN SOLUTION
\t\tcount++;
\t\treturn count;
\t\t// END SOLUTION
\t}

\t<T> List<T> repeat(T item, int times) {
\t\t// BEGIN SOLUTION
\t\treturn Collections.nCopies(times, item);
\t\t// END SOLUTION
\t}
}"""

COUNTER_STUDENT = """\
class Counter {
\tprivate int count;

\t/** Counts one more and returns the new count. */
\tint next() {
\t\tthrow new UnsupportedOperationException("not implemented yet: warmup.counter");
\t}

\t<T> List<T> repeat(T item, int times) {
\t\tthrow new UnsupportedOperationException("not implemented yet: warmup.counter");
\t}
}"""

TESTS_MASTER = """\
class WarmupTests {
    @Test
    void squaresSmallNumbers() {
        assertThat(square(3)).isEqualTo(9);
    }

    // BEGIN HIDDEN TESTS
    @Test
    void squaresNegativeNumbers() {
        assertThat(square(-4)).isEqualTo(16);
    }
    // END HIDDEN TESTS

    @Test
    void meanOfTwo() {
        assertThat(mean(new double[] {1, 2})).isEqualTo(1.5);
    }
}"""

TESTS_STUDENT = """\
class WarmupTests {
    @Test
    void squaresSmallNumbers() {
        assertThat(square(3)).isEqualTo(9);
    }


    @Test
    void meanOfTwo() {
        assertThat(mean(new double[] {1, 2})).isEqualTo(1.5);
    }
}"""


def warmup(student):
    def pick(master, stud):
        return stud if student else master

    def outputs(*outs):
        return [] if student else list(outs)

    def count(n):
        return None if student else n

    locked = ttlab(role="locked")
    tests = ttlab(exercise="warmup.square", role="tests")
    # assign records the points of the hidden tests, scaled as graded: 1 of 3 raw points, of 2 declared
    student_tests = read_only({"ttlab": dict(tests["ttlab"], **{"hidden-points": 0.67})})
    cells = [
        new_markdown_cell("# Warm-up\n\nThree small exercises. Run the tests cell to check your work.",
                          id="intro"),
        new_code_cell("static final double EPS = 1e-9;", id="setup", execution_count=count(1),
                      metadata=read_only(locked) if student else locked),
        new_markdown_cell("## `square`\n\nReturn the square of `x`.", id="square-text",
                          metadata=ttlab(exercise="warmup.square")),
        new_code_cell(pick(SQUARE_MASTER, SQUARE_STUDENT), id="square-solution", execution_count=count(2),
                      metadata=ttlab("warmup.square", 2, "solution")),
        new_code_cell(pick(MEAN_MASTER, MEAN_STUDENT), id="mean-solution", execution_count=count(3),
                      metadata=ttlab("warmup.mean", 3, "solution")),
        new_code_cell(pick(COUNTER_MASTER, COUNTER_STUDENT), id="counter-solution", execution_count=count(4),
                      metadata=ttlab("warmup.counter", 1.5, "solution")),
        new_code_cell("square(5)", id="try-square", execution_count=count(5), outputs=outputs(
            new_output("execute_result", execution_count=5, data={"text/plain": "25"}, metadata={}))),
        new_code_cell(pick(TESTS_MASTER, TESTS_STUDENT), id="warmup-tests", execution_count=count(6),
                      metadata=student_tests if student else tests),
        new_code_cell("System.out.println(mean(new double[] {1, 2, 3}));", id="mean-demo",
                      execution_count=count(8), metadata=ttlab(role="skip-in-grading"), outputs=outputs(
                          new_output("stream", name="stdout", text="2.0\n"))),
    ]
    if not student:
        cells.insert(8, new_code_cell(
            "class MeanHiddenTests {\n    @Test\n    void emptyIsNaN() {\n"
            "        assertThat(mean(new double[0])).isNaN();\n    }\n}",
            id="mean-hidden", execution_count=7, metadata=ttlab(exercise="warmup.mean", role="hidden-tests")))
    nb = new_notebook(metadata=dict(JAVA_METADATA), cells=cells)
    write(nb, "assign", "exercises" if student else "solutions", "01-warmup.ipynb")


if __name__ == "__main__":
    jupyterlab_saved()
    hand_written()
    warmup(student=False)
    warmup(student=True)
