# SPDX-License-Identifier: MIT
"""The Sahel vector map (scenarios/maps/sahel.yaml) and the cell grid of a run.

The map gives country borders, the Niger and the towns, camps, bases and
mines; the run's manifest gives the grid (extent and cell size) its cell
snapshots are on. See scenarios/maps/README.md for the map's layout; every
coordinate pair there is [lon, lat].
"""
from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from .runs import Run, RunError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAP = REPO_ROOT / "scenarios" / "maps" / "sahel.yaml"
EARTH_RADIUS_KM = 6371.0088


@dataclass
class Country:
    code: str
    name: str
    core: bool
    rings: list  # numpy arrays (n, 2) of lon, lat


@dataclass
class Place:
    name: str
    country: str
    kind: str       # town, camp, base, mine
    lon: float
    lat: float
    population: int = 0
    capital: bool = False


@dataclass
class SahelMap:
    path: Path
    bbox: tuple
    countries: list
    river: list     # numpy arrays (n, 2)
    places: list    # towns and camps, in file order
    bases: list
    mines: list

    def country(self, code):
        return next((c for c in self.countries if c.code == code), None)

    @property
    def core_codes(self):
        return [c.code for c in self.countries if c.core]

    def place(self, name):
        for p in self.places + self.bases + self.mines:
            if p.name == name:
                return p
        return None


@functools.lru_cache(maxsize=4)
def read_map(path) -> SahelMap:
    path = Path(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=loader)
    except (OSError, yaml.YAMLError) as e:
        raise RunError(f"{path}: cannot read the map ({e})") from e
    countries = [Country(c["code"], c["name"], c.get("role") == "core",
                         [np.asarray(r, dtype=float) for r in c.get("rings", [])]) for c in doc["countries"]]
    river = [np.asarray(line, dtype=float) for line in (doc.get("river") or {}).get("lines", [])]
    places = [Place(c["name"], c.get("country", ""), c.get("kind", "town"), float(c["lon"]), float(c["lat"]),
                    int(c.get("population") or 0), bool(c.get("capital"))) for c in doc.get("cities", [])]
    bases = [Place(b["name"], b.get("country", ""), "base", float(b["lon"]), float(b["lat"]))
             for b in doc.get("bases", [])]
    mines = [Place(m["name"], m.get("country", ""), "mine", float(m["lon"]), float(m["lat"]))
             for m in doc.get("mines", [])]
    return SahelMap(path, tuple(doc.get("bbox", (-13, 16.5, 9, 25.5))), countries, river, places, bases, mines)


def map_path(run: Run | None) -> Path:
    """The map file the run used, or the repository's map.

    map.file in the scenario is relative to the scenario file, which is
    relative to where the run was started; when that cannot be found (the
    run folder moved to another machine) the repository's own map is used.
    """
    if run is not None:
        rel = (run.map_extent or {}).get("file")
        scen = run.manifest.get("scenario_file")
        if rel:
            candidates = [Path(rel)]
            if scen:
                candidates += [Path(scen).parent / rel, REPO_ROOT / Path(scen).parent / rel]
            candidates.append(REPO_ROOT / "scenarios" / rel)
            for c in candidates:
                if c.is_file():
                    return c
    env = os.environ.get("SAHELSIM_MAP")
    if env and Path(env).is_file():
        return Path(env)
    return DEFAULT_MAP


def load_map(run: Run | None = None) -> SahelMap:
    return read_map(str(map_path(run)))


@dataclass(frozen=True)
class Grid:
    lon_min: float
    lat_min: float
    cell_deg: float
    width: int
    height: int

    @property
    def extent(self):
        """(left, right, bottom, top) for imshow."""
        return (self.lon_min, self.lon_min + self.width * self.cell_deg,
                self.lat_min, self.lat_min + self.height * self.cell_deg)

    def index(self, lon, lat):
        x = np.floor((np.asarray(lon, float) - self.lon_min) / self.cell_deg).astype(int)
        y = np.floor((np.asarray(lat, float) - self.lat_min) / self.cell_deg).astype(int)
        return x, y

    def raster(self, lon, lat, values, fill=np.nan, dtype=float) -> np.ndarray:
        """A (height, width) array, row 0 at the south, from per-cell values."""
        out = np.full((self.height, self.width), fill, dtype=dtype)
        x, y = self.index(lon, lat)
        ok = (x >= 0) & (x < self.width) & (y >= 0) & (y < self.height)
        out[y[ok], x[ok]] = np.asarray(values)[ok]
        return out

    def centres(self):
        xs = self.lon_min + (np.arange(self.width) + 0.5) * self.cell_deg
        ys = self.lat_min + (np.arange(self.height) + 0.5) * self.cell_deg
        return xs, ys


def grid_of(run: Run) -> Grid:
    """The run's grid, as the simulator lays it out (docs/model.md section 3)."""
    m = run.map_extent
    try:
        lon_min, lon_max = float(m["lon_min"]), float(m["lon_max"])
        lat_min, lat_max = float(m["lat_min"]), float(m["lat_max"])
        cell = float(m["cell_deg"])
    except (KeyError, TypeError, ValueError) as e:
        raise RunError(f"{run.path}: manifest.json has no usable scenario.map extent ({e})") from e
    width = int(math.ceil((lon_max - lon_min) / cell - 1e-9))
    height = int(math.ceil((lat_max - lat_min) / cell - 1e-9))
    return Grid(lon_min, lat_min, cell, width, height)


def great_circle_km(lon1, lat1, lon2, lat2, radius=EARTH_RADIUS_KM):
    """Haversine distance."""
    lon1, lat1, lon2, lat2 = (np.radians(np.asarray(v, float)) for v in (lon1, lat1, lon2, lat2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * radius * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
