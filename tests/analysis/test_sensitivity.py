# SPDX-License-Identifier: MIT
"""Tests of analysis/sensitivity: the estimators against known answers, then
the command line end to end on sweep folders written here in the format of
`sahelsim sweep` (sweep.json, design.csv, results.csv).

Run from the top of the repository:  python3 -m pytest tests/analysis -q
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import qmc

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from analysis.sensitivity import SweepInputError, SweepWarning, load_sweep, prcc, src  # noqa: E402
from analysis.sensitivity.__main__ import main  # noqa: E402
from analysis.sensitivity.sobol import bootstrap_sobol, sobol_indices  # noqa: E402

# --- Ishigami & Homma (1990) -------------------------------------------------
# f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i uniform on [-π, π].
A_ISH, B_ISH = 7.0, 0.1


def ishigami(x: np.ndarray) -> np.ndarray:
    return np.sin(x[..., 0]) + A_ISH * np.sin(x[..., 1]) ** 2 + B_ISH * x[..., 2] ** 4 * np.sin(x[..., 0])


def ishigami_indices(a: float = A_ISH, b: float = B_ISH) -> tuple[np.ndarray, np.ndarray]:
    """Analytic S1 and ST (e.g. Saltelli et al. 2008, The Primer, §4.8)."""
    pi = np.pi
    V = a * a / 8 + b * pi**4 / 5 + b * b * pi**8 / 18 + 0.5
    V1 = 0.5 * (1 + b * pi**4 / 5) ** 2
    V2 = a * a / 8
    V13 = 8 * b * b * pi**8 / 225  # the only interaction: x1 with x3
    return np.array([V1, V2, 0.0]) / V, np.array([V1 + V13, V2, V13]) / V


def saltelli_matrices(n: int, k: int, seed: int, sequence: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A, B (n, k) on [-π, π] and AB (n, k, k) with AB[:, i] = A with column i from B."""
    if sequence == "sobol":
        # One 2k-dimensional scrambled Sobol sequence split in two halves:
        # the usual way to get two independent low-discrepancy samples.
        u = qmc.Sobol(2 * k, scramble=True, seed=seed).random(n)
    else:
        u = np.random.default_rng(seed).random((n, 2 * k))
    x = -np.pi + 2 * np.pi * u
    A, B = x[:, :k], x[:, k:]
    AB = np.repeat(A[:, None, :], k, axis=1)
    for i in range(k):
        AB[:, i, i] = B[:, i]
    return A, B, AB


def test_ishigami_reference_values():
    s1, st = ishigami_indices()
    np.testing.assert_allclose(s1, [0.3139, 0.4424, 0.0], atol=1e-4)
    np.testing.assert_allclose(st, [0.5576, 0.4424, 0.2437], atol=1e-4)


@pytest.mark.parametrize("sequence,tol", [("sobol", 0.01), ("random", 0.03)])
def test_sobol_recovers_ishigami(sequence, tol):
    A, B, AB = saltelli_matrices(2**13, 3, seed=2024, sequence=sequence)
    res = bootstrap_sobol(ishigami(A), ishigami(B), ishigami(AB), 500, np.random.default_rng(7))
    s1, st = ishigami_indices()
    err1 = np.abs(res["S1"] - s1)
    errt = np.abs(res["ST"] - st)
    print(f"\nIshigami N=2^13 {sequence}: |S1 error| {np.round(err1, 4)}  |ST error| {np.round(errt, 4)}")
    assert err1.max() < tol, res["S1"]
    assert errt.max() < tol, res["ST"]
    # The intervals cover the truth and are not uselessly wide.
    assert np.all((res["S1_low"] <= s1) & (s1 <= res["S1_high"]))
    assert np.all((res["ST_low"] <= st) & (st <= res["ST_high"]))
    assert np.all(res["S1_high"] - res["S1_low"] < 0.1)
    assert np.all(res["ST_high"] - res["ST_low"] < 0.1)


