# SPDX-License-Identifier: MIT
"""Pattern-oriented validation: several seeds of one scenario against documented Sahel patterns.

Following Grimm et al. (2005, Science 310:987), a model is checked against
several patterns at once, each at its own scale: the mix of event types, the
size of massacres, yearly battle deaths, displacement stocks, the losses of
the foreign forces, where the violence happens and, for the 2012 scenario,
who holds the towns of the north. Each pattern is computed per run; the
table gives the mean and the range (min-max) over the runs, the record with
its source, and whether the pattern holds under a stated rule.

    python3 -m analysis.patterns RUN_DIR [RUN_DIR ...] [--record sahel_2017|mali_2012|auto]
                                 [--out FILE.csv] [--markdown FILE.md]

Every record value and its source is in RECORDS below (docs/patterns.md
cites the same strings). Event-based figures use only the events of the
full calendar years inside a run. countries.csv is read here directly
(runs.py has no reader for it yet); everything else goes through runs.Run.
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .geo import great_circle_km
from .runs import GOVERNMENT_KINDS, INSURGENT_KINDS, Run, RunError, collect, faction_kinds

RECORD_SETS = ("sahel_2017", "mali_2012")
BOTH = RECORD_SETS
S2017 = ("sahel_2017",)
M2012 = ("mali_2012",)

BATTLES = "Battles"
VAC = "Violence against civilians"
EXPLOSIONS = "Explosions/Remote violence"
STRATEGIC = "Strategic developments"
REQUIRED_EVENT_COLUMNS = ("event_date", "event_type", "actor1", "actor2", "country", "latitude", "longitude",
                          "fatalities")

COUNTRY_NAMES = {"ML": "Mali", "BF": "Burkina Faso", "NE": "Niger", "MR": "Mauritania", "DZ": "Algeria"}
NEAREST_DATE_DAYS = 31     # a countries.csv date or a cell snapshot counts as "on" a record date within this
MIN_RUNS = 5

PATTERNS = OrderedDict([
    (1, "Event mix in Mali"),
    (2, "Size of violence against civilians"),
    (3, "Battle deaths in Mali (UCDP-like)"),
    (4, "Displacement stocks"),
    (5, "Losses of the government side"),
    (6, "Where violence happens"),
    (7, "North of Mali lost in 2012, retaken in 2013"),
])


# --- Records -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Record:
    """One documented value with its source. `value` is a number, a (low, high) range or None for a
    qualitative record; `shown` is how the table prints it when a bare number would mislead."""
    key: str
    pattern: int
    what: str
    value: object
    source: str
    when: str = ""          # YYYY, YYYY-MM-DD or "" for records that span several years
    sets: tuple = BOTH      # record sets (--record) that use it
    shown: str = ""
    countries: tuple = ()   # pattern 4: ISO codes summed
    column: str = ""        # pattern 4: countries.csv column

    @property
    def text(self) -> str:
        if self.shown:
            return self.shown
        if isinstance(self.value, tuple):
            return f"{self.value[0]:,.0f}–{self.value[1]:,.0f}"
        if isinstance(self.value, (int, float)):
            v = float(self.value)
            return f"{v:,.0f}" if v >= 100 or v == int(v) else f"{v:.2f}"
        return ""


ACCORD = ("ACLED Mali 2017, compiled by ACCORD, 18 June 2018 (docslib.org/doc/2820666): 474 incidents, "
          "Battles 191 (620 fatalities), Violence against civilians 132 (238), Remote violence 92 (89), "
          "Riots/protests 31 (2)")
ALEGALLI = "ACLED via the public extract github.com/alegalli/conflictSahel, data/Conflict Data/conflict_data_mli.csv"
VALENGE = ("ACLED via the public extract github.com/ValenGe/UZH_Seminar_UN_PKO, "
           "MINUSMA/2017-01-01-2020-12-31-Mali.csv")
UCDP_WB = ("UCDP battle-related deaths, Mali (World Bank indicator VC.BTL.DETH, "
           "via indexmundi.com/facts/mali/battle-related-deaths)")
UCDP_GED = "UCDP Candidate Events Dataset 21.01.21.12 (CC BY 4.0), deaths in 2021"
CONASUR = "CONASUR (Burkina Faso), internally displaced persons"
FLEE_CAMPS = ("UNHCR, Malian refugees in camps (via Flee's mali2012 validation data, "
              "Suleimenova et al. 2017)")
STAFF_UNION = "UN Staff Union releases: MINUSMA peacekeepers killed in malicious acts"
AFP_FRENCH = ("AFP counts of French military deaths in the Sahel since 2013, in the French press: "
              "41 on 26 Nov 2019, 52 on 24 Sep 2021")
FRANCE24 = "france24 Mali timeline"

RECORDS = [
    # 1. Event mix in Mali. The four named types add up to 446 of the 474 incidents; the other 28 are
    # ACLED's non-violent types (now "Strategic developments"), which the model's share leaves out too,
    # so the shares are of Battles + Violence against civilians + Remote violence = 415 events
    # (the battles share of all 443 incidents other than riots/protests is 191/443 = 0.43).
    Record("p1_battles_share_2017", 1, "Battles share, Mali", 191 / 415, ACCORD, "2017",
           shown="0.46 (191 of 415; 0.43 of 443 without riots)"),
    Record("p1_vac_share_2017", 1, "VAC share, Mali", 132 / 415, ACCORD, "2017", shown="0.32 (132 of 415)"),
    Record("p1_explosions_share_2017", 1, "Explosions/Remote violence share, Mali", 92 / 415, ACCORD, "2017",
           shown="0.22 (92 of 415)"),
    Record("p1_battles_2017", 1, "Battles, Mali", 191, ACCORD, "2017"),
    Record("p1_battles_2018", 1, "Battles, Mali", 203, ALEGALLI, "2018"),
    Record("p1_battles_2019", 1, "Battles, Mali", 184, ALEGALLI, "2019"),
    Record("p1_battles_2020", 1, "Battles, Mali", 424, VALENGE, "2020"),
    # 2. Size of violence-against-civilians events
    Record("p2_vac_mean_2017", 2, "VAC deaths per event, Mali", 238 / 132, ACCORD, "2017",
           shown="1.8 (238/132, 2017)"),
    Record("p2_vac_mean_2018", 2, "VAC deaths per event, Mali", 783 / 263, ALEGALLI, "2018",
           shown="3.0 (783/263, 2018)"),
    Record("p2_vac_mean_2019", 2, "VAC deaths per event, Mali", 818 / 290, ALEGALLI, "2019",
           shown="2.8 (818/290, 2019)"),
    Record("p2_ogossagou", 2, "Ogossagou massacre", 157, "Ogossagou, Mali, 23 Mar 2019: 157 dead (official toll)",
           "2019-03-23", shown="157 (Ogossagou, 23 Mar 2019)"),
    Record("p2_sobane", 2, "Sobane Da massacre", 35, "Sobane Da, Mali, Jun 2019: 35 dead (official toll)",
           "2019-06", shown="35 (Sobane Da, Jun 2019)"),
    # 3. UCDP battle-related deaths, Mali
    *[Record(f"p3_ucdp_{y}", 3, "Battle-related deaths, Mali", v, UCDP_WB, str(y))
      for y, v in ((2012, 218), (2013, 805), (2014, 189), (2015, 172), (2016, 96), (2017, 359), (2018, 522),
                   (2019, 603), (2020, 564))],
    # 4. Displacement stocks (countries.csv)
    Record("p4_ml_idps_2019_06", 4, "Mali IDPs", 147_861, "UNICEF Mali humanitarian situation report, June 2019 "
           "(IOM DTM figure)", "2019-06-30", S2017, countries=("ML",), column="idps"),
    Record("p4_ml_idps_2020_12", 4, "Mali IDPs", 332_957, "Commission Mouvement de Populations (CMP) / IOM DTM "
           "Mali, December 2020", "2020-12-31", S2017, countries=("ML",), column="idps"),
    Record("p4_ml_idps_2021_12", 4, "Mali IDPs", 350_110, "CMP Mali, 31 December 2021 (via bamada.net)",
           "2021-12-31", S2017, countries=("ML",), column="idps"),
    Record("p4_bf_idps_2019_12", 4, "Burkina Faso IDPs", 560_033, CONASUR + ", 31 December 2019", "2019-12-31",
           S2017, countries=("BF",), column="idps"),
    Record("p4_bf_idps_2020_12", 4, "Burkina Faso IDPs", 1_074_993, CONASUR + ", 31 December 2020", "2020-12-31",
           S2017, countries=("BF",), column="idps"),
    Record("p4_bf_idps_2021_12", 4, "Burkina Faso IDPs", 1_579_976, CONASUR + ", 31 December 2021", "2021-12-31",
           S2017, countries=("BF",), column="idps"),
    Record("p4_central_sahel_idps_2021", 4, "Central Sahel IDPs (BF+ML+NE)", 2_100_000,
           "UNHCR, late 2021 (via sahara-sahel.org)", "2021-12-31", S2017, shown="about 2.1 million (late 2021)",
           countries=("BF", "ML", "NE"), column="idps"),
    Record("p4_ml_idps_2012_05", 4, "Mali IDPs", 146_900, "UNHCR, 15 May 2012", "2012-05-15", M2012,
           countries=("ML",), column="idps"),
    Record("p4_ml_idps_2013_peak", 4, "Mali IDPs", (311_000, 350_000), "IDMC, peak of mid-2013", "2013-06-30",
           M2012, shown="~311,000–350,000 (mid-2013 peak)", countries=("ML",), column="idps"),
    Record("p4_ml_idps_2014_12", 4, "Mali IDPs", 61_621, "IOM DTM Mali, December 2014", "2014-12-31", M2012,
           countries=("ML",), column="idps"),
    Record("p4_ml_refugees_2012_06", 4, "Malian refugees abroad (record: in camps)", 102_956,
           FLEE_CAMPS + ", 30 Jun 2012", "2012-06-30", M2012, countries=("ML",), column="refugees_abroad"),
    Record("p4_ml_refugees_2012_12", 4, "Malian refugees abroad (record: in camps)", 157_300,
           FLEE_CAMPS + ", 16 Dec 2012", "2012-12-16", M2012, countries=("ML",), column="refugees_abroad"),
    Record("p4_ml_refugees_2013_07", 4, "Malian refugees abroad (record: in camps)", 161_368,
           FLEE_CAMPS + ", 10 Jul 2013", "2013-07-10", M2012, countries=("ML",), column="refugees_abroad"),
    # 5. Losses
    Record("p5_french", 5, "French military deaths in the Sahel", 11, AFP_FRENCH, "",
           shown="about 6 a year (41 → 52, 26 Nov 2019 → 24 Sep 2021)"),
    Record("p5_french_window", 5, "French military deaths, 26 Nov 2019 – 24 Sep 2021", 11, AFP_FRENCH,
           "2019-11-26/2021-09-24", shown="11 (52 − 41)"),
    *[Record(f"p5_minusma_{y}", 5, "MINUSMA peacekeepers killed in malicious acts", v, STAFF_UNION + f", {y}",
             str(y)) for y, v in ((2017, 21), (2018, 11), (2019, 22), (2020, 6), (2021, 19))],
    Record("p5_boulkessi", 5, "Boulkessi and Mondoro", 25, "Boulkessi and Mondoro, Mali, 30 Sep 2019: 25 soldiers "
           "killed (official toll; about 40 in later counts)", "2019-09-30", shown="25 (Boulkessi/Mondoro, 2019)"),
    Record("p5_indelimane", 5, "Indelimane", 53, "Indelimane, Mali, 1 Nov 2019: 53 soldiers killed (official toll)",
           "2019-11-01", shown="53 (Indelimane, 2019)"),
    Record("p5_inates", 5, "Inates", 71, "Inates, Niger, 10 Dec 2019: 71 soldiers killed (official toll)",
           "2019-12-10", shown="71 (Inates, 2019)"),
    Record("p5_chinagodrar", 5, "Chinagodrar", 89, "Chinagodrar, Niger, 9 Jan 2020: 89 soldiers killed "
           "(official toll)", "2020-01-09", shown="89 (Chinagodrar, 2020)"),
    # 6. Where violence happens
    *[Record(f"p6_mopti_{y}", 6, "Mopti region share of violent-event deaths in Mali", v, VALENGE, str(y))
      for y, v in ((2017, 0.31), (2018, 0.48), (2019, 0.68), (2020, 0.56))],
    Record("p6_mopti_2021", 6, "Mopti region share of deaths in Mali", 0.48, UCDP_GED, "2021"),
    Record("p6_bf_sahel_2021", 6, "Sahel region share of deaths in Burkina Faso", 0.61, UCDP_GED, "2021"),
    Record("p6_tillaberi_2021", 6, "Tillabéri region share of deaths in Niger", 0.69, UCDP_GED, "2021"),
    Record("p6_capitals", 6, "Capitals", None, "qualitative: the three capitals stayed nearly calm (no figure)", "",
           shown="nearly calm (no figure)"),
    # 7. The north in 2012-2013
    Record("p7_north_mid2012", 7, "Gao, Timbuktu, Kidal mid-2012", None,
           "MNLA and islamists took the northern towns by April 2012; islamists held all major towns by "
           f"17 Jul 2012 ({FRANCE24})", "2012-07-15", M2012, shown="insurgent-held"),
    Record("p7_north_feb2013", 7, "Gao and Timbuktu mid-Feb 2013", None,
           f"Gao and Timbuktu retaken 26–30 Jan 2013 after Operation Serval ({FRANCE24})", "2013-02-15", M2012,
           shown="government-side"),
]
REC = {r.key: r for r in RECORDS}
assert len(REC) == len(RECORDS), "duplicate record keys"


# --- Places --------------------------------------------------------------------------------------------------

# Central Mali: an approximate outline of the Mopti region, (lon, lat). It keeps Mopti, Djenne, Douentza,
# Tenenkou, Boni, Bandiagara, Koro, Youwarou and Boulkessi inside and Segou, Macina, San, Timbuktu, Niafunke,
# Gossi, Gao and Djibo (Burkina Faso) outside; events count only when their country is Mali as well.
CENTRAL_MALI = ((-5.5, 15.2), (-4.6, 15.6), (-2.0, 15.6), (-1.2, 15.4), (-1.2, 14.6), (-3.0, 13.7),
                (-4.3, 13.5), (-5.1, 13.8))
TRIPOINT = (0.24, 15.0)     # Mali - Burkina Faso - Niger, approximate (lon, lat)
TRIBORDER_KM = 200.0
CAPITALS = OrderedDict([("Bamako", (-8.00, 12.65)), ("Ouagadougou", (-1.54, 12.36)), ("Niamey", (2.12, 13.53))])
CAPITAL_KM = 50.0
NORTH_TOWNS = OrderedDict([("Gao", (-0.04, 16.27)), ("Timbuktu", (-3.00, 16.78)), ("Kidal", (1.40, 18.44))])


def in_polygon(lon, lat, polygon) -> np.ndarray:
    """Even-odd rule: True where (lon, lat) lies inside the polygon [(lon, lat), ...]."""
    x = np.atleast_1d(np.asarray(lon, float))
    y = np.atleast_1d(np.asarray(lat, float))
    inside = np.zeros(x.shape, bool)
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        crosses = (y1 > y) != (y2 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            xc = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        inside ^= crosses & (x < xc)
    return inside


def in_central_mali(lon, lat) -> np.ndarray:
    return in_polygon(lon, lat, CENTRAL_MALI)


def near(lon, lat, point, km) -> np.ndarray:
    d = great_circle_km(np.asarray(lon, float), np.asarray(lat, float), point[0], point[1])
    return np.atleast_1d(np.nan_to_num(d, nan=np.inf) <= km)


def near_capital(lon, lat) -> np.ndarray:
    out = np.zeros(np.atleast_1d(np.asarray(lon, float)).shape, bool)
    for p in CAPITALS.values():
        out |= near(lon, lat, p, CAPITAL_KM)
    return out


# --- Rules and rows ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """How a row is judged. kind: near (abs(model - record) <= a), factor (record/a <= model <= a*record),
    between (a <= model <= b), at_least (model >= a), below (model < a), every_run (a 0/1 value that
    is 1 in every run: the mean is 1), info (not judged).
    stat: mean (the mean over runs is tested; "partly" when only some runs pass) or max (the largest
    value over all runs is tested)."""
    kind: str
    a: float = math.nan
    b: float = math.nan
    stat: str = "mean"

    def ok(self, v: float, record=None) -> bool:
        if v is None or not np.isfinite(v):
            return False
        if self.kind == "near":
            return abs(v - float(record)) <= self.a + 1e-12
        if self.kind == "factor":
            lo, hi = record if isinstance(record, tuple) else (record, record)
            return float(lo) / self.a <= v <= float(hi) * self.a
        if self.kind == "between":
            return self.a <= v <= self.b
        if self.kind == "at_least":
            return v >= self.a
        if self.kind == "below":
            return v < self.a
        if self.kind == "every_run":
            return v >= 1 - 1e-9
        raise ValueError(self.kind)

    def text(self) -> str:
        if self.kind == "near":
            return f"abs(model − record) ≤ {self.a:g}"
        if self.kind == "factor":
            return f"record/{self.a:g} ≤ model ≤ {self.a:g} × record"
        if self.kind == "between":
            return f"{self.a:g} ≤ model ≤ {self.b:g}"
        if self.kind == "at_least":
            return (f"largest over all runs ≥ {self.a:g}" if self.stat == "max" else f"model ≥ {self.a:g}")
        if self.kind == "below":
            return f"model < {self.a:g}"
        if self.kind == "every_run":
            return "in every run"
        return "not judged"


INFO = Rule("info")


@dataclass
class Row:
    pattern: int
    item: str
    values: list                     # one per run, NaN where the run has no value
    rule: Rule = INFO
    records: list = field(default_factory=list)
    unit: str = "count"              # share, count, people, deaths, runs
    note: str = ""
    na: str = ""                     # why the row could not be computed
    record_text: str = ""            # overrides the records' own text
    mean_text: str = ""              # overrides the formatted mean (categorical rows)
    range_text: str = ""

    @property
    def valid(self) -> np.ndarray:
        v = np.asarray(self.values, float)
        return v[np.isfinite(v)]

    @property
    def n(self) -> int:
        return int(self.valid.size)

    @property
    def mean(self) -> float:
        return float(self.valid.mean()) if self.n else math.nan

    @property
    def low(self) -> float:
        return float(self.valid.min()) if self.n else math.nan

    @property
    def high(self) -> float:
        return float(self.valid.max()) if self.n else math.nan

    @property
    def record_value(self):
        return self.records[0].value if self.records else None

    @property
    def holds(self) -> str:
        if self.na or self.n == 0:
            return "n/a"
        if self.rule.kind == "info":
            return "—"
        rec = self.record_value
        if self.rule.stat == "max":
            return "yes" if self.rule.ok(self.high, rec) else "no"
        if self.rule.ok(self.mean, rec):
            return "yes"
        return "partly" if any(self.rule.ok(v, rec) for v in self.valid) else "no"

    @property
    def record(self) -> str:
        return self.record_text or "; ".join(r.text for r in self.records)

    @property
    def sources(self) -> list:
        return list(OrderedDict.fromkeys(r.source for r in self.records))


def _na_reason(values, reasons) -> str:
    """The reason of the first run without a value when no run has one."""
    if any(np.isfinite(v) for v in np.asarray(values, float)):
        return ""
    return next((r for r in reasons if r), "no value in any run")


def fmt(v: float, unit: str) -> str:
    if v is None or not np.isfinite(v):
        return "–"
    if unit == "share":
        return f"{v:.2f}"
    if unit == "people":
        return f"{v:,.0f}"
    if unit == "deaths":
        return f"{v:.1f}" if abs(v) < 100 else f"{v:,.0f}"
    return f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:.1f}"


# --- One run -------------------------------------------------------------------------------------------------

def _date(v):
    try:
        t = pd.Timestamp(str(v))
    except (ValueError, TypeError):
        return None
    return None if pd.isna(t) else t.normalize()


class RunData:
    """What the patterns need from one run: faction kinds, the full calendar years, the events of
    those years (new and old events.csv formats), countries.csv and the cell snapshots."""

    def __init__(self, run: Run):
        self.run = run
        ts = run.timeseries
        if "date" not in ts.columns or "faction" not in ts.columns:
            raise RunError(f"{run.path}: timeseries.csv has no date or faction column (not a Sahel run?)")
        self.kinds = dict(faction_kinds([run]))
        if "kind" in ts.columns:
            for name, kind in ts.loc[ts["faction"] != "civilians", ["faction", "kind"]].drop_duplicates().values:
                self.kinds.setdefault(str(name), str(kind))
        self.government = {f for f, k in self.kinds.items() if k in GOVERNMENT_KINDS}
        self.insurgents = {f for f, k in self.kinds.items() if k in INSURGENT_KINDS}
        self.states = {f for f, k in self.kinds.items() if k == "state"}
        m = run.manifest
        dates = pd.to_datetime(ts["date"])
        self.first = _date(m.get("first_date") or m.get("start_date") or run.scenario.get("start_date")) \
            or dates.min().normalize()
        self.last = _date(m.get("end_date")) or dates.max().normalize()
        self.years = [y for y in range(self.first.year, self.last.year + 1)
                      if self.first <= pd.Timestamp(y, 1, 1) and self.last >= pd.Timestamp(y, 12, 31)]
        self.events = self._events()
        self._countries = None
        self._countries_read = False

    @property
    def span(self) -> str:
        return f"{self.first.date()} to {self.last.date()}"

    def _events(self) -> pd.DataFrame:
        p = self.run.path / "events.csv"
        if not p.exists():
            raise RunError(f"{self.run.path}: no events.csv (every Sahel run writes one; an unfinished run?)")
        try:
            ev = self.run.events.copy()
        except (ValueError, KeyError, pd.errors.ParserError) as e:
            raise RunError(f"{p}: not a readable events table ({e})") from e
        missing = [c for c in REQUIRED_EVENT_COLUMNS if c not in ev.columns]
        if missing:
            raise RunError(f"{p}: missing column(s) {', '.join(missing)}")
        ev["event_date"] = pd.to_datetime(ev["event_date"], errors="coerce")
        if ev["event_date"].isna().any():
            raise RunError(f"{p}: event_date not a YYYY-MM-DD date in {int(ev['event_date'].isna().sum())} row(s)")
        for c in ("event_type", "actor1", "actor2", "country"):
            ev[c] = ev[c].fillna("").astype(str)
        ev["sub_event_type"] = ev["sub_event_type"].fillna("").astype(str) if "sub_event_type" in ev else ""
        ev["fatalities"] = pd.to_numeric(ev["fatalities"], errors="coerce").fillna(0.0).astype(float)
        if "civilian_fatalities" in ev.columns:
            ev["civilian_fatalities"] = pd.to_numeric(ev["civilian_fatalities"], errors="coerce").fillna(0.0)
        else:  # older runs: the victims of violence against civilians are civilians, nobody else is known to be
            ev["civilian_fatalities"] = np.where(ev["event_type"] == VAC, ev["fatalities"], 0.0)
        for c in ("latitude", "longitude"):
            ev[c] = pd.to_numeric(ev[c], errors="coerce")
        ev["year"] = ev["event_date"].dt.year
        ev["in_mali"] = ev["country"].isin(["Mali", "ML"])
        gov = list(self.government)
        ev["government"] = ev["actor1"].isin(gov) | ev["actor2"].isin(gov)
        ev["state"] = ev["actor1"].isin(list(self.states)) | ev["actor2"].isin(list(self.states))
        return ev[ev["year"].isin(self.years)].reset_index(drop=True)

    @property
    def countries(self) -> pd.DataFrame | None:
        if not self._countries_read:
            self._countries_read = True
            p = self.run.path / "countries.csv"
            if p.exists():
                try:
                    c = pd.read_csv(p, keep_default_na=False, dtype={"country": str, "name": str})
                except (ValueError, pd.errors.ParserError) as e:
                    raise RunError(f"{p}: not a readable table ({e})") from e
                if not {"date", "country"} <= set(c.columns):
                    raise RunError(f"{p}: expected columns date,country,..., found {','.join(c.columns)}")
                c["date"] = pd.to_datetime(c["date"], errors="coerce")
                self._countries = c
        return self._countries

    # per-run computations ----------------------------------------------------------------------------------

    def event_mix(self, year: int):
        """(battles share, VAC share, explosions share, battles) among Mali's events of the year other than
        strategic developments; NaN shares when there is none."""
        if year not in self.years:
            return (math.nan,) * 4
        ev = self.events
        m = ev[(ev["year"] == year) & ev["in_mali"] & (ev["event_type"] != STRATEGIC)]
        n = len(m)
        counts = [int((m["event_type"] == t).sum()) for t in (BATTLES, VAC, EXPLOSIONS)]
        shares = [c / n if n else math.nan for c in counts]
        return shares[0], shares[1], shares[2], float(counts[0])

    def vac_sizes(self, mali_only: bool, year: int | None = None) -> np.ndarray:
        ev = self.events
        sel = ev["event_type"] == VAC
        if mali_only:
            sel &= ev["in_mali"]
        if year is not None:
            sel &= ev["year"] == year
        return ev.loc[sel, "fatalities"].to_numpy(float)

    def battle_deaths(self, year: int) -> float:
        """UCDP-like state-based battle deaths in Mali: Battles and Explosions/Remote violence with at
        least one government-side actor."""
        if year not in self.years:
            return math.nan
        ev = self.events
        sel = ((ev["year"] == year) & ev["in_mali"] & ev["event_type"].isin([BATTLES, EXPLOSIONS])
               & ev["government"])
        return float(ev.loc[sel, "fatalities"].sum())

    def stock(self, rec: Record):
        """(value, reason) of a countries.csv column summed over rec.countries on the date nearest rec.when."""
        c = self.countries
        if c is None:
            return math.nan, "no countries.csv in the run (older simulator)"
        if rec.column not in c.columns:
            return math.nan, f"countries.csv has no column {rec.column}"
        target = pd.Timestamp(rec.when)
        dates = pd.DatetimeIndex(c["date"].dropna().unique()).sort_values()
        if dates.empty:
            return math.nan, "countries.csv has no dated rows"
        nearest = dates[np.argmin(np.abs((dates - target).days))]
        if abs((nearest - target).days) > NEAREST_DATE_DAYS:
            return math.nan, f"no countries.csv date within {NEAREST_DATE_DAYS} days of {rec.when} (run: {self.span})"
        day = c[c["date"] == nearest]
        total = 0.0
        for code in rec.countries:
            names = day["name"] if "name" in day.columns else pd.Series("", index=day.index)
            r = day[(day["country"] == code) | (names == COUNTRY_NAMES.get(code, code))]
            if r.empty:
                return math.nan, f"country {code} not in countries.csv"
            v = pd.to_numeric(r[rec.column], errors="coerce").iloc[0]
            if not np.isfinite(v):
                return math.nan, f"countries.csv: no {rec.column} for {code} on {nearest.date()}"
            total += float(v)
        return total, ""

    def losses(self, faction: str, year: int):
        """(fighters lost in the year, deployed in the year?) from timeseries.csv."""
        ts = self.run.timeseries
        if year not in self.years or "losses" not in ts.columns:
            return math.nan, False
        f = ts[(ts["faction"] == faction) & (pd.to_datetime(ts["date"]).dt.year == year)]
        if f.empty:
            return math.nan, False
        deployed = "strength" not in f.columns or bool((pd.to_numeric(f["strength"], errors="coerce") > 0).any())
        return float(pd.to_numeric(f["losses"], errors="coerce").fillna(0).sum()), deployed

    def kind_losses_between(self, kind: str, start: str, end: str) -> float:
        t0, t1 = pd.Timestamp(start), pd.Timestamp(end)
        ts = self.run.timeseries
        if self.first > t0 or self.last < t1 or "losses" not in ts.columns:
            return math.nan
        d = pd.to_datetime(ts["date"])
        sel = (ts["faction"].map(self.kinds) == kind) & (d > t0) & (d <= t1)
        return float(pd.to_numeric(ts.loc[sel, "losses"], errors="coerce").fillna(0).sum())

    def largest_state_loss(self) -> float:
        """The most fighters killed in one Battles event with a state faction, approximated by
        fatalities - civilian_fatalities."""
        ev = self.events
        sel = (ev["event_type"] == BATTLES) & ev["state"]
        if not sel.any():
            return 0.0 if self.years else math.nan
        return float((ev.loc[sel, "fatalities"] - ev.loc[sel, "civilian_fatalities"]).max())

    def violence_shares(self, year: int | None = None) -> dict:
        """Shares of the deaths of all events except strategic developments (None: all full years)."""
        ev = self.events
        ev = ev[ev["event_type"] != STRATEGIC]
        if year is not None:
            if year not in self.years:
                return {}
            ev = ev[ev["year"] == year]
        if not self.years:
            return {}
        lon, lat = ev["longitude"].to_numpy(float), ev["latitude"].to_numpy(float)
        dead = ev["fatalities"].to_numpy(float)
        mali = ev["in_mali"].to_numpy(bool)
        bf = ev["country"].isin(["Burkina Faso", "BF"]).to_numpy(bool)
        ne = ev["country"].isin(["Niger", "NE"]).to_numpy(bool)
        tri = near(lon, lat, TRIPOINT, TRIBORDER_KM) if len(ev) else np.zeros(0, bool)
        cap = near_capital(lon, lat) if len(ev) else np.zeros(0, bool)
        mopti = in_central_mali(lon, lat) & mali if len(ev) else np.zeros(0, bool)

        def share(num, den):
            d = dead[den].sum()
            return float(dead[num & den].sum() / d) if d > 0 else math.nan
        every = np.ones(len(ev), bool)
        return {"mopti": share(mopti, mali), "triborder": share(tri, every), "triborder_bf": share(tri, bf),
                "triborder_ne": share(tri, ne), "capitals": share(cap, every)}

    def controller(self, town: str, when: str):
        """(controller, side, reason): side is insurgent, government or other; reason when no answer."""
        target = pd.Timestamp(when)
        if not self.first <= target <= self.last:
            return None, None, f"the run ({self.span}) does not cover {when}"
        snaps = self.run.cell_snapshots
        if not snaps:
            return None, None, "no cell snapshots in the run"
        dates = list(snaps)
        best = min(dates, key=lambda d: abs((pd.Timestamp(d) - target).days))
        gap = abs((pd.Timestamp(best) - target).days)
        if gap > NEAREST_DATE_DAYS:
            return None, None, (f"nearest cell snapshot ({best}) is {gap} days from {when}; "
                                f"run with output.snapshot_every ≤ {NEAREST_DATE_DAYS}")
        cells = self.run.cells(best)
        if cells.empty or not {"lon", "lat", "controller"} <= set(cells.columns):
            return None, None, f"cells_{best}.csv has no lon, lat or controller"
        lon, lat = NORTH_TOWNS[town]
        d2 = (cells["lon"].astype(float) - lon) ** 2 + (cells["lat"].astype(float) - lat) ** 2
        i = int(d2.to_numpy().argmin())
        if d2.iloc[i] > 1.0:
            return None, None, f"{town} is outside the grid of cells_{best}.csv"
        who = str(cells["controller"].iloc[i])
        kind = self.kinds.get(who, "")
        side = "insurgent" if kind in INSURGENT_KINDS else "government" if kind in GOVERNMENT_KINDS else "other"
        return who, side, ""


# --- The table -----------------------------------------------------------------------------------------------

def _per_run(datas, fn):
    return [fn(d) for d in datas]


def _all_years(datas) -> list:
    return sorted({y for d in datas for y in d.years})


def _year_note(datas, year) -> str:
    n = sum(year in d.years for d in datas)
    return "" if n == len(datas) else f"{n} of {len(datas)} runs cover {year}"


def pattern_event_mix(datas, rset) -> list:
    years = _all_years(datas)
    if not years:
        return [Row(1, "Event mix in Mali", [], na="no full calendar year in the runs")]
    rows = []
    for y in years:
        mix = _per_run(datas, lambda d: d.event_mix(y))
        note = _year_note(datas, y)
        ref = "" if y == 2017 else "vs the 2017 mix"
        for i, (label, key) in enumerate((("Battles", "p1_battles_share_2017"),
                                           ("Violence against civilians", "p1_vac_share_2017"),
                                           ("Explosions/Remote violence", "p1_explosions_share_2017"))):
            vals = [m[i] for m in mix]
            na = _na_reason(vals, ["no Mali events other than strategic developments"] * len(vals))
            rows.append(Row(1, f"{label} share of Mali's events, {y}", vals, Rule("near", 0.15), [REC[key]],
                            unit="share", note="; ".join(x for x in (ref, note) if x), na=na))
        rec = REC.get(f"p1_battles_{y}")
        rows.append(Row(1, f"Battles in Mali, {y}", [m[3] for m in mix], Rule("factor", 2) if rec else INFO,
                        [rec] if rec else [], note=note, record_text="" if rec else f"no record for {y}"))
    return rows


def _vac_stat(sizes: np.ndarray, stat: str) -> float:
    if sizes.size == 0:
        return math.nan
    if stat == "median":
        return float(np.median(sizes))
    if stat == "mean":
        return float(sizes.mean())
    if stat == "p90":
        return float(np.percentile(sizes, 90))
    if stat == "max":
        return float(sizes.max())
    if stat == "ge10":
        return float((sizes >= 10).mean())
    raise ValueError(stat)


def pattern_vac_size(datas, rset) -> list:
    if not _all_years(datas):
        return [Row(2, "Size of violence against civilians", [], na="no full calendar year in the runs")]
    means = [REC[f"p2_vac_mean_{y}"] for y in (2017, 2018, 2019)]
    massacres = [REC["p2_ogossagou"], REC["p2_sobane"]]
    rows = []
    for scope, mali in (("all countries", False), ("Mali", True)):
        sizes = [d.vac_sizes(mali) for d in datas]
        reason = f"no violence-against-civilians event ({scope}) in the runs' full years"

        def row(item, stat, rule=INFO, records=(), unit="deaths", record_text="", note=""):
            vals = [_vac_stat(s, stat) for s in sizes]
            return Row(2, f"{item}, {scope}", vals, rule, list(records), unit=unit, record_text=record_text,
                       note=note, na=_na_reason(vals, [reason] * len(vals)))
        rows += [
            row("VAC deaths per event, median", "median", Rule("between", 1, 3), means,
                record_text="ACLED Mali means " + ", ".join(r.text for r in means),
                note="median per run; the record gives yearly means"),
            row("VAC deaths per event, mean", "mean", INFO, means,
                record_text=", ".join(r.text for r in means)),
            row("VAC deaths per event, 90th percentile", "p90", record_text="no figure"),
            row("VAC events with ≥ 10 dead, share", "ge10", unit="share", record_text="no figure"),
            row("VAC deaths in the largest event", "max", Rule("at_least", 20, stat="max"), massacres),
        ]
    for rec in means:  # the yearly means, for the years the runs cover
        y = int(rec.when)
        if any(y in d.years for d in datas):
            vals = [_vac_stat(d.vac_sizes(True, y), "mean") if y in d.years else math.nan for d in datas]
            rows.append(Row(2, f"VAC deaths per event, mean, Mali, {y}", vals, INFO, [rec], unit="deaths",
                            note=_year_note(datas, y),
                            na=_na_reason(vals, [f"no violence-against-civilians event in Mali in {y}"] * len(vals))))
    return rows


def pattern_battle_deaths(datas, rset) -> list:
    span = range(2017, 2021) if rset == "sahel_2017" else range(2012, 2016)
    covered = [y for y in span if any(y in d.years for d in datas)]
    if not covered:
        return [Row(3, f"Battle-related deaths in Mali, {span[0]}–{span[-1]}", [], Rule("factor", 2),
                    [REC[f"p3_ucdp_{y}"] for y in span],
                    na=f"the runs cover none of the years {span[0]}–{span[-1]} fully")]
    return [Row(3, f"Battle-related deaths in Mali, {y}", _per_run(datas, lambda d: d.battle_deaths(y)),
                Rule("factor", 2), [REC[f"p3_ucdp_{y}"]], note=_year_note(datas, y)) for y in covered]


def pattern_displacement(datas, rset) -> list:
    rows = []
    for rec in RECORDS:
        if rec.pattern != 4 or rset not in rec.sets:
            continue
        got = [d.stock(rec) for d in datas]
        vals = [v for v, _ in got]
        note = "model: all Malians abroad, the record counts those in camps" if rec.column == "refugees_abroad" else ""
        rows.append(Row(4, f"{rec.what}, {rec.when}", vals, Rule("factor", 2), [rec], unit="people", note=note,
                        na=_na_reason(vals, [r for _, r in got])))
    return rows


def pattern_losses(datas, rset) -> list:
    rows = []
    years = _all_years(datas)
    kinds = OrderedDict()
    for d in datas:
        for f, k in d.kinds.items():
            kinds.setdefault(f, k)
    for f, k in kinds.items():
        if k not in ("foreign", "peacekeeper", "mercenary", "state"):
            continue
        for y in years:
            got = [d.losses(f, y) for d in datas]
            vals = [v if dep else math.nan for v, dep in got]
            if not any(np.isfinite(v) for v in vals):
                continue  # not deployed that year in any run
            if k == "state":
                rule, recs, text = INFO, [], "no figure"
            else:
                rule = Rule("between", 1, 30)
                rec = REC.get(f"p5_minusma_{y}") if k == "peacekeeper" else REC["p5_french"] if k == "foreign" else None
                recs, text = ([rec], "") if rec else ([], f"no figure for {y}" if k == "peacekeeper" else "no figure")
            rows.append(Row(5, f"{f} ({k}) fighters killed, {y}", vals, rule, recs, record_text=text,
                            note=_year_note(datas, y)))
    rec = REC["p5_french_window"]
    start, end = rec.when.split("/")
    vals = [d.kind_losses_between("foreign", start, end) for d in datas]
    if any(np.isfinite(v) for v in vals):
        rows.append(Row(5, "foreign fighters killed, 26 Nov 2019 – 24 Sep 2021", vals, INFO, [rec],
                        note="all factions of kind foreign"))
    big = [REC[k] for k in ("p5_boulkessi", "p5_indelimane", "p5_inates", "p5_chinagodrar")]
    vals = [d.largest_state_loss() for d in datas]
    rows.append(Row(5, "Most fighters killed in one battle with a state faction", vals,
                    Rule("at_least", 20, stat="max"), big, note="fatalities − civilian_fatalities of the event",
                    na=_na_reason(vals, ["no full calendar year in the runs"] * len(vals))))
    if not years:
        rows.insert(0, Row(5, "Fighters killed per year", [], na="no full calendar year in the runs"))
    return rows


def pattern_where(datas, rset) -> list:
    if not _all_years(datas):
        return [Row(6, "Where violence happens", [], na="no full calendar year in the runs")]
    pooled = [d.violence_shares() for d in datas]
    mopti_recs = [REC[f"p6_mopti_{y}"] for y in (2017, 2018, 2019, 2020, 2021)]
    no_deaths = "no deaths in the runs' full years"

    def row(item, key, rule, recs, record_text="", note="", shares=pooled, reason=no_deaths):
        vals = [s.get(key, math.nan) for s in shares]
        return Row(6, item, vals, rule, recs, unit="share", record_text=record_text, note=note,
                   na=_na_reason(vals, [reason] * len(vals)))
    rows = [row("Central Mali (≈ Mopti region) share of Mali's deaths, full years", "mopti", Rule("at_least", 0.25),
                mopti_recs, record_text="0.31–0.68 (ACLED 2017–2020); 0.48 (UCDP 2021)",
                note="approximate polygon, see docs/patterns.md", reason="no deaths in Mali in the runs' full years")]
    for rec in mopti_recs:
        y = int(rec.when)
        if any(y in d.years for d in datas):
            rows.append(row(f"Central Mali share of Mali's deaths, {y}", "mopti", Rule("at_least", 0.25), [rec],
                            shares=[d.violence_shares(y) for d in datas], note=_year_note(datas, y),
                            reason=f"no deaths in Mali in {y}"))
    rows += [
        row("Liptako-Gourma (≤ 200 km of the tripoint) share of all deaths", "triborder", INFO, [],
            record_text="no figure"),
        row("Liptako-Gourma share of Burkina Faso's deaths", "triborder_bf", INFO, [REC["p6_bf_sahel_2021"]],
            note="the record is the Sahel region, not the circle",
            reason="no deaths in Burkina Faso in the runs' full years"),
        row("Liptako-Gourma share of Niger's deaths", "triborder_ne", INFO, [REC["p6_tillaberi_2021"]],
            note="the record is the Tillabéri region, not the circle",
            reason="no deaths in Niger in the runs' full years"),
        row("Share of deaths within 50 km of Bamako, Ouagadougou or Niamey", "capitals", Rule("below", 0.05),
            [REC["p6_capitals"]]),
    ]
    return rows


def pattern_north(datas, rset) -> list:
    rows = []
    for key, side in (("p7_north_mid2012", "insurgent"), ("p7_north_feb2013", "government")):
        rec = REC[key]
        for town in NORTH_TOWNS:
            got = [d.controller(town, rec.when) for d in datas]
            vals = [math.nan if s is None else float(s == side) for _, s, _ in got]
            judged = side == "insurgent" or town != "Kidal"
            who = OrderedDict()
            for c, s, _ in got:
                if c is not None:
                    who[c] = who.get(c, 0) + 1
            ok = int(np.nansum(vals)) if any(np.isfinite(v) for v in vals) else 0
            n = sum(np.isfinite(v) for v in vals)
            rows.append(Row(7, f"{town}: controller of its cell, snapshot nearest {rec.when}", vals,
                            Rule("every_run") if judged else INFO, [rec], unit="runs",
                            record_text=rec.text if judged else "not scored",
                            mean_text=f"{side} in {ok} of {n} runs" if n else "",
                            range_text=", ".join(f"{c} ×{k}" for c, k in who.items()),
                            note="" if judged else "the record speaks of Gao and Timbuktu only",
                            na=_na_reason(vals, [r for _, _, r in got])))
    return rows


BUILDERS = OrderedDict([(1, pattern_event_mix), (2, pattern_vac_size), (3, pattern_battle_deaths),
                        (4, pattern_displacement), (5, pattern_losses), (6, pattern_where), (7, pattern_north)])


def choose_record_set(runs) -> str:
    """auto: mali_2012 for runs that start before 2016, sahel_2017 otherwise."""
    years = []
    for r in runs:
        t = _date(r.start_date)
        if t is not None:
            years.append(t.year)
    return "mali_2012" if years and max(years) < 2016 else "sahel_2017"


@dataclass
class Validation:
    scenario: str
    record_set: str
    runs: list
    rows: list

    @property
    def n_runs(self) -> int:
        return len(self.runs)

    def summary(self) -> "OrderedDict[int, str]":
        """Per pattern: yes (every judged row holds), no (none does), partly, or n/a."""
        out = OrderedDict()
        for p in PATTERNS:
            verdicts = [r.holds for r in self.rows if r.pattern == p and r.holds in ("yes", "no", "partly")]
            if not any(r.pattern == p for r in self.rows):
                continue
            if not verdicts:
                out[p] = "n/a"
            elif all(v == "yes" for v in verdicts):
                out[p] = "yes"
            elif all(v == "no" for v in verdicts):
                out[p] = "no"
            else:
                out[p] = "partly"
            out[p] += f" ({sum(v == 'yes' for v in verdicts)} of {len(verdicts)} judged rows hold)" if verdicts else ""
        return out

    def table(self) -> pd.DataFrame:
        rows = []
        for r in self.rows:
            rows.append({
                "pattern": r.pattern, "pattern_name": PATTERNS[r.pattern], "item": r.item, "record": r.record,
                "source": " | ".join(r.sources), "model_mean": r.mean, "model_min": r.low, "model_max": r.high,
                "runs": r.n, "holds": r.holds, "rule": r.rule.text() if r.rule.kind != "info" else "",
                "note": r.na or r.note,
            })
        return pd.DataFrame(rows, columns=["pattern", "pattern_name", "item", "record", "source", "model_mean",
                                           "model_min", "model_max", "runs", "holds", "rule", "note"])

    def markdown(self) -> str:
        seeds = ", ".join(r.seed_label.replace("seed ", "") for r in self.runs)
        lines = [f"# Pattern-oriented validation: {self.scenario}", "",
                 f"{self.n_runs} run(s) (seeds {seeds}); records: {self.record_set}. "
                 "Model mean and range (min–max) are over the runs; only full calendar years count.", ""]
        if self.n_runs < MIN_RUNS:
            lines += [f"**Only {self.n_runs} run(s): the patterns need {MIN_RUNS} seeds or more to say much.**", ""]
        sources = OrderedDict()
        for r in self.rows:
            for s in r.sources:
                sources.setdefault(s, len(sources) + 1)
        lines += ["| # | pattern | record [source] | model mean | model range | holds (rule) |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for r in self.rows:
            refs = "".join(f"[{sources[s]}]" for s in r.sources)
            record = f"{r.record} {refs}".strip() or "–"
            if r.holds == "n/a":
                mean, rng = "–", "–"
            else:
                mean = r.mean_text or fmt(r.mean, r.unit)
                rng = r.range_text or f"{fmt(r.low, r.unit)} – {fmt(r.high, r.unit)}"
            if r.holds == "n/a":
                holds = f"n/a: {r.na or 'no value'}"
            elif r.holds == "—":
                holds = "— (not judged)"
            else:
                holds = f"{r.holds} ({r.rule.text()})"
            item = r.item + (f" — {r.note}" if r.note and r.holds != "n/a" else "")
            lines.append("| " + " | ".join(_md(x) for x in (str(r.pattern), item, record, mean, rng, holds)) + " |")
        lines += ["", "Patterns: " + "; ".join(f"{p}. {PATTERNS[p]}: {v}" for p, v in self.summary().items()) + ".",
                  "", "Sources:", ""]
        lines += [f"[{i}] {s}" + ("  " if i < len(sources) else "") for s, i in sources.items()]
        return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def validate(runs, record_set: str = "auto") -> Validation:
    """The pattern table of runs of one Sahel scenario."""
    if not runs:
        raise RunError("no run folder given")
    names = list(OrderedDict.fromkeys(r.name for r in runs))
    if len(names) > 1:
        raise RunError(f"runs of {len(names)} scenarios given ({'; '.join(names)}): "
                       "pass the seeds of one scenario")
    if any(r.model != "sahel" for r in runs):
        raise RunError("pattern validation reads Sahel runs only")
    rset = choose_record_set(runs) if record_set == "auto" else record_set
    if rset not in RECORD_SETS:
        raise RunError(f"--record {record_set}: expected one of {', '.join(RECORD_SETS)} or auto")
    datas = [RunData(r) for r in runs]
    rows = []
    for p, build in BUILDERS.items():
        if p == 7 and rset != "mali_2012":
            continue
        rows += build(datas, rset)
    return Validation(names[0], rset, list(runs), rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m analysis.patterns", description=__doc__.split("\n")[0])
    ap.add_argument("runs", nargs="+", metavar="RUN_DIR", help="run folders (or compare folders) of one scenario")
    ap.add_argument("--record", default="auto", choices=("auto",) + RECORD_SETS,
                    help="which records to compare with (auto: mali_2012 for runs starting before 2016)")
    ap.add_argument("--out", metavar="FILE.csv", help="write the table as CSV")
    ap.add_argument("--markdown", metavar="FILE.md", help="write the Markdown table to a file too")
    a = ap.parse_args(argv)
    try:
        col = collect(a.runs)
        if col.epstein:
            raise RunError("pattern validation reads Sahel runs only (an Epstein run was given)")
        v = validate(col.runs, a.record)
        text = v.markdown()
        for path, write in ((a.out, lambda p: v.table().to_csv(p, index=False)),
                            (a.markdown, lambda p: Path(p).write_text(text, encoding="utf-8"))):
            if path:
                if not Path(path).resolve().parent.is_dir():
                    raise RunError(f"{path}: the folder {Path(path).parent} does not exist")
                try:
                    write(path)
                except OSError as e:
                    raise RunError(f"{path}: cannot write ({e.strerror})") from e
    except RunError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if v.n_runs < MIN_RUNS:
        print(f"warning: {v.n_runs} run(s); pattern validation wants {MIN_RUNS} seeds or more", file=sys.stderr)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
