# SPDX-License-Identifier: MIT
"""Export a run's places and conflict timeline as Flee input files.

Flee (Suleimenova, Bell & Groen 2017, Sci Rep 7:13377; the code at
github.com/djgroen/flee) moves refugees over a graph of locations and routes,
driven by where and when there is conflict. This writes, into DIR:

    locations.csv  #name,region,country,lat,lon,location_type,conflict_date,pop/cap
    routes.csv     #name1,name2,distance,forced_redirection
    conflicts.csv  #Day,<town names...>   one row per day, 1 where the town is in conflict
    closures.csv   #closure_type,name1,name2,closure_start,closure_end   (header only)
    sim_period.csv StartDate,<start date> / Length,<days>

The mapping (which places, which routes, what counts as conflict) is in
docs/flee.md.

    python3 -m analysis.flee_export RUN_DIR --out DIR [--home ML] [--conflict-window 30]
        [--neighbours 4] [--max-route-km 400] [--refuge-capacity 100000]
"""
from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.path import Path as MplPath

from .geo import Grid, SahelMap, great_circle_km, grid_of, load_map
from .runs import Run, RunError, load_run

LOCATIONS_HEADER = ["#name", "region", "country", "lat", "lon", "location_type", "conflict_date", "pop/cap"]
ROUTES_HEADER = ["#name1", "name2", "distance", "forced_redirection"]
CLOSURES_HEADER = ["#closure_type", "name1", "name2", "closure_start", "closure_end"]
CONFLICT_EVENT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence")
MAX_EVENT_DISTANCE_KM = 150.0


@dataclass
class Location:
    name: str
    country: str      # country name, as Flee's country column
    code: str         # ISO code
    lon: float
    lat: float
    kind: str         # town or camp
    population: int   # people (towns) or capacity (camps)
    conflict_date: int | None = None


def _clean(name: str) -> str:
    # Flee reads names as CSV fields and keys by them; keep them plain.
    return " ".join(str(name).replace(",", " ").split())


def _core_mask(run: Run, smap: SahelMap, grid: Grid, pts: np.ndarray) -> np.ndarray:
    """Cells of the core countries: from a cell snapshot when there is one (it lists
    exactly the simulator's core cells), else from the core polygons."""
    if run.cell_snapshots:
        cells = run.cells(next(iter(run.cell_snapshots)))
        return grid.raster(cells["lon"], cells["lat"], np.ones(len(cells)), fill=0.0).ravel() > 0
    mask = np.zeros(len(pts), dtype=bool)
    for c in smap.countries:
        if c.core:
            for ring in c.rings:
                mask |= MplPath(ring).contains_points(pts)
    return mask


