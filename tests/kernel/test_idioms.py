"""The idioms IJava and JJava users type, in a notebook run by `./ttlab run`'s runner:
%maven (Gson and its dependency from the local Maven repository that built the kernel, with the
only remote repository unreachable, and a clear error for an artifact that is nowhere), %jars
with a jar that carries a JJava extension, JJava's default imports, printf, and null values."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT
from test_protocol import running_kernel

RUNNER = REPO_ROOT / "tools" / "run_notebooks.py"
IDIOMS = REPO_ROOT / "tests" / "kernel" / "idioms.ipynb"
KERNEL_LIB = REPO_ROOT / "grader" / "target" / "lib"
LOCAL_REPOSITORY = Path.home() / ".m2" / "repository"
# Gson is one of the kernel's own dependencies: `./ttlab setup` (Maven) put it in the local repository.
GSON = ("com.google.code.gson", "gson")
UNREACHABLE = "http://127.0.0.1:9/"  # nothing listens there: trying the network fails at once
# The resolver makes the folders of what it tries to download, also when the download fails.
MISSING_FOLDER = Path("org/example/not-in-any-repository/1.0")

pytestmark = pytest.mark.timeout(300)

MONEY = {
    "money/Money.java": "package money;\n"
    "public final class Money {\n"
    "    public final int euros;\n"
    "    public Money(int euros) { this.euros = euros; }\n"
    "}\n",
    "money/MoneyExtension.java": "package money;\n"
    "import org.dflib.jjava.jupyter.Extension;\n"
    "import org.dflib.jjava.jupyter.kernel.BaseKernel;\n"
    "import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;\n"
    "public class MoneyExtension implements Extension {\n"
    "    public void install(BaseKernel kernel) {\n"
    "        kernel.getRenderer().createRegistration(Money.class)\n"
    "                .preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)\n"
    "                .register((m, context) -> {\n"
    '                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>" + m.euros + " EUR</b>");\n'
    '                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> m.euros + " EUR");\n'
    "                });\n"
    "    }\n"
    "}\n",
}


def build_jar(work: Path, jar: Path, sources: dict[str, str], classpath: list[Path], resources=None) -> Path:
    javac = shutil.which("javac")
    assert javac, "javac not found: the Java kernel needs a JDK 17 or newer"
    src, classes = work / (jar.stem + "-src"), work / (jar.stem + "-classes")
    files = []
    for name, text in sources.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text)
        files.append(str(src / name))
    cp = os.pathsep.join(str(p) for p in classpath) or "."
    subprocess.run([javac, "--release", "17", "-cp", cp, "-d", str(classes), *files], check=True)
    for name, text in (resources or {}).items():
        (classes / name).parent.mkdir(parents=True, exist_ok=True)
        (classes / name).write_text(text)
    jar.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(jar, "w") as out:
        for file in sorted(classes.rglob("*")):
            if file.is_file():
                out.write(file, file.relative_to(classes).as_posix())
    return jar


@pytest.fixture
def executed(tmp_path, kernel_spec):
    jjava = sorted(KERNEL_LIB.glob("jjava-jupyter-*.jar"))
    assert jjava, f"no jjava-jupyter jar in {KERNEL_LIB}: run ./ttlab setup"
    gson_version = pinned_version(*GSON)
    kernel_gson = KERNEL_LIB / f"gson-{gson_version}.jar"
    assert kernel_gson.is_file(), (f"{IDIOMS.name} takes gson {gson_version}, but the kernel now depends on "
                                   f"{[p.name for p in KERNEL_LIB.glob('gson-*.jar')]}: update the notebook")
    group_folder = LOCAL_REPOSITORY / GSON[0].replace(".", "/") / GSON[1] / gson_version
    assert (group_folder / kernel_gson.name).is_file(), (
        f"{kernel_gson.name} is not in {LOCAL_REPOSITORY}, the local Maven repository the kernel's build should have "
        "used: run ./ttlab setup")
    work = tmp_path / "work"
    notebook_dir = tmp_path / "notebook"
    build_jar(work, notebook_dir / "lib" / "money.jar", MONEY, jjava,
              {"META-INF/services/org.dflib.jjava.jupyter.Extension": "money.MoneyExtension\n"})
    shutil.copy(IDIOMS, notebook_dir / IDIOMS.name)

    env = {**os.environ, "TTLAB_MAVEN_REPOSITORIES": UNREACHABLE}
    env.pop("TTLAB_JVM_OPTS", None)  # the default local repository, ~/.m2/repository
    try:
        result = subprocess.run([sys.executable, str(RUNNER), str(notebook_dir / IDIOMS.name), "--out", str(tmp_path / "out")],
                                capture_output=True, text=True, timeout=240, cwd=REPO_ROOT, env=env)
    finally:
        remove_empty_folders(LOCAL_REPOSITORY / MISSING_FOLDER)
    assert result.returncode == 0, result.stdout + result.stderr
    notebook = nbformat.read(tmp_path / "out" / IDIOMS.name, as_version=4)
    return {c.id: c.outputs for c in notebook.cells if c.cell_type == "code"}


def remove_empty_folders(folder: Path) -> None:
    """Removes folder and its parents up to the local repository, as long as they are empty."""
    while folder != LOCAL_REPOSITORY and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def pinned_version(group: str, artifact: str) -> str:
    """The version the idioms notebook's %maven cell asks for."""
    notebook = nbformat.read(IDIOMS, as_version=4)
    source = next(c.source for c in notebook.cells if c.get("id") == "maven")
    prefix = f"%maven {group}:{artifact}:"
    assert source.startswith(prefix), source
    return source[len(prefix):].split()[0]


