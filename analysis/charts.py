# SPDX-License-Identifier: MIT
"""Time-series charts: per faction, civilians, and scenario comparisons.

Epstein runs get their own two charts (citizens active, jailed and quiet;
legitimacy) over ticks. One scenario: one chart per metric, a line per faction (or civilian
quantity) with a band across seeds. Several scenarios: for each metric a
panel per faction with a line per scenario, and a second figure with each
scenario's difference to the first (reference) scenario, paired by seed,
with a 95 % t confidence band.

    python3 -m analysis.charts RUN_OR_COMPARE_DIR [...] --out DIR
"""
from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from . import palette  # noqa: F401  (selects the Agg backend before pyplot)
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from .runs import Collection, RunError, collect, faction_kinds  # noqa: E402
from .series import EPSTEIN_METRICS, GLANCE, METRICS, Metric, by_seed  # noqa: E402
from .stats import BAND_TEXT, DIFF_TEXT, band, difference  # noqa: E402

DPI = 100


@dataclass
class Figure:
    path: Path
    title: str
    caption: str
    section: str = "charts"


def save(fig, path: Path, tight: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # No "Software" tag: it would carry matplotlib's web address into the report.
    # Panel grids lay themselves out (tight boxes cost seconds per figure).
    fig.savefig(path, dpi=DPI, bbox_inches="tight" if tight else None, metadata={"Software": None},
                facecolor="white")
    plt.close(fig)
    return path


def human(x, _pos=None) -> str:
    a = abs(x)
    if a >= 1e6:
        return f"{x / 1e6:.3g}M"
    if a >= 1e4:
        return f"{x / 1e3:.3g}k"
    if a >= 100 or x == int(x):
        return f"{x:,.0f}"
    return f"{x:.3g}"


def style_axes(ax, unit: str, x: str = "date") -> None:
    if x == "date":
        loc = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    else:
        ax.set_xlabel(x)
    ax.yaxis.set_major_formatter(FuncFormatter(human))
    ax.set_ylabel(unit)
    ax.grid(True, color="#e5e5e5", linewidth=0.8)
    ax.spines[["top", "right"]].set_visible(False)


def draw_band(ax, b, colour, label, alpha=0.18, linestyle="-"):
    ax.plot(b.index, b["mean"], color=colour, linewidth=1.8, label=label, linestyle=linestyle)
    if (b["high"] - b["low"]).abs().max() > 0:
        ax.fill_between(b.index, b["low"].to_numpy(float), b["high"].to_numpy(float), color=colour,
                        alpha=alpha, linewidth=0)


def _is_empty(frames) -> bool:
    return all(f.fillna(0).abs().to_numpy().sum() == 0 for f in frames)


def metric_frames(col: Collection, metric: Metric):
    """{scenario: {label: by-seed frame}}, labels that are zero everywhere dropped."""
    per = {name: by_seed(runs, metric) for name, runs in col.groups.items()}
    labels = []
    for d in per.values():
        labels += [lab for lab in d if lab not in labels]
    keep = [lab for lab in labels if not _is_empty([d[lab] for d in per.values() if lab in d])]
    return {name: {lab: d[lab] for lab in keep if lab in d} for name, d in per.items()}, keep


def _seeds_text(runs) -> str:
    n = len(runs)
    return f"{n} seed{'s' if n != 1 else ''}"


def single_chart(col: Collection, metric: Metric, out: Path) -> Figure | None:
    name, runs = next(iter(col.groups.items()))
    frames, labels = metric_frames(col, metric)
    if not labels:
        return None
    fcol = palette.faction_colours(faction_kinds(runs))
    fig, ax = plt.subplots(figsize=(9.5, 4.2))
    for lab in labels:
        draw_band(ax, band(frames[name][lab]), palette.label_colour(lab, metric.by, fcol), lab)
    style_axes(ax, metric.unit, metric.x)
    ax.set_title(f"{metric.title}\n{name} ({_seeds_text(runs)})", fontsize=11, loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
    note = BAND_TEXT if len(runs) > 1 else "one run"
    return Figure(save(fig, out / f"{metric.key}.png"), metric.title, f"{metric.caption} ({note}.)")


def _panel_grid(n: int, legend_rows: int):
    """Panels in a fixed layout (in inches): title and legend on top."""
    ncols = 1 if n == 1 else (2 if n <= 4 else 3)
    nrows = math.ceil(n / ncols)
    panel_w, panel_h, left, right, gap_w, gap_h, bottom = 3.9, 2.2, 0.85, 0.2, 0.85, 0.6, 0.55
    top = 0.75 + 0.22 * legend_rows
    width = left + right + ncols * panel_w + (ncols - 1) * gap_w
    height = top + bottom + nrows * panel_h + (nrows - 1) * gap_h
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), squeeze=False, sharex=True)
    fig.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height,
                        wspace=gap_w / panel_w, hspace=gap_h / panel_h)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    # Date labels under the last panel of each column, hidden ones included.
    for ax in axes.flat[max(0, n - ncols):n]:
        ax.xaxis.set_tick_params(labelbottom=True)
    return fig, list(axes.flat[:n])


