# SPDX-License-Identifier: MIT
"""Bands across seeds and differences between scenarios with confidence intervals.

A "by-seed frame" has one column per run (named by its seed key) and one row
per date. Bands across the runs of one scenario are the 5th and 95th
percentiles (linear interpolation between order statistics; with fewer than
about ten seeds this is close to the minimum and maximum) around the mean.
Differences between scenarios are paired by seed: common random numbers
make the paired difference far less noisy than two independent means, and
the interval is the 95 % Student t interval of the mean difference.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

BAND_LOW, BAND_HIGH = 5.0, 95.0
BAND_TEXT = "line: mean over seeds; band: 5-95 % range over seeds"
DIFF_TEXT = ("line: mean difference to the reference scenario over the seeds both share; "
             "band: 95 % t confidence interval of that mean")


def band(frame: pd.DataFrame) -> pd.DataFrame:
    """mean, low, high per row of a by-seed frame (NaN columns ignored)."""
    values = frame.to_numpy(dtype=float)
    with np.errstate(all="ignore"):
        mean = np.nanmean(values, axis=1) if values.size else np.array([])
        if values.shape[1] > 1:
            low = np.nanpercentile(values, BAND_LOW, axis=1)
            high = np.nanpercentile(values, BAND_HIGH, axis=1)
        else:
            low = high = mean
    return pd.DataFrame({"mean": mean, "low": low, "high": high}, index=frame.index)


def _t_quantile(q: float, dof) -> float:
    # scipy.stats takes a second to import; only the intervals need it.
    from scipy import stats as sps
    return sps.t.ppf(q, dof)


def t_interval(values: np.ndarray, level: float = 0.95):
    """(mean, low, high) of a sample's mean; low = high = mean for one value."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    n = values.size
    if n == 0:
        return np.nan, np.nan, np.nan
    mean = values.mean()
    if n < 2:
        return mean, mean, mean
    half = _t_quantile(0.5 + level / 2, n - 1) * values.std(ddof=1) / np.sqrt(n)
    return mean, mean - half, mean + half


def welch_interval(a: np.ndarray, b: np.ndarray, level: float = 0.95):
    """(mean(b) - mean(a), low, high) for independent samples (Welch)."""
    a = np.asarray(a, float)[~np.isnan(np.asarray(a, float))]
    b = np.asarray(b, float)[~np.isnan(np.asarray(b, float))]
    if a.size == 0 or b.size == 0:
        return np.nan, np.nan, np.nan
    d = b.mean() - a.mean()
    if a.size < 2 or b.size < 2:
        return d, d, d
    va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    se = np.sqrt(va + vb)
    if se == 0:
        return d, d, d
    dof = (va + vb) ** 2 / (va ** 2 / (a.size - 1) + vb ** 2 / (b.size - 1))
    half = _t_quantile(0.5 + level / 2, dof) * se
    return d, d - half, d + half


def difference(reference: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """Per row: mean, low, high of (other - reference).

    Paired over the seed columns both frames share; when they share none,
    the unpaired Welch interval of the difference of means.
    """
    index = reference.index.intersection(other.index)
    ref, oth = reference.loc[index], other.loc[index]
    common = [c for c in oth.columns if c in set(ref.columns)]
    rows = []
    if common:
        diffs = (oth[common] - ref[common]).to_numpy(dtype=float)
        rows = [t_interval(d) for d in diffs]
    else:
        rows = [welch_interval(a, b) for a, b in zip(ref.to_numpy(float), oth.to_numpy(float))]
    out = pd.DataFrame(rows, columns=["mean", "low", "high"], index=index)
    out.attrs["paired"] = bool(common)
    out.attrs["n"] = len(common) if common else (ref.shape[1], oth.shape[1])
    return out
