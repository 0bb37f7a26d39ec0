"""A student's server under the local test hub: the .venv's JupyterLab as a JupyterHub single user.

`jupyterhub-singleuser` is the `jupyterhub` package's wrapper around jupyter_server that lets the
hub authenticate requests. The hub here is Debian's package, which PyPI-less machines can install,
and the .venv cannot pip-install it; so the .venv's Python runs the wrapper with the hub's package
folder appended to the END of sys.path: the .venv's jupyter_server, JupyterLab, tornado and
traitlets win, and only what the .venv lacks (jupyterhub and the few modules it imports, such as
SQLAlchemy) comes from the hub's Python. The course images install jupyterhub into .venv instead
(docker/Dockerfile).
"""

import os
import sys

sys.path.append(os.environ["TTLAB_HUB_SITE_PACKAGES"])

from jupyterhub.singleuser import main  # noqa: E402 (needs the path above)

if __name__ == "__main__":
    sys.exit(main())
