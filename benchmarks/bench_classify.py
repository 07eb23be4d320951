"""Classifier throughput: statements/s and peak RSS for N statements on this machine's cores.

usage: python benchmarks/bench_classify.py [--n 2000] [--model models/stance-sentiment] [--threads 2]
       python benchmarks/bench_classify.py --n 2000 --processes 2 [--kernel-cache]  # 1 thread/core
Statements come from ../shared/data/train_gold.jsonl (replicated to N) or, without ../shared,
from examples/gold.jsonl. Also reports bf16-vs-fp32 label agreement on the same statements.
``--processes P`` splits the statements over P single-threaded processes, as the pipeline's
workers do (threads of one process stall whenever anything else takes a core); the clock runs
from the moment every process has loaded its model to the last one's finish, and the peak RSS
is the sum of the processes' peaks.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import time
from pathlib import Path

import torch

from pipeline.classify import StanceSentimentClassifier, classifier_input
from pipeline.io import read_articles

ROOT = Path(__file__).resolve().parent.parent


def load_items(n: int):
    src = ROOT.parent / "shared" / "data" / "train_gold.jsonl"
    if not src.exists():
        src = ROOT / "examples" / "gold.jsonl"
    items = [classifier_input(a, s) for a in read_articles(src) for s in a.statements]
    return (items * (n // len(items) + 1))[:n]


def _worker(model: str, items: list, batch_size: int, barrier, out) -> None:
    torch.set_num_threads(1)
    clf = StanceSentimentClassifier.from_pretrained(model, batch_size=batch_size)
    clf.predict(items[:64])  # warm-up
    barrier.wait()
    preds = clf.predict(items)
    out.put((time.perf_counter(), len(preds),
             resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def run_processes(items: list, model: str, processes: int, batch_size: int) -> dict:
    """Statements/s over ``processes`` one-thread processes classifying equal shares at once."""
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(processes + 1), ctx.Queue()
    share = -(-len(items) // processes)
    procs = [ctx.Process(target=_worker, args=(model, items[i * share:(i + 1) * share], batch_size,
                                              barrier, out)) for i in range(processes)]
    for p in procs:
        p.start()
    barrier.wait()
    t0 = time.perf_counter()
    done = [out.get() for _ in procs]
    for p in procs:
        p.join()
    return {"n_statements": sum(d[1] for d in done), "processes": processes, "threads": 1,
            "onednn_cache_capacity": os.environ.get("ONEDNN_PRIMITIVE_CACHE_CAPACITY"),
            "bf16_statements_per_s": round(len(items) / (max(d[0] for d in done) - t0), 1),
            "peak_rss_mb_sum": round(sum(d[2] for d in done), 1),
            "load_avg_1min_after": round(os.getloadavg()[0], 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--model", default=str(ROOT / "models" / "stance-sentiment"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--processes", type=int, default=0, help="split over P one-thread processes")
    ap.add_argument("--kernel-cache", action="store_true",
                    help="oneDNN's kernel cache on (the pipeline's classify.kernel_cache=true)")
    args = ap.parse_args()
    items = load_items(args.n)
    if args.processes:
        # as the pipeline's workers run (pipeline.workers.set_kernel_cache); the spawned
        # processes read it when their torch starts
        os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "1024" if args.kernel_cache else "0")
        print(json.dumps(run_processes(items, args.model, args.processes, args.batch_size), indent=2))
        return
    torch.set_num_threads(args.threads)
    res = {"n_statements": len(items), "threads": args.threads}
    for bf16 in (True, False):
        clf = StanceSentimentClassifier.from_pretrained(args.model, bf16=bf16, batch_size=args.batch_size)
        clf.predict(items[:64])  # warm-up
        t = time.perf_counter()
        preds = clf.predict(items)
        dt = time.perf_counter() - t
        key = "bf16" if clf.bf16 else "fp32"
        res[f"{key}_statements_per_s"] = round(len(items) / dt, 1)
        res[f"_{key}_labels"] = [(p.stance, p.sentiment) for p in preds]
    if "_bf16_labels" in res:
        a, b = res.pop("_bf16_labels"), res.pop("_fp32_labels")
        res["bf16_fp32_stance_agreement"] = round(sum(x[0] == y[0] for x, y in zip(a, b)) / len(a), 4)
        res["bf16_fp32_sentiment_agreement"] = round(sum(x[1] == y[1] for x, y in zip(a, b)) / len(a), 4)
    else:
        res.pop("_fp32_labels", None)
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    # other processes on the same cores slow every threaded op (threads wait for each other)
    res["load_avg_1min_after"] = round(os.getloadavg()[0], 2)
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
