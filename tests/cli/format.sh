#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The C++ tree is formatted to its own .clang-format (Debian's clang-format).
# Fix with: clang-format -i FILE ... (or the command printed below).
# Called as format.sh SOURCE_DIR.
set -uo pipefail
cd "$1" || exit 1
command -v clang-format >/dev/null || { echo "clang-format is missing (.ci/install-deps.sh style)" >&2; exit 1; }
mapfile -t files < <(find sim include python tests examples bench -name '*.cpp' -o -name '*.hpp' | sort)
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'not formatted: %s\n' "${bad[@]}" >&2
  echo "fix with: clang-format -i ${bad[*]}" >&2
  exit 1
fi
echo "${#files[@]} files formatted"
