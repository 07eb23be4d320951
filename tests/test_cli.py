"""The command line: subcommands over the same API, clear errors, validate.py accepts output."""
import json
import subprocess
import sys
from pathlib import Path

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_extract_then_evaluate(tmp_path, examples_dir, capsys):
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(examples_dir / "articles.jsonl"), "-o", str(out), "-q",
                 "--table", str(tmp_path / "t.csv")]) == 0
    recs = [json.loads(line) for line in open(out)]
    assert [r["id"] for r in recs] == [f"ex-00{i}" for i in range(1, 7)]
    for r in recs:
        for s in r["statements"]:
            assert r["text"][s["start"]:s["end"]] == s["quote"]
            assert s["stance"] in ("support", "oppose", "neutral")
            assert abs(sum(s["stance_scores"].values()) - 1) < 1e-3
    assert (tmp_path / "t.csv").exists()
    assert main(["evaluate", "--gold", str(examples_dir / "gold.jsonl"), "--pred", str(out),
                 "--json", str(tmp_path / "m.json")]) == 0
    m = json.loads((tmp_path / "m.json").read_text())
    assert m["statements_overlap"]["f1"] > 0.8
    assert "exact span" in capsys.readouterr().out


def test_validate_accepts_extract_output(tmp_path, examples_dir, shared_dir):
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(examples_dir / "articles.jsonl"), "-o", str(out), "-q"]) == 0
    validate = shared_dir.parent / "annotation" / "validate.py"
    r = subprocess.run([sys.executable, str(validate), str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout


def test_run_writes_every_report_file(tmp_path, examples_dir):
    assert main(["run", str(examples_dir / "articles.jsonl"), "-o", str(tmp_path / "o"), "-q",
                 "--set", "compare.n_bootstrap=100"]) == 0
    for name in ("predictions.jsonl", "report.html", "summary.md", "comparison.csv",
                 "statements.parquet", "statements.csv"):
        assert (tmp_path / "o" / name).stat().st_size > 0


def test_clear_errors(tmp_path, examples_dir, capsys):
    assert main(["extract", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "input not found" in capsys.readouterr().err
    assert main(["extract", str(examples_dir / "articles.jsonl"), "-o", str(tmp_path / "o.jsonl"),
                 "--set", "classify.bogus=1"]) == 2
    assert "unknown config key" in capsys.readouterr().err
    assert main(["extract", str(examples_dir / "articles.jsonl"), "-o", str(tmp_path / "o.jsonl"),
                 "--set", f"classify.model={tmp_path / 'no-model'}"]) == 2
    assert str(tmp_path / "no-model") in capsys.readouterr().err


def test_python_dash_m_is_the_same_program():
    r = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "extract" in r.stdout and "evaluate" in r.stdout
