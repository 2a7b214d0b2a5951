#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# docs/outcomes.md lists exactly the metrics `sahelsim metrics` prints.
set -u
. "$(dirname "$0")/lib.sh" "$@"
"$sim" metrics > "$work/printed" || bad "sahelsim metrics failed"
sed -n '/<!-- metrics:begin -->/,/<!-- metrics:end -->/p' "$src/docs/outcomes.md" | sed '1d;$d' > "$work/documented"
diff -u "$work/documented" "$work/printed" && ok || bad "docs/outcomes.md is stale: paste the output of 'sahelsim metrics' between its markers"
finish
