#!/usr/bin/env bash
# Starts a student's server in ttlab's course images, as docker-stacks' start-notebook does:
#   - the work folder (~/work, a volume) gets the lectures and exercises the student does not
#     have yet; files already there are the student's and are never overwritten;
#   - started by JupyterHub (JUPYTERHUB_API_TOKEN set): jupyterhub-singleuser, which takes its
#     address, port and authentication from the hub;
#   - otherwise: JupyterLab on 0.0.0.0:8888 with token authentication (JUPYTER_TOKEN, or a
#     random token printed in the log).
# Arguments go to the server (e.g. --LabApp.default_url=/lab/tree/exercises). Settings shared by
# both servers are in /etc/jupyter/jupyter_server_config.py (docker/jupyter/ in the repository).
#
# TTLAB_HOME (default /opt/ttlab) is where the course is installed; JUPYTER_IP and JUPYTER_PORT
# change the standalone server's address (tests run it on 127.0.0.1).
set -euo pipefail

ttlab_home="${TTLAB_HOME:-/opt/ttlab}"
work="$HOME/work"

for folder in course exercises; do
  mkdir -p "$work/$folder"
  for notebook in "$ttlab_home/$folder"/*.ipynb; do
    [[ -e "$notebook" ]] || continue
    target="$work/$folder/${notebook##*/}"
    if [[ ! -e "$target" ]]; then
      cp "$notebook" "$target"
      chmod u+w "$target"
    fi
  done
done

if [[ -n "${JUPYTERHUB_API_TOKEN:-}" ]]; then
  exec jupyterhub-singleuser "$@"
fi
exec jupyter lab --ip="${JUPYTER_IP:-0.0.0.0}" --port="${JUPYTER_PORT:-8888}" --no-browser "$@"
