# SPDX-License-Identifier: MIT
"""Read a sweep folder written by `sahelsim sweep FILE --out DIR` and write results.

The folder holds three files (see docs/sensitivity.md for the contract):

    sweep.json   the sweep's description: design, factors, metrics, replicates
    design.csv   one row per run: run, point, replicate, seed, block, row, <factors>
    results.csv  one row per run: run, point, replicate, seed, <factors>, status, <metrics>

Everything downstream works on *design points*, not runs: a point's value for
a metric is the mean over its successful replicates. Sobol indices then
describe the expected outcome as a function of the factors, and replicate
noise is reported on its own (`replicate_noise_share`) instead of being mixed
into the factors' shares of variance.

Any problem with the folder raises `SweepInputError`, which the command line
turns into one message and exit status 2; recoverable problems (failed runs,
an unfinished sweep) are `SweepWarning`s.
"""
from __future__ import annotations

import json
import math
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

DESIGNS = ("saltelli", "lhs", "sobol", "nolh", "factorial")
KINDS = ("real", "integer", "levels")
DESIGN_COLUMNS = ("run", "point", "replicate", "seed", "block", "row")
RESULT_COLUMNS = ("run", "point", "status")


class SweepInputError(Exception):
    """The sweep folder cannot be analysed as it stands (exit status 2)."""


class SweepWarning(UserWarning):
    """Something the analysis works around (failed runs, missing runs)."""


def warn(message: str) -> None:
    # stacklevel 2 points at the caller, which is what a library user wants;
    # the command line replaces the format with a plain "warning: ..." line.
    warnings.warn(message, SweepWarning, stacklevel=2)


@dataclass(frozen=True)
class Factor:
    name: str
    low: float | None
    high: float | None
    kind: str
    # For a `levels` factor whose values are not numbers: the labels in the
    # order their codes 0, 1, 2... stand for (regressions and plots need
    # numbers; Sobol indices do not care about the coding).
    labels: tuple[str, ...] = ()


@dataclass
class Sweep:
    folder: Path
    name: str
    design: str
    replicates: int
    base_samples: int | None
    factors: list[Factor]
    metrics: list[str]
    # One row per design point (index: point). `points` has block and row
    # (Saltelli only) and the factors as written; `X` the factors as numbers.
    points: pd.DataFrame
    X: pd.DataFrame
    # Mean of each metric over the point's successful replicates (NaN when
    # none succeeded), and how many replicates went into that mean.
    values: pd.DataFrame
    counts: pd.DataFrame
    # The successful runs: point and metrics, for the replicate-noise report.
    runs: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def factor_names(self) -> list[str]:
        return [f.name for f in self.factors]


