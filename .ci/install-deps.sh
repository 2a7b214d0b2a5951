#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages sahelsim builds and tests with. Idempotent: a
# package already present is skipped, and apt is not touched at all when
# nothing is missing, so `make` stays fast on a machine that is set up.
set -euo pipefail

packages=(
  cmake g++ make pkg-config git
  libeigen3-dev libyaml-cpp-dev libtbb-dev catch2 librandom123-dev
  libcli11-dev libfmt-dev nlohmann-json3-dev libssl-dev
)
# Extra groups, asked for by name: `install-deps.sh analysis` etc.
for group in "$@"; do
  case "$group" in
    # The analysis kit (analysis/) and its tests; Chromium renders the report once.
    analysis) packages+=(python3 python3-numpy python3-pandas python3-matplotlib python3-scipy python3-yaml python3-pil
                         python3-pytest chromium) ;;
    # The Python module (python/, built by CMake when these are present) and its tests.
    python) packages+=(python3 python3-dev pybind11-dev python3-numpy python3-pandas python3-pytest) ;;
    # The format check of the C++ tree.
    style) packages+=(clang-format) ;;
    mpi) packages+=(openmpi-bin libopenmpi-dev) ;;
    # A single-node Slurm that the Slurm test starts by itself (auth/none).
    slurm) packages+=(slurmctld slurmd slurm-client) ;;
    *) echo "install-deps.sh: unknown group '$group' (known: analysis, python, style, mpi, slurm)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
