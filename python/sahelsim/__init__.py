# SPDX-License-Identifier: MIT
"""sahelsim from Python: run a scenario, compare scenarios, run a sweep,
check a scenario file, and get pandas DataFrames and numpy arrays back.

    import sahelsim
    r = sahelsim.run("scenarios/wagner_deal.yaml", seed=3, ticks=365,
                     set={"factions.Wagner.doctrine.civilian_harm": 0.2})
    r.timeseries          # DataFrame, the rows of timeseries.csv
    r.events              # DataFrame, the rows of events.csv
    r.outcomes            # DataFrame: metric, value, unit, description
    r.layers["control"]   # numpy array (rows south to north), no copy

The runs are the command line's runs: the same scenario, seed and overrides
give the same numbers as `sahelsim run`, on any number of threads. The GIL is
released while a run goes, so runs in Python threads proceed side by side.
Bad input raises sahelsim.InputError (a ValueError) with .file, .line and
.column, as the command line reports it. docs/python.md has the whole guide.
"""

from __future__ import annotations

import datetime as _dt
import os as _os
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Optional, Sequence

import numpy as _np
import pandas as _pd

from . import _sahelsim
from ._sahelsim import InputError

__all__ = ["run", "compare", "sweep", "check", "outcome_function", "outcomes", "faction_kinds", "version", "InputError",
           "RunResult", "Comparison", "SweepResult"]

Progress = Callable[[int, int, str], None]


def version() -> str:
    """The version of the compiled library (git describe of its source)."""
    return _sahelsim.version()


def outcomes() -> _pd.DataFrame:
    """The outcome metrics a Sahel run reports: metric, unit, description."""
    return _pd.DataFrame(_sahelsim.outcome_catalogue(), columns=["metric", "unit", "description"])


def faction_kinds() -> _pd.DataFrame:
    """The kinds of faction and the side each is on (government, insurgent)."""
    return _pd.DataFrame(_sahelsim.faction_kinds(), columns=["kind", "side"])


