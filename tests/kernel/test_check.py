"""`check(SomeTests.class)` in a notebook, through the real kernel: the public tests run against
the student's current code, a table shows each test, and a student function that never returns
is reported as timed out instead of hanging the notebook."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import nbformat
import pytest

from test_protocol import CELL_SECONDS, running_kernel

pytestmark = pytest.mark.timeout(180)

STUDENT = "int square(int x) { while (x == 3) {} return x * x; }"
TESTS = """class SquareTests {
  @Test @Points(2) void two() { assertThat(square(2)).isEqualTo(4); }
  @Test void three() { assertThat(square(3)).isEqualTo(9); }
  @Test void negative() { assertThat(square(-2)).as("square(-2)").isEqualTo(-4); }
}"""


def test_check_shows_each_test_and_stops_a_stuck_function(kernel_spec, kernel_name):
    if kernel_spec.language != "java":
        pytest.skip("check(...) is the Java kernel's")
    with running_kernel(kernel_name) as kernel:
        kernel.run_ok(STUDENT)
        kernel.run_ok(TESTS)
        started = time.monotonic()
        cell = kernel.run_ok("check(java.time.Duration.ofSeconds(1), SquareTests.class);", timeout=CELL_SECONDS)
        assert time.monotonic() - started < 20
        tables = [o for o in cell.outputs if o["msg_type"] == "display_data"]
        assert len(tables) == 1, cell.describe()
        text, html = tables[0]["data"]["text/plain"], tables[0]["data"]["text/html"]
        assert "1 of 3 tests passed, 2 / 4 points" in text
        assert "TIMED_OUT" in text and "timed out after 1 s" in text
        assert "expected: -4" in text and "but was: 4" in text
        assert "Hidden tests also exist and were not run here." in text
        assert "<table" in html
        # The notebook goes on: the stuck call was stopped, state is intact.
        assert kernel.run_ok("square(5)").results == ["25"]


def test_a_student_copy_says_which_tests_cell_to_run_and_what_hidden_tests_are_worth(kernel_spec, kernel_name, tmp_path):
    """The warm-up's student copy as Jupyter Server runs it (JPY_SESSION_NAME names the notebook):
    check(...) before its tests cell says which exercise's tests cell to run; after, its header
    says what the exercise is worth and how much of that hidden tests carry."""
    if kernel_spec.language != "java":
        pytest.skip("check(...) is the Java kernel's")
    copy = tmp_path / "00-warmup.ipynb"
    shutil.copy(Path(__file__).resolve().parents[2] / "exercises" / "00-warmup.ipynb", copy)
    source = {cell.id: cell.source for cell in nbformat.read(copy, as_version=4).cells}
    with running_kernel(kernel_name, {"JPY_SESSION_NAME": str(copy)}) as kernel:
        kernel.run_ok(source["dot-solution"])
        early = kernel.run(source["dot-check"])
        assert early.status == "error", early.describe()
        advice = early.traceback_lines()[0]
        assert "DotTests" in advice and "warmup.dot" in advice, early.describe()
        assert "run the tests cell above first" in advice, early.describe()

        kernel.run_ok(source["dot-tests"])
        cell = kernel.run_ok(source["dot-check"], timeout=CELL_SECONDS)
        text = "\n".join(o["data"]["text/plain"] for o in cell.outputs if o["msg_type"] == "display_data")
        assert "(warmup.dot: 3 points, 1 of them in hidden tests that run only at grading)" in text, text
