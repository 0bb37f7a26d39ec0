#!/usr/bin/env bash
# The system part of ttlab's course images, one script for the CPU and the CUDA image so that
# both are set up alike (docker/Dockerfile runs it as root, once, in each):
#   - Python 3 for the .venv built in the build stage (both bases are Ubuntu 24.04: Python 3.12);
#   - fonts and fontconfig for the JDK's headless rendering (XChart plots as PNG);
#   - tini, to reap the kernels' child processes as PID 1;
#   - the docker-stacks user: jovyan, uid 1000, group users (gid 100), home /home/jovyan,
#     work folder /home/jovyan/work (the volume students' work lives on).
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
  python3 ca-certificates fontconfig fonts-dejavu-core tini util-linux
rm -rf /var/lib/apt/lists/*

# Ubuntu's images come with a user (`ubuntu`) holding uid 1000: jovyan takes its place.
existing="$(getent passwd 1000 | cut -d: -f1 || true)"
if [[ -n "$existing" ]]; then
  userdel --remove "$existing"
fi
useradd --create-home --shell /bin/bash --uid 1000 --gid users jovyan
mkdir -p /home/jovyan/work
chown -R jovyan:users /home/jovyan
