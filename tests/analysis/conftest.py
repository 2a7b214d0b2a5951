# SPDX-License-Identifier: MIT
"""Small run folders for the analysis tests, made once per session by the real binary.

SAHELSIM_BIN names the binary (default build/release/sim/sahelsim under the
source tree); SAHELSIM_SOURCE_DIR the source tree (default: two levels up
from this file). Runs are short (45 days, one thread) so the whole
analysis suite stays well under a minute on two cores.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("SAHELSIM_SOURCE_DIR") or Path(__file__).resolve().parents[2]).resolve()
if str(SOURCE_DIR) not in sys.path:
    sys.path.insert(0, str(SOURCE_DIR))

TICKS = 45
SNAPSHOT_EVERY = 15


def sahelsim_bin() -> Path:
    env = os.environ.get("SAHELSIM_BIN")
    return Path(env) if env else SOURCE_DIR / "build" / "release" / "sim" / "sahelsim"


def run_sahelsim(scenario: str, out: Path, *, seed: int = 1, ticks: int = TICKS,
                 snapshot_every: int = SNAPSHOT_EVERY) -> Path:
    from analysis.runs import simulate
    simulate(SOURCE_DIR / "scenarios" / scenario, out, seed=seed, ticks=ticks,
             set={"output.snapshot_every": snapshot_every})
    return out


@pytest.fixture(scope="session")
def sahel_runs(tmp_path_factory):
    """{'ww': [seed 1, seed 2], 'base': [seed 1, seed 2], 'start': 0-tick run} run folders."""
    root = tmp_path_factory.mktemp("runs")
    runs = {"ww": [], "base": []}
    for seed in (1, 2):
        runs["ww"].append(run_sahelsim("withdrawal_and_wagner.yaml", root / f"ww-{seed}", seed=seed))
        runs["base"].append(run_sahelsim("baseline_2021.yaml", root / f"base-{seed}", seed=seed))
    runs["start"] = run_sahelsim("withdrawal_and_wagner.yaml", root / "start", ticks=0, snapshot_every=1)
    return runs


@pytest.fixture(scope="session")
def epstein_run(tmp_path_factory):
    """A short Epstein run folder (timeseries.csv over ticks and manifest.json)."""
    from analysis.runs import simulate
    out = tmp_path_factory.mktemp("epstein") / "punctuated"
    simulate(SOURCE_DIR / "scenarios" / "classroom" / "epstein_punctuated.yaml", out, ticks=200)
    return out


@pytest.fixture(scope="session")
def compare_report(sahel_runs, tmp_path_factory):
    """(report.html, folder of its pictures) comparing the baseline with withdrawal and Wagner.

    Made once: the comparison charts, maps and animations of the tests are the report's own.
    """
    from analysis import report
    out = tmp_path_factory.mktemp("compare") / "compare.html"
    pictures = tmp_path_factory.mktemp("compare_pictures")
    report.write_report(sahel_runs["base"] + sahel_runs["ww"], out, workdir=pictures)
    return out, pictures
