# SPDX-License-Identifier: MIT
"""One self-contained HTML report of one or more runs or compare folders.

    python3 -m analysis.report RUN_OR_COMPARE_DIR [...] --out report.html [--title TEXT]

Every image is embedded as a data: URI and the styling is inline, so the file
opens offline in any browser, can be mailed, and needs no JavaScript. Runs
are grouped by scenario name; the first scenario given is the reference for
differences. Exit status 2, with one message, on bad input.
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import os
import re
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from . import outcomes
from .runs import Collection, RunError, collect

# Section ids and headings, in page order; tests check that each appears.
SECTIONS = [
    ("glance", "At a glance"),
    ("scenario", "Scenario"),
    ("outcomes", "Outcomes"),
    ("charts", "Charts"),
    ("maps", "Maps"),
    ("animation", "Animation of control"),
    ("comparison", "Scenario comparison"),
    ("runs", "Runs in this report"),
]
COMPARISON_ONLY = {"comparison"}
# What an Epstein run's report has (no maps, no Sahel tables).
EPSTEIN_SECTIONS = {"scenario", "charts", "runs"}

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1d;
 background:#fafaf7;margin:0}
main{max-width:1120px;margin:0 auto;padding:0 24px 48px}
header{background:#1f3a5f;color:#fff;padding:22px 24px 18px}
header .inner{max-width:1120px;margin:0 auto}
header h1{margin:0 0 4px;font-size:26px;font-weight:650}
header p{margin:0;color:#d5e1ef}
nav{max-width:1120px;margin:0 auto;padding:10px 24px;font-size:14px}
nav a{color:#1f3a5f;margin-right:16px;text-decoration:none;border-bottom:1px solid #9fb3cc}
section{background:#fff;border:1px solid #e3e0d8;border-radius:6px;padding:8px 22px 18px;margin:18px 0}
h2{font-size:21px;margin:14px 0 8px;color:#1f3a5f}
h3{font-size:17px;margin:18px 0 6px}
p.lead{font-size:16px;max-width:62em}
.muted{color:#666;font-size:13px}
figure{margin:16px 0 22px}
figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:13.5px;color:#444;max-width:62em;margin-top:4px}
figcaption b{color:#1d1d1d}
table{border-collapse:collapse;margin:8px 0 14px;font-size:13.5px}
th,td{padding:4px 10px;border-bottom:1px solid #ebe8e1;text-align:right;vertical-align:top}
th{background:#f2efe8;font-weight:600}
td.l,th.l{text-align:left}
td.l:first-child{white-space:nowrap}
td.desc{color:#555;text-align:left;max-width:30em}
tr.sig td.d{font-weight:700}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:middle}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:0 24px}
@media (max-width:900px){.grid2{grid-template-columns:1fr}}
"""


URL_SCHEME = re.compile(r"\b(?:https?|ftp)://", re.I)


def esc(x) -> str:
    # Sources in scenario text may cite web pages; they are shown as plain text
    # without the scheme, so the file holds no address a browser could follow.
    return html.escape(URL_SCHEME.sub("", str(x)), quote=True)


def fmt(v, metric: str = "") -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    v = float(v)
    if "legitimacy" in metric or "reputation" in metric:
        return f"{v:.3f}"
    if abs(v) >= 100 or v == int(v):
        return f"{v:,.0f}"
    return f"{v:.3g}"


def data_uri(path: Path) -> str:
    mime = {".png": "image/png", ".gif": "image/gif"}[path.suffix.lower()]
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def figure_html(f) -> str:
    return (f'<figure><img src="{data_uri(f.path)}" alt="{esc(f.title)}">'
            f"<figcaption><b>{esc(f.title)}.</b> {esc(f.caption)}</figcaption></figure>")


def table_html(df: pd.DataFrame, left=(), classes=None) -> str:
    """A plain table; `left` names the columns aligned left (text)."""
    head = "".join(f'<th class="{"l" if c in left or c == "description" else ""}">{esc(c)}</th>'
                   for c in df.columns)
    body = []
    for i, row in enumerate(df.itertuples(index=False)):
        cls = f' class="{classes[i]}"' if classes and classes[i] else ""
        cells = []
        for c, v in zip(df.columns, row):
            klass = "desc" if c == "description" else ("l" if c in left else "")
            if c.endswith(": difference"):
                klass = "d"  # bold in rows whose interval excludes zero
            cells.append(f'<td class="{klass}">{v if isinstance(v, _Raw) else esc(v)}</td>')
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


