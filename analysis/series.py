# SPDX-License-Identifier: MIT
"""The time series the charts show, pulled out of timeseries.csv.

Each chart is a `Metric`: a title, a unit, and a function giving, for one
run, {label: pd.Series over dates}. A label is a faction, a kind of faction,
or a civilian quantity. Daily flows (losses, civilians killed, recruits) are
shown cumulated, because a daily count of a rare event is mostly zeros.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from .runs import GOVERNMENT_KINDS, INSURGENT_KINDS, Run


def _faction_rows(run: Run) -> pd.DataFrame:
    ts = run.timeseries
    return ts[ts["faction"] != "civilians"]


def _civilian_rows(run: Run) -> pd.DataFrame:
    ts = run.timeseries
    return ts[ts["faction"] == "civilians"].set_index("date")


def per_faction(column: str, cumulative: bool = False):
    def extract(run: Run) -> "OrderedDict[str, pd.Series]":
        rows = _faction_rows(run)
        wide = rows.pivot_table(index="date", columns="faction", values=column, aggfunc="sum")
        if cumulative:
            wide = wide.fillna(0).cumsum()
        order = [f for f, _ in run.factions if f in wide.columns] or list(wide.columns)
        return OrderedDict((f, wide[f]) for f in order)
    return extract


def per_kind(column: str, cumulative: bool = False):
    def extract(run: Run) -> "OrderedDict[str, pd.Series]":
        rows = _faction_rows(run)
        wide = rows.pivot_table(index="date", columns="kind", values=column, aggfunc="sum")
        if cumulative:
            wide = wide.fillna(0).cumsum()
        kinds = list(OrderedDict.fromkeys(k for _, k in run.factions if k in wide.columns)) or list(wide.columns)
        return OrderedDict((k, wide[k]) for k in kinds)
    return extract


def civilians(*columns: str, cumulative: bool = False, labels: dict | None = None):
    labels = labels or {}

    def extract(run: Run) -> "OrderedDict[str, pd.Series]":
        rows = _civilian_rows(run)
        out = OrderedDict()
        for c in columns:
            if c in rows.columns:
                s = pd.to_numeric(rows[c], errors="coerce")
                out[labels.get(c, c)] = s.fillna(0).cumsum() if cumulative else s
        return out
    return extract


def per_side(column: str):
    """The government side and the insurgents summed over their factions' kinds."""
    def extract(run: Run) -> "OrderedDict[str, pd.Series]":
        rows = _faction_rows(run)
        out = OrderedDict()
        for label, kinds in (("insurgent-held", INSURGENT_KINDS), ("government-held", GOVERNMENT_KINDS)):
            side = rows[rows["kind"].isin(kinds)]
            out[label] = side.groupby("date")[column].sum().reindex(sorted(rows["date"].unique()), fill_value=0)
        return out
    return extract


def epstein(*columns: str):
    """Columns of an Epstein run's timeseries.csv, over ticks."""
    def extract(run: Run) -> "OrderedDict[str, pd.Series]":
        ts = run.timeseries.set_index("tick")
        return OrderedDict((c, pd.to_numeric(ts[c], errors="coerce")) for c in columns if c in ts.columns)
    return extract


@dataclass(frozen=True)
class Metric:
    key: str          # file stem of the chart
    title: str
    unit: str
    extract: Callable
    caption: str      # what the chart shows, for the report
    by: str = "faction"  # faction, kind or civilians: how labels are coloured
    x: str = "date"      # date (Sahel runs) or tick (Epstein runs)


