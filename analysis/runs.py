# SPDX-License-Identifier: MIT
"""Loading run folders and compare folders, and grouping runs by scenario.

A run folder is what `sahelsim run` writes for a Sahel scenario (or an
Epstein one: timeseries.csv over ticks and manifest.json only); a compare
folder is what `sahelsim compare` writes: comparison.csv and run folders
under runs/<scenario stem>/seed-<N>/. Everything here is lazy: a CSV is read
the first time it is asked for, so a report over many seeds reads the cell
snapshots only of the runs it maps.
"""
from __future__ import annotations

import functools
import json
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd


class RunError(Exception):
    """Bad input: a folder that is not a Sahel run or compare folder."""


SNAPSHOT_RE = re.compile(r"^(cells|units)_(\d{4}-\d{2}-\d{2})\.csv$")

# Kinds on each side, as in docs/model.md section 4: the government side is
# every state, foreign, mercenary or peacekeeper faction.
GOVERNMENT_KINDS = ("state", "foreign", "mercenary", "peacekeeper")
INSURGENT_KINDS = ("militant", "separatist")
MODELS = ("sahel", "epstein")


def _snapshots(folder: Path, prefix: str) -> "OrderedDict[str, Path]":
    found = {}
    if folder.is_dir():
        for p in folder.iterdir():
            m = SNAPSHOT_RE.match(p.name)
            if m and m.group(1) == prefix:
                found[m.group(2)] = p
    return OrderedDict(sorted(found.items()))


@dataclass(eq=False)
class Run:
    path: Path
    manifest: dict

    @property
    def scenario(self) -> dict:
        return self.manifest.get("scenario") or {}

    @property
    def model(self) -> str:
        return str(self.scenario.get("model") or "sahel")

    @property
    def name(self) -> str:
        return str(self.scenario.get("name") or self.manifest.get("scenario_file") or self.path.name)

    @property
    def description(self) -> str:
        return str(self.scenario.get("description") or "").strip()

    @property
    def seed(self) -> int:
        return int(self.manifest.get("seed", self.scenario.get("seed", 0)))

    @property
    def replicate(self) -> int:
        return int(self.manifest.get("replicate", self.scenario.get("replicate", 0)))

    @property
    def seed_key(self) -> str:
        """What pairs two runs of different scenarios: the same random key."""
        return f"{self.seed}.{self.replicate}"

    @property
    def seed_order(self) -> tuple:
        return (self.seed, self.replicate)

    @property
    def seed_label(self) -> str:
        return f"seed {self.seed}" + (f" replicate {self.replicate}" if self.replicate else "")

    @property
    def start_date(self) -> str:
        return str(self.manifest.get("start_date") or self.scenario.get("start_date"))

    @property
    def end_date(self) -> str:
        return str(self.manifest.get("end_date") or "")

    @property
    def map_extent(self) -> dict:
        return self.scenario.get("map") or {}

    @property
    def factions(self) -> list:
        """[(name, kind)] in scenario order."""
        return [(f["name"], f.get("kind", "")) for f in self.scenario.get("factions", [])]

    @functools.cached_property
    def timeseries(self) -> pd.DataFrame:
        ts = pd.read_csv(self.path / "timeseries.csv")
        if "date" in ts.columns:  # Epstein runs count ticks only
            ts["date"] = pd.to_datetime(ts["date"])
        return ts

    @functools.cached_property
    def events(self) -> pd.DataFrame:
        p = self.path / "events.csv"
        if not p.exists():
            return pd.DataFrame(columns=["event_id", "event_date", "event_type", "actor1", "actor2", "country",
                                         "location", "latitude", "longitude", "fatalities", "notes"])
        ev = pd.read_csv(p, keep_default_na=False, na_values={"latitude": [""], "longitude": [""],
                                                              "fatalities": [""]})
        ev["event_date"] = pd.to_datetime(ev["event_date"])
        return ev

    @functools.cached_property
    def outcomes(self) -> pd.DataFrame | None:
        p = self.path / "outcomes.csv"
        if not p.exists():
            return None
        out = pd.read_csv(p, keep_default_na=False, na_values={"value": [""]})
        if not {"metric", "value"} <= set(out.columns):
            raise RunError(f"{p}: expected columns metric,value,description, found {','.join(out.columns)}")
        if "description" not in out.columns:
            out["description"] = ""
        return out

    @functools.cached_property
    def cell_snapshots(self) -> "OrderedDict[str, Path]":
        return _snapshots(self.path / "cells", "cells")

    @functools.cached_property
    def unit_snapshots(self) -> "OrderedDict[str, Path]":
        return _snapshots(self.path / "units", "units")

    def cells(self, date: str) -> pd.DataFrame:
        return pd.read_csv(self.cell_snapshots[date], keep_default_na=False,
                           dtype={"country": str, "controller": str})

    def units(self, date: str) -> pd.DataFrame | None:
        p = self.unit_snapshots.get(date)
        return None if p is None else pd.read_csv(p, keep_default_na=False, dtype={"faction": str, "kind": str})

    def __repr__(self) -> str:
        return f"Run({self.path}, {self.name!r}, {self.seed_label})"


