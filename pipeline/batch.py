"""Streaming batch runs: chunks through worker processes, classification across articles,
resumable partial output, atomic final files, per-article errors instead of crashes.

Layout on disk while running: ``OUT.partial`` (one JSON line per finished article, fsynced per
chunk) and ``OUT.progress.json`` (input fingerprint + count). A rerun of the same command with
the same input and config continues after the last complete line. At the end the dispute slugs
are unified across the batch (``group_disputes`` over per-article metadata only) while the
partial file is rewritten to ``OUT`` atomically.
"""
from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from pipeline.annotate import Pipeline
from pipeline.config import Config
from pipeline.io import atomic_open, dumps_article, read_articles
from pipeline.schema import STATUS_OK, Article

log = logging.getLogger(__name__)
_WORKER: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    import torch

    torch.set_num_threads(1)
    cfg = Config(**{**config.__dict__})
    _WORKER = Pipeline(cfg, classifier=False)  # classification stays in the parent, batched


def _annotate_chunk(chunk: list[Article]) -> list[Article]:
    assert _WORKER is not None
    return [_WORKER.annotate(a) for a in chunk]


def fingerprint(source: Any, config: Config) -> str:
    """Identity of a run: the input (path, size, mtime) and the full config."""
    h = hashlib.sha256(json.dumps(config.to_dict(), sort_keys=True).encode())
    if isinstance(source, (str, Path)):
        p = Path(source).resolve()
        st = p.stat()
        h.update(f"{p}|{st.st_size}|{int(st.st_mtime)}".encode())
    return h.hexdigest()


def _complete_lines(path: Path) -> int:
    """Count complete lines, cutting off a half-written last line (a kill mid-write)."""
    if not path.exists():
        return 0
    n, good = 0, 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            n += 1
            good += len(line)
    with open(path, "r+b") as fh:
        fh.truncate(good)
    return n


def _chunks(it: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while chunk := list(islice(it, size)):
        yield chunk


def _count_input(source: Any) -> int | None:
    if isinstance(source, (str, Path)) and str(source).endswith(".jsonl"):
        with open(source, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    return None


def _mark_hints(a: Article) -> Article:
    a.extra["_hints"] = list(a.hints)
    return a


def run_batch(source: Any, output: str | Path, config: Config, fmt: str | None = None,
              table: str | Path | None = None, pipeline: Pipeline | None = None) -> dict:
    """Run the pipeline over ``source`` into ``output`` (JSONL); returns a summary dict."""
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    progress = out.with_name(out.name + ".progress.json")
    articles = read_articles(source, fmt)  # a missing/unknown source fails here, clearly
    fp = fingerprint(source, config)
    done = 0
    if config.batch.resume and partial.exists() and progress.exists():
        try:
            if json.loads(progress.read_text())["fingerprint"] == fp:
                done = _complete_lines(partial)
        except (ValueError, KeyError):
            done = 0
    if done == 0:
        partial.write_bytes(b"")
    resumed = done
    pipe = pipeline or Pipeline(config)
    if config.classify.enabled:
        _ = pipe.classifier  # fail fast (clear error naming the path) before any work
    for _ in islice(articles, done):  # already written by an interrupted run
        pass
    total = _count_input(source)
    bar = None
    if config.batch.progress:
        from tqdm import tqdm

        bar = tqdm(total=total, initial=done, unit="art", file=sys.stderr, dynamic_ncols=True,
                   disable=not (sys.stderr.isatty() or os.environ.get("DISPUTE_STANCE_PROGRESS")))
    t0 = time.perf_counter()
    workers = config.batch.workers
    pool = None
    if workers > 1:
        pool = mp.get_context("fork" if sys.platform != "win32" else "spawn").Pool(
            workers, initializer=_init_worker, initargs=(config,))
        annotated = pool.imap(_annotate_chunk, _chunks(articles, config.batch.chunk_size))
    else:
        annotated = ([pipe.annotate(a) for a in chunk]
                     for chunk in _chunks(articles, config.batch.chunk_size))
    n_new = 0
    try:
        with open(partial, "a", encoding="utf-8") as fh:
            for chunk in annotated:
                pipe.classify(chunk)
                fh.write("".join(dumps_article(_mark_hints(a), internal=True) for a in chunk))
                fh.flush()
                os.fsync(fh.fileno())
                done += len(chunk)
                n_new += len(chunk)
                with atomic_open(progress) as pf:
                    pf.write(json.dumps({"fingerprint": fp, "done": done}))
                if bar is not None:
                    bar.update(len(chunk))
    except KeyboardInterrupt:
        if pool is not None:
            pool.terminate()
        log.warning("interrupted after %d articles; rerun the same command to resume", done)
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()
    seconds = time.perf_counter() - t0
    summary = finalize(partial, out, config)
    progress.unlink(missing_ok=True)
    partial.unlink(missing_ok=True)
    if table:
        from pipeline.io.writers import write_statements_table

        write_statements_table(read_articles(out), table)
    summary.update(resumed_from=resumed, new_articles=n_new, seconds=round(seconds, 2),
                   articles_per_s=round(n_new / seconds, 2) if seconds > 0 else None,
                   output=str(out))
    return summary


def finalize(partial: Path, out: Path, config: Config) -> dict:
    """Unify dispute slugs across the batch and write the final output atomically."""
    from pipeline.attribute import group_disputes

    metas = []
    for a in read_articles(partial, "jsonl"):
        a.hints = tuple(a.extra.get("_hints", ()))
        a.text, a.statements = "", []  # metadata only: memory stays flat
        metas.append(a)
    slugs = group_disputes(metas) if config.attribute.infer_article_meta else {}
    del metas
    n_ok = n_err = n_st = 0
    with atomic_open(out) as fh, open(partial, encoding="utf-8") as src:
        for line in src:
            rec = json.loads(line)
            if rec["id"] in slugs and rec.get("status") == STATUS_OK:
                rec["dispute"] = slugs[rec["id"]]
            for k in [k for k in rec if k.startswith("_")]:  # stage-internal metadata
                del rec[k]
            n_ok += rec.get("status") == STATUS_OK
            n_err += rec.get("status") != STATUS_OK
            n_st += len(rec.get("statements") or [])
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return {"articles": n_ok + n_err, "ok": n_ok, "errors": n_err, "statements": n_st}