class _Raw(str):
    """Already-escaped HTML for a table cell."""


def scenario_events(run) -> pd.DataFrame:
    rows = []
    for e in run.scenario.get("events") or []:
        if isinstance(e, str):
            try:
                e = yaml.safe_load(e)
            except yaml.YAMLError:
                e = {"name": e}
        if not isinstance(e, dict):
            continue
        what = e.get("note") or e.get("name") or ""

        def plain(v):
            if isinstance(v, (list, tuple)):
                return " and ".join(map(str, v))
            if isinstance(v, bool):
                return "yes" if v else "no"
            return str(v)
        detail = ", ".join(f"{k}: {plain(v)}" for k, v in e.items() if k not in ("name", "date", "type", "note"))
        rows.append({"date": str(e.get("date", "")), "type": str(e.get("type", "")), "event": what,
                     "details": detail})
    return pd.DataFrame(rows, columns=["date", "type", "event", "details"]).sort_values("date", kind="stable")


def faction_setup(run) -> pd.DataFrame:
    rows = []
    for f in run.scenario.get("factions") or []:
        start = f.get("start") or []
        troops = sum(int(s.get("troops", 0)) for s in start)
        places = ", ".join(str(s.get("place")) for s in start[:6]) + (" ..." if len(start) > 6 else "")
        rows.append({"faction": f.get("name"), "kind": f.get("kind", ""), "country": f.get("country", ""),
                     "objective": f.get("objective", ""), "fighters at start": f"{troops:,}",
                     "where": places})
    return pd.DataFrame(rows, columns=["faction", "kind", "country", "objective", "fighters at start", "where"])


def headline(runs) -> str:
    """The run in one sentence, for a reader who stops after the first screen."""
    s = outcomes.summary(runs).set_index("metric")["mean"]
    ts = runs[0].timeseries
    civ = ts[ts["faction"] == "civilians"].sort_values("date")
    fac = ts[ts["faction"] != "civilians"]
    first = fac[fac["date"] == fac["date"].min()]
    insurgent_start = first.loc[first["kind"].isin(("militant", "separatist")), "cells_controlled"].sum()
    bits = []
    if "civilians_killed" in s:
        bits.append(f"<b>{fmt(s['civilians_killed'])}</b> civilians killed")
    if "displaced_peak" in s:
        bits.append(f"<b>{fmt(s['displaced_peak'])}</b> people displaced at the peak")
    if "insurgent_cells_end" in s:
        bits.append(f"cells held by insurgents from <b>{fmt(insurgent_start)}</b> to <b>{fmt(s['insurgent_cells_end'])}</b>")
    if "mean_legitimacy_end" in s and len(civ):
        bits.append(f"the state's mean legitimacy from <b>{civ['mean_legitimacy'].iloc[0]:.3f}</b> to "
                    f"<b>{s['mean_legitimacy_end']:.3f}</b>")
    over = "" if len(runs) == 1 else f" (means over {len(runs)} seeds)"
    return f'<p class="lead">In short{over}: ' + "; ".join(bits) + ".</p>" if bits else ""


def scenario_intro(title: str, runs, headline_html: str, period_html: str) -> str:
    """A scenario's title, description, one-sentence summary, runs and sources."""
    r = runs[0]
    parts = [f"<h3>{esc(title)}</h3>"]
    if r.description:
        parts.append(f'<p class="lead">{esc(r.description)}</p>')
    parts.append(headline_html)
    seeds = ", ".join(str(x.seed) + (f"/{x.replicate}" if x.replicate else "") for x in runs)
    parts.append(f'<p class="muted">{period_html}, '
                 f'{len(runs)} run{"s" if len(runs) != 1 else ""} (seeds {esc(seeds)}); scenario file '
                 f'{esc(r.manifest.get("scenario_file", ""))}.</p>')
    src = r.scenario.get("sources")
    if src:
        parts.append(f'<p class="muted">Sources: {esc(src)}</p>')
    return "".join(parts)


