"""Worker layout, determinism, bounded memory, progress bar and the streamed statements table."""
import json
import os

import pandas as pd

from pipeline.batch import run_batch, write_table
from pipeline.config import load_config
from pipeline.io import read_articles, write_statements_table
from pipeline.workers import ChunkRunner
from test_batch_resume import write_input


def cfg(*extra: str):
    return load_config(overrides=["batch.progress=false", "batch.chunk_size=8", *extra])


def test_same_bytes_in_process_and_in_workers_and_on_rerun(tmp_path, tiny_model):
    """The layout is not part of the result: 2 workers (1 torch thread each) give the same bytes
    as one process with 1 torch thread. (Reruns of one command: see test_batch_resume.)"""
    write_input(tmp_path / "in.jsonl", 24)
    m = f"classify.model={tiny_model}"
    run_batch(tmp_path / "in.jsonl", tmp_path / "a.jsonl", cfg(m, "batch.workers=1", "classify.threads=1"))
    run_batch(tmp_path / "in.jsonl", tmp_path / "b.jsonl", cfg(m, "batch.workers=2"))
    a = (tmp_path / "a.jsonl").read_bytes()
    assert a == (tmp_path / "b.jsonl").read_bytes()
    recs = [json.loads(line) for line in a.decode().splitlines()]
    scores = [s["stance_scores"] for r in recs for s in r["statements"]]
    assert scores and all(abs(sum(sc.values()) - 1) < 1e-3 for sc in scores)


def test_window_bounds_what_is_read_ahead():
    """At most ``window`` chunks are taken from the input before the first result is handed on:
    a corpus is never pulled into memory ahead of the workers."""
    config = cfg("classify.enabled=false", "batch.workers=2")
    taken: list[int] = []

    def chunks():
        from pipeline.schema import Article

        for i in range(12):
            taken.append(i)
            yield [Article(id=f"w{i}", text='"We will fight on," said Jo Example of Unison.')]

    seen = []
    with ChunkRunner(config, 2, window=3) as runner:
        for chunk in runner.map(chunks()):
            seen.append(chunk[0].id)
            assert len(taken) <= len(seen) - 1 + 3
    assert seen == [f"w{i}" for i in range(12)]


def test_progress_bar_can_be_forced_and_hidden(tmp_path, capfd):
    write_input(tmp_path / "in.jsonl", 20)
    c = cfg("classify.enabled=false", "batch.workers=1")
    run_batch(tmp_path / "in.jsonl", tmp_path / "o.jsonl", c, progress=True)
    err = capfd.readouterr().err
    assert "20/20" in err and "art/s" in err and "statements=" in err
    run_batch(tmp_path / "in.jsonl", tmp_path / "o.jsonl", c, progress=False)
    assert "art/s" not in capfd.readouterr().err
    run_batch(tmp_path / "in.jsonl", tmp_path / "o.jsonl", c)  # not a terminal: no bar by default
    assert "art/s" not in capfd.readouterr().err


def test_streamed_table_equals_the_in_memory_table(tmp_path):
    write_input(tmp_path / "in.jsonl", 30)
    s = run_batch(tmp_path / "in.jsonl", tmp_path / "o.jsonl", cfg("classify.enabled=false"),
                  table=tmp_path / "t.parquet")
    assert s["table"].endswith("t.parquet")
    for suffix in ("csv", "parquet"):
        streamed, whole = tmp_path / f"s.{suffix}", tmp_path / f"w.{suffix}"
        n = write_table(tmp_path / "o.jsonl", streamed, rows_per_group=7)  # several row groups
        write_statements_table(read_articles(tmp_path / "o.jsonl"), whole)
        read = pd.read_csv if suffix == "csv" else pd.read_parquet
        a, b = (df.astype(object).where(df.notna(), None) for df in (read(streamed), read(whole)))
        assert n == len(a) == len(b) == s["statements"] > 7
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
    assert len(pd.read_parquet(tmp_path / "t.parquet")) == s["statements"]


def test_empty_input_gives_empty_outputs(tmp_path):
    (tmp_path / "in.jsonl").write_text("")
    s = run_batch(tmp_path / "in.jsonl", tmp_path / "o.jsonl", cfg("classify.enabled=false"),
                  table=tmp_path / "t.csv")
    assert s["articles"] == 0 and (tmp_path / "o.jsonl").read_text() == ""
    assert list(pd.read_csv(tmp_path / "t.csv").columns)[:2] == ["article_id", "url"]


def test_kernel_cache_setting_follows_config_unless_the_environment_sets_it(monkeypatch):
    from pipeline.config import load_config
    from pipeline.workers import set_kernel_cache

    monkeypatch.delenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", raising=False)
    set_kernel_cache(load_config(overrides=["classify.kernel_cache=true"]))
    assert "ONEDNN_PRIMITIVE_CACHE_CAPACITY" not in os.environ  # oneDNN's own default: on
    set_kernel_cache(load_config())
    assert os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] == "0"  # default: off, memory flat
    monkeypatch.setenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "64")
    set_kernel_cache(load_config())
    assert os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] == "64"  # the user's choice wins
