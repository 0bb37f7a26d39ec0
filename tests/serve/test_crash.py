"""kill -9 of the service while it grades: after a restart every submission is graded exactly once.

The service (SQLite) takes 6 hand-ins of the warm-up set and starts grading them; while worker
JVMs are busy, the service is killed with SIGKILL, so it can neither finish nor give anything
back. Its workers must not outlive it, and the restarted service must take the cut-short
gradings back, grade everything, and keep one result per submission.

    .venv/bin/python -m pytest tests/serve/test_crash.py
"""

from __future__ import annotations

import os
import time

import pytest

from serving import FULL_MARKS, Service, call, copy_of, sqlite_rows, student_notebooks, wait_until, write_roster

HAND_INS = 6

pytestmark = pytest.mark.timeout(400)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead; only its parent has not noticed.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def test_a_killed_service_grades_everything_exactly_once_after_restart(tmp_path):
    students = [f"s{i}" for i in range(HAND_INS)]
    tokens = write_roster(tmp_path / "roster.csv", students)
    solved, stubs = student_notebooks(tmp_path / "notebooks")
    data = tmp_path / "data"
    first = Service(data, tmp_path / "roster.csv", "--workers", "2", name="grader").start()
    expected = {}
    try:
        for i, student in enumerate(students):
            body = copy_of(solved if i % 2 == 0 else stubs, student)
            reply = call(first.url, "api/submissions?filename=00-warmup.ipynb", tokens[student], "POST", body)
            assert reply.status == 202, reply.text
            expected[reply.json["id"]] = FULL_MARKS if i % 2 == 0 else 0

        # Mid-grading: two submissions held by workers whose JVMs are running.
        wait_until(lambda: len(sqlite_rows(data, "SELECT id FROM submissions WHERE status = 'grading'")) == 2
                   and len(first.children()) >= 2, 120, "two gradings under way")
        time.sleep(1.0)
        workers = first.children()
        in_flight = {row[0] for row in sqlite_rows(data, "SELECT id FROM submissions WHERE status = 'grading'")}
        graded_before = {row[0] for row in sqlite_rows(data, "SELECT id FROM submissions WHERE status = 'graded'")}
        first.kill9()
    finally:
        if first.process.poll() is None:
            first.kill9()

    # The workers end by themselves once their parent is gone, well before they could finish
    # grading (several seconds each).
    assert len(workers) >= 2
    wait_until(lambda: not [p for p in workers if alive(p)], 3, "the orphaned grading JVMs to end", every=0.1)
    # Killed with SIGKILL: the two claims are still held, by a process that no longer exists.
    assert {row[0] for row in sqlite_rows(data, "SELECT id FROM submissions WHERE status = 'grading'")} == in_flight

    second = Service(data, tmp_path / "roster.csv", "--workers", "2", name="grader").start()
    try:
        assert "2 submission(s) whose grading was cut short are queued again" in second.log()
        wait_until(lambda: sqlite_rows(data, "SELECT COUNT(*) FROM submissions WHERE status = 'graded'")[0][0]
                   == HAND_INS, 300, "every submission graded after the restart", every=1)
        listed = call(second.url, "api/submissions", tokens["prof"]).json
    finally:
        second.stop()

    assert {s["id"]: s["score"] for s in listed} == expected
    results = sqlite_rows(data, "SELECT submission_id, generation, COUNT(*) FROM results GROUP BY submission_id, generation")
    assert sorted((sid, n) for sid, _, n in results) == sorted((sid, 1) for sid in expected), results
    for sid in expected:
        attempts = sqlite_rows(data, "SELECT attempt, outcome FROM gradings WHERE submission_id = ? ORDER BY attempt", sid)
        if sid in in_flight:
            # Cut short by the kill, taken back at the restart, graded by the second process.
            assert [a for a, _ in attempts] == [1, 2], attempts
            assert attempts[0][1].startswith("abandoned"), attempts
            assert attempts[1][1] == "graded", attempts
        else:
            assert attempts == [(1, "graded")], (sid, attempts)
    assert graded_before.isdisjoint(in_flight)
    requeued = sqlite_rows(data, "SELECT submission_id FROM audit WHERE action = 'requeue'")
    assert {sid for (sid,) in requeued} == in_flight
