"""The compose files, the JupyterHub config, the Helm values and the grader's Kubernetes manifest,
read and cross-checked: every image they name is a target docker/Dockerfile builds, the ports,
users, folders and the grading service's command agree with the images, GPUs are passed through,
data lives on named volumes, tokens are required rather than defaulted.
"""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from traitlets.config import Config

from conftest import REPO_ROOT
from deploy_files import DOCKER_DIR, Dockerfile

HUB_DIR = DOCKER_DIR / "jupyterhub"
REQUIRED = re.compile(r"^\$\{(\w+):\?[^}]+\}$")  # compose's "${VAR:?message}": no default


@pytest.fixture(scope="module")
def dockerfile() -> Dockerfile:
    return Dockerfile.read()


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text())


def grader_command(dockerfile: Dockerfile) -> list[str]:
    return json.loads(dockerfile.stage("grader").last("CMD").args)


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def check_build(compose_path: Path, service: dict, dockerfile: Dockerfile) -> str:
    """The service builds a docker/Dockerfile target from the repository root, named ttlab-<target>."""
    build = service["build"]
    assert (compose_path.parent / build["context"]).resolve() == REPO_ROOT
    assert (REPO_ROOT / build["dockerfile"]).resolve() == (DOCKER_DIR / "Dockerfile").resolve()
    target = build["target"]
    assert target in dockerfile.names()
    assert service["image"] == f"ttlab-{target}:latest"
    return target


def named_volume_at(compose: dict, service: dict, path: str) -> str:
    for volume in service.get("volumes", []):
        source, target = volume.split(":")[:2]
        if target == path:
            assert source in (compose.get("volumes") or {}), f"{source} is not a named volume"
            return source
    pytest.fail(f"no volume at {path}: {service.get('volumes')}")


