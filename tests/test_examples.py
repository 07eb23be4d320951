"""The fictional examples: gold consistent with the raw input, the guidelines and the generator."""
import importlib.util
import json
import subprocess
import sys

import pytest

from pipeline.schema import SENTIMENTS, SIDES, STANCES, TYPES


def _load(path):
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def _builder(examples_dir):
    spec = importlib.util.spec_from_file_location("build_examples", examples_dir / "build_examples.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_files_are_what_the_generator_writes(examples_dir):
    mod = _builder(examples_dir)
    raw, gold = mod.build()
    assert (examples_dir / "articles.jsonl").read_text(encoding="utf-8") == mod.dumps(raw)
    assert (examples_dir / "gold.jsonl").read_text(encoding="utf-8") == mod.dumps(gold)


def test_raw_input_is_gold_without_annotations(examples_dir):
    raw, gold = _load(examples_dir / "articles.jsonl"), _load(examples_dir / "gold.jsonl")
    assert [r["id"] for r in raw] == [g["id"] for g in gold]
    for r, g in zip(raw, gold):
        assert set(r) == {"id", "url", "title", "date", "outlet", "text"}  # no hints, no statements
        assert all(r[k] == g[k] for k in ("url", "title", "date", "text"))
        assert r["url"].startswith("https://example.org/")
        assert 1_300 <= len(r["text"]) <= 2_600
        assert r["text"].split("\n")[0] == r["title"]  # the headline opens the text


def test_gold_spans_labels_and_coverage(examples_dir):
    gold = _load(examples_dir / "gold.jsonl")
    seen = {"type": set(), "disputes": {}}
    for g in gold:
        prev_end = 0
        for s in g["statements"]:
            assert g["text"][s["start"]:s["end"]] == s["quote"]
            assert s["start"] >= prev_end  # in order, non-overlapping
            prev_end = s["end"]
            assert s["quote"] == s["quote"].strip() and s["quote"][0] not in "\"'“‘"
            assert (s["type"], s["side"], s["stance"], s["sentiment"]) in \
                {(t, si, st, se) for t in TYPES for si in SIDES for st in STANCES for se in SENTIMENTS}
            assert s["speaker"]
            seen["type"].add(s["type"])
            seen["disputes"].setdefault(g["dispute"], set()).add(s["side"])
    assert seen["type"] == set(TYPES)
    assert len(seen["disputes"]) >= 2
    assert all({"union", "council"} <= sides for sides in seen["disputes"].values())


def test_gold_passes_the_shared_validator(examples_dir, shared_dir):
    validate = shared_dir.parent / "annotation" / "validate.py"
    if not validate.exists():
        pytest.skip("../shared/annotation/validate.py is not present")
    r = subprocess.run([sys.executable, str(validate), str(examples_dir / "gold.jsonl")],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "0 problems" in r.stdout, r.stdout + r.stderr
