#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (with network):
# installs what grading needs and is missing, a JDK 17+ (and bubblewrap for the grading sandbox),
# then writes the grader's launch files and trains its start-up cache with the `ttlab` launcher's
# own steps, on the bundle's jars. Grading itself needs no network.
#
# The root is Gradescope's /autograder, or $AUTOGRADER_ROOT (the bundle is in its source/).
set -euo pipefail

AUTOGRADER_ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$AUTOGRADER_ROOT/source"
[[ -f "$SOURCE/ttlab" ]] || { echo "setup.sh: no ttlab bundle in $SOURCE" >&2; exit 1; }

# The launcher's functions (java_major, write_kernel_launch, build_startup_cache, ...), with its
# ROOT at the bundle, which keeps the repository's layout.
# shellcheck source=../../ttlab
source "$SOURCE/ttlab"

jdk_present() {
  command -v "$(java_bin)" >/dev/null 2>&1 || return 1
  local major; major="$(java_major)"
  [[ "$major" =~ ^[0-9]+$ && "$major" -ge 17 ]] || return 1
  command -v javac >/dev/null 2>&1 || [[ -x "${JAVA_HOME:-}/bin/javac" ]]
}

packages=()
jdk_present || packages+=(openjdk-17-jdk-headless)
command -v bwrap >/dev/null 2>&1 || packages+=(bubblewrap)
if [[ ${#packages[@]} -gt 0 ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "Installing ${packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  elif ! jdk_present; then
    die "a JDK 17 or newer is needed: install one (as root: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
  else
    say "bubblewrap is missing and cannot be installed here: workers will run without the sandbox (results.json says so)"
  fi
fi
if ! jdk_present; then
  # A JDK installed just now, beside an older java that is still first on PATH.
  for home in /usr/lib/jvm/java-17-openjdk-*; do
    [[ -x "$home/bin/javac" ]] && export JAVA_HOME="$home" && break
  done
  jdk_present || die "no JDK 17 or newer found after installing one"
fi

mkdir -p "$KERNEL_TARGET"
write_kernel_launch
build_startup_cache
say "Autograder ready: Java $(java_major), masters: $(cd "$SOURCE/solutions" && ls -1 *.ipynb | tr '\n' ' ')"
