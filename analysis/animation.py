# SPDX-License-Identifier: MIT
"""An animated GIF of control over time, one frame per cell snapshot.

Each frame is the controller map of one snapshot, with the events logged
since the previous snapshot as dots sized by deaths, so violence and the
change of control it brings are seen together. Written with matplotlib's
PillowWriter: no ffmpeg needed.

    python3 -m analysis.animation RUN_DIR --out control.gif [--fps 2]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import palette
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.animation import FuncAnimation, PillowWriter  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from .charts import Figure  # noqa: E402
from .maps import controller_raster, draw_basemap, legend_below, new_map, show_raster  # noqa: E402
from .runs import Run, RunError, load_run  # noqa: E402

FRAME_DPI = 72  # a 3-year run at a 30-day interval is ~37 frames; this keeps the GIF a few MB at most


def control_animation(run: Run, out: Path, fps: float = 2.0, max_frames: int = 60) -> Figure:
    snaps = list(run.cell_snapshots)
    if len(snaps) < 2:
        raise RunError(f"{run.path}: an animation needs two cell snapshots or more, found {len(snaps)} "
                       "(set output.snapshot_every)")
    if len(snaps) > max_frames:
        # Evenly thinned, keeping the first and the last day.
        keep = np.unique(np.linspace(0, len(snaps) - 1, max_frames).round().astype(int))
        snaps = [snaps[i] for i in keep]
    fig, ax, smap, grid = new_map(run, "")
    first = run.cells(snaps[0])
    raster, cmap, n, _ = controller_raster(run, first, grid)
    image = show_raster(ax, grid, raster, cmap=cmap, vmin=-0.5, vmax=n + 0.5)
    draw_basemap(ax, smap, grid, labels=True, country_names=False)
    fcol = palette.faction_colours({name: kind for name, kind in run.factions})
    legend_below(ax, [Patch(facecolor=c, edgecolor="#777777", label=lab) for lab, c in fcol.items()] +
                 [Patch(facecolor=palette.CONTESTED, edgecolor="#777777", label="contested / nobody")], ncol=5)
    dots = ax.scatter([], [], s=[], color="#111111", alpha=0.5, zorder=4.5, linewidths=0)
    title = ax.set_title("", fontsize=11, loc="left")
    ev = run.events.dropna(subset=["latitude", "longitude"])
    ev = ev[ev["event_type"] != "Strategic developments"]

    def frame(i):
        date = snaps[i]
        cells = first if i == 0 else run.cells(date)
        r, _, _, _ = controller_raster(run, cells, grid)
        image.set_data(r)
        lo = pd.Timestamp(snaps[i - 1]) if i > 0 else pd.Timestamp(date) - pd.Timedelta(days=1)
        sub = ev[(ev["event_date"] > lo) & (ev["event_date"] <= pd.Timestamp(date))]
        dots.set_offsets(np.c_[sub["longitude"], sub["latitude"]] if len(sub) else np.empty((0, 2)))
        dots.set_sizes(6 + 18 * np.sqrt(sub["fatalities"].fillna(0).to_numpy(float)))
        title.set_text(f"Control on {date} (dots: events since the previous frame)\n{run.name} ({run.seed_label})")
        return image, dots, title

    anim = FuncAnimation(fig, frame, frames=len(snaps), blit=False)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    anim.save(out, writer=PillowWriter(fps=fps), dpi=FRAME_DPI)
    plt.close(fig)
    return Figure(out, "Control over time",
                  f"Who controls each cell, one frame per snapshot ({len(snaps)} frames, {snaps[0]} to "
                  f"{snaps[-1]}); dots are the battles, attacks and air strikes since the previous frame, sized "
                  "by deaths.", "animation")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m analysis.animation", description=__doc__.split("\n")[0])
    ap.add_argument("run", metavar="RUN_DIR")
    ap.add_argument("--out", required=True, help="GIF file to write")
    ap.add_argument("--fps", type=float, default=2.0, help="frames per second (default 2)")
    a = ap.parse_args(argv)
    try:
        f = control_animation(load_run(a.run), Path(a.out), fps=a.fps)
    except RunError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
