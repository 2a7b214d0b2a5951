# SPDX-License-Identifier: MIT
"""Outcome metrics of runs, summaries across seeds and comparisons between scenarios.

A run's outcomes come from its outcomes.csv when it has one (written by
`sahelsim run`); otherwise they are recomputed from timeseries.csv with the
same definitions (sim/model/sahel/outcomes.cpp), except the upkeep costs,
which the time series does not carry. The comparison table has the columns
of `sahelsim compare`'s comparison.csv, so either can be shown.
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pandas as pd

from .runs import GOVERNMENT_KINDS, INSURGENT_KINDS, Run
from .stats import t_interval, welch_interval

KINDS = ("state", "foreign", "mercenary", "militant", "separatist", "peacekeeper")

COMPARISON_COLUMNS = ["metric", "scenario", "n", "mean", "sd", "ci_low", "ci_high",
                      "diff_mean", "diff_ci_low", "diff_ci_high"]


def _rows(defs):
    return pd.DataFrame(defs, columns=["metric", "value", "description"])


def computed_outcomes(run: Run) -> pd.DataFrame:
    ts = run.timeseries
    fac = ts[ts["faction"] != "civilians"]
    civ = ts[ts["faction"] == "civilians"].sort_values("date")
    dates = sorted(ts["date"].unique())
    last_date = dates[-1]
    last = fac[fac["date"] == last_date]
    after_start = fac[fac["date"] > dates[0]]
    civ_days = civ[civ["date"] > dates[0]]

    def cells(frame, kinds):
        return float(frame.loc[frame["kind"].isin(kinds), "cells_controlled"].sum())

    militant_by_day = fac[fac["kind"] == "militant"].groupby("date")["cells_controlled"].sum()
    killed = after_start.groupby("kind")["civilians_killed"].sum()
    lost = after_start.groupby("kind")["losses"].sum()
    strength = last.groupby("kind")["strength"].sum()
    c_last = civ.iloc[-1]
    legit_days = civ_days["mean_legitimacy"] if len(civ_days) else civ["mean_legitimacy"]
    defs = [
        ("militant_cells_end", cells(last, ("militant",)),
         "cells of the three countries held by militant factions on the last day"),
        ("militant_cells_peak", float(militant_by_day.max()) if len(militant_by_day) else 0.0,
         "the most cells held by militant factions on any day"),
        ("insurgent_cells_end", cells(last, INSURGENT_KINDS),
         "cells held by militant or separatist factions on the last day"),
        ("government_cells_end", cells(last, GOVERNMENT_KINDS),
         "cells held by the government side (state, foreign, mercenary, peacekeeper) on the last day"),
        ("civilians_killed", float(c_last["dead"]), "civilians killed over the run, by anyone"),
    ]
    for k in KINDS:
        defs.append((f"civilians_killed_by_{k}", float(killed.get(k, 0)), f"civilians killed by {k} factions"))
    defs += [
        ("displaced_peak", float(civ["displaced"].max()), "the most people away from home on any day"),
        ("displaced_end", float(c_last["displaced"]), "people away from home on the last day"),
        ("refugees_end", float(c_last["refugees"]), "people outside the three countries on the last day"),
        ("joined_armed_groups", float(civ["recruited"].fillna(0).sum()),
         "civilians who joined armed groups over the run"),
        ("state_strength_end", float(strength.get("state", 0)), "fighters of the state forces on the last day"),
        ("militant_strength_end", float(strength.get("militant", 0)),
         "fighters of the militant factions on the last day"),
        ("mean_legitimacy_end", float(c_last["mean_legitimacy"]),
         "population-weighted local legitimacy of the state on the last day"),
        ("mean_legitimacy_average", float(legit_days.mean()),
         "the daily mean local legitimacy averaged over the run"),
        ("reputation_end", float(c_last["reputation"]), "the state's legitimacy as outsiders see it, on the last day"),
    ]
    for k in ("state", "foreign", "mercenary", "peacekeeper", "militant"):
        defs.append((f"{k}_losses", float(lost.get(k, 0)), f"{k} fighters killed over the run"))
    return _rows(defs)


def run_outcomes(run: Run) -> pd.DataFrame:
    """metric, value, description for one run."""
    if run.outcomes is not None:
        out = run.outcomes[["metric", "value", "description"]].copy()
        out["value"] = pd.to_numeric(out["value"], errors="coerce")
        return out
    return computed_outcomes(run)


def outcomes_by_seed(runs) -> pd.DataFrame:
    """metrics x runs (columns: seed keys); the description in attrs."""
    cols = OrderedDict()
    desc = OrderedDict()
    for r in runs:
        o = run_outcomes(r)
        cols[r.seed_key] = o.set_index("metric")["value"]
        for m, d in zip(o["metric"], o["description"]):
            desc.setdefault(m, d)
    frame = pd.DataFrame(cols)
    frame = frame.reindex(list(desc))
    frame.attrs["description"] = desc
    return frame


def summary(runs) -> pd.DataFrame:
    """metric, description, n, mean, sd, min, max over the runs of one scenario."""
    frame = outcomes_by_seed(runs)
    values = frame.to_numpy(float)
    with np.errstate(all="ignore"):
        out = pd.DataFrame({
            "metric": frame.index,
            "description": [frame.attrs["description"].get(m, "") for m in frame.index],
            "n": np.sum(~np.isnan(values), axis=1),
            "mean": np.nanmean(values, axis=1),
            "sd": np.nanstd(values, axis=1, ddof=1) if values.shape[1] > 1 else np.full(len(frame), np.nan),
            "min": np.nanmin(values, axis=1),
            "max": np.nanmax(values, axis=1),
        })
    return out.reset_index(drop=True)


def comparison(groups) -> pd.DataFrame:
    """The comparison.csv table computed from the runs: per metric and scenario
    the mean with its 95 % t interval, and the difference to the first scenario
    paired over common seeds (Welch when they share none)."""
    names = list(groups)
    frames = {n: outcomes_by_seed(groups[n]) for n in names}
    ref = frames[names[0]]
    metrics = list(OrderedDict.fromkeys(m for n in names for m in frames[n].index))
    rows = []
    for m in metrics:
        for i, n in enumerate(names):
            f = frames[n]
            if m not in f.index:
                continue
            vals = f.loc[m].to_numpy(float)
            mean, lo, hi = t_interval(vals)
            valid = vals[~np.isnan(vals)]
            sd = valid.std(ddof=1) if valid.size > 1 else np.nan
            dm = dlo = dhi = np.nan
            if i > 0 and m in ref.index:
                common = [c for c in f.columns if c in set(ref.columns)]
                if common:
                    dm, dlo, dhi = t_interval(f.loc[m, common].to_numpy(float) - ref.loc[m, common].to_numpy(float))
                else:
                    dm, dlo, dhi = welch_interval(ref.loc[m].to_numpy(float), vals)
            rows.append([m, n, int(valid.size), mean, sd, lo, hi, dm, dlo, dhi])
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def faction_table(runs) -> pd.DataFrame:
    """Per faction, mean over runs: strength and cells at the start and the end,
    fighters lost and civilians killed over the run (the table `sahelsim run` prints)."""
    per = []
    for r in runs:
        ts = r.timeseries
        fac = ts[ts["faction"] != "civilians"]
        dates = sorted(fac["date"].unique())
        first = fac[fac["date"] == dates[0]].set_index("faction")
        last = fac[fac["date"] == dates[-1]].set_index("faction")
        sums = fac[fac["date"] > dates[0]].groupby("faction")[["losses", "civilians_killed"]].sum()
        t = pd.DataFrame({
            "kind": last["kind"],
            "strength at start": first["strength"], "strength at end": last["strength"],
            "cells at start": first["cells_controlled"], "cells at end": last["cells_controlled"],
        })
        t = t.join(sums.rename(columns={"losses": "fighters lost", "civilians_killed": "civilians killed"}))
        per.append(t.fillna(0))
    order = [f for f, _ in runs[0].factions if f in per[0].index] or list(per[0].index)
    kinds = per[0]["kind"]
    mean = pd.concat([p.drop(columns="kind") for p in per]).groupby(level=0).mean()
    mean.insert(0, "kind", kinds)
    return mean.reindex([f for f in order if f in mean.index] + [f for f in mean.index if f not in order])