def scenario_section(col: Collection) -> str:
    parts = []
    for i, (name, runs) in enumerate(col.groups.items()):
        r = runs[0]
        ref = " (the reference)" if len(col.groups) > 1 and i == 0 else ""
        parts.append(scenario_intro(name + ref, runs, headline(runs), f"{esc(r.start_date)} to {esc(r.end_date)}"))
        setup = faction_setup(r)
        if not setup.empty:
            parts.append("<p>The armed forces at the start:</p>")
            parts.append(table_html(setup, left=("faction", "kind", "country", "objective", "where")))
        ev = scenario_events(r)
        if not ev.empty:
            parts.append("<p>Dated events of the scenario (what the scenario changes, and when):</p>")
            parts.append(table_html(ev, left=("date", "type", "event", "details")))
    return "".join(parts)


def epstein_headline(runs) -> str:
    """An Epstein run in one sentence: the bursts of rebellion and the legitimacy."""
    peaks = [r.timeseries["active"].max() for r in runs]
    at = [int(r.timeseries.loc[r.timeseries["active"].idxmax(), "tick"]) for r in runs]
    jailed = [r.timeseries["jailed"].max() for r in runs]
    calm = [int((r.timeseries["active"] < 10).sum()) for r in runs]
    legit = runs[0].timeseries["legitimacy"]
    ticks = len(runs[0].timeseries)
    if len(runs) == 1:
        bits = [f"at most <b>{fmt(peaks[0])}</b> citizens active at once (tick {at[0]})",
                f"at most <b>{fmt(jailed[0])}</b> in jail",
                f"fewer than 10 active on <b>{calm[0]}</b> of {ticks} ticks"]
        over = ""
    else:
        bits = [f"at most <b>{fmt(np.mean(peaks))}</b> citizens active at once (from {fmt(min(peaks))} to "
                f"{fmt(max(peaks))})", f"at most <b>{fmt(np.mean(jailed))}</b> in jail",
                f"fewer than 10 active on <b>{fmt(np.mean(calm))}</b> of {ticks} ticks"]
        over = f" (means over {len(runs)} seeds)"
    bits.append(f"legitimacy from <b>{legit.iloc[0]:.3f}</b> to <b>{legit.iloc[-1]:.3f}</b>")
    return f'<p class="lead">In short{over}: ' + "; ".join(bits) + ".</p>"


def epstein_scenario_section(col: Collection) -> str:
    parts = []
    for name, runs in col.groups.items():
        r = runs[0]
        parts.append(scenario_intro(name, runs, epstein_headline(runs),
                                    f"Epstein's civil violence model (Model I), {len(r.timeseries) - 1} ticks"))
        params = dict(r.scenario.get("epstein") or {})
        grid = r.scenario.get("grid")
        if grid:
            params = {"grid": grid, **params}
        if params:
            def plain(v):
                if isinstance(v, dict):
                    return ", ".join(f"{k}: {plain(x)}" for k, x in v.items())
                if isinstance(v, (list, tuple)):
                    return "; ".join(plain(x) for x in v) or "none"
                return str(v)
            parts.append("<p>The model's parameters:</p>")
            parts.append(table_html(pd.DataFrame({"parameter": list(params), "value": [plain(v) for v in params.values()]}),
                                    left=("parameter", "value")))
    return "".join(parts)


def outcome_table(runs) -> str:
    s = outcomes.summary(runs)
    if len(runs) == 1:
        df = pd.DataFrame({"metric": s["metric"], "value": [fmt(v, m) for v, m in zip(s["mean"], s["metric"])],
                           "description": s["description"]})
    else:
        df = pd.DataFrame({
            "metric": s["metric"],
            "mean": [fmt(v, m) for v, m in zip(s["mean"], s["metric"])],
            "sd": [fmt(v, m) for v, m in zip(s["sd"], s["metric"])],
            "min to max": [f"{fmt(a, m)} to {fmt(b, m)}" for a, b, m in zip(s["min"], s["max"], s["metric"])],
            "description": s["description"],
        })
    return table_html(df, left=("metric",))