def _text(value) -> str:
    """A Python value as a scenario override's text (YAML)."""
    if isinstance(value, (bool, _np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (float, _np.floating)):
        return repr(float(value))  # numpy 2 writes np.float64(0.2) for a numpy float
    if isinstance(value, _np.integer):
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return str(value)


def _overrides(set: Optional[Mapping[str, object] | Iterable[str]]) -> list[str]:
    """{"path": value} or ["path=value", ...] as the run layer's list."""
    if set is None:
        return []
    if isinstance(set, Mapping):
        return [f"{k}={_text(v)}" for k, v in set.items()]
    return [str(s) for s in set]


def _path(p) -> Optional[str]:
    return None if p is None else _os.fspath(p)


def _frame(columns: dict) -> _pd.DataFrame:
    """A table's columns as a DataFrame with the dtypes pandas.read_csv gives
    the same CSV file: whole-number columns without gaps become int64."""
    frame = _pd.DataFrame(columns, copy=False)
    for name in frame.columns:
        col = frame[name]
        if col.dtype == _np.float64 and len(col) and _np.isfinite(col.to_numpy()).all() \
                and (col.to_numpy() == _np.round(col.to_numpy())).all():
            frame[name] = col.astype(_np.int64)
    return frame


@dataclass
class RunResult:
    """One run's results. Tables are empty when the run was asked not to keep them."""
    model: str
    scenario_name: str
    scenario_sha256: str
    seed: int
    first_date: str
    last_date: str
    outcomes: _pd.DataFrame
    timeseries: _pd.DataFrame
    countries: _pd.DataFrame
    events: _pd.DataFrame
    layers: dict
    grid: tuple  # (lon_min, lat_min, cell_deg): cell (x, y) is centred at lon_min + (x + .5) cell_deg, ...
    final_state_sha256: str
    wall_seconds: float
    outputs: list = field(default_factory=list)

    def outcome(self, metric: str) -> float:
        """One outcome's value by name."""
        row = self.outcomes[self.outcomes["metric"] == metric]
        if row.empty:
            raise KeyError(f"no outcome '{metric}'; known: {', '.join(self.outcomes['metric'])}")
        return float(row["value"].iloc[0])

    def outcome_dict(self) -> dict:
        return dict(zip(self.outcomes["metric"], self.outcomes["value"]))


def run(scenario, *, seed: Optional[int] = None, ticks: Optional[int] = None,
        set: Optional[Mapping[str, object] | Iterable[str]] = None, threads: int = 0, out=None,
        tables: bool = True, layers: bool = True, progress: Optional[Progress] = None) -> RunResult:
    """Runs a scenario file and returns its results.

    seed, ticks: override the scenario's; set: {"path": value} overrides (any
    key the scenario reference lists); threads: 0 for every core (the results
    do not depend on it); out: also write the run folder there, as `sahelsim
    run --out` does; tables / layers: keep the records and the last day's
    cell layers; progress(done, total, where): called as days go by.
    """
    d = _sahelsim.run(_path(scenario), seed, ticks, _overrides(set), threads, _path(out), tables, layers, progress)
    return RunResult(
        model=d["model"], scenario_name=d["scenario_name"], scenario_sha256=d["scenario_sha256"], seed=d["seed"],
        first_date=d["first_date"], last_date=d["last_date"],
        outcomes=_pd.DataFrame(d["outcomes"], columns=["metric", "value", "unit", "description"]),
        timeseries=_frame(d["timeseries"]), countries=_frame(d["countries"]), events=_frame(d["events"]),
        layers=d["layers"], grid=d["grid"], final_state_sha256=d["final_state_sha256"],
        wall_seconds=d["wall_seconds"], outputs=d["outputs"])


@dataclass
class Comparison:
    """Scenarios over the same seeds. runs: one row per (scenario, seed) with
    every metric; table: per metric and scenario the mean, sd and 95 % CI,
    and the paired difference to the first scenario (as comparison.csv)."""
    names: list
    seeds: list
    runs: _pd.DataFrame
    table: _pd.DataFrame


def compare(scenarios: Sequence, *, seeds: int = 20, first_seed: Optional[int] = None, ticks: Optional[int] = None,
            set: Optional[Mapping[str, object] | Iterable[str]] = None, branch_at: Optional[str] = None,
            threads: int = 0, out=None, progress: Optional[Progress] = None) -> Comparison:
    """Runs every scenario over the same seeds and compares them to the first,
    as `sahelsim compare` does (branch_at needs out: the shared histories are
    kept there)."""
    files = [_path(s) for s in scenarios]
    branch = branch_at.strftime("%Y-%m-%d") if isinstance(branch_at, _dt.date) else (branch_at or "")
    d = _sahelsim.compare(files, seeds, first_seed, ticks, _overrides(set), branch, threads, _path(out), progress)
    metrics = d["metrics"]
    rows = []
    for k, name in enumerate(d["names"]):
        for i, seed in enumerate(d["seeds"]):
            rows.append([name, files[k], seed, *d["values"][k][i]])
    runs = _pd.DataFrame(rows, columns=["scenario", "file", "seed", *metrics])
    table = []
    for m, metric in enumerate(metrics):
        for k, name in enumerate(d["names"]):
            n, mean, sd, lo, hi = d["level"][m][k]
            dn, dmean, dsd, dlo, dhi = d["difference"][m][k]
            nan = float("nan")
            table.append([metric, name, n, mean, sd, lo, hi] + ([nan] * 4 if k == 0 else [dmean, dsd, dlo, dhi]))
    table = _pd.DataFrame(table, columns=["metric", "scenario", "n", "mean", "sd", "ci_low", "ci_high", "diff_mean",
                                          "diff_sd", "diff_ci_low", "diff_ci_high"])
    return Comparison(names=d["names"], seeds=d["seeds"], runs=runs, table=table)


@dataclass
class SweepResult:
    name: str
    runs: int
    ran: int
    failed: int
    missing: int  # runs of other shards not finished yet
    results: Optional[_pd.DataFrame]  # results.csv, once every run is finished


def sweep(sweep_file, out, *, threads: int = 0, shard: Optional[str] = None, per_run_outputs: bool = False,
          progress: Optional[Progress] = None) -> SweepResult:
    """Runs a sweep file into the folder out, as `sahelsim sweep` does
    (resumable: runs finished there before are not run again)."""
    d = _sahelsim.sweep(_path(sweep_file), _path(out), threads, shard or "", per_run_outputs, progress)
    results = _pd.read_csv(d["results"]) if d["results"] else None
    return SweepResult(d["name"], d["runs"], d["ran"], d["failed"], d["missing"], results)


def check(scenario, *, seed: Optional[int] = None, ticks: Optional[int] = None,
          set: Optional[Mapping[str, object] | Iterable[str]] = None) -> dict:
    """Validates a scenario with its overrides: model, name, description,
    sha256, seed, ticks. Raises InputError naming the file, line and column."""
    return _sahelsim.check(_path(scenario), seed, ticks, _overrides(set))


def outcome_function(scenario, outcomes: Optional[Sequence[str]] = None, *, seed: Optional[int] = None,
                     ticks: Optional[int] = None, threads: int = 1,
                     fixed: Optional[Mapping[str, object]] = None) -> Callable[..., dict]:
    """A model as a plain function of its parameters, as EMA Workbench and
    SALib expect: f(**parameters) -> {outcome: value}.

    Parameter names are scenario paths; since a keyword cannot hold a dot,
    write "__" for each "." (factions__Wagner__doctrine__civilian_harm), or
    pass a dict: f(**{"factions.Wagner.doctrine.civilian_harm": 0.5}). A `seed` keyword
    in the call overrides the function's seed (replications).
    """
    base = dict(fixed or {})

    def f(**parameters) -> dict:
        call_seed = parameters.pop("seed", seed)
        values = dict(base)
        values.update({k.replace("__", "."): v for k, v in parameters.items()})
        r = run(scenario, seed=call_seed, ticks=ticks, set=values, threads=threads, tables=False, layers=False)
        got = r.outcome_dict()
        return got if outcomes is None else {k: got[k] for k in outcomes}

    return f
