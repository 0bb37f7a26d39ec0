"""Two service processes share one queue in a real PostgreSQL server; one is killed mid-grading.

PostgreSQL 15 runs from a temporary folder (see pgserver.py). Services "a" and "b" (each with
its own data folder, one grading thread, 5 s leases) take hand-ins from 6 clients at once, half
through each. While "b" grades, it is killed with SIGKILL: its lease runs out and "a" takes the
submission over (SELECT ... FOR UPDATE SKIP LOCKED claims). "b" is then restarted under the same
name. Every submission must end graded exactly once, with the right score, by either process.

    .venv/bin/python -m pytest tests/serve/test_postgres.py
"""

from __future__ import annotations

import threading

import pytest

from pgserver import PostgresServer
from serving import FULL_MARKS, Service, call, copy_of, student_notebooks, wait_until, write_roster

CLIENTS = 6
PER_CLIENT = 2
LEASE_SECONDS = 5

pytestmark = pytest.mark.timeout(400)


@pytest.fixture(scope="module")
def postgres():
    server = PostgresServer().start()
    yield server
    server.stop()


def test_two_processes_share_the_queue_and_survive_a_kill(tmp_path, postgres):
    students = [f"p{i}" for i in range(CLIENTS)]
    tokens = write_roster(tmp_path / "roster.csv", students)
    solved, stubs = student_notebooks(tmp_path / "notebooks")
    common = ("--db", postgres.jdbc_url, "--workers", "1", "--lease", str(LEASE_SECONDS))
    a = Service(tmp_path / "data-a", tmp_path / "roster.csv", *common, name="a").start()
    b = Service(tmp_path / "data-b", tmp_path / "roster.csv", *common, name="b").start()
    restarted = None
    expected: dict[int, int] = {}
    try:
        assert call(a.url, "api/health").json["database"] == "postgresql"
        lock = threading.Lock()
        errors: list[str] = []

        def hand_in(i: int) -> None:
            for n in range(PER_CLIENT):
                service = a if (i + n) % 2 == 0 else b
                is_solved = n == 0
                body = copy_of(solved if is_solved else stubs, f"{students[i]}-{n}")
                reply = call(service.url, "api/submissions?filename=00-warmup.ipynb", tokens[students[i]], "POST", body)
                with lock:
                    if reply.status == 202:
                        expected[reply.json["id"]] = FULL_MARKS if is_solved else 0
                    else:
                        errors.append(reply.text)

        threads = [threading.Thread(target=hand_in, args=(i,)) for i in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        total = CLIENTS * PER_CLIENT
        assert len(expected) == total

        # Both processes see the one queue: a submission handed in through "b" is listed by "a".
        assert len(call(a.url, "api/submissions", tokens["prof"]).json) == total

        # Kill "b" while it grades (its claim is in the shared database).
        held = wait_until(lambda: postgres.psql("SELECT id FROM submissions WHERE status = 'grading'"
                                                " AND lease_owner = 'b/1'"), 120, "b grading a submission")
        killed = int(held[0][0])
        b.kill9()

        # "a" takes the submission over once the lease has run out.
        wait_until(lambda: postgres.psql(f"SELECT 1 FROM gradings WHERE submission_id = {killed} AND worker = 'a/1'"),
                   120 + LEASE_SECONDS, "a to take over b's submission")
        restarted = Service(tmp_path / "data-b", tmp_path / "roster.csv", *common, name="b").start()
        wait_until(lambda: int(postgres.psql("SELECT COUNT(*) FROM submissions WHERE status = 'graded'")[0][0]) == total,
                   300, "every submission graded", every=1)
    finally:
        a.stop()
        (restarted or b).stop()
        b.stop()

    rows = postgres.psql("SELECT id, status, score FROM submissions ORDER BY id")
    assert {int(i): float(score) for i, status, score in rows if status == "graded"} == expected
    # One result per submission, written by the claim that held it.
    results = postgres.psql("SELECT submission_id, COUNT(*) FROM results GROUP BY submission_id")
    assert sorted((int(s), int(n)) for s, n in results) == sorted((s, 1) for s in expected)
    graded_attempts = postgres.psql("SELECT submission_id, COUNT(*) FROM gradings WHERE outcome = 'graded'"
                                    " GROUP BY submission_id")
    assert all(int(n) == 1 for _, n in graded_attempts) and len(graded_attempts) == len(expected)
    # The killed grading: b's attempt ended when its lease ran out; a's (or the restarted b's) graded it.
    history = postgres.psql(f"SELECT attempt, worker, outcome FROM gradings WHERE submission_id = {killed} ORDER BY attempt")
    assert history[0][1] == "b/1" and history[0][2].startswith(("lease of b/1 ran out", "abandoned")), history
    assert history[-1][2] == "graded", history
    writers = {w for (w,) in postgres.psql("SELECT DISTINCT worker FROM results")}
    assert "a/1" in writers and "b/1" in writers, f"both processes should have graded: {writers}"
