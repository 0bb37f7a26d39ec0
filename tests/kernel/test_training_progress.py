"""The course's training loop in a notebook, through the real kernel: its progress line is one
display that each update replaces (update_display_data), not a scroll of printed lines."""

from __future__ import annotations

import pytest

from test_protocol import CELL_SECONDS, running_kernel

pytestmark = pytest.mark.timeout(180)

TRAIN = """
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ttlab.course.train.*;
var manager = NDManager.newBaseManager();
var params = new TrainingParameters(manager, 3);
var w = params.zeros("w", new Shape(2));
var target = manager.create(new float[] {1f, -1f});
var run = Training.of(params).steps(40).logEvery(10).run(step -> w.sub(target).square().sum());
run.steps()
"""


def test_a_training_run_shows_one_live_progress_line(kernel_spec, kernel_name):
    if kernel_spec.language != "java":
        pytest.skip("the training helper is the Java course library's")
    with running_kernel(kernel_name) as kernel:
        cell = kernel.run_ok(TRAIN, timeout=CELL_SECONDS)
        assert cell.results == ["40"], cell.describe()
        shown = [o for o in cell.outputs if o["msg_type"] == "display_data"]
        updates = [o for o in cell.outputs if o["msg_type"] == "update_display_data"]
        assert len(shown) == 1, cell.describe()
        line_id = shown[0]["transient"]["display_id"]
        assert "training 2 parameters for 40 steps (seed 3)" in shown[0]["data"]["text/plain"]
        # Four progress updates (steps 10, 20, 30, 40) and the closing summary, all on that line.
        assert [u["transient"]["display_id"] for u in updates] == [line_id] * 5, cell.describe()
        assert updates[0]["data"]["text/plain"].startswith("step 10/40")
        assert updates[-1]["data"]["text/plain"].startswith("40/40 steps")
        assert "step 10/40" not in cell.stream(), "the progress went to stdout instead of the display"
