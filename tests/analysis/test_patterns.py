# SPDX-License-Identifier: MIT
"""Pattern-oriented validation (analysis.patterns) on small synthetic run folders with known values.

The run folders are written here, not by the simulator, so every expected
number can be worked out by hand (and the tests do not depend on the binary
or on the output format still being extended).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import patterns
from analysis.runs import load_run

SOURCE_DIR = Path(__file__).resolve().parents[2]

FACTIONS = [("FAMa", "state"), ("FABF", "state"), ("Barkhane", "foreign"), ("MINUSMA", "peacekeeper"),
            ("Wagner", "mercenary"), ("JNIM", "militant"), ("CMA", "separatist")]
FACTIONS_2012 = [("FAMa", "state"), ("Serval", "foreign"), ("MNLA", "separatist"), ("MUJAO", "militant"),
                 ("Ansar Dine", "militant")]

# name: (country, lat, lon)
PLACES = {
    "Mopti": ("Mali", 14.49, -4.19), "Timbuktu": ("Mali", 16.78, -3.00), "Gao": ("Mali", 16.27, -0.04),
    "Bamako": ("Mali", 12.65, -8.00), "Kayes": ("Mali", 14.45, -11.44), "Dori": ("Burkina Faso", 14.03, -0.03),
    "Niamey": ("Niger", 13.53, 2.12), "Diffa": ("Niger", 13.32, 12.61),
    "30 km N of Bamako": ("Mali", 12.65 + 30 / 111.2, -8.00), "70 km N of Bamako": ("Mali", 12.65 + 70 / 111.2, -8.00),
}


def ev(date, etype, a1, a2, place, dead, civ=0, sub=""):
    country, lat, lon = PLACES[place]
    return {"event_date": date, "event_type": etype, "sub_event_type": sub, "actor1": a1, "actor2": a2,
            "country": country, "location": place, "latitude": lat, "longitude": lon, "fatalities": dead,
            "civilian_fatalities": civ, "notes": ""}


def make_run(root: Path, name: str, *, seed=1, start="2017-01-01", end="2017-12-31", events=(), factions=FACTIONS,
             losses=None, absent=(), countries=None, cells=None, scenario="synthetic", old_format=False,
             events_file=True) -> Path:
    """A run folder: manifest.json, events.csv, timeseries.csv (the 1st of each month, the last day and
    every loss date), countries.csv when `countries` rows are given, cells/ snapshots from `cells`.
    losses: {faction: {date: n}}; absent: factions with strength 0 throughout."""
    path = root / name
    path.mkdir(parents=True)
    manifest = {"scenario": {"model": "sahel", "name": scenario, "start_date": start, "seed": seed,
                             "factions": [{"name": n, "kind": k} for n, k in factions],
                             "map": {"lon_min": -12, "lon_max": 4, "lat_min": 10, "lat_max": 20, "cell_deg": 0.5}},
                "seed": seed, "replicate": 0, "start_date": start, "first_date": start, "end_date": end}
    (path / "manifest.json").write_text(json.dumps(manifest))
    losses = losses or {}
    dates = set(pd.date_range(start, end, freq="MS")) | {pd.Timestamp(start), pd.Timestamp(end)}
    dates |= {pd.Timestamp(d) for by_date in losses.values() for d in by_date}
    t0 = pd.Timestamp(start)
    ts = []
    for d in sorted(dates):
        for n, k in factions:
            ts.append({"date": d.date().isoformat(), "tick": (d - t0).days, "faction": n, "kind": k,
                       "strength": 0 if n in absent else 1000, "units": 0 if n in absent else 10,
                       "cells_controlled": 5, "losses": losses.get(n, {}).get(d.date().isoformat(), 0),
                       "civilians_killed": 0})
        ts.append({"date": d.date().isoformat(), "tick": (d - t0).days, "faction": "civilians", "kind": "civilians"})
    pd.DataFrame(ts).to_csv(path / "timeseries.csv", index=False)
    if events_file:
        frame = pd.DataFrame(list(events), columns=list(ev("2017-01-01", "Battles", "", "", "Mopti", 0)))
        frame.insert(0, "event_id", range(1, len(frame) + 1))
        if old_format:
            frame = frame.drop(columns=["sub_event_type", "civilian_fatalities"])
        frame.to_csv(path / "events.csv", index=False)
    if countries is not None:
        rows = [{"date": d, "tick": 0, "country": c, "name": patterns.COUNTRY_NAMES.get(c, c), "population": 1,
                 "idps": idps, "refugees_abroad": abroad, "refugees_hosted": 0} for d, c, idps, abroad in countries]
        pd.DataFrame(rows).to_csv(path / "countries.csv", index=False)
    for date, rows in (cells or {}).items():
        (path / "cells").mkdir(exist_ok=True)
        pd.DataFrame(rows, columns=["lon", "lat", "country", "controller", "zone", "population", "displaced",
                                    "legitimacy", "violence"]).to_csv(path / "cells" / f"cells_{date}.csv",
                                                                      index=False)
    return path


def rows_of(v, pattern):
    return {r.item: r for r in v.rows if r.pattern == pattern}


def validate(paths, record="auto"):
    return patterns.validate([load_run(p) for p in paths], record)


# 1. Event mix --------------------------------------------------------------------------------------------------

def test_event_mix_shares_count_mali_events_other_than_strategic_developments(tmp_path):
    events = [ev("2017-02-01", "Battles", "FAMa", "JNIM", "Mopti", 2, sub="Armed clash") for _ in range(3)]
    events += [ev("2017-03-01", "Violence against civilians", "JNIM", "Civilians", "Mopti", 1, 1, "Attack"),
               ev("2017-03-02", "Strategic developments", "JNIM", "", "Gao", 0),
               ev("2017-03-03", "Battles", "FABF", "JNIM", "Dori", 4),
               ev("2017-03-04", "Battles", "FABF", "JNIM", "Dori", 4)]
    v = validate([make_run(tmp_path, "r1", events=events)])
    r = rows_of(v, 1)
    assert r["Battles share of Mali's events, 2017"].values == [0.75]
    assert r["Violence against civilians share of Mali's events, 2017"].values == [0.25]
    assert r["Explosions/Remote violence share of Mali's events, 2017"].values == [0.0]
    assert r["Battles in Mali, 2017"].values == [3.0]
    # record: 191 of 415 = 0.46; 0.75 is 0.29 away -> no; VAC 0.25 vs 132/415 = 0.32 -> yes
    assert r["Battles share of Mali's events, 2017"].holds == "no"
    assert r["Violence against civilians share of Mali's events, 2017"].holds == "yes"
    assert r["Battles in Mali, 2017"].holds == "no"  # 3 battles against 191: not within a factor of 2


def test_mean_range_and_partly_over_runs(tmp_path):
    a = [ev("2017-02-01", "Battles", "FAMa", "JNIM", "Mopti", 2)] * 3 + [ev("2017-02-02", "Violence against civilians",
                                                                            "JNIM", "Civilians", "Mopti", 1, 1)]
    b = [ev("2017-02-01", "Battles", "FAMa", "JNIM", "Mopti", 2)] * 2 + [ev("2017-02-02", "Violence against civilians",
                                                                            "JNIM", "Civilians", "Mopti", 1, 1)] * 2
    v = validate([make_run(tmp_path, "a", events=a), make_run(tmp_path, "b", seed=2, events=b)])
    row = rows_of(v, 1)["Battles share of Mali's events, 2017"]
    assert (row.mean, row.low, row.high, row.n) == (0.625, 0.5, 0.75, 2)
    # the mean is 0.165 from 191/415: not within 0.15, but run b (0.5) is -> partly
    assert row.holds == "partly"


def test_only_full_calendar_years_count(tmp_path):
    events = [ev("2017-08-01", "Battles", "FAMa", "JNIM", "Mopti", 5),
              ev("2018-05-01", "Battles", "FAMa", "JNIM", "Mopti", 7)]
    p = make_run(tmp_path, "r", start="2017-07-01", end="2018-12-31", events=events)
    v = validate([p])
    assert patterns.RunData(load_run(p)).years == [2018]
    assert [r.item for r in v.rows if r.pattern == 1 and r.item.startswith("Battles in")] == ["Battles in Mali, 2018"]
    assert rows_of(v, 3)["Battle-related deaths in Mali, 2018"].values == [7.0]


# 2. Size of violence against civilians ------------------------------------------------------------------------

def test_vac_sizes(tmp_path):
    vac = [ev("2017-04-01", "Violence against civilians", "JNIM", "Civilians", "Mopti", n, n) for n in (1, 1, 2, 50)]
    vac.append(ev("2017-04-02", "Violence against civilians", "JNIM", "Civilians", "Niamey", 3, 3))
    vac.append(ev("2017-04-03", "Battles", "FAMa", "JNIM", "Mopti", 90))  # not VAC
    v = validate([make_run(tmp_path, "r", events=vac)])
    r = rows_of(v, 2)
    assert r["VAC deaths per event, median, Mali"].values == [1.5]
    assert r["VAC deaths per event, mean, Mali"].values == [13.5]
    assert r["VAC deaths in the largest event, Mali"].values == [50.0]
    assert r["VAC events with ≥ 10 dead, share, Mali"].values == [0.25]
    assert r["VAC deaths per event, 90th percentile, Mali"].values == [pytest.approx(35.6)]
    assert r["VAC deaths per event, median, all countries"].values == [2.0]
    assert r["VAC deaths per event, mean, all countries"].values == [pytest.approx(57 / 5)]
    assert r["VAC deaths per event, median, Mali"].holds == "yes"       # 1 <= 1.5 <= 3
    assert r["VAC deaths in the largest event, Mali"].holds == "yes"    # 50 >= 20
    assert r["VAC deaths per event, mean, Mali, 2017"].values == [13.5]


def test_vac_without_a_heavy_tail_does_not_hold(tmp_path):
    vac = [ev("2017-04-01", "Violence against civilians", "JNIM", "Civilians", "Mopti", n, n) for n in (4, 5, 6, 19)]
    r = rows_of(validate([make_run(tmp_path, "r", events=vac)]), 2)
    assert r["VAC deaths per event, median, Mali"].values == [5.5]
    assert r["VAC deaths per event, median, Mali"].holds == "no"
    assert r["VAC deaths in the largest event, Mali"].holds == "no"


# 3. Battle deaths ---------------------------------------------------------------------------------------------

def test_battle_deaths_count_only_state_based_fighting_in_mali(tmp_path):
    events = [ev("2017-05-01", "Battles", "FAMa", "JNIM", "Mopti", 10),                  # counted
              ev("2017-05-02", "Battles", "JNIM", "CMA", "Gao", 7),                      # no government actor
              ev("2017-05-03", "Explosions/Remote violence", "JNIM", "Barkhane", "Gao", 4,
                 sub="Remote explosive/landmine/IED"),                                   # counted
              ev("2017-05-04", "Explosions/Remote violence", "JNIM", "", "Gao", 6),      # no government actor
              ev("2017-05-05", "Violence against civilians", "FAMa", "Civilians", "Mopti", 5, 5),  # not a battle
              ev("2017-05-06", "Battles", "MINUSMA", "JNIM", "Niamey", 9),               # not in Mali
              ev("2017-05-07", "Battles", "Wagner", "JNIM", "Timbuktu", 2)]              # mercenary: government side
    p = make_run(tmp_path, "r", events=events)
    row = rows_of(validate([p]), 3)["Battle-related deaths in Mali, 2017"]
    assert row.values == [16.0]
    assert row.records[0].value == 359
    assert row.holds == "no"  # 16 < 359 / 2
    v = validate([p], "mali_2012")
    (na,) = [r for r in v.rows if r.pattern == 3]
    assert na.holds == "n/a" and "2012–2015" in na.na


def test_factor_of_two_rule():
    rule = patterns.Rule("factor", 2)
    assert rule.ok(180, 359) and rule.ok(718, 359) and not rule.ok(179, 359) and not rule.ok(719, 359)
    assert rule.ok(155_500, (311_000, 350_000)) and rule.ok(700_000, (311_000, 350_000))
    assert not rule.ok(155_000, (311_000, 350_000))


# 4. Displacement ----------------------------------------------------------------------------------------------

def test_displacement_stocks_on_the_nearest_date(tmp_path):
    countries = [("2019-06-20", "ML", 10, 0), ("2019-07-02", "ML", 150_000, 0),
                 ("2019-12-31", "BF", 100_000, 0), ("2019-12-31", "ML", 1, 0),
                 ("2021-12-31", "BF", 1_000_000, 0), ("2021-12-31", "ML", 500_000, 0), ("2021-12-31", "NE", 600_000, 0)]
    p = make_run(tmp_path, "r", start="2019-01-01", end="2021-12-31", countries=countries)
    r = rows_of(validate([p]), 4)
    ml = r["Mali IDPs, 2019-06-30"]
    assert ml.values == [150_000.0] and ml.holds == "yes"        # 2 days away; within a factor 2 of 147,861
    bf = r["Burkina Faso IDPs, 2019-12-31"]
    assert bf.values == [100_000.0] and bf.holds == "no"          # below 560,033 / 2
    sahel = r["Central Sahel IDPs (BF+ML+NE), 2021-12-31"]
    assert sahel.values == [2_100_000.0] and sahel.holds == "yes"
    # Mali on 2020-12-31: the nearest date is a year away -> n/a with the reason
    gap = r["Mali IDPs, 2020-12-31"]
    assert gap.holds == "n/a" and "within 31 days" in gap.na
    assert "Burkina Faso IDPs, 2020-12-31" in r and "Mali IDPs, 2012-05-15" not in r  # sahel_2017 records only


def test_missing_countries_csv_is_na_not_an_error(tmp_path):
    v = validate([make_run(tmp_path, "r", start="2019-01-01", end="2021-12-31")])
    rows = [r for r in v.rows if r.pattern == 4]
    assert rows and all(r.holds == "n/a" and "no countries.csv" in r.na for r in rows)
    assert v.summary()[4] == "n/a"


def test_refugees_for_mali_2012(tmp_path):
    countries = [("2012-06-30", "ML", 200_000, 100_000), ("2012-12-16", "ML", 250_000, 400_000)]
    p = make_run(tmp_path, "r", start="2012-01-01", end="2013-12-31", factions=FACTIONS_2012, countries=countries)
    v = validate([p])
    assert v.record_set == "mali_2012"  # auto: the run starts before 2016
    r = rows_of(v, 4)
    assert r["Malian refugees abroad (record: in camps), 2012-06-30"].holds == "yes"
    assert r["Malian refugees abroad (record: in camps), 2012-12-16"].holds == "no"   # 400,000 > 2 x 157,300
    assert r["Mali IDPs, 2013-06-30"].holds == "n/a"


# 5. Losses ----------------------------------------------------------------------------------------------------

def test_losses_per_year_and_largest_state_loss(tmp_path):
    events = [ev("2017-06-01", "Battles", "JNIM", "FAMa", "Mopti", 30, 5),         # 25 fighters
              ev("2017-06-02", "Battles", "JNIM", "CMA", "Gao", 60),                # no state faction
              ev("2017-06-03", "Violence against civilians", "FAMa", "Civilians", "Mopti", 80, 80)]
    losses = {"Barkhane": {"2017-03-01": 2, "2017-09-01": 3}, "MINUSMA": {"2017-05-01": 40},
              "FAMa": {"2017-02-01": 7}}
    a = make_run(tmp_path, "a", events=events, losses=losses, absent=("Wagner",))
    b = make_run(tmp_path, "b", seed=2, events=[ev("2017-06-01", "Battles", "FAMa", "JNIM", "Mopti", 12)],
                 losses=losses, absent=("Wagner",))
    r = rows_of(validate([a, b]), 5)
    assert r["Barkhane (foreign) fighters killed, 2017"].values == [5.0, 5.0]
    assert r["Barkhane (foreign) fighters killed, 2017"].holds == "yes"
    assert r["MINUSMA (peacekeeper) fighters killed, 2017"].values == [40.0, 40.0]
    assert r["MINUSMA (peacekeeper) fighters killed, 2017"].holds == "no"            # > 30
    assert r["MINUSMA (peacekeeper) fighters killed, 2017"].records[0].value == 21
    assert r["FAMa (state) fighters killed, 2017"].values == [7.0, 7.0]
    assert r["FAMa (state) fighters killed, 2017"].holds == "—"
    assert not any(k.startswith("Wagner") for k in r)                                 # not deployed
    big = r["Most fighters killed in one battle with a state faction"]
    assert big.values == [25.0, 12.0] and big.holds == "yes"                          # the largest over runs >= 20


def test_timeseries_without_losses_leaves_the_yearly_losses_out(tmp_path):
    p = make_run(tmp_path, "r", events=[ev("2017-06-01", "Battles", "JNIM", "FAMa", "Mopti", 30, 5)])
    ts = pd.read_csv(p / "timeseries.csv").drop(columns=["losses"])
    ts.to_csv(p / "timeseries.csv", index=False)
    r = rows_of(validate([p]), 5)
    assert list(r) == ["Most fighters killed in one battle with a state faction"]
    assert r["Most fighters killed in one battle with a state faction"].values == [25.0]


def test_old_events_format_without_new_columns(tmp_path):
    events = [ev("2017-06-01", "Battles", "JNIM", "FAMa", "Mopti", 30, 5),
              ev("2017-06-02", "Violence against civilians", "JNIM", "Civilians", "Mopti", 4, 4)]
    p = make_run(tmp_path, "r", events=events, old_format=True)
    assert "civilian_fatalities" not in pd.read_csv(p / "events.csv").columns
    data = patterns.RunData(load_run(p))
    assert data.events["civilian_fatalities"].tolist() == [0.0, 4.0]
    assert data.events["sub_event_type"].tolist() == ["", ""]
    r = rows_of(validate([p]), 5)
    assert r["Most fighters killed in one battle with a state faction"].values == [30.0]
    assert rows_of(validate([p]), 2)["VAC deaths in the largest event, Mali"].values == [4.0]


# 6. Where violence happens ------------------------------------------------------------------------------------

def test_central_mali_polygon():
    inside = {"Mopti": (-4.19, 14.49), "Djenne": (-4.55, 13.91), "Douentza": (-2.95, 15.01),
              "Tenenkou": (-4.87, 14.50), "Boni": (-1.95, 15.05)}
    outside = {"Segou": (-6.27, 13.44), "Timbuktu": (-3.00, 16.78), "Gao": (-0.04, 16.27),
               "Djibo": (-1.63, 14.10), "Bamako": (-8.00, 12.65)}
    lon_in, lat_in = zip(*inside.values())
    lon_out, lat_out = zip(*outside.values())
    assert patterns.in_central_mali(lon_in, lat_in).all(), inside
    assert not patterns.in_central_mali(lon_out, lat_out).any(), outside
    assert patterns.in_polygon(0.5, 0.5, [(0, 0), (1, 0), (1, 1), (0, 1)]).tolist() == [True]
    assert patterns.in_polygon(1.5, 0.5, [(0, 0), (1, 0), (1, 1), (0, 1)]).tolist() == [False]


def test_where_violence_happens(tmp_path):
    events = [ev("2017-07-01", "Battles", "FAMa", "JNIM", "Mopti", 10),
              ev("2017-07-02", "Violence against civilians", "JNIM", "Civilians", "Timbuktu", 10, 10),
              ev("2017-07-03", "Battles", "FAMa", "JNIM", "Bamako", 1),
              ev("2017-07-04", "Battles", "FABF", "JNIM", "Dori", 5),                 # 112 km from the tripoint
              ev("2017-07-05", "Explosions/Remote violence", "JNIM", "FABF", "Niamey", 4),
              ev("2017-07-06", "Strategic developments", "JNIM", "", "Mopti", 100),   # not counted
              ev("2017-07-07", "Battles", "FAMa", "JNIM", "30 km N of Bamako", 2),     # near a capital
              ev("2017-07-08", "Battles", "FAMa", "JNIM", "70 km N of Bamako", 3)]     # not near one
    # deaths: 35 in all, 26 in Mali; capitals 1 + 4 + 2 = 7; tripoint: Dori only
    r = rows_of(validate([make_run(tmp_path, "r", events=events)]), 6)
    mopti = r["Central Mali (≈ Mopti region) share of Mali's deaths, full years"]
    assert mopti.values == [pytest.approx(10 / 26)] and mopti.holds == "yes"
    assert r["Central Mali share of Mali's deaths, 2017"].values == [pytest.approx(10 / 26)]
    caps = r["Share of deaths within 50 km of Bamako, Ouagadougou or Niamey"]
    assert caps.values == [pytest.approx(7 / 35)] and caps.holds == "no"
    assert r["Liptako-Gourma (≤ 200 km of the tripoint) share of all deaths"].values == [pytest.approx(5 / 35)]
    assert r["Liptako-Gourma share of Burkina Faso's deaths"].values == [1.0]
    assert r["Liptako-Gourma share of Niger's deaths"].values == [0.0]


# 7. The north in 2012-2013 ------------------------------------------------------------------------------------

def _cells(gao, timbuktu, kidal):
    def cell(lon, lat, who):
        return {"lon": lon, "lat": lat, "country": "ML", "controller": who, "zone": 3, "population": 1000,
                "displaced": 0, "legitimacy": 0.5, "violence": 0}
    return [cell(-0.25, 16.25, gao), cell(-2.75, 16.75, timbuktu), cell(1.25, 18.25, kidal),
            cell(-7.75, 12.75, "FAMa")]


def test_north_lost_and_retaken(tmp_path):
    cells = {"2012-07-01": _cells("MUJAO", "Ansar Dine", "MNLA"), "2013-02-10": _cells("FAMa", "Serval", "MNLA")}
    a = make_run(tmp_path, "a", start="2012-01-01", end="2013-12-31", factions=FACTIONS_2012, cells=cells)
    cells_b = {"2012-07-01": _cells("MNLA", "contested", "MNLA"), "2013-02-10": _cells("MUJAO", "FAMa", "FAMa")}
    b = make_run(tmp_path, "b", seed=2, start="2012-01-01", end="2013-12-31", factions=FACTIONS_2012, cells=cells_b)
    v = validate([a, b])
    r = rows_of(v, 7)
    gao12 = r["Gao: controller of its cell, snapshot nearest 2012-07-15"]
    assert gao12.values == [1.0, 1.0] and gao12.holds == "yes"
    tim12 = r["Timbuktu: controller of its cell, snapshot nearest 2012-07-15"]
    assert tim12.values == [1.0, 0.0] and tim12.holds == "partly"        # contested is neither side
    gao13 = r["Gao: controller of its cell, snapshot nearest 2013-02-15"]
    assert gao13.values == [1.0, 0.0] and gao13.holds == "partly"
    assert gao13.range_text == "FAMa ×1, MUJAO ×1"
    assert r["Kidal: controller of its cell, snapshot nearest 2013-02-15"].holds == "—"   # not scored
    # not in the sahel_2017 table
    assert not [x for x in validate([a, b], "sahel_2017").rows if x.pattern == 7]


def test_north_without_a_snapshot_near_the_date_is_na(tmp_path):
    cells = {"2012-03-01": _cells("MNLA", "MNLA", "MNLA"), "2013-05-01": _cells("FAMa", "FAMa", "MNLA")}
    p = make_run(tmp_path, "r", start="2012-01-01", end="2013-12-31", factions=FACTIONS_2012, cells=cells)
    rows = [x for x in validate([p]).rows if x.pattern == 7]
    assert len(rows) == 6 and all(x.holds == "n/a" and "days from" in x.na for x in rows)


# Records, the table and the command line ----------------------------------------------------------------------

def test_records_have_sources_and_nothing_after_2021():
    for r in patterns.RECORDS:
        assert r.source.strip(), r.key
        assert "/work/" not in r.source and "shared/" not in r.source, r.key
        for text in (r.when, r.source, r.shown):
            for year in re.findall(r"(?<!\d)(20\d\d)(?!\d)", text):
                assert int(year) <= 2021, (r.key, text)


def test_docs_cite_the_same_sources():
    doc = (SOURCE_DIR / "docs" / "patterns.md").read_text(encoding="utf-8")
    missing = sorted({r.source for r in patterns.RECORDS if r.source not in doc})
    assert not missing, missing


def test_cli_writes_csv_markdown_and_prints_the_table(tmp_path, capsys):
    events = [ev("2017-02-01", "Battles", "FAMa", "JNIM", "Mopti", 2)]
    runs = [make_run(tmp_path, f"seed-{s}", seed=s, events=events) for s in range(1, 6)]
    out, md = tmp_path / "patterns.csv", tmp_path / "patterns.md"
    assert patterns.main([str(p) for p in runs] + ["--out", str(out), "--markdown", str(md)]) == 0
    printed = capsys.readouterr()
    assert "| # | pattern | record [source] | model mean | model range | holds (rule) |" in printed.out
    assert md.read_text(encoding="utf-8") == printed.out
    assert "warning" not in printed.err  # five runs
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == ["pattern", "pattern_name", "item", "record", "source", "model_mean", "model_min",
                                   "model_max", "runs", "holds", "rule", "note"]
    row = table[table["item"] == "Battles share of Mali's events, 2017"].iloc[0]
    assert (float(row["model_mean"]), row["runs"], row["holds"]) == (1.0, 5, "no")
    assert "ACCORD" in row["source"]
    assert set(table["holds"]) <= {"yes", "no", "partly", "n/a", "—"}
    assert (table.loc[table["holds"] == "n/a", "note"] != "").all()   # every n/a says why


def test_cli_bad_input_exits_2(tmp_path, capsys):
    assert patterns.main([str(tmp_path)]) == 2
    assert "not a run folder" in capsys.readouterr().err
    no_events = make_run(tmp_path, "no-events", events_file=False)
    assert patterns.main([str(no_events)]) == 2
    assert "no events.csv" in capsys.readouterr().err
    a = make_run(tmp_path, "a", scenario="one")
    b = make_run(tmp_path, "b", scenario="two")
    assert patterns.main([str(a), str(b)]) == 2
    assert "pass the seeds of one scenario" in capsys.readouterr().err
    bad = make_run(tmp_path, "bad")
    (bad / "events.csv").write_text("event_id,event_date\n1,2017-01-02\n")
    assert patterns.main([str(bad)]) == 2
    assert "missing column" in capsys.readouterr().err
    assert patterns.main([str(a), "--out", str(tmp_path / "nowhere" / "x.csv")]) == 2


def test_module_runs_as_a_program(tmp_path):
    done = subprocess.run([sys.executable, "-m", "analysis.patterns", str(tmp_path)], cwd=SOURCE_DIR,
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.startswith("error:")


def test_fewer_than_five_runs_warns(tmp_path, capsys):
    assert patterns.main([str(make_run(tmp_path, "r"))]) == 0
    captured = capsys.readouterr()
    assert "warning: 1 run(s)" in captured.err and "Only 1 run(s)" in captured.out
