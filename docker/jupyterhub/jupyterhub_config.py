# JupyterHub for a class on one server (docker/jupyterhub/compose.yaml runs it):
#   - every student gets their own container of the student image (DockerSpawner), with their
#     work on a named volume of their own, ttlab-work-<name>, kept when the container goes;
#   - the grading service (the grader image running `./ttlab serve`) is a hub service at
#     /services/ttlab-grader/, authenticated with its API token;
#   - instructors are the hub's admins; students are the names in the roster file.
#
# Settings from the environment (docker/jupyterhub/.env.example):
#   TTLAB_GRADER_API_TOKEN  the grading service's hub API token (required)
#   TTLAB_INSTRUCTORS       instructors' user names, comma-separated (required)
#   TTLAB_ROSTER            file of students' user names, one a line (default: roster.txt here)
#   TTLAB_STUDENT_IMAGE     the students' image (default ttlab-student:latest)
#   DOCKER_NETWORK_NAME     the Docker network of the hub, the grader and students' containers
#   TTLAB_HUB_HOST          the hub's name on that network (default jupyterhub)
#   TTLAB_GRADER_URL        the grading service, as the hub reaches it (default http://ttlab-grader:8890)
#   TTLAB_MEM_LIMIT, TTLAB_CPU_LIMIT  per student (default 3G, 2 CPUs)
#   TTLAB_GPU=1             give students' containers the GPUs (use the CUDA image then)
import os
from pathlib import Path

c = get_config()  # noqa: F821 (defined by JupyterHub when it loads this file)
here = Path(__file__).resolve().parent
data = Path(os.environ.get("TTLAB_HUB_DATA", "/srv/jupyterhub/data"))


def names(text: str) -> set[str]:
    """User names from a comma- or line-separated list; '#' starts a comment."""
    result = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        result.update(name.strip() for name in line.split(",") if name.strip())
    return result


# --- the hub -----------------------------------------------------------------------------------
c.JupyterHub.bind_url = "http://:8000"
# Students' containers reach the hub's API by its name on the Docker network.
c.JupyterHub.hub_ip = "0.0.0.0"
c.JupyterHub.hub_connect_ip = os.environ.get("TTLAB_HUB_HOST", "jupyterhub")
c.JupyterHub.db_url = f"sqlite:///{data / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(data / "jupyterhub_cookie_secret")

# --- accounts ----------------------------------------------------------------------------------
# Students sign up once at /hub/signup with a name from the roster and a password of their
# own; an instructor approves them at /hub/authorize. Any other authenticator (the university's
# OAuth, LTI) fits here in place of this one; the roster and the admins stay.
c.JupyterHub.authenticator_class = "nativeauthenticator.NativeAuthenticator"
roster = Path(os.environ.get("TTLAB_ROSTER", here / "roster.txt"))
c.Authenticator.allowed_users = names(roster.read_text()) if roster.exists() else set()
c.Authenticator.admin_users = names(os.environ["TTLAB_INSTRUCTORS"])

# --- students' servers: one container each -----------------------------------------------------
c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
c.DockerSpawner.image = os.environ.get("TTLAB_STUDENT_IMAGE", "ttlab-student:latest")
c.DockerSpawner.network_name = os.environ["DOCKER_NETWORK_NAME"]
c.DockerSpawner.use_internal_ip = True
# The image's own start command: seeds ~/work with new lectures and exercises, then runs
# jupyterhub-singleuser.
c.DockerSpawner.cmd = ["start-notebook.sh"]
c.DockerSpawner.notebook_dir = "/home/jovyan/work"
c.DockerSpawner.volumes = {"ttlab-work-{username}": "/home/jovyan/work"}
c.DockerSpawner.remove = True
c.Spawner.default_url = "/lab/tree/course/00-start-here.ipynb"
# submit() in a notebook hands in through the hub's proxy, with the server's own hub token.
c.Spawner.environment = {
    "TTLAB_SUBMIT_URL": f"http://{c.JupyterHub.hub_connect_ip}:8000/services/ttlab-grader/",
}
c.Spawner.mem_limit = os.environ.get("TTLAB_MEM_LIMIT", "3G")
c.Spawner.cpu_limit = float(os.environ.get("TTLAB_CPU_LIMIT", "2"))
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 120
if os.environ.get("TTLAB_GPU") == "1":
    import docker

    c.DockerSpawner.extra_host_config = {
        "device_requests": [docker.types.DeviceRequest(count=-1, capabilities=[["gpu"]])]
    }

# --- the grading service -----------------------------------------------------------------------
c.JupyterHub.services = [
    {
        "name": "ttlab-grader",
        "url": os.environ.get("TTLAB_GRADER_URL", "http://ttlab-grader:8890"),
        "api_token": os.environ["TTLAB_GRADER_API_TOKEN"],
        "display": True,
        "oauth_no_confirm": True,
    }
]
c.JupyterHub.load_roles = [
    # The service reads who is in the class (names, for its roster) and nothing else.
    {"name": "ttlab-grader", "services": ["ttlab-grader"],
     "scopes": ["list:users", "read:users", "read:users:groups"]},
    # Students may open the grading service's pages, logged in through the hub.
    {"name": "user", "scopes": ["self", "access:services!service=ttlab-grader"]},
]
