"""Interrupted runs resume to exactly one record per input article, byte-identical to a clean run.

The CLI runs in a subprocess with worker processes and a (tiny, real) classifier; it is killed
once the partial output holds some chunks, then the same command is run again.
"""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import Checkpoint, run_batch
from pipeline.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def fictional_articles(n: int) -> list[dict]:
    """Made-up articles with quotes from both sides (no real text)."""
    towns = ["Ashvale", "Brindle", "Corrow", "Dunmere"]
    out = []
    for i in range(n):
        town = towns[i % len(towns)]
        text = (f"Bin workers in {town} will strike again next month, the Unite union said.\n\n"
                f"\"We have been left with no choice after {i % 7 + 2} years of real-terms cuts,\" "
                f"said regional officer Jo Pellow.\n\n"
                f"A spokesperson for {town} Borough Council said the offer was fair and final.\n\n"
                f"\"Residents deserve a reliable service and we urge the union to call off the "
                f"action,\" council leader Sam Averly said. Talks are expected on day {i}.")
        out.append({"id": f"fx-{i:05d}", "title": f"{town} bin strike update {i}",
                    "date": f"2023-{i % 12 + 1:02d}-15", "url": None, "text": text})
    return out


def write_input(path: Path, n: int) -> list[str]:
    recs = fictional_articles(n)
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return [r["id"] for r in recs]


def ids_of(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in open(path, encoding="utf-8")]


def cli(inp: Path, out: Path, model: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(inp), "-o", str(out), "-q",
            "--set", f"classify.model={model}", "--set", "batch.chunk_size=8",
            "--set", "batch.workers=2"]


def interrupt(cmd: list[str], partial: Path, min_bytes: int, sig: int) -> subprocess.CompletedProcess:
    """Start the CLI and send ``sig`` once the partial output has grown to ``min_bytes``."""
    proc = subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    progress = partial.with_name(partial.name.replace(".partial", ".progress.json"))

    def checkpointed() -> bool:  # a chunk past min_bytes is on disk and recorded
        try:
            return partial.stat().st_size >= min_bytes and json.loads(progress.read_text())["done"] > 0
        except (OSError, ValueError, KeyError):
            return False

    deadline = time.time() + 180  # a loaded machine starts workers and the model slowly
    while time.time() < deadline and proc.poll() is None and not checkpointed():
        time.sleep(0.02)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)  # would hang if orphaned workers kept stderr open
    return subprocess.CompletedProcess(cmd, proc.returncode, "", err)


def test_kill_and_resume_with_workers_and_classifier(tmp_path, tiny_model):
    """Ctrl-C, resume, SIGKILL, resume: the same bytes as one uninterrupted run."""
    ids = write_input(tmp_path / "in.jsonl", 200)
    out, partial = tmp_path / "out.jsonl", tmp_path / "out.jsonl.partial"
    cmd = cli(tmp_path / "in.jsonl", out, tiny_model)
    progress = tmp_path / "out.jsonl.progress.json"

    r = interrupt(cmd, partial, 20_000, signal.SIGINT)
    assert r.returncode == 130 and "resume" in r.stderr and "Traceback" not in r.stderr, r.stderr
    first = json.loads(progress.read_text())["done"]
    assert 0 < first < len(ids) and first % 8 == 0 and not out.exists()

    interrupt(cmd, partial, partial.stat().st_size + 40_000, signal.SIGKILL)
    second = json.loads(progress.read_text())["done"]
    assert first < second < len(ids) and not out.exists()

    r = subprocess.run(cmd, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stderr.strip().splitlines()[-1])
    assert summary["resumed_from"] == second and summary["new_articles"] == len(ids) - second
    assert ids_of(out) == ids
    assert not partial.exists() and not progress.exists()

    clean = tmp_path / "clean.jsonl"
    subprocess.run(cli(tmp_path / "in.jsonl", clean, tiny_model), cwd=ROOT, check=True,
                   env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, timeout=120)
    assert out.read_bytes() == clean.read_bytes()
    assert all(s["stance"] for line in open(out) for s in json.loads(line)["statements"])


def cfg(*extra: str):
    return load_config(overrides=["classify.enabled=false", "batch.progress=false",
                                  "batch.chunk_size=4", "batch.workers=1", *extra])


def interrupted_run(inp: Path, out: Path, config, after_chunks: int) -> None:
    """A run stopped by Ctrl-C after ``after_chunks`` chunks are checkpointed."""
    real = Checkpoint.append
    calls = {"n": 0}

    def append(self, fh, lines, n):
        real(self, fh, lines, n)
        calls["n"] += 1
        if calls["n"] == after_chunks:
            raise KeyboardInterrupt

    Checkpoint.append = append
    try:
        with pytest.raises(KeyboardInterrupt):
            run_batch(inp, out, config)
    finally:
        Checkpoint.append = real


def test_half_written_chunk_is_dropped_and_redone(tmp_path):
    ids = write_input(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out.jsonl"
    interrupted_run(tmp_path / "in.jsonl", out, cfg(), after_chunks=3)
    partial = tmp_path / "out.jsonl.partial"
    with open(partial, "a", encoding="utf-8") as fh:  # a kill in the middle of the next chunk
        fh.write('{"id": "fx-00012", "text": "complete line of an unfinished chunk"}\n{"id": "fx-000')
    s = run_batch(tmp_path / "in.jsonl", out, cfg())
    assert s["resumed_from"] == 12 and ids_of(out) == ids
    run_batch(tmp_path / "in.jsonl", tmp_path / "clean.jsonl", cfg())
    assert out.read_bytes() == (tmp_path / "clean.jsonl").read_bytes()


def test_other_config_or_input_starts_afresh_and_workers_do_not_matter(tmp_path):
    ids = write_input(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out.jsonl"
    interrupted_run(tmp_path / "in.jsonl", out, cfg(), after_chunks=2)
    # batch.workers / progress cannot change the output: the run resumes
    assert run_batch(tmp_path / "in.jsonl", out, cfg("batch.workers=0"))["resumed_from"] == 8

    interrupted_run(tmp_path / "in.jsonl", out, cfg(), after_chunks=2)
    s = run_batch(tmp_path / "in.jsonl", out, cfg("extract.min_quote_words=3"))
    assert s["resumed_from"] == 0 and ids_of(out) == ids

    interrupted_run(tmp_path / "in.jsonl", out, cfg(), after_chunks=2)
    write_input(tmp_path / "in.jsonl", 31)  # the input changed under the partial output
    s = run_batch(tmp_path / "in.jsonl", out, cfg())
    assert s["resumed_from"] == 0 and s["articles"] == 31

    interrupted_run(tmp_path / "in.jsonl", out, cfg(), after_chunks=2)
    assert run_batch(tmp_path / "in.jsonl", out, cfg("batch.resume=false"))["resumed_from"] == 0


def test_interrupted_run_leaves_no_final_file_and_a_readable_checkpoint(tmp_path):
    write_input(tmp_path / "in.jsonl", 20)
    out = tmp_path / "out.jsonl"
    interrupted_run(tmp_path / "in.jsonl", out, cfg(), after_chunks=1)
    assert not out.exists()
    state = json.loads((tmp_path / "out.jsonl.progress.json").read_text())
    assert state["done"] == 4 and state["bytes"] == (tmp_path / "out.jsonl.partial").stat().st_size
