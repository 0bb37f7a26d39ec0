"""The idioms IJava and JJava users type, in a notebook run by `./ttlab run`'s runner:
%maven (from a local Maven repository the test makes, with the network unused), %jars with a
jar that carries a JJava extension, JJava's default imports, printf, and a null value."""

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

RUNNER = REPO_ROOT / "tools" / "run_notebooks.py"
IDIOMS = REPO_ROOT / "tests" / "kernel" / "idioms.ipynb"
KERNEL_LIB = REPO_ROOT / "grader" / "target" / "lib"

pytestmark = pytest.mark.timeout(300)

GREETER = {
    "greeter/Greeter.java": "package greeter;\n"
    "public class Greeter {\n"
    "    public static String greet(String who) { return words.Words.HELLO + \", \" + who; }\n"
    "}\n",
}
WORDS = {"words/Words.java": 'package words;\npublic class Words { public static final String HELLO = "hello"; }\n'}
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


def install(repo: Path, group: str, artifact: str, version: str, jar: Path, dependencies: str = "") -> None:
    folder = repo / group.replace(".", "/") / artifact / version
    folder.mkdir(parents=True)
    shutil.copy(jar, folder / f"{artifact}-{version}.jar")
    (folder / f"{artifact}-{version}.pom").write_text(
        f"<project><modelVersion>4.0.0</modelVersion><groupId>{group}</groupId><artifactId>{artifact}</artifactId>"
        f"<version>{version}</version>{dependencies}</project>")


@pytest.fixture
def executed(tmp_path, kernel_spec):
    jjava = sorted(KERNEL_LIB.glob("jjava-jupyter-*.jar"))
    assert jjava, f"no jjava-jupyter jar in {KERNEL_LIB}: run ./ttlab setup"
    work, repo = tmp_path / "work", tmp_path / "repo"
    words = build_jar(work, work / "words.jar", WORDS, [])
    greeter = build_jar(work, work / "greeter.jar", GREETER, [words])
    install(repo, "org.example", "words", "1.0", words)
    install(repo, "org.example", "greeter", "1.0", greeter,
            "<dependencies><dependency><groupId>org.example</groupId><artifactId>words</artifactId>"
            "<version>1.0</version></dependency></dependencies>")
    notebook_dir = tmp_path / "notebook"
    build_jar(work, notebook_dir / "lib" / "money.jar", MONEY, jjava,
              {"META-INF/services/org.dflib.jjava.jupyter.Extension": "money.MoneyExtension\n"})
    shutil.copy(IDIOMS, notebook_dir / IDIOMS.name)

    env = {**os.environ, "TTLAB_JVM_OPTS": f"-Dmaven.repo.local={repo}"}
    result = subprocess.run([sys.executable, str(RUNNER), str(notebook_dir / IDIOMS.name), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=240, cwd=REPO_ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    notebook = nbformat.read(tmp_path / "out" / IDIOMS.name, as_version=4)
    return {c.id: c.outputs for c in notebook.cells if c.cell_type == "code"}


def result_of(outputs, mime="text/plain") -> str:
    results = [o for o in outputs if o.output_type == "execute_result"]
    assert len(results) == 1, outputs
    return results[0].data[mime]


def stdout_of(outputs) -> str:
    return "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stdout")


def test_idioms_notebook(executed):
    assert "Added 2 jar(s)" in stdout_of(executed["maven"])
    assert result_of(executed["maven-use"]) == "hello, notebook"  # greeter's dependency came along
    assert "money.jar" in stdout_of(executed["jars"])
    # The jar's extension was installed: its renderer shows a Money.
    assert result_of(executed["extension-renderer"], "text/html") == "<b>5 EUR</b>"
    assert result_of(executed["extension-renderer"]) == "5 EUR"
    assert result_of(executed["java-time"]) == "FRIDAY"
    assert result_of(executed["regex-and-net"]) == "true /x"
    assert stdout_of(executed["printf"]) == "1 + 2 = 3\n"
    assert result_of(executed["null-value"]) == "null"
