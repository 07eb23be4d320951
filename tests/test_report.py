"""Reports: all files written, article text escaped, self-contained, one section per dispute,
thin evidence shown as such; the page renders in headless Chromium."""
import re
import shutil
import subprocess

import pandas as pd
import pytest

from pipeline.config import load_config
from pipeline.io import read_articles
from pipeline.report import write_report
from pipeline.report.markdown import _cell

EVIL_QUOTE = "<script>alert('x')</script> pay now"


def _report(tmp_path, examples_dir, *overrides):
    """The examples' gold as predictions, with hostile text in a quote, a speaker and a link."""
    arts = list(read_articles(examples_dir / "gold.jsonl"))
    evil = arts[0].statements[0]
    evil.quote = EVIL_QUOTE
    evil.speaker = "<b>Dana</b> & co"
    arts[1].url = "javascript:alert(1)"
    cfg = load_config(overrides=["compare.min_statements=2", "compare.n_bootstrap=100", *overrides])
    return write_report(arts, tmp_path / "rep", cfg)


def test_report_writes_every_file(tmp_path, examples_dir):
    paths = _report(tmp_path, examples_dir)
    assert set(paths) == {"report_html", "summary_md", "comparison_csv", "statements_parquet", "statements_csv"}
    for p in paths.values():
        assert p.exists() and p.stat().st_size > 0
    comp = pd.read_csv(paths["comparison_csv"])
    assert len(comp) == 6 and set(comp["side"]) == {"union", "council", "other"}
    assert {"stance_support_hard", "stance_support_soft", "gap", "gap_lo", "gap_hi", "gap_p_value"} <= set(comp)
    table = pd.read_parquet(paths["statements_parquet"])
    n_gold = sum(len(a.statements) for a in read_articles(examples_dir / "gold.jsonl"))
    assert len(table) == len(pd.read_csv(paths["statements_csv"])) == n_gold
    assert EVIL_QUOTE in set(table["quote"])  # tables keep the text as it was
    summary = paths["summary_md"].read_text()
    assert summary.count("| northmoor-refuse-workers-2031 |") == 1
    assert "<script>" not in summary


def test_markdown_cells_cannot_break_the_table_or_open_tags():
    assert _cell("a|b\n<script>x</script> <0.001") == "a\\|b &lt;script>x&lt;/script> <0.001"


def test_report_html_is_escaped_and_self_contained(tmp_path, examples_dir):
    html = _report(tmp_path, examples_dir)["report_html"].read_text()
    assert "<script" not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; pay now" in html
    assert "<b>Dana</b>" not in html and "&lt;b&gt;Dana&lt;/b&gt; &amp; co" in html
    assert 'href="javascript:' not in html  # an unsafe link is shown as text only
    # nothing is fetched: no stylesheets, CSS urls or remote sources (links to articles are fine)
    assert "<link" not in html and "url(" not in html and "@import" not in html
    assert not re.search(r"""src=["']?(https?:)?//""", html)
    assert html.count('src="data:image/png;base64,') >= 3  # overview, timeline, per-dispute charts
    assert html.count('<section class="dispute"') == 2
    assert 'href="https://example.org/' in html  # quotes link to their articles


def test_thin_evidence_is_shown_as_insufficient_not_as_a_share(tmp_path, examples_dir):
    html = _report(tmp_path, examples_dir, "compare.min_statements=11")["report_html"].read_text()
    # eastwick: 10 council statements (northmoor council has 16)
    section = html.split('id="d-eastwick-childrens-social-workers-2032"')[1].split("</section>")[0]
    council = section.split('<td class="council">council</td>')[1].split("</tr>")[0]
    assert "insufficient evidence" in council and "%" not in council
    assert "thin: council" in html


def test_chart_cap_is_configurable(tmp_path, examples_dir):
    html = _report(tmp_path, examples_dir, "compare.max_charts=0")["report_html"].read_text()
    assert 'alt="Stance and sentiment shares by side' not in html
    assert 'alt="Net tone by dispute' in html  # the overview chart is always drawn


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
def test_report_renders_in_headless_chromium(tmp_path, examples_dir, in_ci):
    exe = _chromium()
    if exe is None:
        if in_ci:
            pytest.fail("chromium is not installed in CI (.ci/run installs it)")
        pytest.skip("chromium not installed")
    url = _report(tmp_path, examples_dir)["report_html"].resolve().as_uri()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([exe, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    assert dom.count('<section class="dispute"') == 2
    # the quote arrived as text inside its blockquote, not as a script element
    assert "“&lt;script&gt;alert('x')&lt;/script&gt; pay now”" in dom and "<script" not in dom
    assert dom.count("<img") >= 3
    shot = tmp_path / "shot.png"
    subprocess.run([exe, *flags, f"--screenshot={shot}", "--window-size=1200,3000", url],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 20_000  # a blank page is a few kB
