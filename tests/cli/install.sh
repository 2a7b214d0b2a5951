#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The public library as a user gets it: `cmake --install` into a fresh
# prefix, then examples/ built against it with find_package(sahelsim) and a
# program compiled with pkg-config; both run a classroom scenario and agree
# with the command line.
# Called as install.sh SAHELSIM_BINARY SOURCE_DIR BUILD_DIR.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
build=$3
src=$(cd "$src" && pwd)  # the module's check runs in another folder
scenario=$src/scenarios/classroom/central_mali.yaml

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
for f in include/sahelsim/sahelsim.hpp lib/cmake/sahelsim/sahelsimConfig.cmake lib/pkgconfig/sahelsim.pc bin/sahelsim; do
  [ -e "$work/prefix/$f" ] && ok || bad "not installed: $f"
done
ls "$work"/prefix/lib/libsahelsim.so* >/dev/null 2>&1 && ok || bad "libsahelsim.so not installed"

# find_package(sahelsim) and sahelsim::sahelsim
if cmake -S "$src/examples" -B "$work/examples" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/cfg.log" 2>&1 &&
   cmake --build "$work/examples" >"$work/build.log" 2>&1; then
  ok
else
  cat "$work/cfg.log" "$work/build.log" >&2
  bad "examples/ does not build against the installed package"
fi
out=$("$work/examples/whatif" "$scenario" factions.Army.doctrine.civilian_harm civilians_killed 0.2 3.0 2>&1)
[ $? -eq 0 ] && [ "$(echo "$out" | grep -c '^  ')" -eq 2 ] && ok || bad "whatif did not run: $out"

# The same run through the command line gives the same outcome.
total=0
for seed in 1 2 3; do
  "$work/prefix/bin/sahelsim" run "$scenario" --seed $seed --ticks 60 --quiet --out "$work/cli-$seed" \
    --set factions.Army.doctrine.civilian_harm=0.2 || bad "sahelsim run failed"
  v=$(grep '^civilians_killed,' "$work/cli-$seed/outcomes.csv" | cut -d, -f2)
  total=$(awk -v a="$total" -v b="$v" 'BEGIN{print a + b}')
done
mean=$(awk -v t="$total" 'BEGIN{printf "%.1f", t / 3}')
echo "$out" | grep -q "^  0.2 *$mean\$" && ok || bad "library mean differs from the command line's ($mean): $out"

# An error carries its place and exit status 2.
"$work/examples/whatif" "$scenario" factions.Army.strengthx civilians_killed 1 >/dev/null 2>"$work/err"
[ $? -eq 2 ] && grep -q "unknown key 'strengthx'" "$work/err" && ok || bad "an unknown key is not an InputError: $(cat "$work/err")"

# The Python module, installed with the rest, imported from the prefix alone.
if [ -d "$build/python" ]; then
  py_out=$(cd "$work" && PYTHONPATH="$work/prefix/lib/python3/dist-packages" /usr/bin/python3 -c "
import sahelsim
r = sahelsim.run('$scenario', seed=1, ticks=60, set={'factions.Army.doctrine.civilian_harm': 0.2})
print(sahelsim.__file__.startswith('$work/prefix'), r.outcome('civilians_killed'))" 2>&1)
  first=$(grep '^civilians_killed,' "$work/cli-1/outcomes.csv" | cut -d, -f2)
  [ "$py_out" = "True $first" ] || [ "$py_out" = "True $first.0" ] && ok || bad "installed module: $py_out (command line: $first)"
fi

# pkg-config
if PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" c++ "$src/examples/whatif.cpp" -o "$work/whatif-pc" \
     $(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" pkg-config --cflags --libs sahelsim) 2>"$work/pc.log"; then
  pc_out=$("$work/whatif-pc" "$scenario" factions.Army.doctrine.civilian_harm civilians_killed 0.2 2>&1)
  [ "$(echo "$pc_out" | tail -1)" = "$(echo "$out" | sed -n 2p)" ] && ok || bad "pkg-config build gives $pc_out"
else
  cat "$work/pc.log" >&2
  bad "examples/whatif.cpp does not compile with pkg-config"
fi

finish
