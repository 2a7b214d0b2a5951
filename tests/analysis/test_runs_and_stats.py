# SPDX-License-Identifier: MIT
"""Loading run and compare folders, grouping by scenario, bands and paired differences."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from analysis import outcomes, stats
from analysis.runs import RunError, collect, load_run


def test_runs_group_by_scenario_name_in_the_order_given(sahel_runs):
    col = collect(sahel_runs["ww"] + sahel_runs["base"] + sahel_runs["ww"][:1])
    assert col.names == ["French withdrawal and Wagner deal (the 2021-2022 path)",
                         "Baseline mid-2021 (status quo, three years)"]
    assert [len(v) for v in col.groups.values()] == [2, 2]  # the repeated folder counts once
    assert [r.seed for r in col.groups[col.names[0]]] == [1, 2]


def test_compare_folder(sahel_runs, tmp_path):
    # The layout `sahelsim compare` writes: comparison.csv and runs/<stem>/seed-<N>/.
    cmp = tmp_path / "cmp"
    for stem, key in (("withdrawal_and_wagner", "ww"), ("baseline_2021", "base")):
        for i, src in enumerate(sahel_runs[key], start=1):
            shutil.copytree(src, cmp / "runs" / stem / f"seed-{i}", ignore=shutil.ignore_patterns("cells"))
    table = outcomes.comparison(collect(sahel_runs["base"] + sahel_runs["ww"]).groups)
    table.to_csv(cmp / "comparison.csv", index=False)
    col = collect([cmp])
    assert col.names[0].startswith("Baseline")  # comparison.csv's first scenario is the reference
    assert len(col.comparisons) == 1 and len(col.runs) == 4
    assert list(table.columns) == outcomes.COMPARISON_COLUMNS
    ref = table[table.scenario == col.names[0]]
    assert ref["diff_mean"].isna().all()


def test_not_a_run(tmp_path):
    with pytest.raises(RunError, match="not a run folder"):
        load_run(tmp_path)
    (tmp_path / "manifest.json").write_text(json.dumps({"scenario": {"model": "netlogo"}}))
    with pytest.raises(RunError, match="reads Sahel and Epstein runs only"):
        collect([tmp_path])
    (tmp_path / "manifest.json").write_text(json.dumps({"scenario": {"model": "epstein"}}))
    with pytest.raises(RunError, match="reads Sahel runs only"):  # maps, animation, Flee export
        load_run(tmp_path)


def test_band_is_mean_and_percentiles():
    frame = pd.DataFrame({"a": [0.0, 1.0], "b": [10.0, 1.0], "c": [20.0, 1.0]})
    b = stats.band(frame)
    assert b["mean"].tolist() == [10.0, 1.0]
    assert b.loc[0, "low"] == pytest.approx(1.0) and b.loc[0, "high"] == pytest.approx(19.0)
    assert b.loc[1, "low"] == b.loc[1, "high"] == 1.0


def test_paired_difference_uses_common_seeds_and_a_t_interval():
    ref = pd.DataFrame({"1.0": [1.0], "2.0": [2.0], "3.0": [3.0], "9.0": [100.0]})
    oth = pd.DataFrame({"1.0": [2.0], "2.0": [4.0], "3.0": [6.0]})
    d = stats.difference(ref, oth)
    diffs = np.array([1.0, 2.0, 3.0])
    half = sps.t.ppf(0.975, 2) * diffs.std(ddof=1) / np.sqrt(3)
    assert d.attrs["paired"] and d.attrs["n"] == 3
    assert d.loc[0, "mean"] == pytest.approx(2.0)
    assert d.loc[0, "low"] == pytest.approx(2.0 - half) and d.loc[0, "high"] == pytest.approx(2.0 + half)


def test_unpaired_difference_falls_back_on_welch():
    ref = pd.DataFrame({"1.0": [1.0], "2.0": [3.0]})
    oth = pd.DataFrame({"5.0": [5.0], "6.0": [9.0]})
    d = stats.difference(ref, oth)
    res = sps.ttest_ind([5.0, 9.0], [1.0, 3.0], equal_var=False)
    assert not d.attrs["paired"]
    assert d.loc[0, "mean"] == pytest.approx(5.0)
    # the interval excludes zero exactly when Welch's test rejects at 5 %
    assert (d.loc[0, "low"] > 0) == (res.pvalue < 0.05)


def test_simulate_gives_the_same_run_through_the_module_and_the_program(tmp_path, monkeypatch):
    from conftest import SOURCE_DIR
    from analysis.runs import simulate
    scenario = SOURCE_DIR / "scenarios" / "classroom" / "central_mali.yaml"
    try:
        import sahelsim  # noqa: F401  (built with the project; on PYTHONPATH in ctest)
    except ImportError:
        pytest.skip("the sahelsim module is not on PYTHONPATH")
    by_module = simulate(scenario, tmp_path / "module", seed=3, ticks=20, set={"output.snapshot_every": 10})
    monkeypatch.setitem(__import__("sys").modules, "sahelsim", None)  # `import sahelsim` now fails
    by_program = simulate(scenario, tmp_path / "program", seed=3, ticks=20, set={"output.snapshot_every": 10})
    assert by_module.manifest["command"] == "sahelsim::run" and by_program.manifest["command"] != "sahelsim::run"
    for name in ("timeseries.csv", "events.csv", "countries.csv", "outcomes.csv"):
        assert (by_module.path / name).read_bytes() == (by_program.path / name).read_bytes()
    with pytest.raises(RunError, match="unknown key"):
        simulate(scenario, tmp_path / "bad", set={"factions.Army.strengthx": 1})
