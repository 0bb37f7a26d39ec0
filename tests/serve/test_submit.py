"""Handing in the warm-up set as students do, and what they and the instructor see after.

One service (SQLite, two grading threads). alice hands in a solved copy with `./ttlab submit`,
bob the untouched stubs; carol calls `submit()` in the last cell of her notebook, run through
the real kernel. Then the instructor regrades and reads the gradebook.

    .venv/bin/python -m pytest tests/serve/test_submit.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import nbformat
import pytest

from serving import FULL_MARKS, REPO_ROOT, TTLAB, Service, call, student_notebooks, wait_until, \
    write_roster, sqlite_rows

RUNNER = REPO_ROOT / "tools" / "run_notebooks.py"

pytestmark = pytest.mark.timeout(400)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve-submit")
    tokens = write_roster(tmp / "roster.csv", ["alice", "bob", "carol"])
    service = Service(tmp / "data", tmp / "roster.csv", "--workers", "2").start()
    solved, stubs = student_notebooks(tmp / "notebooks")
    yield tmp, tokens, service, solved, stubs
    service.stop()


def submit_cli(path, service, token, *extra):
    return subprocess.run([str(TTLAB), "submit", str(path), "--url", service.url, "--token", token, *extra],
                          capture_output=True, text=True, timeout=300, cwd=path.parent)


def hidden_test_names(service, submission: int, instructor: str) -> set[str]:
    """The method names of the hidden tests, from the instructor's results.json of a submission."""
    results = call(service.url, f"api/submissions/{submission}/results.json", instructor).json
    return {t["name"].split("\u203a ")[-1].split("(")[0] for t in results["tests"] if t["visibility"] != "visible"}


def test_students_hand_in_from_the_command_line_and_see_their_grade(course):
    tmp, tokens, service, solved, stubs = course
    (tmp / "alice").mkdir()
    (tmp / "alice" / "00-warmup.ipynb").write_bytes(solved)
    (tmp / "bob").mkdir()
    (tmp / "bob" / "00-warmup.ipynb").write_bytes(stubs)

    alice = submit_cli(tmp / "alice" / "00-warmup.ipynb", service, tokens["alice"])
    assert alice.returncode == 0, alice.stdout + alice.stderr
    assert "as submission #1 of 00-warmup" in alice.stdout
    assert f"Score: {FULL_MARKS} / {FULL_MARKS}" in alice.stdout
    assert "warmup.softmax: 3 / 3" in alice.stdout

    bob = submit_cli(tmp / "bob" / "00-warmup.ipynb", service, tokens["bob"])
    assert bob.returncode == 0, bob.stdout + bob.stderr
    assert f"Score: 0 / {FULL_MARKS}" in bob.stdout
    assert "not implemented yet: warmup.dot" in bob.stdout
    bobs = call(service.url, "api/submissions", tokens["bob"]).json
    assert [s["student"] for s in bobs] == ["bob"]
    hidden = hidden_test_names(service, bobs[0]["id"], tokens["prof"])
    assert len(hidden) >= 4, hidden  # the warm-up master's hidden tests
    assert not [n for n in hidden if n in bob.stdout], "a hidden test's name reached a student"

    # A student's view of the result over the API hides the same; the instructor's shows it.
    detail = call(service.url, f"api/submissions/{bobs[0]['id']}", tokens["bob"]).json
    assert not [n for n in hidden if n in json.dumps(detail)]
    assert detail["result"]["score"] == 0 and detail["result"]["max_score"] == FULL_MARKS
    full = call(service.url, f"api/submissions/{bobs[0]['id']}", tokens["prof"]).json
    assert [n for n in hidden if n in json.dumps(full)]
    feedback = call(service.url, f"api/submissions/{bobs[0]['id']}/feedback", tokens["bob"])
    assert feedback.status == 200 and "Feedback for" in feedback.text
    assert not [n for n in hidden if n in feedback.text]

    # A wrong token is refused with the service's reason.
    wrong = submit_cli(tmp / "alice" / "00-warmup.ipynb", service, "not-a-token-at-all")
    assert wrong.returncode == 1
    assert "refused (401)" in wrong.stderr


