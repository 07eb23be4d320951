"""Score the extractor's spans on the gold, split into the dev and test halves.

usage: python scripts/eval_extraction.py [dev|test|all|silver|silver-read|silver-unread|invented] [--ci]

Prints pipeline.evaluate's span report, then per-type exact-span figures (a gold statement of the
type matched by an identical predicted span, of any type) and the type accuracy on overlap pairs.
"""
import argparse
from pathlib import Path

import yaml

from pipeline.evaluate import align, bootstrap_intervals, evaluate, format_intervals, format_report
from pipeline.extract import extract_statements
from pipeline.io import read_articles
from pipeline.schema import Article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


SILVER = ROOT / "annotations" / "raw_articles_labels.jsonl"
HALVES = ("dev", "test", "all", "silver", "silver-read", "silver-unread", "invented")


def half_args(doc: str | None, **flags: str) -> argparse.Namespace:
    """The scripts' shared arguments: the half (default dev), --ci, and ``flags`` (name -> help)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("half", nargs="?", default="dev", choices=HALVES)
    ap.add_argument("--ci", action="store_true", help="95%% intervals of the headline figures, resampling disputes")
    for name, text in flags.items():
        ap.add_argument(f"--{name}", action="store_true", help=text)
    return ap.parse_args()


def attribute_gold_spans(g: Article, kn) -> Article:
    """A copy of gold article ``g`` whose statements (the gold spans) are attributed from the text
    alone: no cue, speaker, organisation or side carried over; metadata inferred."""
    import copy

    from pipeline.attribute import attribute_statements, infer_article_meta

    a = Article(id=g.id, text=g.text, title=g.title, date=g.date, url=g.url)
    infer_article_meta(a, kn)
    sts = [copy.copy(s) for s in g.statements]
    for s in sts:
        s.speaker = s.speaker_org = s.side = s.cue = None
    a.statements = attribute_statements(a, sts, kn)
    return a


def load_half(half: str) -> list[Article]:
    """Gold articles of a half of configs/gold_split.yaml ('dev', 'test', 'all'), or 'silver': the
    stand-off labels of non-gold raw articles (annotations/README.md), joined with their texts
    ('silver-read' / 'silver-unread': those outside / inside the test half's disputes), or
    'invented': the invented training articles of annotations/."""
    if half not in HALVES:
        raise ValueError(f"unknown half {half!r}: one of {', '.join(HALVES)}")
    if half == "invented":  # the invented training articles (annotations/README.md): new names and places
        return [a for f in sorted((ROOT / "annotations").glob("synthetic_articles*.jsonl")) for a in read_articles(f)]
    split = yaml.safe_load((ROOT / "configs" / "gold_split.yaml").read_text())
    if half.startswith("silver"):
        from pipeline.io.standoff import read_standoff

        arts = read_standoff(SILVER, DATA / "raw_articles.jsonl", DATA / "raw_articles_disputes.jsonl")
        # 'silver-read': articles of disputes outside the gold test half, whose errors may be read
        # while writing rules; 'silver-unread': the test half's disputes, kept for measuring
        test = set(split["test"])
        return arts if half == "silver" else [a for a in arts if (a.dispute in test) == (half == "silver-unread")]
    keep = set(split["dev"] if half == "dev" else split["test"] if half == "test" else
               split["dev"] + split["test"])
    arts = [a for f in ("train_gold.jsonl", "sample_gold.jsonl") for a in read_articles(DATA / f)]
    return [a for a in arts if a.dispute in keep]


def per_type_exact(gold: list[Article], pred: list[Article]) -> str:
    counts = {t: [0, 0, 0] for t in ("direct", "indirect", "mixed")}  # tp_gold, n_gold, n_pred
    tp_pred = {t: 0 for t in counts}
    same_type = n_pairs = 0
    for g, p in zip(gold, pred):
        for s in g.statements:
            counts[s.type][1] += 1
        for s in p.statements:
            counts[s.type][2] += 1
        for i, j in align(g.statements, p.statements, exact=True):
            counts[g.statements[i].type][0] += 1
            tp_pred[p.statements[j].type] += 1
        for i, j in align(g.statements, p.statements):
            n_pairs += 1
            same_type += g.statements[i].type == p.statements[j].type
    lines = ["exact span by type          P      R     F1"]
    for t, (tg, ng, npred) in counts.items():
        pr, rc = (tp_pred[t] / npred if npred else 0.0), (tg / ng if ng else 0.0)
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        lines.append(f"  type {t:<20}{pr:>7.3f}{rc:>7.3f}{f1:>7.3f}")
    lines.append(f"type accuracy on overlap pairs: {same_type / max(n_pairs, 1):.3f} ({n_pairs} pairs)")
    return "\n".join(lines)


def print_intervals(gold: list[Article], pred: list[Article], keep: tuple[str, ...]) -> None:
    ci = bootstrap_intervals(gold, pred)
    ci["metrics"] = {k: v for k, v in ci["metrics"].items() if k.startswith(keep)}
    print(format_intervals(ci))


if __name__ == "__main__":
    args = half_args(__doc__)
    gold = load_half(args.half)
    pred = [Article(id=a.id, text=a.text, dispute=a.dispute, statements=extract_statements(a.text))
            for a in gold]
    print(format_report(evaluate(gold, pred)).split("\n\non ")[0])
    print(per_type_exact(gold, pred))
    if args.ci:
        print_intervals(gold, pred, ("statements",))
