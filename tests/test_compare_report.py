"""Comparison maths and reports: gold as predictions reproduces gold shares; HTML is safe."""
import os
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

from pipeline.compare import compare
from pipeline.config import CompareConfig, load_config
from pipeline.evaluate import dispute_shares
from pipeline.io import read_articles, statements_frame
from pipeline.report import write_report


def _check_reproduces(articles):
    c = compare(statements_frame(articles), CompareConfig(n_bootstrap=50))
    ref = dispute_shares(articles)
    assert len(c.sides) == sum(1 for d in ref.values() for k in d if k != "gap")
    for _, r in c.sides.iterrows():
        g = ref[r["dispute"]][r["side"]]
        assert r["n_statements"] == g["n"]
        for field in ("stance", "sentiment"):
            for lab, share in g[field].items():
                assert r[f"{field}_{lab}"] == pytest.approx(share, abs=1e-12)
                assert r[f"{field}_{lab}_hard"] == pytest.approx(share, abs=1e-12)
    for _, r in c.gaps.iterrows():
        if not np.isnan(r["gap"]):
            assert r["gap"] == pytest.approx(ref[r["dispute"]]["gap"], abs=1e-12)


def test_gold_as_predictions_reproduces_gold_shares_examples(examples_dir):
    _check_reproduces(list(read_articles(examples_dir / "gold.jsonl")))


def test_gold_as_predictions_reproduces_gold_shares_train_gold(shared_dir):
    _check_reproduces(list(read_articles(shared_dir / "train_gold.jsonl")))


def test_bootstrap_is_deterministic_and_brackets_estimates(examples_dir):
    df = statements_frame(read_articles(examples_dir / "gold.jsonl"))
    a, b = compare(df, CompareConfig(n_bootstrap=200, min_statements=2)), compare(df, CompareConfig(n_bootstrap=200, min_statements=2))
    pd.testing.assert_frame_equal(a.sides, b.sides)
    for _, r in a.sides.iterrows():
        assert r["stance_support_lo"] - 1e-9 <= r["stance_support"] <= r["stance_support_hi"] + 1e-9
    assert set(a.gaps.columns) >= {"gap", "gap_lo", "gap_hi", "p_value"}


def test_probabilities_are_used_when_present():
    df = pd.DataFrame([{"article_id": "a", "dispute": "d", "side": "union", "speaker": "U", "quote": "q",
                        "stance": "support", "sentiment": "negative", "date": "2030-01-01", "url": None,
                        "title": None, "speaker_org": None, "start": 0,
                        "p_stance_support": 0.6, "p_stance_oppose": 0.1, "p_stance_neutral": 0.3,
                        "p_sentiment_negative": 0.7, "p_sentiment_neutral": 0.2, "p_sentiment_positive": 0.1}])
    r = compare(df, CompareConfig(n_bootstrap=10)).sides.iloc[0]
    assert r["stance_support"] == pytest.approx(0.6) and r["stance_support_hard"] == 1.0
    assert r["net_tone"] == pytest.approx(-0.6) and bool(r["insufficient"])


def _report_with_script(tmp_path, examples_dir):
    arts = list(read_articles(examples_dir / "gold.jsonl"))
    evil = arts[0].statements[0]
    evil.quote = "<script>alert('x')</script> pay now"
    cfg = load_config(overrides=["compare.min_statements=2", "compare.n_bootstrap=100"])
    return write_report(arts, tmp_path / "rep", cfg)


def test_report_files_and_escaping(tmp_path, examples_dir):
    paths = _report_with_script(tmp_path, examples_dir)
    for p in paths.values():
        assert p.exists() and p.stat().st_size > 0
    html = paths["report_html"].read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<link" not in html and 'src="http' not in html  # self-contained: nothing fetched
    assert 'src="data:image/png;base64,' in html
    assert html.count('<section class="dispute"') == 2
    comp = pd.read_csv(paths["comparison_csv"])
    assert set(comp["side"]) <= {"union", "council", "other"} and "gap" in comp
    assert len(pd.read_parquet(paths["statements_parquet"])) == 31


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_renders_in_headless_chromium(tmp_path, examples_dir, in_ci):
    exe = _chromium()
    if exe is None:
        if in_ci:
            pytest.fail("chromium is not installed in CI (.ci/run installs it)")
        pytest.skip("chromium not installed")
    paths = _report_with_script(tmp_path, examples_dir)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    url = paths["report_html"].resolve().as_uri()
    dom = subprocess.run([exe, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    assert dom.count('<section class="dispute"') == 2
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in dom  # shown as text, not run as an element
    assert "<script>" not in dom
    shot = tmp_path / "shot.png"
    subprocess.run([exe, *flags, f"--screenshot={shot}", "--window-size=1200,2400", url],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