def outcomes_section(col: Collection) -> str:
    parts = []
    for name, runs in col.groups.items():
        if len(col.groups) > 1:
            parts.append(f"<h3>{esc(name)}</h3>")
        src = "outcomes.csv" if all(r.outcomes is not None for r in runs) else "timeseries.csv"
        over = f"mean over {len(runs)} seeds" if len(runs) > 1 else "one run"
        ft = outcomes.faction_table(runs)
        ft = ft.reset_index().rename(columns={"index": "faction"})
        for c in ft.columns[2:]:
            ft[c] = [fmt(v) for v in ft[c]]
        parts.append(f"<p>Per faction ({over}): fighters and cells held at the start and the end, fighters lost "
                     "and civilians killed over the run.</p>")
        parts.append(table_html(ft, left=("faction", "kind")))
        parts.append(f'<p>Outcome metrics ({over}; from {src}):</p>')
        parts.append(outcome_table(runs))
    return "".join(parts)


def comparison_table(col: Collection) -> pd.DataFrame:
    if len(col.comparisons) == 1 and len(col.comparisons[0]["scenario"].unique()) == len(col.groups):
        table = col.comparisons[0].copy()
        for c in outcomes.COMPARISON_COLUMNS[2:]:
            if c in table.columns:
                table[c] = pd.to_numeric(table[c], errors="coerce")
        return table
    return outcomes.comparison(col.groups)


def comparison_html(col: Collection) -> str:
    table = comparison_table(col)
    scen = list(dict.fromkeys(table["scenario"]))
    ref = scen[0]
    rows, classes = [], []
    for m, sub in table.groupby("metric", sort=False):
        sub = sub.set_index("scenario")
        row = {"metric": m}
        sig = False
        for s in scen:
            if s not in sub.index:
                continue
            r = sub.loc[s]
            row[f"{s}: mean"] = fmt(r["mean"], m)
            if s != ref:
                lo, hi = r.get("diff_ci_low", np.nan), r.get("diff_ci_high", np.nan)
                d = fmt(r.get("diff_mean", np.nan), m)
                ci = f" [{fmt(lo, m)}, {fmt(hi, m)}]" if not (pd.isna(lo) or pd.isna(hi)) else ""
                row[f"{s}: difference"] = d + ci
                sig = sig or (not pd.isna(lo) and not pd.isna(hi) and (lo > 0 or hi < 0))
        rows.append(row)
        classes.append("sig" if sig else "")
    df = pd.DataFrame(rows)
    head = (f"<p>Outcome metrics per scenario (mean over seeds) and each scenario's difference to the "
            f"reference, <b>{esc(ref)}</b>, with its 95 % confidence interval in brackets (paired over the seeds "
            "the two scenarios share). Bold rows: some interval excludes zero.</p>")
    return head + table_html(df, left=("metric",), classes=classes)


def runs_section(col: Collection) -> str:
    rows = []
    for name, runs in col.groups.items():
        for r in runs:
            m = r.manifest
            rows.append({"scenario": name, "seed": r.seed, "replicate": r.replicate, "folder": str(r.path),
                         "dates": (f"ticks 0 to {len(r.timeseries) - 1}" if r.model == "epstein"
                                   else f"{r.start_date} to {r.end_date}"), "events": m.get("events", len(r.events)),
                         "version": m.get("version", ""), "seconds": fmt(m.get("wall_seconds", np.nan))})
    return ("<p>The run folders this report was made from (each holds manifest.json with every parameter).</p>" +
            table_html(pd.DataFrame(rows), left=("scenario", "folder", "dates", "version")))


