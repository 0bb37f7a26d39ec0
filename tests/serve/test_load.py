"""Load on localhost: students hand in copies of the warm-up set at once (half solved, half
stubs), then watch their submissions while the service grades every one of them. Nothing may be
lost, nothing graded twice, and every score must be right.

By default 6 students hand in 2 notebooks each (12 submissions) and the test waits until all are
graded, within TTLAB_LOAD_GRADING_SECONDS (default 600: about 4 s of CPU per submission, with
room for a machine busy with other work). The large run is a benchmark, not a CI test:

    TTLAB_LOAD_CLIENTS=20 TTLAB_LOAD_PER_CLIENT=10 TTLAB_LOAD_GRADING_SECONDS=3000 \
        .venv/bin/python -m pytest -s tests/serve/test_load.py

The figures are printed (run pytest with -s to see them) and kept in
test-artifacts/serve/load.txt.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from serving import FULL_MARKS, REPO_ROOT, Service, call, copy_of, percentile, sqlite_rows, student_notebooks, \
    write_roster

CLIENTS = int(os.environ.get("TTLAB_LOAD_CLIENTS", "6"))
PER_CLIENT = int(os.environ.get("TTLAB_LOAD_PER_CLIENT", "2"))
GRADING_SECONDS = float(os.environ.get("TTLAB_LOAD_GRADING_SECONDS", "600"))
HAND_IN_LIMIT_SECONDS = 60  # the whole burst of hand-ins must be taken within this
POLL_SECONDS = 2.0

pytestmark = pytest.mark.timeout(GRADING_SECONDS + 300)


def test_a_burst_of_hand_ins_is_kept_and_every_one_graded_exactly_once(tmp_path):
    students = [f"student{i:02d}" for i in range(1, CLIENTS + 1)]
    tokens = write_roster(tmp_path / "roster.csv", students)
    service = Service(tmp_path / "data", tmp_path / "roster.csv", "--workers", str(os.cpu_count() or 2)).start()
    solved, stubs = student_notebooks(tmp_path / "notebooks")
    try:
        # --- the burst: every client hands in its notebooks as fast as it can -----------------
        latencies: list[float] = []
        lock = threading.Lock()
        sent: dict[int, tuple[str, str, bool]] = {}  # id -> (student, sha256, solved)
        refused: list[str] = []

        def hand_in(student: str) -> None:
            for n in range(PER_CLIENT):
                is_solved = n % 2 == 0
                body = copy_of(solved if is_solved else stubs, f"{student}-{n}")
                start = time.perf_counter()
                reply = call(service.url, "api/submissions?filename=00-warmup.ipynb", tokens[student], "POST", body)
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    if reply.status == 202:
                        sent[reply.json["id"]] = (student, hashlib.sha256(body).hexdigest(), is_solved)
                    else:
                        refused.append(f"{student} #{n}: {reply.status} {reply.text}")

        burst_start = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            list(pool.map(hand_in, students))
        burst = time.perf_counter() - burst_start
        total = CLIENTS * PER_CLIENT
        assert not refused, refused[:5]
        assert len(sent) == total
        assert burst < HAND_IN_LIMIT_SECONDS, f"{total} hand-ins took {burst:.1f} s"

        # --- the students watch their lists while the service grades --------------------------
        watch_latencies: list[float] = []
        watch_errors: list[str] = []
        stop = threading.Event()

        def watch(student: str) -> None:
            while not stop.is_set():
                start = time.perf_counter()
                reply = call(service.url, "api/submissions", tokens[student])
                with lock:
                    watch_latencies.append(time.perf_counter() - start)
                    if reply.status != 200:
                        watch_errors.append(f"{student}: {reply.status} {reply.text}")
                    elif {s["student"] for s in reply.json} - {student}:
                        watch_errors.append(f"{student} was shown another student's submission")
                stop.wait(POLL_SECONDS)

        grading_start = time.perf_counter()
        watchers = [threading.Thread(target=watch, args=(s,), daemon=True) for s in students]
        for w in watchers:
            w.start()
        deadline = grading_start + GRADING_SECONDS
        while time.perf_counter() < deadline:
            done = sqlite_rows(service.data, "SELECT COUNT(*) FROM submissions WHERE status IN ('graded', 'failed')")[0][0]
            if done == total:
                break
            time.sleep(1)
        window = time.perf_counter() - grading_start
        stop.set()
        for w in watchers:
            w.join(timeout=30)
        queue = call(service.url, "api/queue", tokens["prof"]).json
    finally:
        exit_status = service.stop()

    assert not watch_errors, watch_errors[:5]

    # --- nothing lost: every hand-in is stored once, as sent ------------------------------------
    stored = {row[0]: row[1:] for row in sqlite_rows(
        service.data, "SELECT id, student, sha256, status, attempts, score FROM submissions")}
    assert set(stored) == set(sent), "a submission was lost or appeared from nowhere"
    for sid, (student, sha, _) in sent.items():
        assert stored[sid][0:2] == (student, sha), f"submission #{sid} is not what {student} sent"

    # --- nothing graded twice, every grade right ------------------------------------------------
    results = dict(sqlite_rows(service.data, "SELECT submission_id, COUNT(*) FROM results GROUP BY submission_id"))
    gradings = dict(sqlite_rows(service.data, "SELECT submission_id, COUNT(*) FROM gradings GROUP BY submission_id"))
    graded = [sid for sid, row in stored.items() if row[2] == "graded"]
    assert len(graded) == total, (f"only {len(graded)} of {total} submissions were graded in {window:.0f} s "
                                  f"(TTLAB_LOAD_GRADING_SECONDS={GRADING_SECONDS:.0f})")
    assert not [sid for sid, row in stored.items() if row[2] == "failed"]
    for sid in graded:
        assert results.get(sid) == 1, f"submission #{sid} has {results.get(sid)} results"
        assert gradings.get(sid) == 1, f"submission #{sid} was handed to a worker {gradings.get(sid)} times"
        assert stored[sid][4] == (FULL_MARKS if sent[sid][2] else 0), f"submission #{sid} scored {stored[sid][4]}"
    assert set(results) == set(graded)
    # A clean stop gives what was being graded back to the queue: nothing is left "grading".
    assert exit_status is not None
    assert not [sid for sid, row in stored.items() if row[2] == "grading"]
    assert len(graded) + sum(1 for row in stored.values() if row[2] == "queued") == total

    # --- the figures ----------------------------------------------------------------------------
    latencies.sort()
    watch_latencies.sort()
    seconds = sorted(r[0] / 1000 for r in sqlite_rows(
        service.data, "SELECT ended_at - started_at FROM gradings WHERE outcome = 'graded'"))
    ms = lambda v: f"{v * 1000:.0f} ms"  # noqa: E731
    report = "\n".join([
        f"load test: {total} hand-ins from {CLIENTS} concurrent clients, {os.cpu_count()} cores, "
        f"{os.cpu_count() or 2} grading threads",
        f"  hand-in burst: {burst:.1f} s, {total / burst:.1f} submissions/s; latency p50 {ms(percentile(latencies, 50))},"
        f" p90 {ms(percentile(latencies, 90))}, p99 {ms(percentile(latencies, 99))}, max {ms(latencies[-1])}",
        f"  while grading: {len(watch_latencies)} list requests, latency p50 {ms(percentile(watch_latencies, 50))},"
        f" p99 {ms(percentile(watch_latencies, 99))}",
        f"  grading: {len(graded)} of {total} graded in {window:.0f} s = {len(graded) / window * 60:.1f} submissions/min;"
        f" per submission p50 {percentile(seconds, 50):.1f} s, max {seconds[-1]:.1f} s;"
        f" the service's own count: {queue['graded_last_minute']} in its last minute",
        f"  checks: {total} stored as sent, {len(graded)} graded exactly once with the right score, "
        f"{total - len(graded)} still queued, 0 failed, 0 lost",
    ])
    print("\n" + report)
    out = REPO_ROOT / "test-artifacts" / "serve"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load.txt").write_text(report + "\n")
