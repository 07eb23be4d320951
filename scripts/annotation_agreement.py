"""Agreement of the stand-off annotators with the gold, on gold articles they labelled blind.

usage: python scripts/annotation_agreement.py [annotations/gold_blind_labels.jsonl]

Statements are paired as the scorer pairs them (pipeline.evaluate.align: overlap, one to one);
span P/R/F1 count the pairs; the labels are compared on the pairs (agreement, Cohen's kappa, macro-F1 against gold).
"""
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, f1_score

from pipeline.attribute.names import normalise_speaker
from pipeline.evaluate import align
from pipeline.io import read_articles
from pipeline.io.standoff import read_standoff

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


if __name__ == "__main__":
    labels = sys.argv[1] if len(sys.argv) > 1 else ROOT / "annotations" / "gold_blind_labels.jsonl"
    ann = read_standoff(labels, DATA / "raw_articles.jsonl")
    gold = {a.id: a for a in read_articles(DATA / "train_gold.jsonl")}
    matched, n_gold, n_ann = [], 0, 0
    for a in ann:
        g = gold[a.id]
        n_gold += len(g.statements)
        n_ann += len(a.statements)
        matched += [(g.statements[i], a.statements[j]) for i, j in align(g.statements, a.statements)]
    m = len(matched)
    print(f"{len(ann)} gold articles; gold {n_gold} statements, annotator {n_ann}, paired {m}: "
          f"span P {m / n_ann:.3f} R {m / n_gold:.3f} F1 {2 * m / (n_ann + n_gold):.3f}; "
          f"identical spans {sum(g.start == a.start and g.end == a.end for g, a in matched) / m:.3f} of pairs")
    for f in ("type", "side", "stance", "sentiment"):
        y_g = [getattr(g, f) for g, _ in matched]
        y_a = [getattr(a, f) for _, a in matched]
        print(f"{f:<10} agreement {sum(x == y for x, y in zip(y_g, y_a)) / m:.3f}  "
              f"kappa {cohen_kappa_score(y_g, y_a):.3f}  macro-F1 against gold {f1_score(y_g, y_a, average='macro'):.3f}")
    same = sum(normalise_speaker(g.speaker) == normalise_speaker(a.speaker) for g, a in matched)
    print(f"speaker (exact after normalisation) {same / m:.3f}")
