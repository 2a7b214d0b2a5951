# SPDX-License-Identifier: MIT
"""Every chart, map, the animation and the initial-state map are produced and not empty."""
from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from analysis import charts, maps, scenario_map
from analysis.runs import RunError, collect, load_run
from analysis.series import METRICS

MIN_PNG_BYTES = 15_000


def assert_picture(path, min_bytes=MIN_PNG_BYTES):
    assert path.exists(), path
    assert path.stat().st_size > min_bytes, f"{path} is only {path.stat().st_size} bytes"
    with Image.open(path) as im:
        pixels = np.asarray(im.convert("L"), dtype=float)
    # A blank or single-colour picture has almost no variance.
    assert pixels.std() > 10, f"{path} looks blank"


@pytest.fixture(scope="module")
def single_charts(sahel_runs, tmp_path_factory):
    return charts.make_charts(collect(sahel_runs["ww"]), tmp_path_factory.mktemp("charts"))


def test_every_single_scenario_chart_is_drawn(single_charts):
    stems = {f.path.stem for f in single_charts}
    assert stems == {m.key for m in METRICS}
    for f in single_charts:
        assert_picture(f.path)
        assert f.caption and "seeds" in f.caption  # two seeds: the band is explained


def test_comparison_charts_have_lines_and_differences(compare_report):
    _, pictures = compare_report
    stems = {p.stem for p in (pictures / "charts").glob("*.png")}
    assert stems == {f"{kind}_{m.key}" for m in METRICS for kind in ("compare", "diff")}
    for p in (pictures / "charts").glob("*.png"):
        assert_picture(p)


def test_glance_of_the_comparison(compare_report):
    _, pictures = compare_report
    assert_picture(pictures / "glance" / "glance.png")


def test_epstein_charts_over_ticks(epstein_run, tmp_path):
    assert charts.main([str(epstein_run), "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["citizens.png", "legitimacy.png"]
    assert_picture(tmp_path / "citizens.png")
    assert_picture(tmp_path / "legitimacy.png", 10_000)


def test_epstein_and_sahel_runs_do_not_mix(epstein_run, sahel_runs):
    with pytest.raises(RunError, match="cannot go with"):
        collect([sahel_runs["ww"][0], epstein_run])


def test_maps_of_each_scenario(sahel_runs, compare_report):
    _, pictures = compare_report
    for i, key in enumerate(("base", "ww")):
        run = load_run(sahel_runs[key][0])
        last = next(reversed(run.cell_snapshots))
        got = sorted(p.name for p in (pictures / "maps" / str(i)).glob("*.png"))
        assert got == sorted([f"map_control_{last}.png", f"map_zone_{last}.png", f"map_displaced_{last}.png",
                              f"map_legitimacy_{last}.png", "map_events.png"])
        for name in got:
            assert_picture(pictures / "maps" / str(i) / name, 40_000)


def test_map_of_a_missing_date_is_an_input_error(sahel_runs, tmp_path):
    with pytest.raises(RunError, match="no cell snapshot for 1999-01-01"):
        maps.run_maps(load_run(sahel_runs["ww"][0]), tmp_path, "1999-01-01")


def test_animation_has_a_frame_per_snapshot(sahel_runs, compare_report):
    _, pictures = compare_report
    for i, key in enumerate(("base", "ww")):
        gif = pictures / "anim" / f"{i}.gif"
        assert gif.stat().st_size > 20_000
        with Image.open(gif) as im:
            assert im.format == "GIF"
            assert im.n_frames == len(load_run(sahel_runs[key][0]).cell_snapshots) > 1


def test_scenario_map_from_the_start_lists(sahel_runs, tmp_path):
    out = tmp_path / "map.png"
    assert scenario_map.main([str(sahel_runs["start"]), "--out", str(out)]) == 0
    assert_picture(out, 40_000)


def test_scenario_map_from_a_units_file(sahel_runs, tmp_path):
    # The units file the simulator writes with each snapshot (unit,faction,kind,lon,lat,strength):
    # made here from the start lists so the test does not wait for it.
    run_dir = tmp_path / "run"
    shutil.copytree(sahel_runs["start"], run_dir, ignore=shutil.ignore_patterns("units"))
    run = load_run(run_dir)
    units, source = scenario_map.start_units(run)
    assert source.startswith("the scenario's start lists")
    units = units.reset_index(drop=True)
    units.insert(0, "unit", units.index + 1)
    (run_dir / "units").mkdir()
    units[["unit", "faction", "kind", "lon", "lat", "strength"]].to_csv(
        run_dir / "units" / f"units_{run.start_date}.csv", index=False)
    run = load_run(run_dir)
    got, source = scenario_map.start_units(run)
    assert source == f"units/units_{run.start_date}.csv"
    assert got["strength"].sum() == units["strength"].sum()
    out = tmp_path / "map.png"
    scenario_map.scenario_map(run, out)
    assert_picture(out, 40_000)


def test_scenario_map_reads_the_units_the_simulator_wrote(sahel_runs):
    run = load_run(sahel_runs["start"])
    if not run.unit_snapshots:
        pytest.skip("this sahelsim build writes no units/ snapshots")
    units, source = scenario_map.start_units(run)
    assert source == f"units/units_{run.start_date}.csv"
    # Same fighters as the timeseries gives for the start date (after the
    # scenario's spin-up, if any: then they differ from its start lists).
    ts = run.timeseries
    at_start = ts[(ts["date"] == run.start_date) & (ts["faction"] != "civilians")]
    assert units["strength"].sum() == int(at_start["strength"].sum())
    if not (run.scenario.get("initial") or {}).get("spin_up_days"):
        listed = sum(int(s["troops"]) for f in run.scenario["factions"] for s in f.get("start") or [])
        assert units["strength"].sum() == listed


def test_scenario_map_needs_the_start_snapshot(sahel_runs, tmp_path, capsys):
    run_dir = tmp_path / "run"
    shutil.copytree(sahel_runs["start"], run_dir)
    shutil.rmtree(run_dir / "cells")
    assert scenario_map.main([str(run_dir), "--out", str(tmp_path / "m.png")]) == 2
    assert "cells_2021-07-01.csv" in capsys.readouterr().err


def test_outcomes_agree_with_the_time_series(sahel_runs):
    from analysis.outcomes import computed_outcomes
    run = load_run(sahel_runs["ww"][0])
    o = computed_outcomes(run).set_index("metric")["value"]
    ts = run.timeseries
    civ = ts[ts.faction == "civilians"]
    assert o["civilians_killed"] == civ["dead"].iloc[-1]
    by_kind = sum(o[f"civilians_killed_by_{k}"] for k in ("state", "foreign", "mercenary", "militant",
                                                          "separatist", "peacekeeper"))
    assert by_kind == ts.loc[ts.faction != "civilians", "civilians_killed"].sum()
    assert o["displaced_peak"] >= o["displaced_end"]
    assert isinstance(o, pd.Series)
