# SPDX-License-Identifier: MIT
# The two commands a newcomer types:
#   make run    install what is missing, build, run the default scenario
#   make test   install what is missing, build, run every test (ctest)
# Also: make validate, make bench, make asan, make tsan, make format, make clean.

SCENARIO ?= scenarios/withdrawal_and_wagner.yaml
JOBS ?= $(shell nproc)
BUILD := build/release
SIM := $(BUILD)/sim/sahelsim

.PHONY: all deps deps-test build run test validate bench asan tsan format clean

all: build

deps:
	@bash .ci/install-deps.sh

# The tests also need the analysis kit's Python packages, Chromium, the Python
# module's build packages, clang-format, MPI and Slurm.
deps-test:
	@bash .ci/install-deps.sh analysis python style mpi slurm

# The compiler's progress goes to a log (shown in full if the build fails),
# so `make run` prints the run's summary and little else.
build: deps
	@cmake --preset release >/dev/null
	@echo "building sahelsim (log: $(BUILD)/build.log)"
	@cmake --build $(BUILD) -j $(JOBS) > $(BUILD)/build.log 2>&1 || { cat $(BUILD)/build.log; exit 1; }

run: build
	@$(SIM) run $(SCENARIO) --out out/$(basename $(notdir $(SCENARIO)))

test: deps-test build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The runs behind docs/validation.md: 8 seeds of the 2017-2021 history and
# of Mali 2012-2013, judged by `sahelsim patterns` (about 15 minutes on 2 cores).
SEEDS ?= 1 2 3 4 5 6 7 8
validate: build
	@bash .ci/install-deps.sh analysis
	@for h in sahel_2017 mali_2012; do \
	  for s in $(SEEDS); do \
	    echo "validation: $$h seed $$s"; \
	    $(SIM) run scenarios/$$h.yaml --seed $$s --quiet --out out/validation/$$h/seed-$$s || exit 1; \
	  done; \
	  $(SIM) patterns out/validation/$$h/seed-* --markdown out/validation/$$h.md --out out/validation/$$h.csv || exit 1; \
	done

bench: build
	@bash bench/run_bench.sh $(SIM)
	@bash bench/sweep_bench.sh $(SIM)
	@bash bench/roofline.sh $(SIM) $(BUILD)/bench/sahelsim_stream

# AddressSanitizer + UndefinedBehaviorSanitizer over the whole suite.
asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build build/asan -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build/asan --output-on-failure -j $(JOBS)

# ThreadSanitizer over the parallel engine, the Epstein model, the Sahel mechanisms, and runs side by side (sweeps, compare).
tsan: deps
	@cmake --preset tsan >/dev/null
	@cmake --build build/tsan -j $(JOBS) --target core_tests epstein_tests sahel_mechanism_tests sweep_runner_tests
	@TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/.ci/tsan.supp" \
	  ctest --test-dir build/tsan --output-on-failure -j 1 -R "core_tests|epstein_tests|sahel_mechanism_tests|sweep_runner_tests"

# Formats the C++ tree to .clang-format (make test checks it).
format:
	@bash .ci/install-deps.sh style
	@find sim include python tests examples bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build out
