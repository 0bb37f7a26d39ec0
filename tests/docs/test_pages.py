"""The README and the pages in docs/ stay true to the repository: every link between them lands on
a file and a heading that exist, and the command reference names exactly the commands `./ttlab`
dispatches. (What the pages say about each command is checked by that command's own tests.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO_ROOT

PAGES = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```")


def headings(page: Path) -> set[str]:
    """GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens."""
    anchors, fenced = set(), False
    for line in page.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := re.match(r"^#{1,6} (.*)$", line)):
            anchors.add(re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-"))
    return anchors


def local_links(page: Path) -> list[str]:
    return [target for target in LINK.findall(page.read_text(encoding="utf-8"))
            if not re.match(r"^[a-z]+:", target)]


def test_there_is_a_page_for_each_part():
    assert {p.name for p in PAGES} >= {"README.md", "commands.md", "course.md", "kernel.md", "grading.md",
                                       "testing.md", "deployment.md", "notebook-format.md"}


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_link_lands_on_a_file_and_heading_that_exist(page: Path):
    broken = []
    for target in local_links(page):
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(f"{target}: no file {file}")
        elif anchor and file.suffix == ".md" and anchor not in headings(file):
            broken.append(f"{target}: no heading #{anchor} in {file.name}")
    assert not broken, f"{page.name}: " + "; ".join(broken)


def test_the_command_reference_names_every_command_and_no_other():
    dispatched = set(re.findall(r"^\s+([a-z]+)\) cmd_", (REPO_ROOT / "ttlab").read_text(), re.M))
    documented = set(re.findall(r"^\| `\./ttlab ([a-z]+)", (REPO_ROOT / "docs" / "commands.md").read_text(), re.M))
    assert dispatched and documented == dispatched