def _legend_on_top(fig, handles, labels):
    fig.suptitle(fig._sahel_title, x=0.01, y=1 - 0.12 / fig.get_figheight(), ha="left", va="top", fontsize=12)
    fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.0, 1 - 0.42 / fig.get_figheight()),
               ncol=1, frameon=False, fontsize=9)


def comparison_charts(col: Collection, metric: Metric, out: Path) -> list:
    frames, labels = metric_frames(col, metric)
    if not labels:
        return []
    names = col.names
    scol = palette.scenario_colours(names)
    figures = []

    fig, axes = _panel_grid(len(labels), len(names))
    for ax, lab in zip(axes, labels):
        for name in names:
            if lab in frames[name]:
                draw_band(ax, band(frames[name][lab]), scol[name], name)
        style_axes(ax, metric.unit, metric.x)
        ax.set_title(lab, fontsize=10, loc="left")
    fig._sahel_title = metric.title
    _legend_on_top(fig, [plt.Line2D([], [], color=scol[n], linewidth=2) for n in names],
                   [f"{n} ({_seeds_text(col.groups[n])})" for n in names])
    figures.append(Figure(save(fig, out / f"compare_{metric.key}.png", tight=False), metric.title,
                          f"{metric.caption} One line per scenario ({BAND_TEXT}).", "comparison"))

    ref = names[0]
    others = names[1:]
    fig, axes = _panel_grid(len(labels), len(others))
    for ax, lab in zip(axes, labels):
        ax.axhline(0, color="#888888", linewidth=0.8)
        for name in others:
            if lab in frames[name] and lab in frames[ref]:
                d = difference(frames[ref][lab], frames[name][lab])
                draw_band(ax, d, scol[name], name, alpha=0.22)
        style_axes(ax, metric.unit, metric.x)
        ax.set_title(lab, fontsize=10, loc="left")
    fig._sahel_title = f"{metric.title}: difference to {ref}"
    _legend_on_top(fig, [plt.Line2D([], [], color=scol[n], linewidth=2) for n in others],
                   [f"{n} minus the reference" for n in others])
    figures.append(Figure(save(fig, out / f"diff_{metric.key}.png", tight=False), f"{metric.title}: difference to the reference",
                          f"Each scenario minus the reference scenario ({ref}); {DIFF_TEXT}. "
                          "Where the scenarios share no seed the band is Welch's interval of the difference "
                          "of means.", "difference"))
    return figures


def glance_chart(col: Collection, out: Path) -> Figure:
    """The story at once: four panels (cells held by side, civilians killed, displaced, legitimacy).

    One scenario: the sides in their colours. Several: a colour per scenario,
    insurgent-held cells solid and government-held dashed.
    """
    names = col.names
    several = len(names) > 1
    scol = palette.scenario_colours(names)
    if several:
        title = "At a glance"
        handles = [plt.Line2D([], [], color=scol[n], linewidth=2) for n in names]
        labels = [f"{n} ({_seeds_text(col.groups[n])})" for n in names]
        handles += [plt.Line2D([], [], color="#777777", linewidth=2, linestyle=ls) for ls in ("-", "--")]
        labels += ["solid: cells held by insurgents", "dashed: cells held by the government side"]
    else:
        title = f"At a glance: {names[0]} ({_seeds_text(col.runs)})"
        handles = [plt.Line2D([], [], color=palette.SIDE_COLOURS["insurgent-held"], linewidth=2),
                   plt.Line2D([], [], color=palette.SIDE_COLOURS["government-held"], linewidth=2, linestyle="--")]
        labels = ["cells held by insurgents (militant, separatist)",
                  "cells held by the government side (state, foreign, mercenary, peacekeeper)"]
    fig, axes = _panel_grid(len(GLANCE), len(labels))
    fig._sahel_title = title
    for ax, metric in zip(axes, GLANCE):
        for name, runs in col.groups.items():
            for i, (lab, frame) in enumerate(by_seed(runs, metric).items()):
                colour = scol[name] if several else palette.label_colour(lab, metric.by, {})
                draw_band(ax, band(frame), colour, lab, linestyle="--" if i else "-")
        style_axes(ax, metric.unit, metric.x)
        ax.set_title(metric.title, fontsize=10, loc="left")
    _legend_on_top(fig, handles, labels)
    note = BAND_TEXT if any(len(r) > 1 for r in col.groups.values()) else "one run per scenario, no band"
    return Figure(save(fig, out / "glance.png", tight=False), "At a glance",
                  "Cells held by the insurgents (solid) and by the government side (dashed); civilians killed by "
                  f"anyone since the start; people displaced; the state's mean local legitimacy ({note}).",
                  "glance")


def make_charts(col: Collection, out: Path) -> list:
    """Every chart of these runs: the metrics of their model (Sahel or Epstein)."""
    out = Path(out)
    figures = []
    for metric in (EPSTEIN_METRICS if col.epstein else METRICS):
        if len(col.groups) == 1:
            f = single_chart(col, metric, out)
            if f:
                figures.append(f)
        else:
            figures += comparison_charts(col, metric, out)
    return figures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m analysis.charts", description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+", metavar="RUN_OR_COMPARE_DIR")
    ap.add_argument("--out", required=True, help="folder for the PNG files")
    a = ap.parse_args(argv)
    try:
        figures = make_charts(collect(a.dirs), Path(a.out))
    except RunError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for f in figures:
        print(f.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
