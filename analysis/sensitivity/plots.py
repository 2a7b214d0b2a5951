# SPDX-License-Identifier: MIT
"""Charts of a sensitivity analysis: indices (bars or tornado), scatter grid, main effects.

The charts read the same tidy table that goes to sensitivity.csv, so what is
drawn is what is written.
"""
from __future__ import annotations

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; no display on cluster nodes or CI
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from .io import Sweep, write_atomic  # noqa: E402

# Enough points to show the shape of a cloud; more only slows the drawing
# (a Saltelli sweep of 6 factors and N=4096 has 32,768 points).
MAX_SCATTER_POINTS = 4000
# A factor with at most this many distinct values is shown per value, not binned.
MAX_DISCRETE = 12
BINS = 10
S1_COLOUR, ST_COLOUR = "#4C72B0", "#DD8452"
POS_COLOUR, NEG_COLOUR = "#C44E52", "#4C72B0"


def file_stem(metric: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", metric)


def _save(fig, path: Path) -> None:
    write_atomic(path, lambda tmp: fig.savefig(tmp, format="png", dpi=100))
    plt.close(fig)


def _yerr(sub: pd.DataFrame) -> np.ndarray | None:
    if sub[["ci_low", "ci_high"]].isna().all().all():
        return None
    # A percentile interval need not contain the estimate (bias); clip so
    # matplotlib gets non-negative lengths rather than failing.
    lo = np.clip(sub["estimate"] - sub["ci_low"], 0, None)
    hi = np.clip(sub["ci_high"] - sub["estimate"], 0, None)
    return np.vstack([lo.fillna(0), hi.fillna(0)])


def plot_indices(table: pd.DataFrame, metric: str, path: Path, confidence: float = 0.95) -> None:
    """Sobol bars (S1 and ST side by side) or SRC/PRCC tornados for one metric."""
    t = table[table["metric"] == metric]
    sobol = t[t["method"].isin(["S1", "ST"])]
    if not sobol.empty:
        s1 = sobol[sobol["method"] == "S1"].set_index("factor")
        st = sobol[sobol["method"] == "ST"].set_index("factor")
        order = st["estimate"].fillna(-np.inf).sort_values(ascending=False).index
        s1, st = s1.loc[order], st.loc[order]
        k = len(order)
        fig, ax = plt.subplots(figsize=(max(5.0, 1.0 + 0.9 * k), 4.2))
        x = np.arange(k)
        w = 0.38
        ax.bar(x - w / 2, s1["estimate"], w, yerr=_yerr(s1), capsize=3, color=S1_COLOUR, label="first order S1")
        ax.bar(x + w / 2, st["estimate"], w, yerr=_yerr(st), capsize=3, color=ST_COLOUR, label="total ST")
        ax.axhline(0, color="black", lw=0.6)
        ax.set_xticks(x, order, rotation=30, ha="right")
        ax.set_ylabel("Sobol index (share of variance)")
        ax.set_ylim(min(-0.05, float(np.nanmin(np.r_[s1["ci_low"], s1["estimate"], 0]))) - 0.02,
                    max(1.0, float(np.nanmax(np.r_[st["ci_high"], st["estimate"], 0]))) + 0.05)
        n = int(s1["n"].iloc[0])
        ax.set_title(f"{metric}\nSobol indices, N = {n} rows, sum S1 = {s1['estimate'].sum():.2f}\n"
                     f"bars: {100 * confidence:g}% bootstrap intervals", fontsize=9)
        ax.legend(frameon=False, fontsize=8)
        ax.grid(axis="y", alpha=0.3)
        fig.tight_layout()
        _save(fig, path)
        return

    reg = t[t["method"].isin(["SRC", "PRCC"])]
    prcc = reg[reg["method"] == "PRCC"].set_index("factor")
    srcs = reg[reg["method"] == "SRC"].set_index("factor")
    # Tornado: the largest effect on top, both panels in the same order so
    # a factor is read across.
    order = prcc["estimate"].abs().fillna(-1).sort_values().index
    k = len(order)
    fig, axes = plt.subplots(1, 2, figsize=(9.0, max(2.6, 1.2 + 0.42 * k)), sharey=True)
    for ax, sub, name in ((axes[0], srcs.loc[order], "SRC"), (axes[1], prcc.loc[order], "PRCC")):
        est = sub["estimate"].fillna(0)
        colours = [POS_COLOUR if v >= 0 else NEG_COLOUR for v in est]
        err = _yerr(sub)
        ax.barh(np.arange(k), est, color=colours, xerr=err, capsize=3, height=0.6)
        ax.axvline(0, color="black", lw=0.6)
        lim = max(1.0, float(np.nanmax(np.abs(np.r_[sub["ci_low"], sub["ci_high"], est]))))
        ax.set_xlim(-lim * 1.05, lim * 1.05)
        ax.grid(axis="x", alpha=0.3)
        if name == "SRC":
            r2 = sub["r2"].dropna()
            ax.set_title(f"SRC (R² = {r2.iloc[0]:.2f})" if len(r2) else "SRC", fontsize=10)
        else:
            ax.set_title("PRCC", fontsize=10)
    axes[0].set_yticks(np.arange(k), order)
    n = int(prcc["n"].iloc[0]) if len(prcc) else 0
    fig.suptitle(f"{metric}  (n = {n} points; bars: {100 * confidence:g}% intervals)", fontsize=10)
    fig.tight_layout()
    _save(fig, path)


def _level_ticks(ax, sweep: Sweep, factor: str) -> None:
    f = next(f for f in sweep.factors if f.name == factor)
    if f.labels:
        ax.set_xticks(range(len(f.labels)), f.labels, rotation=30, ha="right", fontsize=7)


def _grid(nrows: int, ncols: int):
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.5 * ncols + 0.6, 2.1 * nrows + 0.5), squeeze=False)
    return fig, axes


