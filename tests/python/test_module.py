# SPDX-License-Identifier: MIT
"""The Python module against the command line: the same runs, byte for byte
(also from Python threads side by side), the same errors with their place,
and DataFrames equal to the CSV files.

SAHELSIM_BIN names the command-line binary, SAHELSIM_SOURCE_DIR the source
tree; PYTHONPATH must reach the built package (build/release/python).
"""
from __future__ import annotations

import concurrent.futures
import filecmp
import os
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sahelsim

SOURCE = Path(os.environ.get("SAHELSIM_SOURCE_DIR") or Path(__file__).resolve().parents[2])
BIN = Path(os.environ.get("SAHELSIM_BIN") or SOURCE / "build" / "release" / "sim" / "sahelsim")
CLASSROOM = SOURCE / "scenarios" / "classroom" / "central_mali.yaml"
RECORDS = ["timeseries.csv", "countries.csv", "events.csv", "outcomes.csv"]


def cli_run(out: Path, *args: str) -> None:
    subprocess.run([str(BIN), "run", str(CLASSROOM), "--quiet", "--out", str(out), *args], check=True)


def same_records(a: Path, b: Path) -> None:
    for name in RECORDS:
        assert filecmp.cmp(a / name, b / name, shallow=False), f"{name} differs between {a} and {b}"


def test_a_run_writes_the_same_files_as_the_command_line(tmp_path):
    cli_run(tmp_path / "cli", "--seed", "5", "--ticks", "60", "--threads", "1",
            "--set", "factions.Army.doctrine.civilian_harm=0.4")
    r = sahelsim.run(CLASSROOM, seed=5, ticks=60, threads=2, out=tmp_path / "py",
                     set={"factions.Army.doctrine.civilian_harm": 0.4})
    same_records(tmp_path / "cli", tmp_path / "py")
    assert r.final_state_sha256 in (tmp_path / "cli" / "manifest.json").read_text()


def test_tables_equal_the_csv_files(tmp_path):
    r = sahelsim.run(CLASSROOM, seed=2, ticks=45, out=tmp_path)
    for frame, name in [(r.timeseries, "timeseries.csv"), (r.countries, "countries.csv"), (r.events, "events.csv")]:
        expected = pd.read_csv(tmp_path / name, float_precision="round_trip")
        assert len(frame) > 0
        pd.testing.assert_frame_equal(frame.fillna(""), expected.fillna(""), check_dtype=False)
    outcomes = pd.read_csv(tmp_path / "outcomes.csv", float_precision="round_trip")
    assert list(r.outcomes["metric"]) == list(outcomes["metric"])
    np.testing.assert_allclose(r.outcomes["value"].to_numpy(), outcomes["value"].to_numpy(), rtol=0, atol=0)
    assert r.outcome("civilians_killed") == outcomes.set_index("metric").loc["civilians_killed", "value"]


def test_runs_in_python_threads_match_the_command_line_byte_for_byte(tmp_path):
    seeds = [11, 12, 13]
    for s in seeds:
        cli_run(tmp_path / f"cli-{s}", "--seed", str(s), "--ticks", "40")
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(lambda s: sahelsim.run(CLASSROOM, seed=s, ticks=40, out=tmp_path / f"py-{s}"), seeds))
    for s in seeds:
        same_records(tmp_path / f"cli-{s}", tmp_path / f"py-{s}")


def test_the_gil_is_released_while_a_run_goes():
    done = threading.Event()
    ticks_seen = []

    def work():
        sahelsim.run(CLASSROOM, ticks=365, threads=1, tables=False, layers=False)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started = time.monotonic()
    count = 0
    while not done.is_set():
        count += 1  # Python bytecode: runs only while the worker does not hold the GIL
        time.sleep(0.001)
    worker.join()
    ticks_seen.append(count)
    assert time.monotonic() - started > 0.05  # the run was long enough to tell
    assert count > 20


