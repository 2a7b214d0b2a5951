# SPDX-License-Identifier: MIT
"""The initial state of a scenario on the map, for its author to check.

Reads a run folder holding the start date's snapshots (`sahelsim map` makes
a 0-tick run into a temporary folder and calls this): population density
from cells/cells_<start>.csv, armed units from units/units_<start>.csv. A
run without the units file (an older build) falls back on the scenario's
`start` lists, placed at the named towns, bases, mines or camps.

    python3 -m analysis.scenario_map RUN_DIR --out map.png [--title TEXT]
"""
from __future__ import annotations

import argparse
import sys
from collections import OrderedDict
from pathlib import Path

from . import palette
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import colors as mcolors  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from .charts import save  # noqa: E402
from .geo import grid_of, load_map  # noqa: E402
from .maps import draw_basemap, new_map, show_raster  # noqa: E402
from .runs import Run, RunError, load_run  # noqa: E402

KIND_MARKERS = {"state": "s", "foreign": "D", "mercenary": "P", "peacekeeper": "h", "militant": "^",
                "separatist": "v"}
KM_PER_DEGREE = 111.32


def start_units(run: Run) -> tuple:
    """(DataFrame faction, kind, lon, lat, strength; where the positions came from)."""
    kinds = dict(run.factions)
    units = run.units(run.start_date)
    if units is not None:
        need = {"faction", "lon", "lat", "strength"}
        if not need <= set(units.columns):
            raise RunError(f"{run.unit_snapshots[run.start_date]}: expected columns unit,faction,kind,lon,lat,strength")
        if "kind" not in units.columns:
            units["kind"] = units["faction"].map(kinds).fillna("")
        units = units[units["strength"] > 0]
        # One marker per faction and cell: dozens of companies in a garrison read as one force.
        grouped = units.groupby(["faction", "kind", "lon", "lat"], as_index=False)["strength"].sum()
        return grouped, f"units/units_{run.start_date}.csv"
    smap = load_map(run)
    rows, missing = [], []
    for f in run.scenario.get("factions") or []:
        for s in f.get("start") or []:
            p = smap.place(str(s.get("place")))
            if p is None:
                missing.append(str(s.get("place")))
                continue
            rows.append((f["name"], f.get("kind", ""), p.lon, p.lat, float(s.get("troops", 0))))
    df = pd.DataFrame(rows, columns=["faction", "kind", "lon", "lat", "strength"])
    df = df[df["strength"] > 0].groupby(["faction", "kind", "lon", "lat"], as_index=False)["strength"].sum()
    note = "the scenario's start lists (no units file in this run)"
    if missing:
        note += f"; places not on the map: {', '.join(sorted(set(missing)))}"
    return df, note


def _spread(df: pd.DataFrame, order) -> pd.DataFrame:
    """Factions sharing a place are set around it on a small circle, so each stays visible."""
    df = df.copy()
    df["rank"] = df["faction"].map({f: i for i, f in enumerate(order)}).fillna(len(order))
    df = df.sort_values(["lon", "lat", "rank"])
    offsets_x, offsets_y = [], []
    for _, g in df.groupby(["lon", "lat"], sort=False):
        n = len(g)
        for i in range(n):
            if n == 1:
                offsets_x.append(0.0)
                offsets_y.append(0.0)
            else:
                a = 2 * np.pi * i / n + np.pi / 4
                offsets_x.append(0.22 * np.cos(a))
                offsets_y.append(0.22 * np.sin(a))
    df["x"] = df["lon"].to_numpy() + np.array(offsets_x)
    df["y"] = df["lat"].to_numpy() + np.array(offsets_y)
    return df


def marker_area(strength):
    return 6 + 2.2 * np.sqrt(np.asarray(strength, float))


def scenario_map(run: Run, out: Path, title: str | None = None) -> Path:
    start = run.start_date
    if start not in run.cell_snapshots:
        raise RunError(f"{run.path}: no cells/cells_{start}.csv, the start date's snapshot "
                       "(make it with `sahelsim run SCENARIO --ticks 0`, or a snapshot_every above 0)")
    cells = run.cells(start)
    grid = grid_of(run)
    fig, ax, smap, _ = new_map(run, title or f"Initial state, {start}: {run.name}")
    area = (grid.cell_deg * KM_PER_DEGREE) ** 2 * np.cos(np.radians(cells["lat"].to_numpy(float)))
    density = cells["population"].to_numpy(float) / area
    raster = grid.raster(cells["lon"], cells["lat"], np.where(density > 0, density, np.nan))
    im = show_raster(ax, grid, raster, cmap="Greens", norm=mcolors.LogNorm(vmin=0.5, vmax=max(1000, np.nanmax(raster))),
                     alpha=0.85)
    draw_basemap(ax, smap, grid)
    cb = fig.colorbar(im, ax=ax, shrink=0.6, pad=0.01)
    cb.set_label("people per km² (log scale)", fontsize=8)

    units, source = start_units(run)
    order = [f for f, _ in run.factions]
    fcol = palette.faction_colours(OrderedDict(run.factions))
    units = _spread(units, order)
    handles = []
    for f in order + [f for f in units["faction"].unique() if f not in order]:
        sub = units[units["faction"] == f]
        if sub.empty:
            continue
        kind = sub["kind"].iloc[0]
        m = KIND_MARKERS.get(kind, "o")
        colour = fcol.get(f, "#555555")
        ax.scatter(sub["x"], sub["y"], s=marker_area(sub["strength"]), marker=m, color=colour, edgecolors="white",
                   linewidths=0.7, zorder=7, alpha=0.95)
        handles.append(Line2D([], [], marker=m, linestyle="", color=colour, markeredgecolor="white", markersize=8,
                              label=f"{f} ({kind}), {int(sub['strength'].sum()):,}"))
    sizes = [100, 1000, 5000]
    size_handles = [Line2D([], [], marker="o", linestyle="", color="#9a9a9a",
                           markersize=float(np.sqrt(marker_area(s))), label=f"{s:,} fighters") for s in sizes]
    leg = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.16, 1.0), frameon=False, fontsize=8,
                    title="factions, fighters at the start", title_fontsize=8)
    ax.add_artist(leg)
    ax.legend(handles=size_handles, loc="lower left", bbox_to_anchor=(1.16, 0.0), frameon=False, fontsize=8,
              labelspacing=1.4, borderpad=1.0, title="marker size", title_fontsize=8)
    people = int(cells["population"].sum())
    ax.text(0.0, -0.1, f"{people:,} people in the three countries; units from {source}.", transform=ax.transAxes,
            fontsize=7.5, color="#555555", va="top")
    return save(fig, Path(out))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m analysis.scenario_map", description=__doc__.split("\n")[0])
    ap.add_argument("run", metavar="RUN_DIR", help="a run folder with the start date's cell snapshot")
    ap.add_argument("--out", required=True, metavar="FILE", help="PNG file to write")
    ap.add_argument("--title", help="title (default: the scenario's name and start date)")
    a = ap.parse_args(argv)
    try:
        out = Path(a.out)
        if not out.parent.exists():
            raise RunError(f"{out}: the folder {out.parent} does not exist")
        path = scenario_map(load_run(a.run), out, a.title)
    except RunError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
