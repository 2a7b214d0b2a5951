# SPDX-License-Identifier: MIT
"""Sampling-based sensitivity for LHS, NOLH, Sobol-sequence and factorial sweeps.

SRC, standardized regression coefficients: the slopes of a least-squares fit
of the metric on all factors after scaling each to zero mean and unit
variance. |SRC_i| says how many standard deviations the metric moves per
standard deviation of factor i, others held fixed; with independent factors
SRC_i**2 is factor i's share of the variance *if* the model is linear, and
R**2 of the fit says how far to trust that (Saltelli et al. 2008, Global
Sensitivity Analysis: The Primer, ch. 1.2). Intervals: percentile bootstrap
over design points.

PRCC, partial rank correlation coefficients (Marino et al. 2008, J Theor
Biol 254:178): replace every factor and the metric by their ranks, remove
from both rank(x_i) and rank(y) the linear effect of the other factors'
ranks, and correlate the two residuals. Monotone but nonlinear effects get
|PRCC| near 1 where SRC would understate them. Intervals: Fisher's z
transform, with standard error 1/sqrt(n - 3 - p) where p = k - 1 factors are
partialled out; the p-value is Marino et al.'s t test with n - 2 - p degrees
of freedom.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .io import Sweep, warn
from .sobol import metric_rng

COLUMNS = ["metric", "factor", "method", "estimate", "ci_low", "ci_high", "r2", "p_value", "n"]


def src(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Standardized regression coefficients and the fit's R**2.

    X: (n, k), y: (n,). Columns with no spread give NaN (their effect cannot
    be estimated from this sample).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    sx = X.std(axis=0)
    sy = y.std()
    k = X.shape[1]
    coef = np.full(k, np.nan)
    live = sx > 0
    if not sy > 0 or not live.any():
        return coef, np.nan
    Xs = (X[:, live] - X[:, live].mean(axis=0)) / sx[live]
    ys = (y - y.mean()) / sy
    # After centring no intercept is needed; lstsq rather than the normal
    # equations so that nearly collinear columns (a small factorial) still
    # give an answer.
    b, *_ = np.linalg.lstsq(Xs, ys, rcond=None)
    coef[live] = b
    resid = ys - Xs @ b
    r2 = 1.0 - float(resid @ resid) / float(ys @ ys)
    return coef, r2


def bootstrap_src(
    X: np.ndarray, y: np.ndarray, resamples: int, rng: np.random.Generator, confidence: float = 0.95
) -> dict[str, np.ndarray]:
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, k = X.shape
    coef, r2 = src(X, y)
    out = {"SRC": coef, "r2": r2, "low": np.full(k, np.nan), "high": np.full(k, np.nan)}
    if resamples <= 0:
        return out
    draws = np.empty((resamples, k))
    for b in range(resamples):
        idx = rng.integers(0, n, size=n)
        draws[b], _ = src(X[idx], y[idx])
    tail = 100 * (1 - confidence) / 2
    with np.errstate(invalid="ignore"):
        out["low"], out["high"] = np.nanpercentile(draws, [tail, 100 - tail], axis=0)
    return out


def prcc(X: np.ndarray, y: np.ndarray, confidence: float = 0.95) -> dict[str, np.ndarray]:
    """PRCC of each factor with y, Fisher-z interval and t-test p-value."""
    # Imported here, not at the top: scipy.stats takes about a second to
    # import, and a run that stops at bad input should answer at once.
    from scipy import stats

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, k = X.shape
    # Average ranks for ties: a factorial design is all ties.
    R = stats.rankdata(X, axis=0)
    ry = stats.rankdata(y)
    live = R.std(axis=0) > 0
    r = np.full(k, np.nan)
    for i in np.flatnonzero(live):
        others = [j for j in np.flatnonzero(live) if j != i]
        Z = np.column_stack([np.ones(n)] + [R[:, j] for j in others])
        ex = R[:, i] - Z @ np.linalg.lstsq(Z, R[:, i], rcond=None)[0]
        ey = ry - Z @ np.linalg.lstsq(Z, ry, rcond=None)[0]
        denom = np.sqrt((ex @ ex) * (ey @ ey))
        # Relative threshold: residuals at round-off level mean the factor is
        # (a linear function of) the others, or y's ranks are all explained.
        if denom > 1e-12 * n * n:
            r[i] = float(ex @ ey) / denom
    p = int(live.sum()) - 1  # variables partialled out
    low = np.full(k, np.nan)
    high = np.full(k, np.nan)
    pval = np.full(k, np.nan)
    dof_z = n - 3 - p
    dof_t = n - 2 - p
    if dof_z > 0:
        rc = np.clip(r, -1 + 1e-15, 1 - 1e-15)
        z = np.arctanh(rc)
        half = stats.norm.ppf(0.5 + confidence / 2) / np.sqrt(dof_z)
        low, high = np.tanh(z - half), np.tanh(z + half)
        t = rc * np.sqrt(dof_t / (1 - rc**2))
        pval = 2 * stats.t.sf(np.abs(t), dof_t)
    return {"PRCC": r, "low": low, "high": high, "p_value": pval}


def analyze_regression(
    sweep: Sweep,
    metric: str,
    resamples: int,
    seed: int,
    confidence: float = 0.95,
    points: pd.Index | None = None,
) -> pd.DataFrame:
    """SRC and PRCC rows for one metric, over `points` (default: all points)."""
    idx = sweep.X.index if points is None else points
    X = sweep.X.loc[idx]
    y = sweep.values.loc[idx, metric]
    usable = y.notna()
    if (~usable).any():
        warn(f"{metric}: {int((~usable).sum())} of {len(y)} design points have no successful run; left out")
    X = X[usable].to_numpy()
    y = y[usable].to_numpy()
    n, k = X.shape
    names = sweep.factor_names
    if n < k + 2:
        warn(f"{metric}: {n} usable points cannot fit {k} factors (need at least {k + 2}); no SRC/PRCC")
        return pd.DataFrame(columns=COLUMNS)
    flat = [names[i] for i in range(k) if not X[:, i].std() > 0]
    if flat:
        warn(f"{metric}: factor(s) {', '.join(flat)} do not vary over the usable points; their SRC/PRCC are empty")
    if not y.std() > 0:
        warn(f"{metric}: the metric is constant over the sweep; SRC/PRCC are undefined")
    s = bootstrap_src(X, y, resamples, metric_rng(seed, metric, "src"), confidence)
    pr = prcc(X, y, confidence)
    rows = []
    for i, f in enumerate(names):
        rows.append(dict(metric=metric, factor=f, method="SRC", estimate=s["SRC"][i], ci_low=s["low"][i],
                         ci_high=s["high"][i], r2=s["r2"], p_value=np.nan, n=n))
    for i, f in enumerate(names):
        rows.append(dict(metric=metric, factor=f, method="PRCC", estimate=pr["PRCC"][i], ci_low=pr["low"][i],
                         ci_high=pr["high"][i], r2=np.nan, p_value=pr["p_value"][i], n=n))
    return pd.DataFrame(rows, columns=COLUMNS)
