"""docker/Dockerfile and .dockerignore, read (no Docker engine is needed): what reaches which image.

- The course images (`student`, `cuda`) never hold the masters: nothing they are built from
  copies solutions/ or the named context `masters`, the build context keeps solutions/ and the
  test fixtures out, and no notebook with a solution or hidden test reaches them, while the
  lectures and exercises do.
- The images install with the README's set-up command, `./ttlab setup`, and nothing else
  repeats its steps; the tree runs where it was built (its launch files hold absolute paths).
- Both course images follow the Jupyter docker-stacks conventions alike.
"""

from __future__ import annotations

import json
import re
import shlex

import pytest

from conftest import REPO_ROOT
from deploy_files import DOCKER_DIR, Dockerfile, DockerIgnore, context_files, tracked_files

COURSE_IMAGES = ("student", "cuda")
MASTER_MARKER = re.compile(r"^\s*//\s*BEGIN (SOLUTION|HIDDEN TESTS)\s*$", re.MULTILINE)


@pytest.fixture(scope="module")
def dockerfile() -> Dockerfile:
    return Dockerfile.read()


def holds_masters(path: str) -> str | None:
    """Why a repository file holds solutions or hidden tests, or None."""
    if path.split("/")[0] == "solutions":
        return "it is in solutions/"
    if not path.endswith(".ipynb"):
        return None
    notebook = json.loads((REPO_ROOT / path).read_text())
    for cell in notebook["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell.get("metadata", {}).get("ttlab", {}).get("role") == "hidden-tests":
            return f"cell {cell.get('id')} holds hidden tests"
        if MASTER_MARKER.search(source):
            return f"cell {cell.get('id')} holds a solution or hidden-tests marker"
    return None


def master_leaks(dockerfile: Dockerfile, stage_name: str, ignore: DockerIgnore, files: list[str]):
    """(problems, files copied from the build context) for one image and all it is built from."""
    problems: list[str] = []
    copied: set[str] = set()
    for stage in dockerfile.closure(stage_name):
        for copy in stage.copies():
            where = f"stage {stage.name}, line {copy.line}"
            if copy.source_stage is not None:
                if copy.source_stage not in dockerfile.names():
                    problems.append(f"{where}: copies from {copy.source_stage!r}, which is no stage")
                continue
            for source in copy.sources:
                if re.match(r"^(\./)?solutions(/|$)", source) or source.startswith(("http://", "https://")):
                    problems.append(f"{where}: copies {source!r}")
                for path in context_files(source, files, ignore):
                    copied.add(path)
                    reason = holds_masters(path)
                    if reason:
                        problems.append(f"{where}: {path} reaches the image: {reason}")
    return problems, copied


def test_stages_and_bases(dockerfile):
    assert {"build", "student", "cuda", "grader"} <= dockerfile.names()
    build, student, cuda = (dockerfile.stage(n) for n in ("build", "student", "cuda"))
    # A JDK 25 builds; the CPU image runs on the very same image, the CUDA image on the same
    # Ubuntu release (24.04, noble), so the .venv's Python and the copied JDK run unchanged.
    assert re.fullmatch(r"eclipse-temurin:25(\.[\d._]+)?-jdk-noble", build.base), build.base
    assert student.base == build.base
    assert re.fullmatch(r"nvidia/cuda:12\.\d+\.\d+-runtime-ubuntu24\.04", cuda.base), cuda.base
    assert dockerfile.stage("grader").base == "student"


@pytest.mark.parametrize("image", COURSE_IMAGES)
def test_course_images_never_hold_the_masters(dockerfile, image):
    ignore, files = DockerIgnore.read(), tracked_files()
    problems, copied = master_leaks(dockerfile, image, ignore, files)
    assert problems == []
    # ... while the lectures and the students' exercises do reach them.
    for folder in ("course", "exercises"):
        notebooks = {f for f in files if f.startswith(folder + "/") and f.endswith(".ipynb")}
        assert notebooks and notebooks <= copied, f"{folder}/ notebooks missing from {image}"


def test_the_leak_check_finds_leaks():
    """The check above on Dockerfiles that leak: it must say so."""
    files, ignore = tracked_files(), DockerIgnore("")
    leaky = [
        "FROM scratch AS build\nCOPY . /src\nFROM build AS student\n",
        "FROM scratch AS student\nCOPY solutions/00-warmup.ipynb /x/\n",
        "FROM scratch AS student\nCOPY --from=masters . /opt/ttlab/solutions/\n",
        "FROM scratch AS build\nCOPY grader grader\nFROM scratch AS student\nCOPY --from=build /g /g\n",
    ]
    for text in leaky:
        problems, _ = master_leaks(Dockerfile(text), "student", ignore, files)
        assert problems, f"no leak found in:\n{text}"


def test_dockerignore_keeps_masters_and_fixtures_out():
    ignore = DockerIgnore.read()
    for path in ["solutions", "solutions/00-warmup.ipynb", "solutions/new/set.ipynb",
                 "grader/src/test/java/ttlab/grader/grade/WarmupNotebooks.java",
                 "grader/src/test/resources/assign/solutions/01-warmup.ipynb",
                 "tests/notebooks/smoke.ipynb", ".venv/bin/python", "kernels/java/target/kernel.args",
                 "docker/.env", "docker/jupyterhub/.env", "docker/jupyterhub/roster.txt",
                 "autograder.zip", "course/gradescope/warmup.zip"]:
        assert ignore.excludes(path), path
    for path in ["exercises/00-warmup.ipynb", "course/01a-attention-as-kernel-regression.ipynb",
                 "kernels/java/src/main/java/ttlab/kernel/Main.java", "ttlab", "docker/start-notebook.sh"]:
        assert not ignore.excludes(path), path
    # Every tracked file holding a solution or hidden test stays out of the build context.
    leaking = [f for f in tracked_files() if holds_masters(f) and not ignore.excludes(f)]
    assert leaking == []


def test_the_masters_come_only_through_the_grader_stage(dockerfile):
    users = [(s.name, c.line) for s in dockerfile.stages for c in s.copies() if c.source_stage == "masters"]
    assert [name for name, _ in users] == ["grader"]
    assert all(s.base != "grader" for s in dockerfile.stages), "no image may be built on the grader's"


def test_install_is_the_readmes_setup(dockerfile):
    readme = (REPO_ROOT / "README.md").read_text()
    assert "`./ttlab setup" in readme, "the README's set-up command"
    build = dockerfile.stage("build")
    assert build.runs().count("./ttlab setup") == 1, build.runs()
    # Nothing else in any stage redoes a step of the set-up by hand.
    by_hand = re.compile(r"\bmvnw?\b|(?<![\w-])requirements\.txt|\bkernelspec\b|-m venv|kernel\.json|ttlab-kernel")
    for stage in dockerfile.stages:
        for command in stage.runs():
            assert not by_hand.search(command), f"stage {stage.name} repeats a set-up step: {command}"


def test_images_run_the_tree_where_it_was_built(dockerfile):
    build_dir = dockerfile.stage("build").last("WORKDIR").args
    assert build_dir == "/opt/ttlab"
    tree_from = {"student": "build", "cuda": "build-cuda"}  # the CUDA image's tree is built with nvcc
    assert dockerfile.stage("build-cuda").base == "build"
    for image in COURSE_IMAGES:
        stage = dockerfile.stage(image)
        pairs = [(c.sources, c.destination) for c in stage.copies() if c.source_stage == tree_from[image]]
        assert ([build_dir], build_dir) in pairs, f"{image} copies the built tree elsewhere: {pairs}"
        assert stage.env()["TTLAB_HOME"] == build_dir
        assert stage.env()["PATH"].startswith(f"{build_dir}/.venv/bin:")
    # The CUDA image takes the build's JDK at the same path: kernel.java and the start-up cache
    # name that java.
    cuda = dockerfile.stage("cuda")
    java_home = cuda.env()["JAVA_HOME"]
    assert ([java_home], java_home) in [(c.sources, c.destination) for c in cuda.copies() if c.source_stage == "build"]
    assert f"{java_home}/bin" in cuda.env()["PATH"].split(":")


def test_course_images_follow_docker_stacks(dockerfile):
    def settings(image):
        stage = dockerfile.stage(image)
        return {k: dockerfile.inherited(stage, k).args for k in ("USER", "WORKDIR", "EXPOSE", "ENTRYPOINT", "CMD")}

    student, cuda = settings("student"), settings("cuda")
    assert student == cuda
    assert student["USER"] in ("1000", "jovyan", "1000:100")
    assert student["WORKDIR"] == "/home/jovyan/work"
    assert "8888" in student["EXPOSE"].split()
    assert json.loads(student["ENTRYPOINT"])[0] == "tini"
    command = json.loads(student["CMD"])
    assert command == ["start-notebook.sh"]

    for image in COURSE_IMAGES:
        stage = dockerfile.stage(image)
        context_copies = {(tuple(c.sources), c.destination) for c in stage.copies() if c.source_stage is None}
        assert (("docker/start-notebook.sh",), "/usr/local/bin/start-notebook.sh") in context_copies
        assert (("docker/jupyter/jupyter_server_config.py",), "/etc/jupyter/jupyter_server_config.py") in context_copies
        setup = [c.destination for c in stage.copies() if c.sources == ["docker/image-setup.sh"]]
        assert setup and stage.runs()[0] == setup[0].rsplit("/", 1)[-1], f"{image} runs docker/image-setup.sh first"
    # The CUDA image sets what the CPU image sets (its base sets the rest).
    student_env, cuda_env = dockerfile.stage("student").env(), dockerfile.stage("cuda").env()
    assert {k: v for k, v in student_env.items() if k != "PATH"}.items() <= cuda_env.items()

    # The user: jovyan, uid 1000, group users, as docker-stacks has it.
    setup_script = (DOCKER_DIR / "image-setup.sh").read_text()
    useradd = [shlex.split(line) for line in setup_script.splitlines() if line.strip().startswith("useradd")]
    assert len(useradd) == 1
    words = useradd[0]
    assert words[-1] == "jovyan" and words[words.index("--uid") + 1] == "1000"
    assert words[words.index("--gid") + 1] == "users"


def test_token_authentication_is_never_turned_off():
    start = (DOCKER_DIR / "start-notebook.sh").read_text()
    assert re.search(r'^exec jupyter lab --ip="\$\{JUPYTER_IP:-0\.0\.0\.0\}" --port="\$\{JUPYTER_PORT:-8888\}"', start, re.M)
    assert re.search(r"^\s*exec jupyterhub-singleuser", start, re.M)
    off = re.compile(r"""(ServerApp|NotebookApp|IdentityProvider|PasswordIdentityProvider)\.(token|password)\s*=|"""
                     r"""token\s*=\s*(''|"")|disable_check_xsrf|allow_unauthenticated_access""")
    for path in DOCKER_DIR.rglob("*"):
        if path.is_file():
            assert not off.search(path.read_text(errors="replace")), f"{path} touches authentication"


def test_grader_stage_serves(dockerfile):
    grader = dockerfile.stage("grader")
    assert dockerfile.inherited(grader, "USER").args in ("1000", "jovyan")
    command = json.loads(grader.last("CMD").args)
    assert command[:2] == ["./ttlab", "serve"]
    assert grader.last("WORKDIR").args == dockerfile.stage("build").last("WORKDIR").args
    port = command[command.index("--port") + 1]
    assert port in grader.last("EXPOSE").args.split()


def test_the_deployment_page_builds_what_the_dockerfile_defines(dockerfile):
    section = (REPO_ROOT / "docs" / "deployment.md").read_text()
    builds = [line for line in section.splitlines() if line.startswith("docker build ")]
    targets = {re.search(r"--target (\S+)", line).group(1): line for line in builds}
    assert set(targets) == {"student", "cuda", "grader"} and set(targets) <= dockerfile.names()
    assert "--build-context masters=solutions" in targets["grader"]
    assert all("--build-context" not in targets[t] for t in COURSE_IMAGES)
    assert all(line.rstrip().split("#")[0].split()[-1] == "." for line in builds), "built from the repository root"


def test_the_cuda_image_holds_the_gpu_scan(dockerfile):
    """The CUDA image's course jar holds the selective scan's PTX: its tree is built where nvcc is
    (the CUDA toolkit of the same release as its runtime base), the build fails without nvcc
    instead of falling back to the CPU scan, and the jar is checked for the PTX."""
    cuda, build_cuda = dockerfile.stage("cuda"), dockerfile.stage("build-cuda")
    assert [c.source_stage for c in cuda.copies() if c.destination == "/opt/ttlab"] == ["build-cuda"]
    toolkit = [c for c in build_cuda.copies() if c.source_stage == "cuda-toolkit"]
    assert [(c.sources, c.destination) for c in toolkit] == [(["/usr/local/cuda/"], "/usr/local/cuda/")]
    toolkit_base = dockerfile.stage("cuda-toolkit").base
    assert re.fullmatch(r"nvidia/cuda:12\.\d+\.\d+-devel-ubuntu24\.04", toolkit_base), toolkit_base
    assert toolkit_base.replace("-devel-", "-runtime-") == cuda.base, "the toolkit and the runtime differ in release"
    assert build_cuda.env()["TTLAB_REQUIRE_PTX"] == "1"
    runs = build_cuda.runs()
    setup = [r for r in runs if "./ttlab setup --force" in r]
    assert len(setup) == 1, runs
    assert "jar tf grader/target/lib/ttlab-course-*.jar | grep -qx 'ttlab/course/ssm/selective_scan.ptx'" in setup[0]
    assert any(re.search(r"\bapt-get install\b.*\bg\+\+", r) for r in runs), "nvcc needs a host compiler"


@pytest.mark.parametrize("required", [False, True])
def test_the_ptx_build_fails_without_nvcc_only_when_required(tmp_path, required):
    import os
    import subprocess
    script = REPO_ROOT / "course" / "src" / "main" / "cuda" / "build-ptx.sh"
    env = {**os.environ, "NVCC": str(tmp_path / "no-nvcc")}
    if required:
        env["TTLAB_REQUIRE_PTX"] = "1"
    else:
        env.pop("TTLAB_REQUIRE_PTX", None)
    result = subprocess.run(["bash", str(script), str(script.with_name("selective_scan.cu")), str(tmp_path / "out")],
                            capture_output=True, text=True, env=env, timeout=60)
    props = tmp_path / "out" / "ttlab" / "course" / "ssm" / "selective_scan.properties"
    if required:
        assert result.returncode == 1 and "TTLAB_REQUIRE_PTX=1" in result.stderr, result.stdout + result.stderr
    else:
        assert result.returncode == 0, result.stdout + result.stderr
        assert props.read_text() == "nvcc=absent\n"
