# SPDX-License-Identifier: MIT
"""Maps of one run on the real map: control, Kalyvas zones, displaced people,
legitimacy, and the event log in the ACLED look.

Cell layers come from the run's cell snapshots (cells/cells_YYYY-MM-DD.csv);
borders, the Niger and the towns from the map file the run used.

    python3 -m analysis.maps RUN_DIR --out DIR [--date YYYY-MM-DD]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import palette
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import colors as mcolors  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from .charts import Figure, save  # noqa: E402
from .geo import Grid, SahelMap, grid_of, load_map  # noqa: E402
from .runs import Run, RunError, faction_kinds, load_run  # noqa: E402

MAP_SIZE = (10.0, 6.2)
OUTSIDE_FILL = "#f3efe6"
LABEL_MIN_POPULATION = 120_000


def _ring_centroid(ring: np.ndarray):
    x, y = ring[:, 0], ring[:, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y1 - x1 * y
    area = cross.sum() / 2
    if abs(area) < 1e-12:
        return x.mean(), y.mean()
    return ((x + x1) * cross).sum() / (6 * area), ((y + y1) * cross).sum() / (6 * area)


def _name_spot(ring: np.ndarray, places) -> tuple:
    """The centroid, or a nudge of it that stays inside and keeps clear of town labels."""
    from matplotlib.path import Path as MplPath
    cx, cy = _ring_centroid(ring)
    inside = MplPath(ring)
    for dx, dy in ((0, 0), (0, -1.0), (0, 1.0), (-1.5, 0), (1.5, 0), (-1.5, -1.0), (1.5, 1.0)):
        x, y = cx + dx, cy + dy
        clear = all(abs(p.lon + 1.0 - x) > 2.2 or abs(p.lat - y) > 0.7 for p in places)
        if clear and inside.contains_point((x, y)):
            return x, y
    return cx, cy


def labelled_places(smap: SahelMap) -> list:
    """Capitals, large towns, and the towns with a military base: the places a reader looks for."""
    base_names = {b.name for b in smap.bases}
    return [p for p in smap.places if p.kind == "town" and
            (p.capital or p.population >= LABEL_MIN_POPULATION or p.name in base_names)]


def draw_basemap(ax, smap: SahelMap, grid: Grid, *, labels: bool = True, camps: bool = True,
                 country_names: bool = True) -> None:
    """Neighbours shaded, borders, the Niger, towns and camps; axes limited to the grid."""
    left, right, bottom, top = grid.extent
    ax.set_facecolor(OUTSIDE_FILL)
    for c in smap.countries:
        for ring in c.rings:
            # Core land white under the cell layer, so "nothing here" differs from "abroad".
            ax.fill(ring[:, 0], ring[:, 1], facecolor="white" if c.core else OUTSIDE_FILL, edgecolor="none",
                    zorder=0.8 if c.core else 0.5)
            ax.plot(np.append(ring[:, 0], ring[0, 0]), np.append(ring[:, 1], ring[0, 1]),
                    color="#222222" if c.core else "#a89f8d", linewidth=1.1 if c.core else 0.6,
                    zorder=3.2 if c.core else 3)
    for line in smap.river:
        ax.plot(line[:, 0], line[:, 1], color="#2b7bba", linewidth=1.6, zorder=3.5, solid_capstyle="round")
    if country_names:
        for c in smap.countries:
            if c.core and c.rings:
                cx, cy = _name_spot(max(c.rings, key=len), labelled_places(smap) if labels else [])
                ax.text(cx, cy, c.name.upper(), fontsize=9.5, color="#555555", alpha=0.5, ha="center",
                        va="center", fontweight="bold", zorder=3.6)
    towns = [p for p in smap.places if p.kind == "town"]
    ax.scatter([p.lon for p in towns], [p.lat for p in towns], s=6, color="#222222", zorder=5, linewidths=0)
    if camps:
        cs = [p for p in smap.places if p.kind == "camp"]
        ax.scatter([p.lon for p in cs], [p.lat for p in cs], s=28, marker="^", facecolor="white",
                   edgecolor="#222222", linewidths=0.8, zorder=5)
    if labels:
        for p in labelled_places(smap):
            ax.scatter([p.lon], [p.lat], s=30 if p.capital else 14, color="#111111", marker="s" if p.capital else "o",
                       zorder=5.5, linewidths=0)
            t = ax.text(p.lon + 0.12, p.lat + 0.1, p.name, fontsize=8.5 if p.capital else 7.5, zorder=8,
                        fontweight="bold" if p.capital else "normal", color="#111111")
            t.set_path_effects([_halo()])
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    # Degrees of longitude shrink with latitude; this keeps shapes true at mid-map.
    ax.set_aspect(1 / np.cos(np.radians((bottom + top) / 2)))
    ax.tick_params(labelsize=7, colors="#666666")
    ax.set_xlabel("longitude", fontsize=7, color="#666666")
    ax.set_ylabel("latitude", fontsize=7, color="#666666")


def _halo():
    from matplotlib import patheffects
    return patheffects.withStroke(linewidth=2.2, foreground="white", alpha=0.85)


def new_map(run: Run, title: str):
    smap = load_map(run)
    grid = grid_of(run)
    fig, ax = plt.subplots(figsize=MAP_SIZE)
    ax.set_title(title, fontsize=11, loc="left")
    return fig, ax, smap, grid


def show_raster(ax, grid: Grid, raster: np.ndarray, **kw):
    return ax.imshow(raster, origin="lower", extent=grid.extent, interpolation="nearest", zorder=1, **kw)


def legend_below(ax, handles, ncol=4, title=None):
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=ncol, frameon=False,
              fontsize=8, title=title, title_fontsize=8)


def controller_raster(run: Run, cells, grid: Grid):
    """(raster of indices into colours, [(label, colour)]) for the controller layer."""
    fk = faction_kinds([run])
    fcol = palette.faction_colours(fk)
    names = list(fcol)
    index = {n: i + 1 for i, n in enumerate(names)}  # 0: contested or nobody
    codes = cells["controller"].map(lambda c: index.get(c, 0)).to_numpy()
    raster = grid.raster(cells["lon"], cells["lat"], codes, fill=-1, dtype=float)
    raster[raster < 0] = np.nan
    cmap = mcolors.ListedColormap([palette.CONTESTED] + [fcol[n] for n in names])
    present = set(cells["controller"])
    legend = [(n, fcol[n]) for n in names if n in present] + [("contested / nobody", palette.CONTESTED)]
    return raster, cmap, len(names), legend


def control_map(run: Run, date: str, out: Path) -> Figure:
    cells = run.cells(date)
    fig, ax, smap, grid = new_map(run, f"Who controls each cell, {date}\n{run.name} ({run.seed_label})")
    raster, cmap, n, legend = controller_raster(run, cells, grid)
    show_raster(ax, grid, raster, cmap=cmap, vmin=-0.5, vmax=n + 0.5)
    draw_basemap(ax, smap, grid)
    legend_below(ax, [Patch(facecolor=c, edgecolor="#777777", label=lab) for lab, c in legend], ncol=5)
    return Figure(save(fig, out / f"map_control_{date}.png"), f"Control, {date}",
                  "Each cell's controller: the government-side faction with most fighters nearby where the state "
                  "holds the cell (Kalyvas zones 1-2), the insurgent-side one where insurgents do (zones 4-5), "
                  "grey where it is contested. Government side in blues and purples, insurgents in reds and "
                  "yellows. Lines: borders and the Niger; squares: capitals; triangles: refugee camps.", "maps")


def zone_map(run: Run, date: str, out: Path) -> Figure:
    cells = run.cells(date)
    fig, ax, smap, grid = new_map(run, f"Kalyvas control zones, {date}\n{run.name} ({run.seed_label})")
    raster = grid.raster(cells["lon"], cells["lat"], cells["zone"].to_numpy(float))
    show_raster(ax, grid, raster, cmap=mcolors.ListedColormap(palette.ZONE_COLOURS), vmin=0.5, vmax=5.5)
    draw_basemap(ax, smap, grid)
    legend_below(ax, [Patch(facecolor=c, edgecolor="#777777", label=lab)
                      for lab, c in zip(palette.ZONE_LABELS, palette.ZONE_COLOURS)], ncol=5)
    return Figure(save(fig, out / f"map_zone_{date}.png"), f"Control zones, {date}",
                  "Kalyvas's five zones of control: 1 the state holds the cell, 3 contested, 5 the insurgents "
                  "hold it (docs/model.md 4.3.7).", "maps")


def displaced_map(run: Run, date: str, out: Path) -> Figure:
    cells = run.cells(date)
    fig, ax, smap, grid = new_map(run, f"Displaced people, {date}\n{run.name} ({run.seed_label})")
    values = cells["displaced"].to_numpy(float)
    raster = grid.raster(cells["lon"], cells["lat"], np.where(values > 0, values, np.nan))
    vmax = max(10.0, np.nanmax(raster) if np.isfinite(raster).any() else 10.0)
    im = show_raster(ax, grid, raster, cmap="plasma_r", norm=mcolors.LogNorm(vmin=1, vmax=vmax))
    draw_basemap(ax, smap, grid)
    cb = fig.colorbar(im, ax=ax, shrink=0.7, pad=0.01)
    cb.set_label("people away from home in the cell (log scale)", fontsize=8)
    total = int(values.sum())
    return Figure(save(fig, out / f"map_displaced_{date}.png"), f"Displaced people, {date}",
                  f"Where displaced people are on {date}: people in each cell who are away from home "
                  f"({total:,} in the three countries; refugees abroad are not on this map). They gather in "
                  "towns and camps, the destinations of flight.", "maps")


def legitimacy_map(run: Run, date: str, out: Path) -> Figure:
    cells = run.cells(date)
    initial = float((run.scenario.get("legitimacy") or {}).get("initial", 0.6))
    fig, ax, smap, grid = new_map(run, f"Local legitimacy of the state, {date}\n{run.name} ({run.seed_label})")
    raster = grid.raster(cells["lon"], cells["lat"], cells["legitimacy"].to_numpy(float))
    norm = mcolors.TwoSlopeNorm(vmin=0.0, vcenter=min(max(initial, 0.01), 0.99), vmax=1.0)
    im = show_raster(ax, grid, raster, cmap="RdYlGn", norm=norm)
    draw_basemap(ax, smap, grid)
    cb = fig.colorbar(im, ax=ax, shrink=0.7, pad=0.01)
    cb.set_label(f"legitimacy (yellow: the starting {initial:g})", fontsize=8)
    return Figure(save(fig, out / f"map_legitimacy_{date}.png"), f"Legitimacy, {date}",
                  "The state's local legitimacy in each cell: red where it fell below its starting value "
                  "(civilian harm by government forces, unpopular foreign presence, insecurity), green where it "
                  "rose (protection).", "maps")


def events_map(run: Run, out: Path, until: str | None = None) -> Figure:
    ev = run.events
    if until is not None:
        ev = ev[ev["event_date"] <= until]
    ev = ev.dropna(subset=["latitude", "longitude"])
    last = until or run.end_date
    fig, ax, smap, grid = new_map(run, f"Events, {run.start_date} to {last} (ACLED-style)\n{run.name} ({run.seed_label})")
    draw_basemap(ax, smap, grid, labels=True)
    handles = []
    for etype, colour in palette.EVENT_COLOURS.items():
        sub = ev[ev["event_type"] == etype]
        if sub.empty:
            continue
        deaths = sub["fatalities"].fillna(0).to_numpy(float)
        ax.scatter(sub["longitude"], sub["latitude"], s=8 + 6 * np.sqrt(deaths) * 3, color=colour, alpha=0.45,
                   edgecolors=colour, linewidths=0.4, zorder=4, marker="D" if etype.startswith("Strategic") else "o")
        handles.append(Line2D([], [], marker="o", linestyle="", color=colour, alpha=0.7,
                              label=f"{etype} ({len(sub):,})"))
    for d in (1, 10, 50):
        handles.append(Line2D([], [], marker="o", linestyle="", color="#999999", alpha=0.5,
                              markersize=np.sqrt(8 + 18 * np.sqrt(d)), label=f"{d} killed"))
    legend_below(ax, handles, ncol=4)
    total = int(ev["fatalities"].fillna(0).sum())
    return Figure(save(fig, out / "map_events.png"), "Events",
                  f"Every event of the run's log ({len(ev):,} events, {total:,} deaths), a dot per event at its "
                  "cell, its area growing with the deaths, coloured by type as in ACLED's event types.", "maps")


def run_maps(run: Run, out: Path, date: str | None = None) -> list:
    """The standard set of maps of one run, on its last snapshot (or `date`)."""
    out = Path(out)
    snaps = run.cell_snapshots
    figures = []
    if snaps:
        if date is None:
            date = next(reversed(snaps))
        elif date not in snaps:
            raise RunError(f"{run.path}: no cell snapshot for {date} (have {', '.join(snaps)})")
        figures += [control_map(run, date, out), zone_map(run, date, out), displaced_map(run, date, out),
                    legitimacy_map(run, date, out)]
    figures.append(events_map(run, out))
    return figures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m analysis.maps", description=__doc__.split("\n")[0])
    ap.add_argument("run", metavar="RUN_DIR")
    ap.add_argument("--out", required=True, help="folder for the PNG files")
    ap.add_argument("--date", help="snapshot date (default: the last)")
    a = ap.parse_args(argv)
    try:
        figures = run_maps(load_run(a.run), Path(a.out), a.date)
    except RunError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for f in figures:
        print(f.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
