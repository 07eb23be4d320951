"""Batch runs: every input id out once, in order; byte-identical reruns; kill-and-resume."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import run_batch
from pipeline.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def make_input(path: Path, n: int, examples_dir: Path, bad: bool = False) -> list[str]:
    base = [json.loads(line) for line in open(examples_dir / "articles.jsonl")]
    ids, lines = [], []
    for i in range(n):
        rec = dict(base[i % len(base)], id=f"art-{i:05d}")
        ids.append(rec["id"])
        lines.append(json.dumps(rec))
        if bad and i % 50 == 7:
            lines.append('{"id": "broken-%d", "text": ' % i)
            ids.append(f"line-{len(lines)}")
    path.write_text("\n".join(lines) + "\n")
    return ids


def cfg(*extra):
    return load_config(overrides=["classify.enabled=false", "batch.progress=false", "batch.chunk_size=8", *extra])


def ids_of(path):
    return [json.loads(line)["id"] for line in open(path)]


def test_every_id_once_in_order_with_bad_records(tmp_path, examples_dir):
    ids = make_input(tmp_path / "in.jsonl", 120, examples_dir, bad=True)
    s = run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", cfg("batch.workers=1"))
    assert ids_of(tmp_path / "out.jsonl") == ids
    assert s["errors"] == 3 and s["articles"] == len(ids)
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_workers_and_reruns_give_identical_bytes(tmp_path, examples_dir):
    make_input(tmp_path / "in.jsonl", 60, examples_dir)
    run_batch(tmp_path / "in.jsonl", tmp_path / "a.jsonl", cfg("batch.workers=1"))
    run_batch(tmp_path / "in.jsonl", tmp_path / "b.jsonl", cfg("batch.workers=2"))
    run_batch(tmp_path / "in.jsonl", tmp_path / "c.jsonl", cfg("batch.workers=2"))
    a = (tmp_path / "a.jsonl").read_bytes()
    assert a == (tmp_path / "b.jsonl").read_bytes() == (tmp_path / "c.jsonl").read_bytes()


def test_disputes_are_grouped_across_the_batch(tmp_path, examples_dir):
    run_batch(examples_dir / "articles.jsonl", tmp_path / "o.jsonl", cfg())
    recs = [json.loads(line) for line in open(tmp_path / "o.jsonl")]
    slugs = [r["dispute"] for r in recs]
    assert slugs[0] == slugs[1] == slugs[2] and slugs[3] == slugs[4] == slugs[5] and slugs[0] != slugs[3]
    assert slugs[0] == "northmoor-refuse-workers-2031"  # the workforce survives the partial file
    assert not any(k.startswith("_") for r in recs for k in r)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_kill_and_resume(tmp_path, examples_dir, sig):
    ids = make_input(tmp_path / "in.jsonl", 400, examples_dir)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in.jsonl"), "-o", str(out), "-q",
           "--set", "classify.enabled=false", "--set", "batch.chunk_size=4", "--set", "batch.workers=1"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.time() + 60
    while time.time() < deadline and (not partial.exists() or partial.stat().st_size < 20_000):
        time.sleep(0.02)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert not out.exists(), "the run finished before it could be interrupted"
    assert partial.exists()
    done_before = sum(1 for _ in open(partial, "rb"))
    assert 0 < done_before < len(ids)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    assert ids_of(out) == ids
    clean = tmp_path / "clean.jsonl"
    subprocess.run(cmd[:6] + [str(clean)] + cmd[7:], cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    assert out.read_bytes() == clean.read_bytes()
