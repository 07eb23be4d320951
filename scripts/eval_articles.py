"""Employer accuracy and dispute-grouping pairwise F1 on raw_articles + raw_articles_disputes.

usage: python scripts/eval_articles.py
"""
import itertools
import json
from collections import defaultdict
from pathlib import Path

import yaml

from pipeline.attribute import group_disputes, infer_article_meta, load_knowledge
from pipeline.io import read_articles

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
ROOT = Path(__file__).resolve().parent.parent


def pair_f1(pred: dict, gold: dict, ids: list) -> tuple[float, float, float]:
    def pairs(lab):
        groups = defaultdict(list)
        for i in ids:
            groups[lab[i]].append(i)
        return {frozenset(p) for g in groups.values() for p in itertools.combinations(g, 2)}
    pp, gp = pairs(pred), pairs(gold)
    tp = len(pp & gp)
    p = tp / len(pp) if pp else 0.0
    r = tp / len(gp) if gp else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    kn = load_knowledge()
    ref = {json.loads(line)["id"]: json.loads(line) for line in open(DATA / "raw_articles_disputes.jsonl")}
    split = yaml.safe_load((ROOT / "configs" / "gold_split.yaml").read_text())
    test = set(split["test"])
    arts = list(read_articles(DATA / "raw_articles.jsonl"))
    for a in arts:
        infer_article_meta(a, kn)
    slugs = group_disputes(arts)
    ids = [a.id for a in arts]
    emp_ok = {a.id: a.employer == ref[a.id]["employer"] for a in arts}
    for name, sub in (("all", ids), ("test-half disputes", [i for i in ids if ref[i]["dispute"] in test]),
                      ("not test-half", [i for i in ids if ref[i]["dispute"] not in test])):
        acc = sum(emp_ok[i] for i in sub) / len(sub)
        p, r, f = pair_f1(slugs, {i: ref[i]["dispute"] for i in ids}, sub)
        exact = sum(slugs[i] == ref[i]["dispute"] for i in sub) / len(sub)
        print(f"{name:<20} n={len(sub):>3}  employer acc {acc:.3f}  grouping pairwise P {p:.3f} "
              f"R {r:.3f} F1 {f:.3f}  slug exact {exact:.3f}")