def test_bootstrap_weights_equal_direct_resample():
    # The bootstrap computes each resample through count weights; one
    # resample must equal the estimator applied to the gathered rows, also
    # for an output far from zero (centring) .
    A, B, AB = saltelli_matrices(512, 3, seed=3, sequence="random")
    fA, fB, fAB = (ishigami(m) + 1e4 for m in (A, B, AB))
    idx = np.random.default_rng(11).integers(0, 512, 512)

    class Fixed:  # a generator that hands out the chosen resample
        def integers(self, low, high, size):
            return idx.reshape(size)

    direct = sobol_indices(fA[idx], fB[idx], fAB[idx])
    boot = bootstrap_sobol(fA, fB, fAB, 1, Fixed())
    np.testing.assert_allclose(boot["S1_low"], direct[0], atol=1e-9)
    np.testing.assert_allclose(boot["ST_low"], direct[1], atol=1e-9)


def test_sobol_sums_for_additive_model():
    # Additive model: S1 = ST and they sum to 1; weights 1:2:0 give 1/5, 4/5, 0.
    A, B, AB = saltelli_matrices(2**12, 3, seed=5, sequence="sobol")
    f = lambda x: x[..., 0] + 2 * x[..., 1]  # noqa: E731
    s1, st = sobol_indices(f(A), f(B), f(AB))
    np.testing.assert_allclose(s1, [0.2, 0.8, 0.0], atol=0.01)
    np.testing.assert_allclose(st, [0.2, 0.8, 0.0], atol=0.01)


def test_constant_output_gives_nan():
    s1, st = sobol_indices(np.full(10, 0.1), np.full(10, 0.1), np.full((10, 2), 0.1))
    assert np.isnan(s1).all() and np.isnan(st).all()


# --- SRC and PRCC -------------------------------------------------------------


def test_src_recovers_linear_model():
    rng = np.random.default_rng(1)
    n = 2000
    X = rng.uniform([0, -5, 10], [1, 5, 20], size=(n, 3))
    coef = np.array([3.0, -0.5, 0.0])
    noise = 0.2
    y = X @ coef + rng.normal(0, noise, n)
    # SRC_i = b_i sd(x_i) / sd(y); with independent factors
    sd = (np.array([1, 10, 10]) / np.sqrt(12))
    sy = np.sqrt(np.sum((coef * sd) ** 2) + noise**2)
    want = coef * sd / sy
    got, r2 = src(X, y)
    np.testing.assert_allclose(got, want, atol=0.02)
    assert r2 == pytest.approx(1 - noise**2 / sy**2, abs=0.01)
    from analysis.sensitivity.regression import bootstrap_src

    boot = bootstrap_src(X, y, 300, np.random.default_rng(2))
    assert np.all((boot["low"] <= want + 0.01) & (want - 0.01 <= boot["high"]))


def test_prcc_monotone_nonlinear_and_unused_factor():
    rng = np.random.default_rng(3)
    n = 500
    X = rng.uniform(0, 1, size=(n, 3))
    # Strongly nonlinear but monotone in x1 and x2, x3 unused.
    y = np.exp(8 * X[:, 0]) * (1 + X[:, 1]) + rng.normal(0, 1, n)
    res = prcc(X, y)
    assert res["PRCC"][0] > 0.99
    assert res["PRCC"][1] > 0.8
    assert abs(res["PRCC"][2]) < 0.1
    assert res["low"][2] < 0 < res["high"][2]  # no evidence of an effect
    assert res["p_value"][0] < 1e-6
    # A linear fit understates the monotone effect that PRCC captures.
    s, r2 = src(X, y)
    assert s[0] < res["PRCC"][0] and r2 < 0.9


def test_prcc_matches_inverse_correlation_formula():
    # Partial correlation from residuals equals -P_iy / sqrt(P_ii P_yy) with
    # P the inverse of the rank correlation matrix: two routes, one answer.
    from scipy.stats import rankdata

    rng = np.random.default_rng(4)
    X = rng.normal(size=(300, 4))
    y = X[:, 0] ** 3 - X[:, 1] + 0.5 * rng.normal(size=300)
    R = np.column_stack([rankdata(X, axis=0), rankdata(y)])
    P = np.linalg.inv(np.corrcoef(R, rowvar=False))
    want = -P[:4, 4] / np.sqrt(np.diag(P)[:4] * P[4, 4])
    np.testing.assert_allclose(prcc(X, y)["PRCC"], want, atol=1e-10)


# --- sweep folders in the format of `sahelsim sweep` --------------------------

