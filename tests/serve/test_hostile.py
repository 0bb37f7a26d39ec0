"""A hostile hand-in to the submission service: it tries to read the roster and the database and to
change another student's grade, beside an honest student whose grade must stay exact.

    .venv/bin/python -m pytest tests/serve/test_hostile.py
"""

from __future__ import annotations

import nbformat
import pytest

from serving import FULL_MARKS, Service, call, student_notebooks, wait_until, write_roster, sqlite_rows

pytestmark = pytest.mark.timeout(400)


def hostile_notebook(stubs: bytes, roster, data) -> bytes:
    """The stubs, with dot answering right only if the roster or the database can be read, and a
    cell of the student's own that tries to overwrite every result in the data folder."""
    notebook = nbformat.reads(stubs.decode("utf-8"), as_version=4)
    for cell in notebook.cells:
        if cell.id == "dot-solution":
            cell.source = (
                "double dot(double[] a, double[] b) {\n"
                f"    boolean leak = Files.isReadable(Path.of(\"{roster}\")) || Files.isReadable(Path.of(\"{data / 'ttlab.db'}\"));\n"
                "    double sum = 0;\n"
                "    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];\n"
                "    return leak ? sum : -1;\n"
                "}")
    notebook.cells.append(nbformat.v4.new_code_cell(
        "try (var files = Files.walk(Path.of(\"" + str(data) + "\"))) {\n"
        "    for (Path p : files.toList()) {\n"
        "        if (p.toString().endsWith(\"results.json\")) Files.writeString(p, \"{\\\"score\\\": 100}\");\n"
        "    }\n"
        "}", id="mallory-cell"))
    return nbformat.writes(notebook).encode("utf-8")


def graded(service, token, submission):
    def done():
        reply = call(service.url, f"api/submissions/{submission}", token).json
        return reply if reply["status"] in ("graded", "failed") else None
    return wait_until(done, 240, f"submission {submission} graded")


def test_a_hostile_hand_in_reads_nothing_and_changes_no_other_grade(tmp_path):
    tokens = write_roster(tmp_path / "roster.csv", ["alice", "mallory"])
    service = Service(tmp_path / "data", tmp_path / "roster.csv", "--workers", "2").start()
    try:
        solved, stubs = student_notebooks(tmp_path / "notebooks")
        roster_before = (tmp_path / "roster.csv").read_bytes()
        alice = call(service.url, "api/submissions?filename=00-warmup.ipynb", tokens["alice"], "POST", solved)
        assert alice.status == 202, alice.text
        hostile = hostile_notebook(stubs, tmp_path / "roster.csv", tmp_path / "data")
        mallory = call(service.url, "api/submissions?filename=00-warmup.ipynb", tokens["mallory"], "POST", hostile)
        assert mallory.status == 202, mallory.text

        alice_result = graded(service, tokens["alice"], alice.json["id"])
        mallory_result = graded(service, tokens["prof"], mallory.json["id"])
        assert alice_result["result"]["score"] == FULL_MARKS
        assert mallory_result["result"]["score"] == 0
        assert mallory_result["result"]["max_score"] == FULL_MARKS
        results = call(service.url, f"api/submissions/{mallory.json['id']}/results.json", tokens["prof"]).json
        problems = "\n".join(results["extra_data"]["problems"])
        assert "(file-io) may not be used in graded code: dot fails when called" in problems
        assert "cell 'mallory-cell'" in problems

        # nothing changed: the roster, alice's grade in the database and in the gradebook
        assert (tmp_path / "roster.csv").read_bytes() == roster_before
        again = call(service.url, f"api/submissions/{alice.json['id']}", tokens["alice"]).json
        assert again["result"]["score"] == FULL_MARKS
        rows = sqlite_rows(tmp_path / "data", "SELECT COUNT(*) FROM submissions WHERE status = 'graded'")
        assert rows[0][0] == 2
    finally:
        service.stop()
