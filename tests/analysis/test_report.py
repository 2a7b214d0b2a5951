# SPDX-License-Identifier: MIT
"""The HTML report: one self-contained file with every section, and it renders in Chromium."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from analysis import report

from conftest import SOURCE_DIR


def make_report(dirs, out, *extra):
    # Through the command line, exactly as `sahelsim report` will call it.
    done = subprocess.run([sys.executable, "-m", "analysis.report", *map(str, dirs), "--out", str(out), *extra],
                          cwd=SOURCE_DIR, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(SOURCE_DIR)})
    return done


@pytest.fixture(scope="module")
def single_report(sahel_runs, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    done = make_report(sahel_runs["ww"], out, "--title", "Test report")
    assert done.returncode == 0, done.stderr
    return out


def external_references(page: str) -> list:
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", page, flags=re.I)
    refs += re.findall(r"url\(\s*['\"]?([^)'\"]+)", page, flags=re.I)
    refs += re.findall(r"@import\s+([^;]+)", page, flags=re.I)
    return [r for r in refs if not (r.startswith("data:") or r.startswith("#"))]


def check_self_contained(path):
    assert [p.name for p in path.parent.iterdir()] == [path.name], "the report must be one file"
    page = path.read_text(encoding="utf-8")
    assert external_references(page) == []
    assert not re.search(r"<script\b", page, flags=re.I), "no JavaScript"
    assert "http://" not in page and "https://" not in page
    return page


def test_single_report_is_one_file_with_every_section(single_report):
    page = check_self_contained(single_report)
    for sid, heading in report.SECTIONS:
        if sid in report.COMPARISON_ONLY:
            assert f'id="{sid}"' not in page
        else:
            assert f'<section id="{sid}"><h2>{heading}</h2>' in page
    assert "<title>Test report</title>" in page
    # The story at once: the glance figure comes first, before the scenario's text.
    glance = page.index('<section id="glance"><h2>At a glance</h2><figure><img src="data:image/png;base64,')
    assert glance < page.index('<section id="scenario">')
    assert "Barkhane leaves Mali" in page  # the scenario's description
    assert "militant_cells_end" in page  # the outcome table
    assert page.count('src="data:image/png;base64,') >= 9 + 5
    assert page.count('src="data:image/gif;base64,') == 1


def test_comparison_report_has_the_comparison(compare_report):
    page = check_self_contained(compare_report[0])
    for sid, heading in report.SECTIONS:
        assert f'<section id="{sid}"><h2>{heading}</h2>' in page
    assert "Baseline mid-2021" in page and "French withdrawal and Wagner deal" in page
    assert "difference" in page and "(the reference)" in page
    assert page.count('src="data:image/gif;base64,') == 2


def test_epstein_report(epstein_run, tmp_path):
    out = tmp_path / "r" / "epstein.html"
    out.parent.mkdir()
    done = make_report([epstein_run], out)
    assert done.returncode == 0, done.stderr
    page = check_self_contained(out)
    for sid, heading in report.SECTIONS:
        present = f'<section id="{sid}"><h2>{heading}</h2>' in page
        assert present == (sid in report.EPSTEIN_SECTIONS), sid
    assert "Count the outbursts of rebellion" in page  # the scenario's description
    assert "citizens active at once" in page and "max_jail_term" in page
    assert "ticks 0 to 200" in page
    assert page.count('src="data:image/png;base64,') == 2  # active/jailed/quiet and legitimacy


def test_bad_input_exits_2_with_one_message(tmp_path):
    (tmp_path / "empty").mkdir()
    done = make_report([tmp_path / "empty"], tmp_path / "r.html")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "not a run folder" in done.stderr
    assert not (tmp_path / "r.html").exists()
    done = make_report([tmp_path / "nowhere"], tmp_path / "r.html")
    assert done.returncode == 2 and "not a folder" in done.stderr


def test_report_into_a_missing_folder_exits_2(sahel_runs, tmp_path):
    done = make_report(sahel_runs["ww"][:1], tmp_path / "no" / "r.html")
    assert done.returncode == 2 and "does not exist" in done.stderr


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_report_renders_in_headless_chromium(single_report, tmp_path):
    exe = find_chromium()
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install chromium); the rendering check is skipped")
    shot = tmp_path / "report.png"
    done = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           f"--screenshot={shot}", "--window-size=1280,2000", single_report.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert shot.exists(), f"no screenshot; chromium said: {done.stderr[-2000:]}"
    with Image.open(shot) as im:
        assert im.size == (1280, 2000)
        pixels = np.asarray(im.convert("L"), dtype=float)
    # Text, tables and the header bar; a blank page has a variance near zero.
    assert pixels.var() > 200, f"the screenshot looks blank (variance {pixels.var():.1f})"
    keep = os.environ.get("SAHELSIM_KEEP_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)


def test_web_addresses_in_scenario_text_are_not_links():
    assert report.esc("TRT World, https://www.trtworld.com/article/1") == "TRT World, www.trtworld.com/article/1"