def plot_scatter(sweep: Sweep, metrics: list[str], path: Path, points: pd.Index, rng: np.random.Generator) -> None:
    """Each factor (columns) against each metric (rows), one dot per design point."""
    names = sweep.factor_names
    fig, axes = _grid(len(metrics), len(names))
    for r, m in enumerate(metrics):
        y = sweep.values.loc[points, m]
        keep = y.notna().to_numpy()
        pick = np.flatnonzero(keep)
        if len(pick) > MAX_SCATTER_POINTS:
            pick = np.sort(rng.choice(pick, MAX_SCATTER_POINTS, replace=False))
        for c, f in enumerate(names):
            ax = axes[r, c]
            ax.plot(sweep.X.loc[points, f].to_numpy()[pick], y.to_numpy()[pick], ".", ms=2.5, alpha=0.35,
                    color="#333333", rasterized=True)
            _level_ticks(ax, sweep, f)
            if r == len(metrics) - 1:
                ax.set_xlabel(f, fontsize=8)
            if c == 0:
                ax.set_ylabel(m, fontsize=8)
            ax.tick_params(labelsize=7)
    fig.suptitle(f"{sweep.name}: factors against metrics (one dot per design point)", fontsize=10)
    fig.tight_layout()
    _save(fig, path)


def binned_means(x: np.ndarray, y: np.ndarray) -> pd.DataFrame:
    """Mean of y per value of x (few values) or per equal-count bin of x.

    Columns: x (mean x in the bin), mean, se (standard error of the mean), count.
    """
    frame = pd.DataFrame({"x": x, "y": y}).dropna()
    if frame["x"].nunique() <= MAX_DISCRETE:
        key = frame["x"]
    else:
        # Equal-count bins: every mean rests on about the same number of
        # points, and a skewed factor is not left with empty bins.
        key = pd.qcut(frame["x"], BINS, labels=False, duplicates="drop")
    g = frame.groupby(key)
    out = pd.DataFrame({"x": g["x"].mean(), "mean": g["y"].mean(), "se": g["y"].sem(), "count": g["y"].size()})
    return out.reset_index(drop=True)


def plot_main_effects(sweep: Sweep, metrics: list[str], path: Path, points: pd.Index) -> None:
    """Binned mean of each metric against each factor, with ±1.96 SE bars."""
    names = sweep.factor_names
    fig, axes = _grid(len(metrics), len(names))
    for r, m in enumerate(metrics):
        y = sweep.values.loc[points, m].to_numpy()
        overall = np.nanmean(y) if np.isfinite(y).any() else np.nan
        for c, f in enumerate(names):
            ax = axes[r, c]
            b = binned_means(sweep.X.loc[points, f].to_numpy(), y)
            if not b.empty:
                ax.errorbar(b["x"], b["mean"], yerr=1.96 * b["se"].fillna(0), marker="o", ms=3, lw=1.2,
                            capsize=2, color=S1_COLOUR)
            ax.axhline(overall, color="grey", lw=0.8, ls="--")
            _level_ticks(ax, sweep, f)
            if r == len(metrics) - 1:
                ax.set_xlabel(f, fontsize=8)
            if c == 0:
                ax.set_ylabel(f"mean {m}", fontsize=8)
            ax.tick_params(labelsize=7)
    fig.suptitle(f"{sweep.name}: main effects (binned mean, ±1.96 SE; dashed: overall mean)", fontsize=10)
    fig.tight_layout()
    _save(fig, path)
