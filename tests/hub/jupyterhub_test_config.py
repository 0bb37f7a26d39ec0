# JupyterHub configuration for tests/hub/test_hub.py: one hub on localhost, students' servers
# as local processes of the hub's own user, a fixed password, nothing outside a temporary folder.
#
# The hub is Debian's `jupyterhub` package (tools/system-deps.sh installs it). Each student's
# server starts as in the course images under JupyterHub: docker/start-notebook.sh seeds
# ~/work with the lectures and exercises and runs `jupyterhub-singleuser` with the images'
# server settings (docker/jupyter/); here that is the .venv's JupyterLab wrapped by JupyterHub's
# single-user app (tests/hub/bin/, tests/hub/singleuser.py), with the `java` kernelspec that
# `./ttlab setup` installed into .venv. The grading service (`./ttlab serve`) runs as a hub
# service that the hub itself starts and stops (a managed service), reached through the hub's
# proxy at /services/ttlab-grader/, as docker/jupyterhub/jupyterhub_config.py registers it.
#
# The test sets (all required):
#   TTLAB_HUB_DIR         temporary folder: the hub's database, cookie secret, students' homes,
#                         the grading service's data (grader/)
#   TTLAB_HUB_PORT        public port of the hub's proxy (127.0.0.1)
#   TTLAB_HUB_API_PORT    the hub's own port, behind the proxy
#   TTLAB_PROXY_API_PORT  the proxy's REST API port
#   TTLAB_GRADER_PORT     the grading service's port (127.0.0.1)
#   TTLAB_HUB_PASSWORD    the one password every account logs in with
#   TTLAB_REPO            the repository root (its .venv runs the students' servers)
import os
from pathlib import Path

import jupyterhub

c = get_config()  # noqa: F821 (defined by JupyterHub when it loads this file)
GRADER = "ttlab-grader"

hub_dir = Path(os.environ["TTLAB_HUB_DIR"])
repo = Path(os.environ["TTLAB_REPO"])
venv = repo / ".venv"

hub_url = f"http://127.0.0.1:{os.environ['TTLAB_HUB_PORT']}"
c.JupyterHub.bind_url = hub_url
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{os.environ['TTLAB_HUB_API_PORT']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['TTLAB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.pid_file = str(hub_dir / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{hub_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(hub_dir / "jupyterhub_cookie_secret")
# Stop the proxy and every student's server when the hub stops.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# Accounts: two students, one instructor (an admin, as in docker/jupyterhub/jupyterhub_config.py;
# the grading service takes the hub's admins for instructors).
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["TTLAB_HUB_PASSWORD"]
c.Authenticator.allowed_users = {"student1", "student2"}
c.Authenticator.admin_users = {"instructor"}

# Students' servers: local processes, each with its own home folder under TTLAB_HUB_DIR,
# started by the course images' start command.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(hub_dir / "home" / "{username}")
c.Spawner.cmd = [str(repo / "docker" / "start-notebook.sh")]
c.Spawner.environment = {
    # The course as the images install it in /opt/ttlab: here, the repository.
    "TTLAB_HOME": str(repo),
    "PATH": os.pathsep.join([str(Path(__file__).with_name("bin")), str(venv / "bin"), "/usr/local/bin", "/usr/bin", "/bin"]),
    # The images' /etc/jupyter/jupyter_server_config.py.
    "JUPYTER_CONFIG_PATH": str(repo / "docker" / "jupyter"),
    # The `java` kernelspec that ./ttlab setup installed into .venv.
    "JUPYTER_PATH": str(venv / "share" / "jupyter"),
    # Where the hub's own Python finds the `jupyterhub` package (Debian's dist-packages).
    "TTLAB_HUB_SITE_PACKAGES": str(Path(jupyterhub.__file__).resolve().parent.parent),
    # submit() in a notebook hands in to the grading service through the hub's proxy, with the
    # server's own JUPYTERHUB_API_TOKEN.
    "TTLAB_SUBMIT_URL": f"{hub_url}/services/{GRADER}/",
}
c.Spawner.default_url = "/lab/tree/course/00-start-here.ipynb"
if os.getuid() == 0:
    # The hub runs as root in CI containers; the single-user server refuses root without this.
    c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = 90
c.Spawner.http_timeout = 90

# The grading service, started and stopped by the hub. The hub gives it JUPYTERHUB_API_TOKEN,
# JUPYTERHUB_API_URL, JUPYTERHUB_SERVICE_PREFIX (/services/ttlab-grader/) and
# JUPYTERHUB_SERVICE_URL, and of its own environment only PATH and the locale: a JDK found
# through JAVA_HOME, and HOME, are passed on here. Without --roster the service checks each
# request's token at the hub's GET /hub/api/user, which answers any valid token with its owner's
# name, kind, admin flag and groups; the role below lets it read those itself (GET
# /hub/api/users/NAME) when an answer lacks them, and nothing else.
grader_port = os.environ["TTLAB_GRADER_PORT"]
c.JupyterHub.services = [
    {
        "name": GRADER,
        "url": f"http://127.0.0.1:{grader_port}",
        "command": [
            str(repo / "ttlab"), "serve", "--host", "127.0.0.1", "--port", grader_port,
            "--data", str(hub_dir / "grader"), "--solutions", str(repo / "solutions"), "--workers", "1",
        ],
        "cwd": str(hub_dir),
        "environment": {k: os.environ[k] for k in ("JAVA_HOME", "HOME") if k in os.environ},
    }
]
c.JupyterHub.load_roles = [
    {"name": GRADER, "services": [GRADER], "scopes": ["read:users:name", "read:users:groups"]},
]
