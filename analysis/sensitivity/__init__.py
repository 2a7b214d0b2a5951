# SPDX-License-Identifier: MIT
"""Sensitivity analysis of `sahelsim sweep` results.

    python3 -m analysis.sensitivity DIR [--out OUTDIR] [--bootstrap 1000] [--seed 1]

Saltelli sweeps get first-order and total Sobol indices (sobol.py); Latin
hypercube, NOLH, Sobol-sequence and factorial sweeps get standardized
regression and partial rank correlation coefficients (regression.py). The
estimators and their references are in docs/sensitivity.md.
"""
from .io import Sweep, SweepInputError, SweepWarning, load_sweep
from .regression import prcc, src
from .sobol import bootstrap_sobol, sobol_indices

__all__ = [
    "Sweep",
    "SweepInputError",
    "SweepWarning",
    "load_sweep",
    "sobol_indices",
    "bootstrap_sobol",
    "src",
    "prcc",
]
