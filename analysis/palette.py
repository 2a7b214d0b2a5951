# SPDX-License-Identifier: MIT
"""Colours shared by charts and maps, so a faction looks the same everywhere.

Factions are coloured by side first: the government side in blues, greens
and purples, the insurgent side in reds and oranges, so a control map reads
as "blue = state, red = insurgents" before the legend is consulted.
"""
from __future__ import annotations

from collections import OrderedDict

import matplotlib

matplotlib.use("Agg")  # no display on a build machine; must precede pyplot
from matplotlib import colors as mcolors  # noqa: E402

KIND_SHADES = {
    "state": ["#1f4e9c", "#3b7dd8", "#6fa8f0", "#0d2f66", "#90c2ff"],
    "foreign": ["#7b3fa0", "#a673c9"],
    "mercenary": ["#5b4636", "#8c6d52"],
    "peacekeeper": ["#1d9fb0", "#62c6d1"],
    "militant": ["#c62828", "#f57c00", "#8e0000", "#ff8a65"],
    "separatist": ["#e0b000", "#b8860b"],
    "civilians": ["#444444"],
}
FALLBACK = ["#2ca02c", "#17becf", "#bcbd22", "#e377c2", "#7f7f7f"]
CONTESTED = "#d9d9d9"

KIND_COLOURS = {k: v[0] for k, v in KIND_SHADES.items()}

SCENARIO_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]

CIVILIAN_COLOURS = {
    "displaced (all)": "#6a3d9a",
    "refugees abroad": "#ff7f00",
    "active supporters": "#e31a1c",
    "joined armed groups": "#b15928",
    "mean legitimacy": "#33a02c",
    "civilians killed": "#444444",
    # Epstein runs
    "active": "#e31a1c",
    "jailed": "#444444",
    "quiet": "#1f78b4",
    "legitimacy": "#33a02c",
}

SIDE_COLOURS = {"insurgent-held": KIND_SHADES["militant"][0], "government-held": KIND_SHADES["state"][0]}

EVENT_COLOURS = OrderedDict([
    ("Battles", "#d62728"),
    ("Violence against civilians", "#ff7f0e"),
    ("Explosions/Remote violence", "#6a3d9a"),
    ("Strategic developments", "#2b8cbe"),
])

# Kalyvas zones 1 (state control) to 5 (insurgent control).
ZONE_COLOURS = ["#2166ac", "#92c5de", "#f0f0f0", "#f4a582", "#b2182b"]
ZONE_LABELS = ["1 state control", "2 state dominant", "3 contested", "4 insurgent dominant", "5 insurgent control"]


def faction_colours(faction_kinds) -> "OrderedDict[str, str]":
    """{faction: colour} from an ordered {faction: kind}."""
    used = {}
    out = OrderedDict()
    spare = iter(FALLBACK * 4)
    for name, kind in faction_kinds.items():
        shades = KIND_SHADES.get(kind)
        i = used.get(kind, 0)
        used[kind] = i + 1
        out[name] = shades[i] if shades and i < len(shades) else next(spare)
    return out


def scenario_colours(names) -> "OrderedDict[str, str]":
    return OrderedDict((n, SCENARIO_COLOURS[i % len(SCENARIO_COLOURS)]) for i, n in enumerate(names))


def label_colour(label: str, by: str, faction_colour_map) -> str:
    if by == "faction":
        return faction_colour_map.get(label, "#555555")
    if by == "kind":
        return KIND_COLOURS.get(label, "#555555")
    if by == "side":
        return SIDE_COLOURS.get(label, "#555555")
    return CIVILIAN_COLOURS.get(label, "#444444")


def rgba(colour: str):
    return mcolors.to_rgba(colour)
