"""The kernel's start-up cache exists and the JVM maps it: the one `./ttlab setup` built, with its
JDK, and one built by the same script on JDK 25 (the images' JDK). A cache that a JVM cannot map
is silently ignored at run time, so each check runs the JVM in the mode that makes it an error
(-Xshare:on, -XX:AOTMode=on)."""

from __future__ import annotations

import glob
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
TARGET = ROOT / "kernels" / "java" / "target"
CACHE_OPTION = re.compile(r"^-XX:(SharedArchiveFile|AOTCache)=(.+)$")

pytestmark = pytest.mark.timeout(600)


def java_major(java: str) -> int:
    settings = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    return int(re.search(r"java\.specification\.version = (\d+)", settings).group(1))


def strict(option: str) -> str:
    return "-XX:AOTMode=on" if option.startswith("-XX:AOTCache=") else "-Xshare:on"


def test_the_cache_setup_built_is_named_in_the_launch_options_and_maps():
    java = (TARGET / "kernel.java").read_text().strip()
    options = [CACHE_OPTION.match(line) for line in (TARGET / "kernel.args").read_text().splitlines()]
    named = [m for m in options if m]
    assert len(named) == 1, f"kernel.args names no start-up cache; see {TARGET / 'cds' / 'training.log'}"
    assert Path(named[0].group(2)).is_file()
    run = subprocess.run([java, f"@{TARGET / 'kernel.args'}", strict(named[0].group(0)), "-version"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def jdk25() -> str | None:
    homes = [os.environ.get("TTLAB_JDK25", "")] + sorted(glob.glob("/usr/lib/jvm/*25*"))
    for home in homes:
        java = Path(home) / "bin" / "java"
        if home and java.is_file() and java_major(str(java)) >= 25:
            return str(java)
    return None


def test_the_cache_script_builds_a_cache_that_jdk_25_maps(tmp_path):
    java = jdk25()
    if java is None:
        pytest.skip("no JDK 25 installed (set TTLAB_JDK25 to its home): the images' JDK is not checked here")
    # The kernel's options without the cache setup chose for its own JDK.
    args = tmp_path / "kernel.args"
    args.write_text("\n".join(line for line in (TARGET / "kernel.args").read_text().splitlines()
                              if not CACHE_OPTION.match(line)) + "\n")
    out = tmp_path / "cds"
    run = subprocess.run([str(ROOT / "tools" / "startup-cache.sh"), java, str(args), str(out)],
                         capture_output=True, text=True, timeout=500)
    log = (out / "training.log").read_text() if (out / "training.log").exists() else ""
    assert run.returncode == 0, run.stderr + log
    assert run.stdout.strip() == f"-XX:AOTCache={out / 'kernel.aot'}"
    assert (out / "kernel.aot").stat().st_size > 1_000_000