def test_cell_layers_are_numpy_arrays_over_the_grid():
    r = sahelsim.run(CLASSROOM, ticks=10)
    control = r.layers["control"]
    assert isinstance(control, np.ndarray) and control.ndim == 2 and control.dtype == np.float32
    assert not control.flags["OWNDATA"]  # a view over the C++ buffer
    assert set(r.layers) >= {"country", "control", "zone", "controller", "population", "displaced", "legitimacy",
                             "violence"}
    assert all(a.shape == control.shape for a in r.layers.values())
    assert ((control >= -1) & (control <= 1)).all()
    last = r.timeseries[r.timeseries["faction"] == "civilians"].iloc[-1]
    # Everyone alive is somewhere on the map (refugees abroad included).
    assert r.layers["population"].sum(dtype=np.float64) == pytest.approx(last["population"], rel=1e-6)
    lon_min, lat_min, cell_deg = r.grid
    assert cell_deg > 0


def test_bad_input_raises_input_error_with_its_place(tmp_path):
    with pytest.raises(sahelsim.InputError) as e:
        sahelsim.run(CLASSROOM, set={"factions.Army.strengthx": 3})
    assert "unknown key 'strengthx'" in str(e.value) and e.value.file.startswith("--set")
    assert isinstance(e.value, ValueError)

    bad = tmp_path / "bad.yaml"
    bad.write_text(CLASSROOM.read_text().replace("ticks: 365", "ticks: -4"))
    with pytest.raises(sahelsim.InputError) as e:
        sahelsim.check(bad)
    assert e.value.file == str(bad) and e.value.line > 0 and e.value.column > 0
    cli = subprocess.run([str(BIN), "check", str(bad)], capture_output=True, text=True)
    assert cli.returncode == 2 and cli.stderr.strip() == str(e.value)

    not_yaml = tmp_path / "not.yaml"
    not_yaml.write_text("model: sahel\n  : : [\n")
    with pytest.raises(sahelsim.InputError) as e:
        sahelsim.run(not_yaml, out=tmp_path / "never")
    assert e.value.file == str(not_yaml)
    assert not (tmp_path / "never").exists()


def test_check_describes_a_valid_scenario():
    info = sahelsim.check(CLASSROOM, seed=9)
    assert info["model"] == "sahel" and info["seed"] == 9 and len(info["sha256"]) == 64


def test_compare_finds_no_difference_between_a_scenario_and_itself():
    c = sahelsim.compare([CLASSROOM, CLASSROOM], seeds=2, ticks=20, threads=2)
    assert c.names[0] == c.names[1] and c.seeds == [c.seeds[0], c.seeds[0] + 1]
    assert len(c.runs) == 4
    second = c.table.iloc[1::2]  # per metric: the reference first, then the second scenario
    assert (second["diff_mean"] == 0).all()
    killed = c.runs["civilians_killed"].to_numpy()
    assert (killed[:2] == killed[2:]).all()


def test_sweep_writes_results_like_the_command_line(tmp_path):
    sweep_file = tmp_path / "tiny.yaml"
    sweep_file.write_text(
        f"sweep: tiny\nbase: {CLASSROOM}\nticks: 15\ndesign: {{type: factorial, levels: 2}}\nreplicates: 1\nseed: 1\n"
        "factors:\n  - {path: factions.Army.doctrine.civilian_harm, range: [0.2, 3.0]}\n"
        "metrics: [civilians_killed, displaced_peak]\n")
    r = sahelsim.sweep(sweep_file, tmp_path / "py", threads=2)
    assert (r.runs, r.ran, r.failed, r.missing) == (2, 2, 0, 0)
    subprocess.run([str(BIN), "sweep", str(sweep_file), "--out", str(tmp_path / "cli"), "--quiet"], check=True)
    assert filecmp.cmp(tmp_path / "py" / "results.csv", tmp_path / "cli" / "results.csv", shallow=False)
    assert list(r.results["status"]) == ["ok", "ok"]


def test_outcome_function_is_a_plain_function_of_parameters():
    f = sahelsim.outcome_function(CLASSROOM, ["civilians_killed", "displaced_peak"], seed=4, ticks=30)
    a = f(factions__Army__doctrine__civilian_harm=0.2)
    b = f(**{"factions.Army.doctrine.civilian_harm": 0.2})
    assert a == b and set(a) == {"civilians_killed", "displaced_peak"}
    direct = sahelsim.run(CLASSROOM, seed=4, ticks=30, set={"factions.Army.doctrine.civilian_harm": 0.2})
    assert a["civilians_killed"] == direct.outcome("civilians_killed")


