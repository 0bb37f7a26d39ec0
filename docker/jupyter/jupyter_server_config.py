# Jupyter server settings of ttlab's course images (/etc/jupyter/jupyter_server_config.py there),
# for JupyterLab and for jupyterhub-singleuser alike. Authentication is left to jupyter_server
# (token) or to JupyterHub: nothing here turns it off.
import os

c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)

# The student's work folder (a volume): lectures in course/, exercises in exercises/.
c.ServerApp.root_dir = os.path.join(os.path.expanduser("~"), "work")
# New notebooks and the launcher's first choice: the Java kernel.
c.MappingKernelManager.default_kernel_name = "java"
# JupyterLab opens on the start-here notebook (under JupyterHub, the spawner's default_url decides).
c.LabApp.default_url = "/lab/tree/course/00-start-here.ipynb"
