# SPDX-License-Identifier: MIT
"""The Flee export has Flee's column layouts and a consistent graph and conflict timeline."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from analysis import flee_export
from analysis.runs import load_run

# Header lines exactly as Flee's own input files have them (djgroen/flee test_data and FabFlee configs).
FLEE_HEADERS = {
    "locations.csv": "#name,region,country,lat,lon,location_type,conflict_date,pop/cap",
    "routes.csv": "#name1,name2,distance,forced_redirection",
    "closures.csv": "#closure_type,name1,name2,closure_start,closure_end",
}


@pytest.fixture(scope="module")
def export(sahel_runs, tmp_path_factory):
    out = tmp_path_factory.mktemp("flee")
    assert flee_export.main([str(sahel_runs["ww"][0]), "--out", str(out)]) == 0
    return out


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_headers_are_flee_s(export):
    for name, header in FLEE_HEADERS.items():
        assert (export / name).read_text(encoding="utf-8").splitlines()[0] == header
    assert rows(export / "conflicts.csv")[0][0] == "#Day"


def test_locations(export):
    locs = rows(export / "locations.csv")[1:]
    assert all(len(r) == 8 for r in locs)
    names = [r[0] for r in locs]
    assert len(set(names)) == len(names)
    assert locs[0][2] == "Mali"  # Flee's home country is the first row's
    types = {r[5] for r in locs}
    assert types <= {"town", "conflict_zone", "camp"} and "camp" in types
    for r in locs:
        float(r[3]), float(r[4]), int(r[7])
        if r[5] == "conflict_zone":
            assert int(r[6]) >= 0  # Flee parses conflict_date as an int for conflict zones
        else:
            assert r[6] == ""
    assert "Mbera / Fassala" in names and "Border Mauritania" in names


def test_routes_connect_every_location(export):
    names = {r[0] for r in rows(export / "locations.csv")[1:]}
    routes = rows(export / "routes.csv")[1:]
    adj = {n: set() for n in names}
    for a, b, d, forced in routes:
        assert a in names and b in names and a != b
        assert 0 < float(d) < 2500 and forced == "0"
        adj[a].add(b)
        adj[b].add(a)
    seen, todo = set(), [next(iter(names))]
    while todo:
        n = todo.pop()
        if n not in seen:
            seen.add(n)
            todo += adj[n] - seen
    assert seen == names


def test_conflicts_follow_the_event_log(sahel_runs, export):
    run = load_run(sahel_runs["ww"][0])
    conflicts = pd.read_csv(export / "conflicts.csv")
    assert list(conflicts["#Day"]) == list(range(len(conflicts)))
    period = dict(rows(export / "sim_period.csv"))
    assert period["StartDate"] == run.start_date and int(period["Length"]) == len(conflicts) - 1
    values = conflicts.drop(columns="#Day")
    assert set(values.stack().unique()) <= {0, 1}
    ev = run.events[run.events.event_type.isin(flee_export.CONFLICT_EVENT_TYPES)]
    towns = set(values.columns)
    for _, e in ev.iterrows():
        if e["location"] in towns:
            day = (e["event_date"] - pd.Timestamp(run.start_date)).days
            assert values.loc[day, e["location"]] == 1
    # conflict zones in locations.csv start on their first day of conflict
    for r in rows(export / "locations.csv")[1:]:
        if r[5] == "conflict_zone":
            col = values[r[0]]
            assert col.iloc[int(r[6])] == 1 and col.iloc[: int(r[6])].sum() == 0
