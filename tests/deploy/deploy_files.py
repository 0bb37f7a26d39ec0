"""Readers for the deployment files, for tests that check them without a Docker engine.

- `Dockerfile`: a multi-stage Dockerfile as stages of instructions (line continuations,
  comments, global ARG defaults in FROM), with COPY/ADD sources, destinations and flags.
- `DockerIgnore`: which paths of the build context a .dockerignore keeps out, with Docker's
  rules (`*`, `?`, `**`, `!` exceptions, the last matching pattern wins, a matched folder
  excludes everything under it).
- `context_files`: the repository's files that a COPY from the build context takes in.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from conftest import REPO_ROOT

DOCKER_DIR = REPO_ROOT / "docker"


@dataclass
class Instruction:
    keyword: str  # upper case: FROM, RUN, COPY, ...
    args: str  # the rest of the instruction, continuation lines joined
    line: int  # where it starts in the file, from 1


@dataclass
class Copy:
    """A COPY or ADD: `source_stage` is its --from (None: the build context)."""

    keyword: str
    sources: list[str]
    destination: str
    source_stage: str | None
    flags: dict[str, str]
    line: int


@dataclass
class Stage:
    name: str
    base: str  # the FROM image or stage, global ARGs substituted
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword]

    def copies(self) -> list[Copy]:
        return [parse_copy(i) for i in self.instructions if i.keyword in ("COPY", "ADD")]

    def runs(self) -> list[str]:
        """RUN commands without their --mount/--network/--security flags."""
        return [strip_flags(i.args) for i in self.all("RUN")]

    def env(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for instruction in self.all("ENV"):
            for token in shlex.split(instruction.args):
                name, sep, value = token.partition("=")
                if not sep:
                    raise ValueError(f"line {instruction.line}: ENV without '=' is not used here")
                values[name] = value
        return values

    def last(self, keyword: str) -> Instruction | None:
        found = self.all(keyword)
        return found[-1] if found else None


class Dockerfile:
    def __init__(self, text: str):
        self.global_args: dict[str, str] = {}
        self.stages: list[Stage] = []
        for instruction in _instructions(text):
            if instruction.keyword == "FROM":
                words = instruction.args.split()
                flags = [w for w in words if w.startswith("--")]
                words = [w for w in words if not w.startswith("--")]
                if flags:
                    raise ValueError(f"line {instruction.line}: FROM flags are not used here")
                base = _substitute(words[0], self.global_args)
                name = words[2] if len(words) == 3 and words[1].upper() == "AS" else str(len(self.stages))
                self.stages.append(Stage(name=name, base=base))
            elif not self.stages:
                if instruction.keyword != "ARG":
                    raise ValueError(f"line {instruction.line}: {instruction.keyword} before the first FROM")
                name, _, default = instruction.args.partition("=")
                self.global_args[name.strip()] = default.strip()
            else:
                self.stages[-1].instructions.append(instruction)

    @classmethod
    def read(cls, path: Path = DOCKER_DIR / "Dockerfile") -> "Dockerfile":
        return cls(path.read_text())

    def stage(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(f"no stage {name!r}; stages: {[s.name for s in self.stages]}")

    def names(self) -> set[str]:
        return {stage.name for stage in self.stages}

    def parent(self, stage: Stage) -> Stage | None:
        """The stage this one is built FROM, when it is a stage and not an image."""
        return self.stage(stage.base) if stage.base in self.names() else None

    def closure(self, name: str) -> list[Stage]:
        """The stage and every stage whose files can reach it (FROM and COPY --from)."""
        seen: list[Stage] = []
        todo = [name]
        while todo:
            stage = self.stage(todo.pop())
            if stage in seen:
                continue
            seen.append(stage)
            if stage.base in self.names():
                todo.append(stage.base)
            todo.extend(c.source_stage for c in stage.copies()
                        if c.source_stage is not None and c.source_stage in self.names())
        return seen

    def inherited(self, stage: Stage, keyword: str) -> Instruction | None:
        """The instruction (USER, WORKDIR, CMD, ...) in force at the end of the stage."""
        current: Stage | None = stage
        while current is not None:
            found = current.last(keyword)
            if found is not None:
                return found
            current = self.parent(current)
        return None


def _instructions(text: str) -> list[Instruction]:
    """Instructions with continuation lines joined; comment lines (and parser directives) dropped."""
    result: list[Instruction] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("#") or (not stripped and not pending):
            continue
        if not pending:
            start = number
        if stripped.endswith("\\"):
            pending.append(stripped[:-1].strip())
            continue
        pending.append(stripped)
        joined = " ".join(part for part in pending if part)
        pending = []
        keyword, _, args = joined.partition(" ")
        if "<<" in args and keyword.upper() in ("RUN", "COPY"):
            raise ValueError(f"line {start}: heredocs are not used here")
        result.append(Instruction(keyword.upper(), args.strip(), start))
    if pending:
        raise ValueError("the file ends inside a continued line")
    return result


def _substitute(word: str, args: dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args[m.group(1) or m.group(2)], word)


def strip_flags(args: str) -> str:
    return re.sub(r"^(--\S+\s+)*", "", args).strip()


def parse_copy(instruction: Instruction) -> Copy:
    args = instruction.args
    words: list[str] = []
    flags: dict[str, str] = {}
    rest = args
    while rest.startswith("--"):
        flag, _, rest = rest.partition(" ")
        name, _, value = flag[2:].partition("=")
        flags[name] = value
        rest = rest.strip()
    words = json.loads(rest) if rest.startswith("[") else shlex.split(rest)
    if len(words) < 2:
        raise ValueError(f"line {instruction.line}: {instruction.keyword} needs a source and a destination")
    return Copy(instruction.keyword, words[:-1], words[-1], flags.get("from"), flags, instruction.line)


class DockerIgnore:
    """A .dockerignore's patterns, matched as Docker matches them against context paths."""

    def __init__(self, text: str):
        self.patterns: list[tuple[bool, re.Pattern]] = []
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            pattern = line[1:].strip() if negated else line
            pattern = str(PurePosixPath(pattern.lstrip("/")))
            self.patterns.append((negated, re.compile(_pattern_regex(pattern))))

    @classmethod
    def read(cls, path: Path = REPO_ROOT / ".dockerignore") -> "DockerIgnore":
        return cls(path.read_text())

    def excludes(self, path: str) -> bool:
        candidates = [path] + [str(p) for p in PurePosixPath(path).parents if str(p) != "."]
        excluded = False
        for negated, regex in self.patterns:
            if any(regex.match(candidate) for candidate in candidates):
                excluded = not negated
        return excluded


def _pattern_regex(pattern: str) -> str:
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "^" + "".join(out) + "$"


def tracked_files() -> list[str]:
    """The repository's files as a fresh clone (and so CI's build context) has them."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True)
    return [name for name in out.stdout.decode().split("\0") if name]


def context_files(source: str, files: list[str], ignore: DockerIgnore) -> list[str]:
    """The files a COPY of `source` from the build context takes in (no globs in sources here)."""
    source = str(PurePosixPath(source))
    if any(ch in source for ch in "*?["):
        raise ValueError(f"COPY source {source!r}: globs are not used in docker/Dockerfile")
    if source == ".":
        chosen = files
    else:
        chosen = [f for f in files if f == source or f.startswith(source + "/")]
    return [f for f in chosen if not ignore.excludes(f)]