def build(col: Collection, workdir: Path, title: str | None = None) -> str:
    # Plotting modules load matplotlib; imported here so bad input fails fast.
    from . import animation, charts, maps
    several = len(col.groups) > 1
    names = col.names
    if title is None:
        title = f"sahelsim: {names[0]}" if not several else f"sahelsim: {len(names)} scenarios compared"
    figs = charts.make_charts(col, workdir / "charts")
    body = {}
    if col.epstein:
        body["scenario"] = epstein_scenario_section(col)
        body["charts"] = ("<p>Lines are the mean over seeds; bands run from the 5th to the 95th percentile across "
                          "seeds; with several scenarios, the difference charts follow.</p>" if len(col.runs) > 1
                          else "<p>One run: no band across seeds.</p>") + "".join(figure_html(f) for f in figs)
        body["runs"] = runs_section(col)
        return page(col, title, body)
    body["glance"] = figure_html(charts.glance_chart(col, workdir / "glance"))
    body["scenario"] = scenario_section(col)
    body["outcomes"] = outcomes_section(col)
    if several:
        chart_figs = [f for f in figs if f.section == "comparison"]
        intro = ("<p>One panel per faction or quantity, one line per scenario: the mean over seeds, with a band "
                 "from the 5th to the 95th percentile across seeds.</p>")
    else:
        chart_figs = figs
        n = len(col.runs)
        intro = ("<p>Lines are the mean over seeds; bands run from the 5th to the 95th percentile across seeds.</p>"
                 if n > 1 else "<p>One run: no band across seeds.</p>")
    body["charts"] = intro + "".join(figure_html(f) for f in chart_figs)

    map_parts, anim_parts = [], []
    for i, (name, runs) in enumerate(col.groups.items()):
        # `sahelsim compare` keeps cell snapshots for each scenario's first seed only.
        r = next((x for x in runs if x.cell_snapshots), runs[0])
        if several:
            map_parts.append(f"<h3>{esc(name)} ({esc(r.seed_label)})</h3>")
            anim_parts.append(f"<h3>{esc(name)} ({esc(r.seed_label)})</h3>")
        map_parts += [figure_html(f) for f in maps.run_maps(r, workdir / "maps" / str(i))]
        if len(r.cell_snapshots) >= 2:
            g = animation.control_animation(r, workdir / "anim" / f"{i}.gif")
            anim_parts.append(figure_html(g))
        else:
            anim_parts.append("<p>This run has fewer than two cell snapshots, so there is nothing to animate "
                              "(set output.snapshot_every).</p>")
    if not any(r.cell_snapshots for r in col.runs):
        map_parts.insert(0, "<p>No cell snapshots in these runs (output.snapshot_every: 0): only the events map.</p>")
    body["maps"] = ("<p>Maps of the last snapshot of the first run (with snapshots) of each scenario. Lines are the borders and the "
                    "Niger; squares the capitals; triangles the refugee camps.</p>" + "".join(map_parts))
    body["animation"] = "".join(anim_parts)
    if several:
        body["comparison"] = comparison_html(col) + "".join(figure_html(f) for f in figs if f.section == "difference")
    body["runs"] = runs_section(col)
    return page(col, title, body)


def page(col: Collection, title: str, body: dict) -> str:
    names = col.names
    several = len(names) > 1
    sections = [(sid, head) for sid, head in SECTIONS if sid in body]
    nav = "".join(f'<a href="#{sid}">{esc(head)}</a>' for sid, head in sections)
    today = dt.date.today().isoformat()
    sub = (f"{len(col.runs)} run{'s' if len(col.runs) != 1 else ''} of {len(names)} scenario"
           f"{'s' if several else ''}; made {today} by sahelsim's analysis kit")
    out = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
        f'<header><div class="inner"><h1>{esc(title)}</h1><p>{esc(sub)}</p></div></header>',
        f"<nav>{nav}</nav><main>",
    ]
    for sid, head in sections:
        out.append(f'<section id="{sid}"><h2>{esc(head)}</h2>{body[sid]}</section>')
    out.append("</main></body></html>")
    return "\n".join(out)


def write_report(paths, out: Path, title: str | None = None, workdir: Path | None = None) -> Path:
    """Write the report; the pictures are made in `workdir` (kept) or a temporary folder."""
    col = collect(paths)
    out = Path(out)
    if out.parent and not out.parent.exists():
        raise RunError(f"{out}: the folder {out.parent} does not exist")
    if workdir is not None:
        page = build(col, Path(workdir), title)
    else:
        with tempfile.TemporaryDirectory(prefix="sahelsim-report-") as tmp:
            page = build(col, Path(tmp), title)
    # Written whole, then renamed: a failed report never leaves a file that looks complete.
    part = out.with_name(f".{out.name}.part-{os.getpid()}")
    try:
        part.write_text(page, encoding="utf-8")
        part.replace(out)
    except OSError as e:
        part.unlink(missing_ok=True)
        raise RunError(f"{out}: cannot write ({e.strerror})") from e
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m analysis.report",
                                 description="Write one self-contained HTML report of sahelsim runs.")
    ap.add_argument("dirs", nargs="+", metavar="RUN_OR_COMPARE_DIR",
                    help="run folders (sahelsim run --out) or compare folders (sahelsim compare --out)")
    ap.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write")
    ap.add_argument("--title", help="title of the report (default: from the scenario names)")
    a = ap.parse_args(argv)
    try:
        path = write_report(a.dirs, Path(a.out), a.title)
    except RunError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
