"""Classifier throughput: statements/s and peak RSS for N statements on this machine's cores.

usage: python benchmarks/bench_classify.py [--n 2000] [--model models/stance-sentiment] [--threads 2]
Statements come from ../shared/data/train_gold.jsonl (replicated to N) or, without ../shared,
from examples/gold.jsonl. Also reports bf16-vs-fp32 label agreement on the same statements.
"""
from __future__ import annotations

import argparse
import json
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--model", default=str(ROOT / "models" / "stance-sentiment"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    items = load_items(args.n)
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
