# SPDX-License-Identifier: MIT
# Shared helpers of the command-line tests: counted checks and a closing
# "N passed, N failed" line.
# Each script is called as SCRIPT SAHELSIM_BINARY SOURCE_DIR; it gets $sim,
# $src and a scratch folder $work removed on exit.
sim=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