def test_an_epstein_scenario_runs_too():
    r = sahelsim.run(SOURCE / "scenarios" / "classroom" / "epstein_crisis.yaml", ticks=20)
    assert r.model == "epstein" and len(r.timeseries) == 21
    assert r.outcome("active_peak") >= r.outcome("active_end")


def test_progress_reports_every_day():
    seen = []
    sahelsim.run(CLASSROOM, ticks=12, tables=False, layers=False, progress=lambda d, t, w: seen.append((d, t, w)))
    assert [d for d, _, _ in seen] == list(range(1, 13)) and seen[-1][1] == 12


def test_the_notebook_example_runs_and_writes_its_figures(tmp_path):
    import sys
    done = subprocess.run([sys.executable, str(SOURCE / "examples" / "whatif_notebook.py"), str(tmp_path),
                           "--days", "30", "--seeds", "2"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for name in ("cells_held.png", "control_map.png", "conduct.png", "deal_vs_status_quo.csv", "conduct.csv"):
        assert (tmp_path / name).stat().st_size > 0, name
    table = pd.read_csv(tmp_path / "deal_vs_status_quo.csv")
    assert set(table["metric"]) == {"civilians_killed", "civilians_killed_by_state", "displaced_peak",
                                    "militant_cells_end"}


def test_the_analysis_kit_states_the_sides_and_the_sphere_as_the_program_does():
    # The kit reads run folders without the module, so it keeps its own copy
    # of these constants; this test keeps the copies equal to the program's.
    import sys
    sys.path.insert(0, str(SOURCE))
    from analysis import geo, runs
    kinds = sahelsim.faction_kinds()
    assert tuple(kinds.loc[kinds["side"] == "government", "kind"]) == runs.GOVERNMENT_KINDS
    assert tuple(kinds.loc[kinds["side"] == "insurgent", "kind"]) == runs.INSURGENT_KINDS
    map_text = (SOURCE / "scenarios" / "maps" / "sahel.yaml").read_text()
    assert f"earth_radius_km: {geo.EARTH_RADIUS_KM}\n" in map_text  # and the program refuses another radius


def test_a_failing_progress_function_stops_nothing_half_done(tmp_path):
    class Stop(Exception):
        pass

    def stop(done, total, where):
        raise Stop(where)

    sweep_file = tmp_path / "tiny.yaml"
    sweep_file.write_text(
        f"sweep: tiny\nbase: {CLASSROOM}\nticks: 15\ndesign: {{type: factorial, levels: 3}}\nreplicates: 1\nseed: 1\n"
        "factors:\n  - {path: factions.Army.doctrine.civilian_harm, range: [0.2, 3.0]}\n"
        "metrics: [civilians_killed, displaced_peak]\n")
    # The callback's exception comes back once the runs in flight are done...
    with pytest.raises(Stop):
        sahelsim.sweep(sweep_file, tmp_path / "py", threads=2, progress=stop)
    # ...and every run the ledger holds is whole: finishing the sweep gives the command line's results.
    sahelsim.sweep(sweep_file, tmp_path / "py", threads=2)
    subprocess.run([str(BIN), "sweep", str(sweep_file), "--out", str(tmp_path / "cli"), "--quiet"], check=True)
    assert filecmp.cmp(tmp_path / "py" / "results.csv", tmp_path / "cli" / "results.csv", shallow=False)
    with pytest.raises(Stop):
        sahelsim.compare([CLASSROOM, CLASSROOM], seeds=2, ticks=10, progress=stop)


def test_numpy_numbers_are_overrides_like_python_numbers():
    a = sahelsim.run(CLASSROOM, ticks=15, set={"factions.Army.doctrine.civilian_harm": np.float64(0.4),
                                                "factions.Army.doctrine.unit_size": np.int64(150)})
    b = sahelsim.run(CLASSROOM, ticks=15, set={"factions.Army.doctrine.civilian_harm": 0.4,
                                                "factions.Army.doctrine.unit_size": 150})
    assert a.final_state_sha256 == b.final_state_sha256
