"""`check(SomeTests.class)` in a notebook, through the real kernel: the public tests run against
the student's current code, a table shows each test, and a student function that never returns
is reported as timed out instead of hanging the notebook."""

from __future__ import annotations

import time

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