FACTORS = [
    {"name": "model.x1", "low": -np.pi, "high": np.pi, "kind": "real"},
    {"name": "model.x2", "low": -np.pi, "high": np.pi, "kind": "real"},
    {"name": "model.x3", "low": -np.pi, "high": np.pi, "kind": "real"},
]


def metrics_of(x: np.ndarray) -> dict[str, float]:
    return {"ishigami": float(ishigami(x)), "linear": float(2 * x[0] - x[1])}


def write_sweep(folder: Path, design: str, points: list[tuple[str, str, np.ndarray]], replicates: int = 1,
                failed: set[int] = frozenset(), noise: float = 0.0, metrics=("ishigami", "linear"),
                drop_metric_column: str | None = None) -> Path:
    """points: (block, row, x) per design point, in design order."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [f["name"] for f in FACTORS]
    meta = {"name": f"synthetic_{design}", "design": design, "replicates": replicates,
            "factors": FACTORS, "metrics": list(metrics)}
    if design == "saltelli":
        meta["base_samples"] = len({p[1] for p in points})
    (folder / "sweep.json").write_text(json.dumps(meta, indent=2))
    rng = np.random.default_rng(99)
    with open(folder / "design.csv", "w", newline="") as d, open(folder / "results.csv", "w", newline="") as r:
        dw, rw = csv.writer(d), csv.writer(r)
        dw.writerow(["run", "point", "replicate", "seed", "block", "row"] + names)
        res_metrics = [m for m in metrics if m != drop_metric_column]
        rw.writerow(["run", "point", "replicate", "seed"] + names + ["status"] + res_metrics)
        run = 0
        for point, (block, row, x) in enumerate(points):
            values = [repr(float(v)) for v in x]
            for rep in range(replicates):
                seed = 1000 + run
                dw.writerow([run, point, rep, seed, block, row] + values)
                if run in failed:
                    rw.writerow([run, point, rep, seed] + values + ["failed"] + [""] * len(res_metrics))
                else:
                    m = metrics_of(x)
                    rw.writerow([run, point, rep, seed] + values + ["ok"]
                                + [repr(m[k] + noise * rng.normal()) for k in res_metrics])
                run += 1
    return folder


def saltelli_points(n: int, seed: int = 0) -> list[tuple[str, str, np.ndarray]]:
    A, B, AB = saltelli_matrices(n, 3, seed=seed, sequence="sobol")
    names = [f["name"] for f in FACTORS]
    pts = []
    for j in range(n):  # the contract's order: A, AB:f1..AB:fk, B
        pts.append(("A", str(j), A[j]))
        for i, name in enumerate(names):
            pts.append((f"AB:{name}", str(j), AB[j, i]))
        pts.append(("B", str(j), B[j]))
    return pts


def lhs_points(n: int, seed: int = 0) -> list[tuple[str, str, np.ndarray]]:
    u = qmc.LatinHypercube(3, seed=seed).random(n)
    return [("", "", -np.pi + 2 * np.pi * row) for row in u]


def test_end_to_end_saltelli(tmp_path):
    n = 2**10
    # Run 7 (row 0, AB:x3, replicate 1) fails: the point survives through its
    # other replicate. Both replicates of row 30's AB:x2 fail: row 30 must go.
    pts = saltelli_points(n)
    row30_first = 30 * 5 * 2  # 5 points per row, 2 replicates per point
    failed = {7, row30_first + 4, row30_first + 5}
    sweep_dir = write_sweep(tmp_path / "salt", "saltelli", pts, replicates=2, failed=failed, noise=0.01)
    out = tmp_path / "out"
    # In-process rather than through `python3 -m` (that path is exercised by
    # the bad-input test): importing pandas and matplotlib again costs seconds.
    with pytest.warns(SweepWarning) as caught:
        assert main([str(sweep_dir), "--out", str(out), "--bootstrap", "200"]) == 0
    messages = [str(w.message) for w in caught]
    assert "3 of 10240 runs failed; they are left out" in messages
    assert any("1 of 1024 Saltelli rows" in m for m in messages)
    table = pd.read_csv(out / "sensitivity.csv")
    assert list(table.columns[:6]) == ["metric", "factor", "method", "estimate", "ci_low", "ci_high"]
    assert set(table["method"]) == {"S1", "ST", "SRC", "PRCC"}
    assert set(table["metric"]) == {"ishigami", "linear"}
    s1_true, st_true = ishigami_indices()
    ish = table[table["metric"] == "ishigami"].set_index(["method", "factor"])["estimate"]
    names = [f["name"] for f in FACTORS]
    np.testing.assert_allclose([ish[("S1", f)] for f in names], s1_true, atol=0.05)
    np.testing.assert_allclose([ish[("ST", f)] for f in names], st_true, atol=0.05)
    sob = table[(table["metric"] == "ishigami") & table["method"].isin(["S1", "ST"])]
    truth = np.r_[s1_true, st_true]
    assert np.all((sob["ci_low"].to_numpy() <= truth) & (truth <= sob["ci_high"].to_numpy()))
    sobol_rows = table[table["method"].isin(["S1", "ST"])]
    assert (sobol_rows["n"] == n - 1).all()
    lin = table[(table["metric"] == "linear") & (table["method"] == "SRC")]
    assert lin["r2"].iloc[0] > 0.99  # the linear metric is fitted exactly
    for name in ["indices_ishigami.png", "indices_linear.png", "scatter.png", "main_effects.png"]:
        data = (out / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000, name
    assert not list(out.glob(".*part-*"))  # no temporary files left


def test_end_to_end_lhs(tmp_path, capsys):
    pts = lhs_points(129)
    sweep_dir = write_sweep(tmp_path / "lhs", "lhs", pts, replicates=1, failed={5})
    out = tmp_path / "out"
    with pytest.warns(SweepWarning, match="1 of 129 runs failed"):
        assert main([str(sweep_dir), "--out", str(out), "--bootstrap", "100", "--seed", "3"]) == 0
    table = pd.read_csv(out / "sensitivity.csv")
    assert set(table["method"]) == {"SRC", "PRCC"}
    assert (table["n"] == 128).all()
    lin = table[table["metric"] == "linear"].set_index(["method", "factor"])
    # linear = 2 x1 - x2 is fitted exactly: SRC_i = b_i sd(x_i) / sd(y) over
    # the points that ran (a random LHS of 129 points has sample
    # correlations of ±0.1 between columns, so not exactly 2/√5, -1/√5, 0).
    X = np.array([p[2] for i, p in enumerate(pts) if i != 5])
    y = 2 * X[:, 0] - X[:, 1]
    want = np.array([2.0, -1.0, 0.0]) * X.std(axis=0) / y.std()
    np.testing.assert_allclose([lin.loc[("SRC", f["name"]), "estimate"] for f in FACTORS], want, atol=1e-5)
    assert lin.loc[("SRC", "model.x1"), "r2"] == pytest.approx(1.0)
    ish = table[table["metric"] == "ishigami"].set_index(["method", "factor"])
    # Ishigami is not monotone in x2 (sin²) nor x3 (x3⁴ sin x1): PRCC sees
    # x1 only, which is exactly why Saltelli designs exist.
    assert ish.loc[("PRCC", "model.x1"), "estimate"] > 0.3
    assert ish.loc[("PRCC", "model.x1"), "p_value"] < 1e-3
    assert abs(ish.loc[("PRCC", "model.x3"), "estimate"]) < 0.25
    for name in ["indices_ishigami.png", "indices_linear.png", "scatter.png", "main_effects.png"]:
        assert (out / name).stat().st_size > 5000
    assert "largest PRCC" in capsys.readouterr().out


def test_same_seed_same_table(tmp_path):
    sweep_dir = write_sweep(tmp_path / "lhs", "lhs", lhs_points(65))
    for o in ("a", "b"):
        assert main([str(sweep_dir), "--out", str(tmp_path / o), "--bootstrap", "50", "--no-plots"]) == 0
    assert (tmp_path / "a/sensitivity.csv").read_bytes() == (tmp_path / "b/sensitivity.csv").read_bytes()


# --- bad input: one message, exit status 2, nothing written -------------------


def test_bad_input_exit_status_from_command_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "analysis.sensitivity", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "missing sweep.json, design.csv, results.csv" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "sensitivity").exists()


def test_missing_metric_column(tmp_path, capsys):
    sweep_dir = write_sweep(tmp_path / "s", "lhs", lhs_points(17), drop_metric_column="linear")
    assert main([str(sweep_dir), "--out", str(tmp_path / "out")]) == 2
    assert "missing column(s) linear" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_unknown_metric_option(tmp_path, capsys):
    sweep_dir = write_sweep(tmp_path / "s", "lhs", lhs_points(17))
    assert main([str(sweep_dir), "--metric", "civilians_killed"]) == 2
    assert "not in this sweep" in capsys.readouterr().err


def test_not_a_folder(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_saltelli_with_other_convention_is_refused(tmp_path, capsys):
    # B with column i from A (Saltelli 2002) instead of A with column i from B.
    pts = saltelli_points(16)
    swapped = []
    for j in range(16):
        a, b = pts[j * 5][2], pts[j * 5 + 4][2]
        swapped.append(pts[j * 5])
        for i, f in enumerate(FACTORS):
            x = b.copy()
            x[i] = a[i]
            swapped.append((f"AB:{f['name']}", str(j), x))
        swapped.append(pts[j * 5 + 4])
    sweep_dir = write_sweep(tmp_path / "s", "saltelli", swapped)
    assert main([str(sweep_dir)]) == 2
    assert "is not the A point with model.x1 taken from the B point" in capsys.readouterr().err


def test_all_runs_failed(tmp_path, capsys):
    sweep_dir = write_sweep(tmp_path / "s", "lhs", lhs_points(9), failed=set(range(9)))
    with pytest.warns(SweepWarning):
        assert main([str(sweep_dir), "--out", str(tmp_path / "out")]) == 2
    assert "no metric has enough successful runs" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_load_sweep_drops_whole_saltelli_rows(tmp_path):
    pts = saltelli_points(32)
    # Point 12 is row 2's AB:x3 (5 points per row); with one replicate the
    # whole row 2 must leave the Sobol estimate.
    sweep_dir = write_sweep(tmp_path / "s", "saltelli", pts, failed={12})
    with pytest.warns(SweepWarning, match="1 of 160 runs failed"):
        sweep = load_sweep(sweep_dir)
    from analysis.sensitivity.sobol import saltelli_arrays

    fA, fB, fAB, dropped = saltelli_arrays(sweep, "ishigami")
    assert dropped == 1 and len(fA) == 31 and fAB.shape == (31, 3)
    with pytest.raises(SweepInputError):
        load_sweep(sweep_dir, metrics=["nope"])


def test_factorial_with_named_levels(tmp_path):
    # A full factorial with a text-valued `levels` factor and an integer one:
    # levels are coded in the order sweep.json lists them, ties are ranked
    # on average, and main effects are drawn per level.
    folder = tmp_path / "fact"
    folder.mkdir()
    levels = ["restrained", "balanced", "harsh"]
    meta = {"name": "doctrine", "design": "factorial", "replicates": 2,
            "factors": [{"name": "state.doctrine", "kind": "levels", "levels": levels},
                        {"name": "wagner.size", "low": 0, "high": 3, "kind": "integer"}],
            "metrics": ["civilians_killed"]}
    (folder / "sweep.json").write_text(json.dumps(meta))
    rng = np.random.default_rng(0)
    design = ["run,point,replicate,seed,block,row,state.doctrine,wagner.size"]
    results = ["run,point,replicate,seed,state.doctrine,wagner.size,status,civilians_killed"]
    run = point = 0
    for lv, code in zip(levels, range(3)):
        for size in range(4):
            for rep in range(2):
                killed = 100 + 50 * code + 10 * size + rng.normal(0, 2)
                design.append(f"{run},{point},{rep},{run + 7},,,{lv},{size}")
                results.append(f"{run},{point},{rep},{run + 7},{lv},{size},ok,{killed}")
                run += 1
            point += 1
    (folder / "design.csv").write_text("\n".join(design) + "\n")
    (folder / "results.csv").write_text("\n".join(results) + "\n")
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out), "--bootstrap", "100"]) == 0
    t = pd.read_csv(out / "sensitivity.csv").set_index(["method", "factor"])
    assert t.loc[("SRC", "state.doctrine"), "estimate"] > 0.9  # coded restrained < balanced < harsh
    assert t.loc[("PRCC", "state.doctrine"), "estimate"] > 0.95
    assert t.loc[("PRCC", "wagner.size"), "estimate"] > 0.9
    assert (t["n"] == 12).all()  # 12 points, replicates averaged
    assert (out / "main_effects.png").stat().st_size > 5000
