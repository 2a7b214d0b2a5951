# SPDX-License-Identifier: MIT
"""python3 -m analysis.sensitivity DIR [--out OUTDIR] [--bootstrap 1000] [--seed 1]

Reads a sweep folder (sweep.json, design.csv, results.csv) and writes to
OUTDIR (default DIR/sensitivity):

    sensitivity.csv          metric, factor, method, estimate, ci_low, ci_high, r2, p_value, n
    indices_<metric>.png     Sobol bars (Saltelli) or SRC/PRCC tornado (other designs)
    scatter.png              every factor against every metric
    main_effects.png         binned mean of every metric against every factor

Exit status: 0 done, 2 bad input (nothing written), 1 an unexpected error.
"""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .io import Sweep, SweepInputError, load_sweep, replicate_noise_share, write_atomic
from .regression import analyze_regression
from .sobol import analyze_saltelli, metric_rng

CSV_NAME = "sensitivity.csv"


def sample_points(sweep: Sweep) -> pd.Index:
    """The points that form an ordinary random sample of the factor space.

    In a Saltelli design that is A and B (2N independent points); the hybrid
    AB_i points repeat A's values in all but one column, so adding them would
    weight the regression and the charts towards A.
    """
    if sweep.design == "saltelli":
        return sweep.points.index[sweep.points["block"].isin(["A", "B"])]
    return sweep.points.index


def analyze(sweep: Sweep, resamples: int = 1000, seed: int = 1, confidence: float = 0.95) -> pd.DataFrame:
    """The tidy table of every index for every metric."""
    frames = []
    sample = sample_points(sweep)
    for m in sweep.metrics:
        if sweep.design == "saltelli":
            frames.append(analyze_saltelli(sweep, m, resamples, seed, confidence))
        # On a Saltelli sweep SRC/PRCC over A and B come as a check: R² near 1
        # says the model is nearly linear there, and then SRC² ≈ S1.
        frames.append(analyze_regression(sweep, m, resamples, seed, confidence, points=sample))
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=["metric", "factor", "method", "estimate", "ci_low", "ci_high", "r2", "p_value", "n"])
    return pd.concat(frames, ignore_index=True)


def write_outputs(sweep: Sweep, table: pd.DataFrame, out: Path, seed: int, confidence: float = 0.95) -> list[Path]:
    # matplotlib is imported only when there is something to draw (bad
    # input should fail fast, and --no-plots should not pay for it).
    from . import plots

    written = []
    csv = out / CSV_NAME
    write_atomic(csv, lambda tmp: table.to_csv(tmp, index=False, float_format="%.6g"))
    written.append(csv)
    for m in sweep.metrics:
        if (table["metric"] == m).any():
            p = out / f"indices_{plots.file_stem(m)}.png"
            plots.plot_indices(table, m, p, confidence)
            written.append(p)
    sample = sample_points(sweep)
    p = out / "scatter.png"
    plots.plot_scatter(sweep, sweep.metrics, p, sample, metric_rng(seed, "", "scatter"))
    written.append(p)
    p = out / "main_effects.png"
    plots.plot_main_effects(sweep, sweep.metrics, p, sample)
    written.append(p)
    return written


def _summary(sweep: Sweep, table: pd.DataFrame) -> str:
    lines = [f"sweep {sweep.name}: design {sweep.design}, {len(sweep.points)} points, "
             f"{sweep.replicates} replicate(s) per point, {len(sweep.factors)} factors"]
    if sweep.replicates > 1:
        lines.append("metrics are averaged over each point's successful replicates before the analysis")
    lines.extend(sweep.notes)
    main = ["ST", "S1"] if sweep.design == "saltelli" else ["PRCC", "SRC"]
    for m in sweep.metrics:
        t = table[(table["metric"] == m) & (table["method"] == main[0])]
        if t.empty:
            lines.append(f"{m}: no indices")
            continue
        t = t.assign(mag=t["estimate"].abs()).sort_values("mag", ascending=False)
        lead = ", ".join(f"{r.factor} {r.estimate:+.2f}" if main[0] == "PRCC" else f"{r.factor} {r.estimate:.2f}"
                         for r in t.head(3).itertuples())
        extra = ""
        noise = replicate_noise_share(sweep, m)
        if np.isfinite(noise):
            extra = f"; replicate noise {100 * noise:.0f}% of run-to-run variance"
        r2 = table[(table["metric"] == m) & (table["method"] == "SRC")]["r2"].dropna()
        if len(r2):
            extra += f"; linear R² {r2.iloc[0]:.2f}"
        lines.append(f"{m}: largest {main[0]} {lead}{extra}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python3 -m analysis.sensitivity",
        description="Sobol indices (Saltelli sweeps) or SRC/PRCC (LHS, NOLH, Sobol, factorial sweeps) "
        "from the output folder of `sahelsim sweep`.",
    )
    p.add_argument("dir", help="sweep folder with sweep.json, design.csv, results.csv")
    p.add_argument("--out", help="output folder (default DIR/sensitivity)")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="B",
                   help="bootstrap resamples for the intervals, 0 for none (default 1000)")
    p.add_argument("--seed", type=int, default=1, help="seed of the bootstrap (default 1)")
    p.add_argument("--confidence", type=float, default=0.95, help="interval level (default 0.95)")
    p.add_argument("--metric", action="append", metavar="NAME", help="analyse only this metric (repeatable)")
    p.add_argument("--no-plots", action="store_true", help="write sensitivity.csv only")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    warnings.simplefilter("always")
    warnings.formatwarning = lambda msg, *a, **k: f"sensitivity: warning: {msg}\n"
    try:
        if args.bootstrap < 0:
            raise SweepInputError(f"--bootstrap must be 0 or more, found {args.bootstrap}")
        if not 0 < args.confidence < 1:
            raise SweepInputError(f"--confidence must lie between 0 and 1, found {args.confidence}")
        if args.seed < 0:
            raise SweepInputError(f"--seed must be 0 or more, found {args.seed}")
        sweep = load_sweep(args.dir, args.metric)
        table = analyze(sweep, args.bootstrap, args.seed, args.confidence)
        if table.empty:
            raise SweepInputError(f"{args.dir}: no metric has enough successful runs to analyse")
        # The folder is made only once there is something to put in it, so
        # bad input leaves nothing behind.
        out = Path(args.out) if args.out else Path(args.dir) / "sensitivity"
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise SweepInputError(f"{out}: cannot create the output folder: {err.strerror}") from None
        if not os.access(out, os.W_OK):
            raise SweepInputError(f"{out}: the output folder is not writable")
    except SweepInputError as err:
        print(f"sensitivity: error: {err}", file=sys.stderr)
        return 2
    written = [out / CSV_NAME] if args.no_plots else None
    if args.no_plots:
        write_atomic(out / CSV_NAME, lambda tmp: table.to_csv(tmp, index=False, float_format="%.6g"))
    else:
        written = write_outputs(sweep, table, out, args.seed, args.confidence)
    print(_summary(sweep, table))
    for p in written:
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
