"""The submission page in a real browser: a student signs in with a token, uploads the warm-up
notebook, watches it be graded, and reads the score and the feedback; the instructor signs in
and sees the gradebook and downloads it.

Debian's Chromium, headless, driven by Playwright (which never downloads a browser here), as in
tests/browser/test_lab.py. Screenshots go to test-artifacts/serve/.

    .venv/bin/python -m pytest tests/serve/test_browser.py
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHROMIUM_ARGS
from serving import FULL_MARKS, REPO_ROOT, Service, student_notebooks, write_roster

GRADED_MS = 180_000

pytestmark = pytest.mark.timeout(400)


def test_a_student_hands_in_on_the_page_and_reads_the_feedback(tmp_path, playwright_api, chromium):
    from playwright.sync_api import expect

    tokens = write_roster(tmp_path / "roster.csv", ["alice"])
    solved, _ = student_notebooks(tmp_path / "notebooks")
    upload = tmp_path / "upload" / "00-warmup.ipynb"
    upload.parent.mkdir()
    upload.write_bytes(solved)
    artifacts = REPO_ROOT / "test-artifacts" / "serve"
    artifacts.mkdir(parents=True, exist_ok=True)
    service = Service(tmp_path / "data", tmp_path / "roster.csv", "--workers", "1").start()
    browser = playwright_api.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
    try:
        page = browser.new_page(viewport={"width": 1200, "height": 1100})
        page.goto(service.url)

        # A wrong token is refused with the service's message.
        page.fill("#token", "not-the-right-token")
        page.click("#login")
        expect(page.locator("#login-error")).to_contain_text("not valid")

        page.fill("#token", tokens["alice"])
        page.click("#login")
        expect(page.locator("#user")).to_have_text("alice")
        expect(page.locator("#role")).to_have_text("student")
        expect(page.locator("#instructor")).to_be_hidden()
        expect(page.locator("#filter")).to_be_hidden()
        expect(page.locator("#no-submissions")).to_be_visible()

        page.set_input_files("#file", str(upload))
        expect(page.locator("#assignment")).to_have_value("00-warmup")
        page.click("#submit")
        expect(page.locator("#submit-message")).to_contain_text("is queued for grading")

        row = page.locator("#submissions tbody tr").first
        expect(row.locator(".badge")).to_have_text("graded", timeout=GRADED_MS)
        expect(row.locator("td.score")).to_have_text(f"{FULL_MARKS} / {FULL_MARKS}")
        expect(page.locator("#detail-summary")).to_contain_text(f"Score {FULL_MARKS} / {FULL_MARKS}")
        feedback = page.frame_locator("#feedback")
        expect(feedback.locator("h1")).to_contain_text("Feedback for alice--00-warmup")
        expect(feedback.locator(".total")).to_contain_text(f"{FULL_MARKS} / {FULL_MARKS} points")
        expect(feedback.locator("text=Instructor's view")).to_have_count(0)
        # The master is named, not where the service keeps it.
        expect(feedback.locator(".meta")).to_contain_text("Notebook 00-warmup.ipynb")
        page.screenshot(path=str(artifacts / "student.png"), full_page=True)

        # Handing in again is a new submission.
        page.set_input_files("#file", str(upload))
        page.click("#submit")
        expect(page.locator("#submit-message")).to_contain_text("#2 of 00-warmup is queued")

        # The instructor's view: the gradebook, its CSV, every submission.
        instructor = browser.new_page(viewport={"width": 1200, "height": 1100})
        instructor.goto(service.url)
        instructor.fill("#token", tokens["prof"])
        instructor.click("#login")
        expect(instructor.locator("#role")).to_have_text("instructor")
        expect(instructor.locator("#gradebook-table")).to_contain_text("alice")
        expect(instructor.locator("#gradebook-table")).to_contain_text("00-warmup")
        with instructor.expect_download() as download:
            instructor.click("#download-csv")
        csv = Path(download.value.path()).read_text()
        assert csv.startswith("student,assignment,warmup.dot,")
        assert "\nalice,00-warmup,3.0,3.0,3.0,3.0,12.0,12.0,100.0," in csv
        expect(instructor.locator("#audit tbody")).to_contain_text("accepted")
        instructor.screenshot(path=str(artifacts / "instructor.png"), full_page=True)
    finally:
        browser.close()
        service.stop()