METRICS = [
    Metric("strength", "Fighters per faction", "fighters", per_faction("strength"),
           "Fighters of each faction at the end of each day."),
    Metric("territory", "Territory: cells held per faction", "cells of 0.1 degree", per_faction("cells_controlled"),
           "Cells of Mali, Burkina Faso and Niger whose controller is the faction (cells nobody holds are "
           "contested and counted for no one)."),
    Metric("losses", "Fighters lost (cumulative)", "fighters", per_faction("losses", cumulative=True),
           "Fighters each faction has lost since the start: in battles, to IEDs, shelling and air strikes."),
    Metric("civilians_killed", "Civilians killed, by perpetrator (cumulative)", "people",
           per_faction("civilians_killed", cumulative=True),
           "Civilians each faction has killed since the start (collateral harm in battles and air strikes, "
           "and violence against civilians)."),
    Metric("civilians_killed_by_kind", "Civilians killed, by kind of perpetrator (cumulative)", "people",
           per_kind("civilians_killed", cumulative=True),
           "The same deaths summed over the factions of each kind (state armies, foreign forces, "
           "mercenaries, peacekeepers, militants, separatists).", by="kind"),
    Metric("displacement", "Displaced people and refugees", "people",
           civilians("displaced", "refugees", labels={"displaced": "displaced (all)", "refugees": "refugees abroad"}),
           "People away from home (displaced, including refugees) and those of them living outside their "
           "home country (refugees), the scenario's stocks of its start date included.", by="civilians"),
    Metric("active_supporters", "Active supporters of the insurgency", "people",
           civilians("active_supporters", labels={"active_supporters": "active supporters"}),
           "People in households that actively support the insurgency (Epstein's rule with the local "
           "legitimacy of the state).", by="civilians"),
    Metric("recruited", "People who joined armed groups (cumulative)", "people",
           civilians("recruited", cumulative=True, labels={"recruited": "joined armed groups"}),
           "People who left their households to join an insurgent group since the start.", by="civilians"),
    Metric("legitimacy", "Mean local legitimacy of the state", "0 to 1",
           civilians("mean_legitimacy", labels={"mean_legitimacy": "mean legitimacy"}),
           "The state's local legitimacy averaged over the core cells, weighted by the people in each cell.",
           by="civilians"),
]


# The report's first figure: a panel each, one line per scenario.
GLANCE = [
    Metric("glance_cells", "Cells held by each side", "cells",
           per_side("cells_controlled"), "Cells held by militant and separatist factions, and by the state, "
           "foreign, mercenary and peacekeeper factions.", by="side"),
    Metric("glance_killed", "Civilians killed (cumulative)", "people",
           civilians("dead", labels={"dead": "civilians killed"}), "Civilians killed by anyone since the start.",
           by="civilians"),
    Metric("glance_displaced", "Displaced people", "people",
           civilians("displaced", labels={"displaced": "displaced (all)"}),
           "People away from home, refugees included.", by="civilians"),
    Metric("glance_legitimacy", "Mean local legitimacy of the state", "0 to 1",
           civilians("mean_legitimacy", labels={"mean_legitimacy": "mean legitimacy"}),
           "The state's local legitimacy averaged over people.", by="civilians"),
]

EPSTEIN_METRICS = [
    Metric("citizens", "Citizens: active, jailed and quiet", "citizens", epstein("active", "jailed", "quiet"),
           "Citizens in open rebellion (active), in jail, and quiet, at the end of each tick.",
           by="civilians", x="tick"),
    Metric("legitimacy", "Legitimacy of the regime", "0 to 1", epstein("legitimacy"),
           "The legitimacy in force at each tick (the scenario's schedule).", by="civilians", x="tick"),
]


def by_seed(runs, metric: Metric) -> "OrderedDict[str, pd.DataFrame]":
    """{label: by-seed frame (dates x runs)} for a group of runs of one scenario."""
    per_run = [(r.seed_key, metric.extract(r)) for r in runs]
    labels = list(OrderedDict.fromkeys(lab for _, d in per_run for lab in d))
    out = OrderedDict()
    for lab in labels:
        cols = OrderedDict()
        for key, d in per_run:
            if lab in d:
                cols[key] = d[lab]
        out[lab] = pd.DataFrame(cols).sort_index()
    return out