def env_example(path: Path) -> dict[str, str]:
    pairs = [line.split("=", 1) for line in path.read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return {name.strip(): value for name, value in pairs}


# --- one GPU server ----------------------------------------------------------------------------

def test_gpu_server_compose(dockerfile):
    path = DOCKER_DIR / "compose.yaml"
    compose = load_yaml(path)
    lab, grader = compose["services"]["lab"], compose["services"]["grader"]

    assert check_build(path, lab, dockerfile) == "cuda"
    assert any(str(p).split(":")[-1] == "8888" for p in lab["ports"])
    workdir = dockerfile.inherited(dockerfile.stage("cuda"), "WORKDIR").args
    named_volume_at(compose, lab, workdir)
    devices = lab["deploy"]["resources"]["reservations"]["devices"]
    assert any("gpu" in d["capabilities"] and d.get("driver") == "nvidia" for d in devices)
    token = REQUIRED.match(lab["environment"]["JUPYTER_TOKEN"])
    assert token and token.group(1) in env_example(DOCKER_DIR / ".env.example")

    assert check_build(path, grader, dockerfile) == "grader"
    masters = grader["build"]["additional_contexts"]["masters"]
    assert (path.parent / masters).resolve() == REPO_ROOT / "solutions"
    assert grader["command"] == grader_command(dockerfile)
    named_volume_at(compose, grader, option(grader["command"], "--data"))
    # The grading service is not published beyond the server itself.
    assert all(str(p).startswith("127.0.0.1:") for p in grader.get("ports", []))
    # The course image never gets the masters' context.
    assert "additional_contexts" not in lab["build"]


# --- JupyterHub with DockerSpawner -------------------------------------------------------------

@pytest.fixture(scope="module")
def hub_compose() -> dict:
    return load_yaml(HUB_DIR / "compose.yaml")


def test_hub_compose(dockerfile, hub_compose):
    services = hub_compose["services"]
    hub, grader = services["jupyterhub"], services["ttlab-grader"]
    assert (HUB_DIR / hub["build"]["context"] / hub["build"]["dockerfile"]).is_file()
    assert "/var/run/docker.sock:/var/run/docker.sock" in hub["volumes"]

    assert check_build(HUB_DIR / "compose.yaml", grader, dockerfile) == "grader"
    assert grader["command"] == grader_command(dockerfile)
    named_volume_at(hub_compose, grader, option(grader["command"], "--data"))

    env, genv = hub["environment"], grader["environment"]
    # One token, required, known to the hub and to the service.
    token = REQUIRED.match(env["TTLAB_GRADER_API_TOKEN"])
    assert token and REQUIRED.match(genv["JUPYTERHUB_API_TOKEN"]).group(1) == token.group(1)
    assert set(env_example(HUB_DIR / ".env.example")) >= {token.group(1), REQUIRED.match(env["TTLAB_INSTRUCTORS"]).group(1)}
    # Names on the shared network.
    network = hub_compose["networks"][env["DOCKER_NETWORK_NAME"]]["name"]
    assert network == env["DOCKER_NETWORK_NAME"] and hub["networks"] == grader["networks"] == [network]
    grader_url = urlparse(env["TTLAB_GRADER_URL"])
    assert grader_url.hostname == grader["container_name"]
    assert str(grader_url.port) == option(grader["command"], "--port")
    assert urlparse(genv["JUPYTERHUB_API_URL"]).hostname == hub["container_name"] == env["TTLAB_HUB_HOST"]
    assert env["TTLAB_STUDENT_IMAGE"] == "ttlab-student:latest" and "student" in dockerfile.names()


def run_hub_config(env: dict[str, str], monkeypatch) -> Config:
    """Loads jupyterhub_config.py as JupyterHub does, with `get_config` and this environment."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config()
    namespace = {"get_config": lambda: config, "__file__": str(HUB_DIR / "jupyterhub_config.py")}
    exec(compile((HUB_DIR / "jupyterhub_config.py").read_text(), "jupyterhub_config.py", "exec"), namespace)
    return config


def hub_env(hub_compose, tmp_path) -> dict[str, str]:
    roster = tmp_path / "roster.txt"
    roster.write_text("# the class\nstudent01\nstudent02  # late enrolment\n\n")
    env = {}
    for name, value in hub_compose["services"]["jupyterhub"]["environment"].items():
        env[name] = f"value-of-{name}" if REQUIRED.match(str(value)) else str(value)
    env.update(TTLAB_INSTRUCTORS="prof, ta1", TTLAB_ROSTER=str(roster), TTLAB_HUB_DATA=str(tmp_path))
    return env


def test_hub_config(dockerfile, hub_compose, tmp_path, monkeypatch):
    env = hub_env(hub_compose, tmp_path)
    monkeypatch.delenv("TTLAB_GPU", raising=False)
    c = run_hub_config(env, monkeypatch)
    student = dockerfile.stage("student")

    assert c.JupyterHub.spawner_class == "dockerspawner.DockerSpawner"
    assert c.DockerSpawner.image == env["TTLAB_STUDENT_IMAGE"]
    assert c.DockerSpawner.network_name == env["DOCKER_NETWORK_NAME"]
    assert c.JupyterHub.hub_connect_ip == env["TTLAB_HUB_HOST"]
    workdir = dockerfile.inherited(student, "WORKDIR").args
    assert c.DockerSpawner.notebook_dir == workdir
    assert c.DockerSpawner.volumes == {"ttlab-work-{username}": workdir}
    assert c.DockerSpawner.cmd == json.loads(dockerfile.inherited(student, "CMD").args)
    assert "extra_host_config" not in c.DockerSpawner

    assert c.Authenticator.admin_users == {"prof", "ta1"}
    assert c.Authenticator.allowed_users == {"student01", "student02"}

    [service] = c.JupyterHub.services
    assert service["name"] == "ttlab-grader"
    assert service["api_token"] == env["TTLAB_GRADER_API_TOKEN"]
    assert service["url"] == env["TTLAB_GRADER_URL"]
    roles = {role["name"]: role for role in c.JupyterHub.load_roles}
    assert any(role.get("services") == ["ttlab-grader"] for role in roles.values())
    assert {"self", "access:services!service=ttlab-grader"} <= set(roles["user"]["scopes"])


def test_hub_config_passes_gpus_when_asked(hub_compose, tmp_path, monkeypatch):
    requests = []

    class DeviceRequest(dict):
        def __init__(self, **kwargs):
            super().__init__(kwargs)
            requests.append(kwargs)

    fake_docker = types.SimpleNamespace(types=types.SimpleNamespace(DeviceRequest=DeviceRequest))
    monkeypatch.setitem(sys.modules, "docker", fake_docker)
    c = run_hub_config({**hub_env(hub_compose, tmp_path), "TTLAB_GPU": "1"}, monkeypatch)
    assert requests == [{"count": -1, "capabilities": [["gpu"]]}]
    assert c.DockerSpawner.extra_host_config["device_requests"] == requests


def test_hub_version_matches_the_images_singleuser():
    hub_image = Dockerfile.read(HUB_DIR / "Dockerfile").stages[0].base
    wanted = (DOCKER_DIR / "requirements-hub.txt").read_text()
    bounds = re.search(r"^jupyterhub>=(\d+)\.\d+,<(\d+)$", wanted, re.M)
    assert bounds and int(bounds.group(2)) == int(bounds.group(1)) + 1
    assert re.fullmatch(rf"quay\.io/jupyterhub/jupyterhub:{bounds.group(1)}(\.\d+)*", hub_image), hub_image


# --- Kubernetes: Zero to JupyterHub and the grading service ------------------------------------

def test_z2jh_values_and_grader_manifest(dockerfile):
    values = load_yaml(HUB_DIR / "z2jh-values.yaml")
    docs = {doc["kind"]: doc for doc in yaml.safe_load_all((HUB_DIR / "grader-k8s.yaml").read_text())}
    student = dockerfile.stage("student")
    single = values["singleuser"]

    assert single["image"]["name"].rsplit("/", 1)[-1] == "ttlab-student"
    assert [single["cmd"]] == json.loads(dockerfile.inherited(student, "CMD").args)
    assert single["storage"]["homeMountPath"] == dockerfile.inherited(student, "WORKDIR").args
    assert (single["uid"], single["fsGid"]) == (1000, 100)
    gpu = [p for p in single["profileList"] if "kubespawner_override" in p]
    assert len(gpu) == 1
    override = gpu[0]["kubespawner_override"]
    assert override["image"].rsplit("/", 1)[-1].split(":")[0] == "ttlab-cuda" and "cuda" in dockerfile.names()
    assert override["extra_resource_limits"] == {"nvidia.com/gpu": "1"}

    # The service, as the hub knows it and as Kubernetes runs it.
    [(name, service)] = values["hub"]["services"].items()
    assert "apiToken" not in service, "the chart generates the token into its Secret"
    url = urlparse(service["url"])
    deployment, k8s_service, policy = docs["Deployment"], docs["Service"], docs["NetworkPolicy"]
    assert url.hostname == k8s_service["metadata"]["name"]
    assert url.port == k8s_service["spec"]["ports"][0]["port"]
    pod = deployment["spec"]["template"]
    assert k8s_service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    assert policy["spec"]["podSelector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    assert pod["metadata"]["labels"]["hub.jupyter.org/network-access-hub"] == "true"
    [container] = pod["spec"]["containers"]
    assert container["image"].rsplit("/", 1)[-1].split(":")[0] == "ttlab-grader"
    assert container["command"] == grader_command(dockerfile)
    assert str(url.port) == option(container["command"], "--port")
    env = {e["name"]: e for e in container["env"]}
    assert env["JUPYTERHUB_API_TOKEN"]["valueFrom"]["secretKeyRef"] == {"name": "hub", "key": f"hub.services.{name}.apiToken"}
    assert env["JUPYTERHUB_SERVICE_PREFIX"]["value"] == f"/services/{name}/"
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert option(container["command"], "--data") in mounts
    assert pod["spec"]["securityContext"]["runAsUser"] == 1000
    # Roles, and students' servers allowed to reach the service.
    assert values["hub"]["loadRoles"][name]["services"] == [name]
    assert f"access:services!service={name}" in values["hub"]["loadRoles"]["user"]["scopes"]
    [egress] = single["networkPolicy"]["egress"]
    assert egress["to"][0]["podSelector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    assert egress["ports"] == [{"port": url.port}]