def _read_json(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            meta = json.load(fh)
    except json.JSONDecodeError as err:
        raise SweepInputError(f"{path}:{err.lineno}:{err.colno}: not valid JSON: {err.msg}") from None
    if not isinstance(meta, dict):
        raise SweepInputError(f"{path}: expected a JSON object, found {type(meta).__name__}")
    return meta


def _read_csv(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    try:
        # `block` holds "A", "B", "AB:<factor>"; "NA"-like labels must stay
        # text, so only empty fields count as missing.
        frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    except pd.errors.EmptyDataError:
        raise SweepInputError(f"{path}: the file is empty (expected a CSV header)") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise SweepInputError(f"{path}: not a readable CSV file: {err}") from None
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise SweepInputError(
            f"{path}: missing column(s) {', '.join(missing)}; found {', '.join(map(str, frame.columns))}"
        )
    return frame


def _parse_factors(meta: dict, path: Path) -> list[Factor]:
    raw = meta.get("factors")
    if not isinstance(raw, list) or not raw:
        raise SweepInputError(f"{path}: 'factors' must be a non-empty list")
    factors = []
    for i, f in enumerate(raw):
        if not isinstance(f, dict) or not isinstance(f.get("name"), str) or not f["name"]:
            raise SweepInputError(f"{path}: factors[{i}] needs a 'name'")
        kind = f.get("kind", "real")
        if kind not in KINDS:
            raise SweepInputError(f"{path}: factor {f['name']}: kind must be one of {', '.join(KINDS)}, found {kind!r}")
        low, high = f.get("low"), f.get("high")
        low = float(low) if isinstance(low, (int, float)) else None
        high = float(high) if isinstance(high, (int, float)) else None
        labels = tuple(str(v) for v in f.get("levels", []) or [])
        factors.append(Factor(f["name"], low, high, kind, labels))
    names = [f.name for f in factors]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SweepInputError(f"{path}: factor(s) named twice: {', '.join(dupes)}")
    return factors


def _encode(column: pd.Series, factor: Factor) -> tuple[pd.Series, Factor]:
    """Factor values as floats; non-numeric levels become their level's code."""
    numeric = pd.to_numeric(column, errors="coerce")
    if not numeric.isna().any():
        return numeric.astype(float), factor
    if factor.kind != "levels":
        bad = column[numeric.isna()].iloc[0]
        raise SweepInputError(f"design.csv: factor {factor.name} ({factor.kind}) has a non-numeric value {bad!r}")
    text = column.astype(str)
    # The order of the levels in sweep.json is the modeller's order (often
    # meaningful: low/medium/high); fall back to sorted order otherwise.
    labels = list(factor.labels) if factor.labels else sorted(text.unique())
    unknown = sorted(set(text) - set(labels))
    if unknown:
        raise SweepInputError(f"design.csv: factor {factor.name} has values not among its levels: {', '.join(unknown)}")
    codes = text.map({label: float(i) for i, label in enumerate(labels)})
    return codes, Factor(factor.name, factor.low, factor.high, factor.kind, tuple(labels))


def load_sweep(folder: str | os.PathLike, metrics: list[str] | None = None) -> Sweep:
    """Read and check a sweep folder; `metrics` restricts the analysis to some metrics."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SweepInputError(f"{folder}: not a folder (expected the --out folder of `sahelsim sweep`)")
    paths = {name: folder / name for name in ("sweep.json", "design.csv", "results.csv")}
    absent = [name for name, p in paths.items() if not p.is_file()]
    if absent:
        raise SweepInputError(
            f"{folder}: missing {', '.join(absent)} (a sweep folder holds sweep.json, design.csv and results.csv)"
        )

    meta = _read_json(paths["sweep.json"])
    design = meta.get("design")
    if design not in DESIGNS:
        raise SweepInputError(f"{paths['sweep.json']}: 'design' must be one of {', '.join(DESIGNS)}, found {design!r}")
    factors = _parse_factors(meta, paths["sweep.json"])
    declared = meta.get("metrics")
    if not isinstance(declared, list) or not declared or not all(isinstance(m, str) for m in declared):
        raise SweepInputError(f"{paths['sweep.json']}: 'metrics' must be a non-empty list of names")
    if metrics:
        unknown = [m for m in metrics if m not in declared]
        if unknown:
            raise SweepInputError(
                f"metric(s) {', '.join(unknown)} not in this sweep; its metrics are {', '.join(declared)}"
            )
        declared = list(metrics)
    replicates = meta.get("replicates", 1)
    if not isinstance(replicates, int) or replicates < 1:
        raise SweepInputError(f"{paths['sweep.json']}: 'replicates' must be a positive integer, found {replicates!r}")
    base_samples = meta.get("base_samples")

    names = [f.name for f in factors]
    dsg = _read_csv(paths["design.csv"], DESIGN_COLUMNS + tuple(names))
    res = _read_csv(paths["results.csv"], RESULT_COLUMNS + tuple(declared))
    if dsg.empty:
        raise SweepInputError(f"{paths['design.csv']}: no runs")
    for frame, label in ((dsg, "design.csv"), (res, "results.csv")):
        for col in ("run", "point"):
            if pd.to_numeric(frame[col], errors="coerce").isna().any():
                raise SweepInputError(f"{label}: column {col} must hold whole numbers")
        dup = frame["run"][frame["run"].duplicated()]
        if not dup.empty:
            raise SweepInputError(f"{label}: run {dup.iloc[0]} appears more than once")

    # --- design points -------------------------------------------------------
    point_cols = ["block", "row"] + names
    per_point = dsg.groupby("point")[point_cols].nunique(dropna=False)
    inconsistent = per_point[(per_point > 1).any(axis=1)]
    if not inconsistent.empty:
        raise SweepInputError(
            f"design.csv: point {inconsistent.index[0]} has replicates with different factor values or blocks"
        )
    points = dsg.drop_duplicates("point").set_index("point")[point_cols].sort_index()
    encoded = {}
    enc_factors = []
    for f in factors:
        encoded[f.name], ef = _encode(points[f.name], f)
        enc_factors.append(ef)
    X = pd.DataFrame(encoded, index=points.index)

    # --- results -------------------------------------------------------------
    run_point = dsg.set_index("run")["point"]
    stray = res.loc[~res["run"].isin(run_point.index), "run"]
    if not stray.empty:
        raise SweepInputError(f"results.csv: run {stray.iloc[0]} is not in design.csv")
    moved = res["point"].to_numpy() != run_point.loc[res["run"]].to_numpy()
    if moved.any():
        raise SweepInputError(f"results.csv: run {res['run'][moved].iloc[0]} has a different point than in design.csv")

    status = res["status"].astype(str)
    odd = sorted(set(status) - {"ok", "failed"})
    if odd:
        warn(f"results.csv: status value(s) {', '.join(odd)} are neither 'ok' nor 'failed'; those runs count as failed")
    notes = []
    n_missing = len(dsg) - len(res)
    if n_missing > 0:
        warn(f"{n_missing} of {len(dsg)} runs in design.csv have no row in results.csv (unfinished sweep?); they count as failed")
    n_failed = int((status != "ok").sum())
    if n_failed:
        warn(f"{n_failed} of {len(dsg)} runs failed; they are left out")
    ok = res[status == "ok"].copy()
    for m in declared:
        values = pd.to_numeric(ok[m], errors="coerce")
        text_bad = values.isna() & ok[m].notna()
        if text_bad.any():
            raise SweepInputError(f"results.csv: metric {m} has a non-numeric value {ok[m][text_bad].iloc[0]!r}")
        if values.isna().any():
            warn(f"results.csv: metric {m} is empty in {int(values.isna().sum())} successful run(s); left out for that metric")
        if not np.isfinite(values.dropna()).all():
            raise SweepInputError(f"results.csv: metric {m} has an infinite value")
        ok[m] = values

    grouped = ok.groupby("point")[declared]
    values = grouped.mean().reindex(points.index)
    counts = grouped.count().reindex(points.index).fillna(0).astype(int)
    partial = int(((counts > 0) & (counts < replicates)).any(axis=1).sum())
    if partial and replicates > 1:
        notes.append(f"{partial} point(s) averaged over fewer than {replicates} replicates because some replicates failed")

    sweep = Sweep(
        folder=folder,
        name=str(meta.get("name", folder.name)),
        design=design,
        replicates=replicates,
        base_samples=base_samples if isinstance(base_samples, int) else None,
        factors=enc_factors,
        metrics=list(declared),
        points=points,
        X=X,
        values=values,
        counts=counts,
        runs=ok[["point"] + list(declared)].reset_index(drop=True),
        notes=notes,
    )
    if design == "saltelli":
        _check_saltelli(sweep)
    return sweep


def _check_saltelli(sweep: Sweep) -> None:
    """The Saltelli blocks are all there and AB_i really is A with column i from B.

    A design written with the other convention (B with column i from A, as in
    Saltelli 2002) would give indices that look plausible and are wrong, so
    this is checked rather than trusted.
    """
    pts = sweep.points
    names = sweep.factor_names
    expected = ["A", "B"] + [f"AB:{n}" for n in names]
    if pts["block"].isna().any() or pts["row"].isna().any():
        raise SweepInputError("design.csv: a Saltelli design needs block and row on every run")
    unknown = sorted(set(pts["block"].astype(str)) - set(expected))
    if unknown:
        raise SweepInputError(f"design.csv: unknown block(s) {', '.join(unknown)}; expected A, B and AB:<factor> for each factor")
    rows = pd.to_numeric(pts["row"], errors="coerce")
    if rows.isna().any() or (rows != rows.round()).any():
        raise SweepInputError("design.csv: column row must hold whole numbers (the base-sample index j)")
    table = pd.DataFrame({"row": rows.astype(int), "block": pts["block"].astype(str), "point": pts.index})
    if table.duplicated(["row", "block"]).any():
        r = table[table.duplicated(["row", "block"])].iloc[0]
        raise SweepInputError(f"design.csv: row {r['row']} has block {r['block']} more than once")
    grid = table.pivot(index="row", columns="block", values="point")
    missing = [b for b in expected if b not in grid.columns]
    if missing or grid[expected].isna().any().any():
        incomplete = grid.index[grid.reindex(columns=expected).isna().any(axis=1)][0]
        raise SweepInputError(f"design.csv: Saltelli row {incomplete} lacks some of the blocks {', '.join(expected)}")
    if sweep.base_samples is not None and sweep.base_samples != len(grid):
        warn(f"sweep.json says base_samples={sweep.base_samples} but design.csv has {len(grid)} Saltelli rows; using the rows")

    X = sweep.X
    a = X.loc[grid["A"]].to_numpy()
    b = X.loc[grid["B"]].to_numpy()
    for i, n in enumerate(names):
        ab = X.loc[grid[f"AB:{n}"]].to_numpy()
        want = a.copy()
        want[:, i] = b[:, i]
        if not np.allclose(ab, want, rtol=1e-9, atol=1e-12):
            bad = int(grid.index[~np.isclose(ab, want, rtol=1e-9, atol=1e-12).all(axis=1)][0])
            raise SweepInputError(
                f"design.csv: Saltelli row {bad}, block AB:{n} is not the A point with {n} taken from the B point"
            )


def saltelli_grid(sweep: Sweep) -> pd.DataFrame:
    """Point ids with one row per base sample j and columns A, B, AB:<factor>..."""
    rows = pd.to_numeric(sweep.points["row"]).astype(int)
    table = pd.DataFrame({"row": rows, "block": sweep.points["block"].astype(str), "point": sweep.points.index})
    grid = table.pivot(index="row", columns="block", values="point")
    return grid[["A"] + [f"AB:{n}" for n in sweep.factor_names] + ["B"]]


def replicate_noise_share(sweep: Sweep, metric: str) -> float:
    """Share of the run-to-run variance of a metric that lies within points.

    0 means replicates agree (the outcome is set by the factors); near 1
    means the seed matters more than the factors. NaN without replicates.
    """
    runs = sweep.runs[["point", metric]].dropna()
    if sweep.replicates < 2 or runs["point"].duplicated().sum() == 0:
        return math.nan
    total = runs[metric].var(ddof=0)
    if not total > 0:
        return math.nan
    within = runs[metric] - runs.groupby("point")[metric].transform("mean")
    return float((within**2).mean() / total)


def write_atomic(path: Path, write) -> None:
    """Write through a temporary name and rename, as the C++ outputs do, so a
    killed analysis never leaves a file that looks complete."""
    tmp = path.with_name(f".{path.name}.part-{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
