# SPDX-License-Identifier: MIT
"""A what-if notebook as a plain script: run it cell by cell in Jupyter or
whole from a shell. It asks what a mercenary deal does to the classroom
world of central Mali, and how much the answer depends on the mercenaries'
conduct.

    PYTHONPATH=build/release/python /usr/bin/python3 examples/whatif_notebook.py [OUT] [--days N] [--seeds N]

Writes its figures and tables to OUT (default out/notebook).
"""
# %% Setup
import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files, not windows; drop this line in Jupyter
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import sahelsim

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("out", nargs="?", default="out/notebook")
parser.add_argument("--days", type=int, default=365)
parser.add_argument("--seeds", type=int, default=4)
args = parser.parse_args()
OUT = Path(args.out)
OUT.mkdir(parents=True, exist_ok=True)
ROOT = Path(__file__).resolve().parents[1]
STATUS_QUO = ROOT / "scenarios" / "classroom" / "central_mali.yaml"
DEAL = ROOT / "scenarios" / "classroom" / "mercenaries.yaml"
print("sahelsim", sahelsim.version())

# %% One run: who holds the ground, day by day
r = sahelsim.run(DEAL, seed=1, ticks=args.days)
cells = r.timeseries.pivot(index="date", columns="faction", values="cells_controlled").drop(columns="civilians")
ax = cells.plot(figsize=(8, 4), title=f"{r.scenario_name}: cells held")
ax.set_ylabel("cells")
plt.tight_layout()
plt.savefig(OUT / "cells_held.png", dpi=100)
plt.close()

# %% The map of control on the last day (a numpy view of the model's own layer)
control = np.ma.masked_where(r.layers["country"] < 0, r.layers["control"])
lon_min, lat_min, cell = r.grid
height, width = control.shape
plt.figure(figsize=(7, 4.5))
plt.imshow(control, origin="lower", cmap="RdBu", vmin=-1, vmax=1,
           extent=(lon_min, lon_min + width * cell, lat_min, lat_min + height * cell))
plt.colorbar(label="control (-1 armed groups, +1 state)")
plt.title(f"control on {r.last_date}")
plt.savefig(OUT / "control_map.png", dpi=100)
plt.close()

# %% Who kills civilians: the event log as a DataFrame
against_civilians = r.events[r.events["event_type"] == "Violence against civilians"]
by_actor = against_civilians.groupby("actor1")["fatalities"].agg(["count", "sum", "median"])
by_actor.to_csv(OUT / "violence_by_actor.csv")
print(by_actor)

# %% The deal against the status quo, over the same seeds (paired)
c = sahelsim.compare([STATUS_QUO, DEAL], seeds=args.seeds, ticks=args.days)
wanted = ["civilians_killed", "civilians_killed_by_state", "displaced_peak", "militant_cells_end"]
table = c.table[c.table["metric"].isin(wanted) & (c.table["scenario"] == c.names[1])]
table = table[["metric", "mean", "diff_mean", "diff_ci_low", "diff_ci_high"]]
table.to_csv(OUT / "deal_vs_status_quo.csv", index=False)
print(table.to_string(index=False))

# %% How much does it depend on the mercenaries' conduct? The model as a function
f = sahelsim.outcome_function(DEAL, ["civilians_killed", "displaced_peak"], ticks=args.days)
rows = []
for harm in (0.2, 1.0, 3.0):
    for seed in range(1, args.seeds + 1):
        rows.append({"civilian_harm": harm, "seed": seed,
                     **f(factions__Mercenaries__doctrine__civilian_harm=harm, seed=seed)})
explore = pd.DataFrame(rows)
summary = explore.groupby("civilian_harm")[["civilians_killed", "displaced_peak"]].mean()
summary.to_csv(OUT / "conduct.csv")
summary.plot(y="civilians_killed", marker="o", legend=False, title="civilians killed by the mercenaries' conduct")
plt.xlabel("factions.Mercenaries.doctrine.civilian_harm")
plt.savefig(OUT / "conduct.png", dpi=100)
plt.close()
print(summary)
print(f"figures and tables in {OUT}")