def test_submit_in_a_notebook_hands_it_in_and_is_a_no_op_while_graded(course):
    tmp, tokens, service, solved, _ = course
    notebook = nbformat.reads(solved.decode("utf-8"), as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("submit();", id="hand-in"))
    folder = tmp / "carol"
    folder.mkdir()
    path = folder / "00-warmup.ipynb"
    nbformat.write(notebook, path)
    env = {
        "TTLAB_SUBMIT_URL": service.url,
        "TTLAB_SUBMIT_TOKEN": tokens["carol"],
        # What Jupyter Server tells a kernel about its notebook.
        "JPY_SESSION_NAME": str(path),
    }
    run = subprocess.run([sys.executable, str(RUNNER), str(path), "--out", str(tmp / "carol-run"), "--timeout", "300"],
                         capture_output=True, text=True, timeout=360, cwd=REPO_ROOT,
                         env={**os.environ, **env})
    assert run.returncode == 0, run.stdout + run.stderr
    executed = nbformat.read(tmp / "carol-run" / "00-warmup.ipynb", as_version=4)
    shown = "".join(o.get("text", "") for o in executed.cells[-1].outputs if o.output_type == "stream")
    assert "Handed in 00-warmup.ipynb" in shown, shown
    assert f"Score: {FULL_MARKS} / {FULL_MARKS}" in shown, shown

    # The grader replayed carol's cells, submit() among them, without handing anything in again.
    carols = call(service.url, "api/submissions", tokens["carol"]).json
    assert len(carols) == 1, carols
    assert carols[0]["status"] == "graded" and carols[0]["score"] == FULL_MARKS
    rows = sqlite_rows(service.data, "SELECT COUNT(*) FROM submissions WHERE student = 'carol'")
    assert rows == [(1,)]


def handed_in(course, student: str, notebook: bytes) -> None:
    """Makes sure the student has a graded hand-in, so that a test that reads one runs alone too."""
    tmp, tokens, service, _, _ = course
    if call(service.url, "api/submissions", tokens[student]).json:
        return
    reply = call(service.url, "api/submissions?filename=00-warmup.ipynb", tokens[student], "POST", notebook)
    assert reply.status == 202, reply.text
    wait_until(lambda: call(service.url, f"api/submissions/{reply.json['id']}", tokens[student]).json["status"] == "graded",
               180, f"{student}'s hand-in")


def test_the_instructor_regrades_and_downloads_the_gradebook(course):
    tmp, tokens, service, solved, stubs = course
    # The hand-ins of the tests above, made here when this test runs alone.
    handed_in(course, "alice", solved)
    handed_in(course, "bob", stubs)
    handed_in(course, "carol", solved)
    prof = tokens["prof"]
    alices = call(service.url, "api/submissions?student=alice", prof).json
    first = alices[0]["id"]
    regrade = call(service.url, f"api/submissions/{first}/regrade", prof, method="POST")
    assert regrade.status == 202, regrade.text
    again = call(service.url, f"api/submissions/{first}/regrade", prof, method="POST")
    assert again.status == 409 and "regrade it once it is graded" in again.json["error"]
    done = wait_until(lambda: (s := call(service.url, f"api/submissions/{first}", prof).json)["status"] == "graded"
                      and s["generation"] >= 2 and s, 180, "the regrade")
    assert done["score"] == FULL_MARKS

    book = call(service.url, "api/gradebook.csv", prof)
    assert book.status == 200
    assert book.headers.get("content-disposition") == 'attachment; filename="gradebook.csv"'
    # One row per student of the roster and assignment of the course: the warm-up's are graded,
    # the assignments nobody handed in are listed as missing.
    table = list(csv.DictReader(io.StringIO(book.text)))
    assert {r["student"] for r in table} == {"alice", "bob", "carol"}
    assert all(r["status"] == "missing" and r["total"] == "" for r in table if r["assignment"] != "00-warmup")
    rows = {r["student"]: r for r in table if r["assignment"] == "00-warmup"}
    assert set(rows) == {"alice", "bob", "carol"} and {r["status"] for r in rows.values()} == {"graded"}
    assert float(rows["alice"]["total"]) == FULL_MARKS and float(rows["alice"]["final"]) == FULL_MARKS
    assert float(rows["bob"]["total"]) == 0
    assert float(rows["carol"]["warmup.dot"]) == 3
    assert call(service.url, "api/gradebook.csv", tokens["alice"]).status == 403

    # Every hand-in and every grading is in the audit log: who, when, hash, size, decision.
    audit = call(service.url, "api/audit?limit=1000", prof).json
    handins = [a for a in audit if a["action"] == "submit"]
    assert {a["actor"] for a in handins} == {"alice", "bob", "carol"}
    assert all(len(a["sha256"]) == 64 and a["size_bytes"] > 0 for a in handins if a["decision"] == "accepted")
    assert any(a["action"] == "regrade" and a["actor"] == "prof" for a in audit)
