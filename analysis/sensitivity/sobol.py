# SPDX-License-Identifier: MIT
"""First-order and total Sobol indices from a Saltelli design, with bootstrap CIs.

A Saltelli design evaluates the model on two independent samples A and B
(N rows each, k factors) and on k hybrids AB_i: A with column i taken from B.
With f the model output, V its variance:

    S1_i = mean(f(B) * (f(AB_i) - f(A))) / V          Saltelli et al. 2010, table 2 (b)
    ST_i = mean((f(A) - f(AB_i))**2) / (2 V)          Jansen 1999; Saltelli et al. 2010 (f)

Saltelli et al. 2010 compare the published estimators and recommend these
two; both are unbiased for the numerators. V is estimated from f(A) and f(B)
together, the 2N independent evaluations.

Confidence intervals: percentile bootstrap over the base samples j (a
resample takes whole rows: A_j, B_j and every AB_ij together, because the
estimators pair them).
"""
from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from .io import Sweep, saltelli_grid, warn

# Resample weights per chunk (resamples x N): bounds memory to about 40 MB
# of int64 while keeping the resamples vectorised.
_CHUNK_ELEMENTS = 5_000_000


def sobol_indices(fA: np.ndarray, fB: np.ndarray, fAB: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """S1 and ST for each factor.

    fA, fB: shape (..., N); fAB: shape (..., N, k), column i = f(AB_i).
    Leading dimensions are batches (used by the bootstrap). Returns two
    arrays of shape (..., k). A constant output (V = 0) gives NaN.
    """
    fA = np.asarray(fA, dtype=float)
    fB = np.asarray(fB, dtype=float)
    fAB = np.asarray(fAB, dtype=float)
    both = np.concatenate([fA, fB], axis=-1)
    # Centring on the mean leaves both estimators' expectations unchanged but
    # removes the term mean(f) * mean(f(AB_i) - f(A)) from S1, whose noise
    # swamps small indices when the output sits far from zero (a count of
    # cells in the thousands moving by tens, say).
    centre = both.mean(axis=-1, keepdims=True)
    fA = fA - centre
    fB = fB - centre
    fAB = fAB - centre[..., None]
    V = both.var(axis=-1)
    # Exactly constant output: V is round-off, not variance.
    V = np.where(np.ptp(both, axis=-1) > 0, V, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        diff = fAB - fA[..., None]
        s1 = np.mean(fB[..., None] * diff, axis=-2) / V[..., None]
        st = 0.5 * np.mean(diff**2, axis=-2) / V[..., None]
    dead = ~(V > 0)
    if np.any(dead):
        s1 = np.where(dead[..., None], np.nan, s1)
        st = np.where(dead[..., None], np.nan, st)
    return s1, st


def bootstrap_sobol(
    fA: np.ndarray,
    fB: np.ndarray,
    fAB: np.ndarray,
    resamples: int,
    rng: np.random.Generator,
    confidence: float = 0.95,
) -> dict[str, np.ndarray]:
    """Point estimates and percentile bootstrap intervals.

    Returns a dict with S1, ST (shape k) and S1_low, S1_high, ST_low,
    ST_high (NaN when resamples is 0).
    """
    fA, fB, fAB = (np.asarray(a, dtype=float) for a in (fA, fB, fAB))
    n, k = fAB.shape
    s1, st = sobol_indices(fA, fB, fAB)
    out = {"S1": s1, "ST": st}
    if resamples <= 0:
        for key in ("S1_low", "S1_high", "ST_low", "ST_high"):
            out[key] = np.full(k, np.nan)
        return out
    # A resample is a count vector w (how often each row j was drawn), so
    # every mean in the estimators is w @ column / N: a matrix product over
    # many resamples at once instead of gathering (resamples, N, k) copies.
    # Centring on the full-sample mean first keeps the un-centred sums below
    # free of cancellation; each resample is then re-centred exactly.
    c0 = np.concatenate([fA, fB]).mean()
    v_full = np.concatenate([fA, fB]).var()
    a, b = fA - c0, fB - c0
    d = fAB - fA[:, None]  # f(AB_i) - f(A): unchanged by centring
    cols = np.column_stack([a, b, a * a, b * b, d, b[:, None] * d, d * d])
    chunk = max(1, _CHUNK_ELEMENTS // n)
    b1, bt = [], []
    done = 0
    while done < resamples:
        m = min(chunk, resamples - done)
        idx = rng.integers(0, n, size=(m, n))
        w = np.bincount((idx + n * np.arange(m)[:, None]).ravel(), minlength=m * n).reshape(m, n).astype(float)
        means = (w @ cols) / n
        ma, mb, maa, mbb = means[:, 0], means[:, 1], means[:, 2], means[:, 3]
        md, mbd, mdd = means[:, 4 : 4 + k], means[:, 4 + k : 4 + 2 * k], means[:, 4 + 2 * k :]
        c = 0.5 * (ma + mb)
        V = 0.5 * (maa + mbb) - c * c
        with np.errstate(invalid="ignore", divide="ignore"):
            # mean((b - c) * d) = mean(b d) - c mean(d), the re-centred S1 numerator
            r1 = (mbd - c[:, None] * md) / V[:, None]
            rt = 0.5 * mdd / V[:, None]
        # A resample can be constant when the full sample is not (few
        # rows): compare with the full variance, not with zero, since
        # round-off leaves a tiny positive V.
        dead = ~(V > 1e-12 * v_full)
        r1[dead] = np.nan
        rt[dead] = np.nan
        b1.append(r1)
        bt.append(rt)
        done += m
    b1 = np.concatenate(b1)
    bt = np.concatenate(bt)
    tail = 100 * (1 - confidence) / 2
    out["S1_low"], out["S1_high"] = np.nanpercentile(b1, [tail, 100 - tail], axis=0)
    out["ST_low"], out["ST_high"] = np.nanpercentile(bt, [tail, 100 - tail], axis=0)
    return out


def metric_rng(seed: int, metric: str, method: str) -> np.random.Generator:
    """A bootstrap stream keyed by (seed, metric, method), so a metric's
    intervals do not change when other metrics are added to or removed from
    the analysis (the same idea as the simulator's keyed Random123 streams)."""
    return np.random.default_rng([seed, zlib.crc32(metric.encode()), zlib.crc32(method.encode())])


def saltelli_arrays(sweep: Sweep, metric: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """fA, fB, fAB for one metric, with every row j that has a missing value
    dropped (the estimators pair A_j, B_j and each AB_ij, so a row with one
    failed point cannot be used at all). Returns also the number of rows dropped."""
    grid = saltelli_grid(sweep)
    vals = sweep.values[metric]
    table = np.column_stack([vals.loc[grid[c]].to_numpy() for c in grid.columns])
    keep = ~np.isnan(table).any(axis=1)
    table = table[keep]
    return table[:, 0], table[:, -1], table[:, 1:-1], int((~keep).sum())


def analyze_saltelli(sweep: Sweep, metric: str, resamples: int, seed: int, confidence: float = 0.95) -> pd.DataFrame:
    fA, fB, fAB, dropped = saltelli_arrays(sweep, metric)
    n = len(fA)
    total = n + dropped
    if dropped:
        warn(f"{metric}: {dropped} of {total} Saltelli rows have a failed or empty point and are left out")
    cols = ["metric", "factor", "method", "estimate", "ci_low", "ci_high", "r2", "p_value", "n"]
    if n < 2:
        warn(f"{metric}: fewer than 2 complete Saltelli rows; no Sobol indices")
        return pd.DataFrame(columns=cols)
    if not np.concatenate([fA, fB]).var() > 0:
        warn(f"{metric}: the metric is constant over the sweep; Sobol indices are undefined")
    if n < 64:
        warn(f"{metric}: only {n} Saltelli rows; Sobol estimates and their intervals will be rough")
    res = bootstrap_sobol(fA, fB, fAB, resamples, metric_rng(seed, metric, "sobol"), confidence)
    rows = []
    for method in ("S1", "ST"):
        for i, f in enumerate(sweep.factor_names):
            rows.append(
                dict(
                    metric=metric,
                    factor=f,
                    method=method,
                    estimate=res[method][i],
                    ci_low=res[f"{method}_low"][i],
                    ci_high=res[f"{method}_high"][i],
                    r2=np.nan,
                    p_value=np.nan,
                    n=n,
                )
            )
    return pd.DataFrame(rows, columns=cols)
