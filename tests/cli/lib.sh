# SPDX-License-Identifier: MIT
# Shared helpers of the command-line tests: counted checks and a closing
# "N passed, N failed" line.
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