def result_of(outputs, mime="text/plain") -> str:
    results = [o for o in outputs if o.output_type == "execute_result"]
    assert len(results) == 1, outputs
    return results[0].data[mime]


def stdout_of(outputs) -> str:
    return "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stdout")


def error_of(outputs) -> dict:
    errors = [o for o in outputs if o.output_type == "error"]
    assert len(errors) == 1, outputs
    return errors[0]


def test_idioms_notebook(executed):
    added = stdout_of(executed["maven"])
    # Gson and its own dependency, both from the local repository (the remote one is unreachable).
    assert "Added 2 jar(s)" in added, added
    assert str(LOCAL_REPOSITORY / "com" / "google" / "code" / "gson") in added
    assert "error_prone_annotations" in added
    assert result_of(executed["maven-use"]) == '{"heads":8}'
    missing = error_of(executed["maven-missing"])
    assert missing.ename == "MagicError"
    assert missing.evalue.startswith("%maven: cannot resolve org.example:not-in-any-repository:1.0: ")
    assert f"local repository {LOCAL_REPOSITORY}" in missing.evalue
    assert f"{UNREACHABLE} cannot be reached (offline?)" in missing.evalue
    assert "money.jar" in stdout_of(executed["jars"])
    # The jar's extension was installed: its renderer shows a Money.
    assert result_of(executed["extension-renderer"], "text/html") == "<b>5 EUR</b>"
    assert result_of(executed["extension-renderer"]) == "5 EUR"
    assert result_of(executed["java-time"]) == "FRIDAY"
    assert result_of(executed["regex-and-net"]) == "true /x"
    assert stdout_of(executed["printf"]) == "1 + 2 = 3\n"
    assert result_of(executed["null-value"]) == "null"
    assert result_of(executed["null-property"]) == "null"


def test_the_resolver_loads_only_when_maven_is_used(kernel_spec, kernel_name, tmp_path):
    """Start-up stays as it was: Maven Resolver's classes load at the first %maven, not before."""
    log = tmp_path / "classes.log"
    env = {"TTLAB_JVM_OPTS": f"-Xlog:class+load=info:file={log}", "TTLAB_MAVEN_REPOSITORIES": UNREACHABLE}

    def resolver_classes() -> list[str]:
        text = log.read_text(errors="replace")
        return [line for line in text.splitlines() if "org.eclipse.aether." in line or "org.apache.maven." in line]

    with running_kernel(kernel_name, env) as kernel:
        kernel.run_ok("1 + 1")
        assert log.stat().st_size > 0, "the JVM wrote no class-loading log"
        assert resolver_classes() == []
        kernel.run_ok(f"%maven {GSON[0]}:{GSON[1]}:{pinned_version(*GSON)}")
        assert resolver_classes(), "the log shows no resolver class even after %maven"
