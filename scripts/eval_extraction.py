"""Score the extractor's spans on the gold, split into the dev and test halves.

usage: python scripts/eval_extraction.py [dev|test|all] [--show N]
"""
import json
import sys
from pathlib import Path

import yaml

from pipeline.evaluate import evaluate, format_report
from pipeline.extract import extract_statements
from pipeline.io import read_articles
from pipeline.schema import Article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def load_half(half: str) -> list[Article]:
    split = yaml.safe_load((ROOT / "configs" / "gold_split.yaml").read_text())
    keep = set(split["dev"] if half == "dev" else split["test"] if half == "test" else
               split["dev"] + split["test"])
    arts = [a for f in ("train_gold.jsonl", "sample_gold.jsonl") for a in read_articles(DATA / f)]
    return [a for a in arts if a.dispute in keep]


if __name__ == "__main__":
    half = sys.argv[1] if len(sys.argv) > 1 else "dev"
    gold = load_half(half)
    pred = [Article(id=a.id, text=a.text, dispute=a.dispute, statements=extract_statements(a.text))
            for a in gold]
    print(format_report(evaluate(gold, pred)).split("\n\non ")[0])