def load_run(path, models=("sahel",)) -> Run:
    """A run folder of one of `models`: maps, animation and the Flee export need
    Sahel runs; charts and the report (through `collect`) take Epstein runs too."""
    path = Path(path)
    if not path.is_dir():
        raise RunError(f"{path}: not a folder")
    mp = path / "manifest.json"
    if not mp.exists():
        raise RunError(f"{path}: not a run folder (no manifest.json; expected the output folder of "
                       "`sahelsim run` or `sahelsim compare`)")
    try:
        manifest = json.loads(mp.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise RunError(f"{mp}: not readable JSON ({e})") from e
    model = (manifest.get("scenario") or {}).get("model")
    if model not in models:
        raise RunError(f"{path}: a '{model}' run; this reads "
                       + " and ".join(m.capitalize() for m in models) + " runs only"
                       + (" (charts and the report take Epstein runs too)" if model == "epstein" else ""))
    if not (path / "timeseries.csv").exists():
        raise RunError(f"{path}: no timeseries.csv (an unfinished run?)")
    return Run(path=path, manifest=manifest)


def simulate(scenario, out, *, seed=None, ticks=None, set=None, threads=1, models=MODELS) -> Run:
    """Runs a scenario into the folder `out` and loads it as a Run.

    Through the sahelsim Python module when it can be imported (PYTHONPATH
    reaching build/release/python): no process to start and its errors come
    as sahelsim.InputError. Otherwise through the sahelsim program named by
    $SAHELSIM_BIN (default: build/release/sim/sahelsim of this source tree),
    whose errors come as RunError. `set` is {"path": value} as for --set."""
    overrides = dict(set or {})
    try:
        import sahelsim
    except ImportError:
        sahelsim = None
    if sahelsim is not None:
        sahelsim.run(scenario, seed=seed, ticks=ticks, set=overrides, threads=threads, out=out,
                     tables=False, layers=False)
        return load_run(out, models)
    import os
    import subprocess
    exe = os.environ.get("SAHELSIM_BIN") or str(Path(__file__).resolve().parents[1] / "build" / "release" / "sim"
                                                / "sahelsim")
    cmd = [exe, "run", str(scenario), "--out", str(out), "--quiet", "--threads", str(threads)]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    if ticks is not None:
        cmd += ["--ticks", str(ticks)]
    for key, value in overrides.items():
        cmd += ["--set", f"{key}={value}"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        raise RunError(f"cannot start {exe} ({e}); build sahelsim or set SAHELSIM_BIN") from e
    if done.returncode != 0:
        raise RunError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return load_run(out, models)


@dataclass
class Collection:
    """Runs grouped by scenario name, in the order the scenarios came in.

    The first scenario is the reference that differences are taken against.
    """
    groups: "OrderedDict[str, list[Run]]" = field(default_factory=OrderedDict)
    comparisons: list = field(default_factory=list)  # comparison.csv tables of compare folders

    @property
    def runs(self) -> list:
        return [r for rs in self.groups.values() for r in rs]

    @property
    def names(self) -> list:
        return list(self.groups)

    @property
    def model(self) -> str:
        """sahel or epstein (a collection never mixes the two)."""
        return self.runs[0].model if self.groups else "sahel"

    @property
    def epstein(self) -> bool:
        return self.model == "epstein"

    def add(self, run: Run) -> None:
        if self.groups and run.model != self.model:
            raise RunError(f"{run.path}: a '{run.model}' run cannot go with '{self.model}' runs in one chart or report")
        rs = self.groups.setdefault(run.name, [])
        if any(r.path.resolve() == run.path.resolve() for r in rs):
            return
        rs.append(run)
        rs.sort(key=lambda r: r.seed_order)


def _compare_runs(folder: Path) -> list:
    table = pd.read_csv(folder / "comparison.csv", keep_default_na=False)
    expected = {"metric", "scenario", "n", "mean"}
    if not expected <= set(table.columns):
        raise RunError(f"{folder / 'comparison.csv'}: expected columns "
                       f"{', '.join(sorted(expected))}, found {', '.join(table.columns)}")
    runs_dir = folder / "runs"
    run_dirs = sorted(p.parent for p in runs_dir.glob("*/seed-*/manifest.json")) if runs_dir.is_dir() else []
    runs = [load_run(p, MODELS) for p in run_dirs]
    # comparison.csv lists the reference scenario first; keep its order.
    order = list(OrderedDict.fromkeys(table["scenario"]))

    def rank(run):
        for i, s in enumerate(order):
            if s in (run.name, run.path.parent.name):
                return i
        return len(order)
    runs.sort(key=lambda r: (rank(r), r.seed_order))
    return table, runs


def collect(paths) -> Collection:
    """Load run folders and compare folders into one collection."""
    if not paths:
        raise RunError("no run folder given")
    col = Collection()
    for p in paths:
        p = Path(p)
        if (p / "comparison.csv").exists() and not (p / "manifest.json").exists():
            table, runs = _compare_runs(p)
            if not runs:
                raise RunError(f"{p}: a compare folder without run folders (expected runs/<scenario>/seed-<N>/)")
            col.comparisons.append(table)
            for r in runs:
                col.add(r)
        else:
            col.add(load_run(p, MODELS))
    return col


def faction_kinds(runs) -> "OrderedDict[str, str]":
    """Every faction of these runs with its kind, in first-seen scenario order."""
    out = OrderedDict()
    for r in runs:
        for name, kind in r.factions:
            out.setdefault(name, kind)
        if not r.factions and "faction" in r.timeseries.columns:
            ts = r.timeseries
            for name, kind in ts.loc[ts.faction != "civilians", ["faction", "kind"]].drop_duplicates().values:
                out.setdefault(name, kind)
    return out