def refuge_points(run: Run, smap: SahelMap, grid: Grid) -> list:
    """One refuge point per neighbouring country, as the model picks them (docs/model.md 4.3.3):
    the middle one, in cell order, of that country's cells next to a core country's cell.
    A cell belongs to the first country in file order whose rings hold its centre."""
    xs, ys = grid.centres()
    X, Y = np.meshgrid(xs, ys)
    pts = np.c_[X.ravel(), Y.ravel()]
    core = _core_mask(run, smap, grid, pts).reshape(grid.height, grid.width)
    touch = np.zeros_like(core)
    touch[1:, :] |= core[:-1, :]
    touch[:-1, :] |= core[1:, :]
    touch[:, 1:] |= core[:, :-1]
    touch[:, :-1] |= core[:, 1:]
    # Only the cells along the core's edge need a country: a few hundred point tests, not 40,000.
    edge = np.flatnonzero((touch & ~core).ravel())  # row-major: the simulator's cell order
    owner = np.full(edge.size, -1, dtype=int)
    for k, c in enumerate(smap.countries):
        if c.core:
            continue
        free = owner < 0
        hit = np.zeros(free.sum(), dtype=bool)
        for ring in c.rings:
            hit |= MplPath(ring).contains_points(pts[edge[free]])
        owner[np.flatnonzero(free)[hit]] = k
    out = []
    for k, c in enumerate(smap.countries):
        cells = edge[owner == k]
        if c.core or cells.size == 0:
            continue
        y, x = divmod(int(cells[cells.size // 2]), grid.width)
        out.append((c, float(xs[x]), float(ys[y])))
    return out


def build_locations(run: Run, smap: SahelMap, home: str, refuge_capacity: int) -> list:
    names = {c.code: c.name for c in smap.countries}
    core = smap.core_codes
    if home not in core:
        raise RunError(f"--home {home}: expected one of {', '.join(core)}")
    # Flee takes the first row's country as home and every other country as foreign.
    order = [home] + [c for c in core if c != home]
    locs = []
    for code in order:
        for p in smap.places:
            if p.kind == "town" and p.country == code:
                locs.append(Location(_clean(p.name), names[code], code, p.lon, p.lat, "town", p.population))
    for p in smap.places:
        if p.kind == "camp":
            locs.append(Location(_clean(p.name), names.get(p.country, p.country), p.country, p.lon, p.lat, "camp",
                                 max(p.population, 1)))
    for c, lon, lat in refuge_points(run, smap, grid_of(run)):
        locs.append(Location(f"Border {c.name}", c.name, c.code, round(lon, 4), round(lat, 4), "camp",
                             refuge_capacity))
    seen = set()
    for loc in locs:
        if loc.name in seen:
            raise RunError(f"{smap.path}: two places named {loc.name!r}; Flee needs unique names")
        seen.add(loc.name)
    return locs


def conflict_matrix(run: Run, locs: list, window: int) -> pd.DataFrame:
    """days x towns of 0/1: 1 on the days a town is in conflict.

    An event (battle, violence against civilians, air strike) counts for the
    town events.csv names as its location; events named after a camp or a
    place not in the list go to the nearest town within 150 km. A town is in
    conflict from the day of an event for `window` days (0: to the end).
    """
    towns = [loc for loc in locs if loc.kind == "town"]
    start = pd.Timestamp(run.start_date)
    end = pd.Timestamp(run.end_date) if run.end_date else run.timeseries["date"].max()
    days = int((end - start).days)
    matrix = np.zeros((days + 1, len(towns)), dtype=np.int8)
    ev = run.events
    ev = ev[ev["event_type"].isin(CONFLICT_EVENT_TYPES)]
    index = {t.name: i for i, t in enumerate(towns)}
    tlon = np.array([t.lon for t in towns])
    tlat = np.array([t.lat for t in towns])
    for loc_name, lat, lon, date in zip(ev["location"], ev["latitude"], ev["longitude"], ev["event_date"]):
        i = index.get(_clean(loc_name))
        if i is None:
            if pd.isna(lat) or pd.isna(lon):
                continue
            d = great_circle_km(lon, lat, tlon, tlat)
            j = int(np.argmin(d))
            if d[j] > MAX_EVENT_DISTANCE_KM:
                continue
            i = j
        day = int((pd.Timestamp(date) - start).days)
        if day < 0 or day > days:
            continue
        stop = days + 1 if window <= 0 else min(days + 1, day + window)
        matrix[day:stop, i] = 1
    return pd.DataFrame(matrix, columns=[t.name for t in towns])


def build_routes(locs: list, k: int, max_km: float) -> list:
    """Each location to its k nearest within max_km, then the closest links that join
    the pieces left over, so every location can be reached. (name1, name2, km)."""
    n = len(locs)
    lon = np.array([loc.lon for loc in locs])
    lat = np.array([loc.lat for loc in locs])
    dist = great_circle_km(lon[:, None], lat[:, None], lon[None, :], lat[None, :])
    np.fill_diagonal(dist, np.inf)
    pairs = set()
    for i in range(n):
        for j in np.argsort(dist[i])[:k]:
            if dist[i, j] <= max_km:
                pairs.add((min(i, int(j)), max(i, int(j))))
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, j in pairs:
        parent[find(i)] = find(j)
    # Kruskal over the remaining pairs, shortest first, joins the components.
    iu, ju = np.triu_indices(n, 1)
    for idx in np.argsort(dist[iu, ju], kind="stable"):
        i, j = int(iu[idx]), int(ju[idx])
        if find(i) != find(j):
            parent[find(i)] = find(j)
            pairs.add((i, j))
    return [(locs[i].name, locs[j].name, round(float(dist[i, j]), 1)) for i, j in sorted(pairs)]


def export(run: Run, out: Path, home: str = "ML", window: int = 30, k: int = 4, max_km: float = 400.0,
           refuge_capacity: int = 100_000) -> list:
    smap = load_map(run)
    locs = build_locations(run, smap, home, refuge_capacity)
    conflicts = conflict_matrix(run, locs, window)
    first = {}
    for name in conflicts.columns:
        hit = np.flatnonzero(conflicts[name].to_numpy())
        if hit.size:
            first[name] = int(hit[0])
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def write(name, header, rows):
        p = out / name
        with open(p, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            if header:
                w.writerow(header)
            w.writerows(rows)
        written.append(p)

    rows = []
    for loc in locs:
        if loc.kind == "town" and loc.name in first:
            ltype, cdate = "conflict_zone", str(first[loc.name])
        else:
            ltype, cdate = loc.kind, ""
        rows.append([loc.name, loc.country, loc.country, f"{loc.lat:.4f}", f"{loc.lon:.4f}", ltype, cdate,
                     int(loc.population)])
    write("locations.csv", LOCATIONS_HEADER, rows)
    write("routes.csv", ROUTES_HEADER, [[a, b, f"{d:.1f}", 0] for a, b, d in build_routes(locs, k, max_km)])
    write("conflicts.csv", ["#Day"] + list(conflicts.columns),
          [[day] + list(map(int, row)) for day, row in enumerate(conflicts.to_numpy())])
    write("closures.csv", CLOSURES_HEADER, [])
    write("sim_period.csv", None, [["StartDate", run.start_date], ["Length", len(conflicts) - 1]])
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m analysis.flee_export",
                                 description="Write Flee input files (locations, routes, conflicts) from a run.")
    ap.add_argument("run", metavar="RUN_DIR")
    ap.add_argument("--out", required=True, metavar="DIR", help="folder for the Flee CSV files")
    ap.add_argument("--home", default="ML", help="Flee's home country (ISO code): its towns come first (default ML)")
    ap.add_argument("--conflict-window", type=int, default=30, metavar="DAYS",
                    help="days a town stays in conflict after an event (0: to the end; default 30)")
    ap.add_argument("--neighbours", type=int, default=4, help="routes from each place to its nearest N (default 4)")
    ap.add_argument("--max-route-km", type=float, default=400.0, help="longest such route, km (default 400)")
    ap.add_argument("--refuge-capacity", type=int, default=100_000,
                    help="capacity of each border refuge point (default 100000)")
    a = ap.parse_args(argv)
    try:
        files = export(load_run(a.run), Path(a.out), a.home, a.conflict_window, a.neighbours, a.max_route_km,
                       a.refuge_capacity)
    except RunError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for f in files:
        print(f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
