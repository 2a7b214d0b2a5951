# SPDX-License-Identifier: MIT
"""sahelsim's analysis kit: charts, maps, an offline HTML report and a Flee export.

Reads only what `sahelsim run` writes (CSV files and manifest.json), with
Debian's /usr/bin/python3 (pandas, numpy, matplotlib, PyYAML). Entry points:

    python3 -m analysis.report RUN_OR_COMPARE_DIR [...] --out report.html
    python3 -m analysis.charts RUN_OR_COMPARE_DIR [...] --out DIR
    python3 -m analysis.maps RUN_DIR --out DIR
    python3 -m analysis.animation RUN_DIR --out control.gif
    python3 -m analysis.scenario_map RUN_DIR --out map.png
    python3 -m analysis.flee_export RUN_DIR --out DIR

analysis.sensitivity holds the sweep analysis (Sobol indices), see
docs/sensitivity.md. See docs/analysis.md for the rest.
"""
