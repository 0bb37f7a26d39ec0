#!/usr/bin/env bash
# The Debian/Ubuntu packages ttlab's tests need beyond a JDK and Python:
#   chromium, chromium-driver     the real-browser test of JupyterLab
#   python3-jupyter-kernel-test   the official Jupyter kernel conformance suite
#   python3-venv                  for the project's .venv
#   postgresql                    the submission service's queue tests against a real PostgreSQL server
#   jupyterhub                    the local JupyterHub test (tests/hub): the hub and its proxy
#   bubblewrap                    the grading sandbox (./ttlab grade, ./ttlab serve): workers in their own namespaces
# Installs what is missing (as root, or with sudo); prints what to do otherwise.
set -euo pipefail

packages=(chromium chromium-driver python3-jupyter-kernel-test python3-venv postgresql jupyterhub bubblewrap)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ttlab: please install these packages with your system's package manager: ${missing[*]}" >&2
  exit 1
fi
sudo=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "ttlab: run as root: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "==> Installing system packages: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
