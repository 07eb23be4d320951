"""The project's measure of itself: predicted vs gold statements, speakers, sides and labels.

Statements are aligned one-to-one inside each article by character-span overlap
(overlap = |intersection| / |longer span|; pairs taken greedily from the best overlap down), and
separately by exact span. Labels are scored on the overlap-matched pairs.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from pipeline.attribute.names import normalise_speaker, speaker_match_lenient
from pipeline.schema import SENTIMENTS, SIDES, STANCES, TYPES, Article, Statement

MIN_OVERLAP = 0.5
LABELS = {"side": SIDES, "stance": STANCES, "sentiment": SENTIMENTS, "type": TYPES}


def span_overlap(a: Statement, b: Statement) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / max(a.end - a.start, b.end - b.start)


def align(gold: list[Statement], pred: list[Statement], exact: bool = False,
          min_overlap: float = MIN_OVERLAP) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, best overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if exact:
                if (g.start, g.end) == (p.start, p.end):
                    cands.append((1.0, i, j))
            else:
                ov = span_overlap(g, p)
                if ov >= min_overlap:
                    cands.append((ov, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i), used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def label_metrics(gold: list[str | None], pred: list[str | None], labels: tuple[str, ...]) -> dict:
    """Accuracy, macro-F1, per-class P/R/F1 and a confusion matrix (rows gold, columns pred)."""
    n = len(gold)
    acc = sum(g == p for g, p in zip(gold, pred)) / n if n else 1.0
    per, f1s = {}, []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        m = prf(tp, sum(p == lab for p in pred), sum(g == lab for g in gold))
        per[lab] = {k: m[k] for k in ("precision", "recall", "f1")} | {"support": m["n_gold"]}
        if m["n_gold"] or m["n_pred"]:
            f1s.append(m["f1"])
    cols = list(labels) + (["<none>"] if any(p not in labels for p in pred) else [])
    conf = {g: {c: 0 for c in cols} for g in labels}
    for g, p in zip(gold, pred):
        if g in conf:
            conf[g][p if p in labels else "<none>"] += 1
    return {"accuracy": acc, "macro_f1": sum(f1s) / len(f1s) if f1s else 1.0, "n": n,
            "per_class": per, "confusion": conf}


def _shares(statements: Iterable[Statement]) -> dict:
    sts = list(statements)
    n = len(sts)
    out = {"n": n}
    for field, labels in (("stance", STANCES), ("sentiment", SENTIMENTS)):
        c = Counter(getattr(s, field) for s in sts)
        out[field] = {lab: (c[lab] / n if n else None) for lab in labels}
    out["net_tone"] = (out["sentiment"]["positive"] - out["sentiment"]["negative"]) if n else None
    return out


def dispute_shares(articles: Iterable[Article],
                   dispute_of: dict[str, str | None] | None = None) -> dict[str, dict[str, dict]]:
    """Per dispute and side: stance/sentiment shares and net tone; plus the union-council gap.

    ``dispute_of`` (article id -> slug) overrides each article's own slug, so predictions can be
    grouped by the gold disputes and compared like for like.
    """
    by = defaultdict(lambda: defaultdict(list))
    for a in articles:
        slug = dispute_of.get(a.id, a.dispute) if dispute_of else a.dispute
        for s in a.statements:
            by[slug or "<none>"][s.side or "<none>"].append(s)
    out = {}
    for d, sides in sorted(by.items()):
        out[d] = {side: _shares(sts) for side, sts in sorted(sides.items())}
        u, c = out[d].get("union", {}).get("net_tone"), out[d].get("council", {}).get("net_tone")
        out[d]["gap"] = (u - c) if u is not None and c is not None else None
    return out


def _load(path: str | Path) -> list[Article]:
    from pipeline.io import read_articles

    return list(read_articles(path))


def evaluate(gold: list[Article], pred: list[Article]) -> dict:
    """All metrics of predictions against gold (articles matched by id)."""
    pred_by_id = {a.id: a for a in pred}
    n_gold = n_pred = tp_ov = tp_ex = tp_full = 0
    type_counts = {t: Counter() for t in TYPES}
    pairs_lab = defaultdict(lambda: ([], []))
    spk_exact = spk_len = 0
    art_emp, art_disp = [], []
    for g in gold:
        p = pred_by_id.get(g.id)
        ps = p.statements if p else []
        gs = g.statements
        n_gold += len(gs)
        n_pred += len(ps)
        for side, sts in (("gold", gs), ("pred", ps)):
            for s in sts:
                if s.type in type_counts:
                    type_counts[s.type][side] += 1
        ov_pairs = align(gs, ps)
        tp_ov += len(ov_pairs)
        tp_ex += len(align(gs, ps, exact=True))
        for i, j in ov_pairs:
            gst, pst = gs[i], ps[j]
            if gst.type in type_counts:
                type_counts[gst.type]["tp_recall"] += 1
            if pst.type in type_counts:
                type_counts[pst.type]["tp_precision"] += 1
            for f in ("side", "stance", "sentiment", "type"):
                pairs_lab[f][0].append(getattr(gst, f))
                pairs_lab[f][1].append(getattr(pst, f))
            same_spk = normalise_speaker(gst.speaker) == normalise_speaker(pst.speaker)
            spk_exact += same_spk
            spk_len += speaker_match_lenient(gst.speaker, pst.speaker)
            pairs_lab["speaker_org"][0].append(normalise_speaker(gst.speaker_org))
            pairs_lab["speaker_org"][1].append(normalise_speaker(pst.speaker_org))
            tp_full += (same_spk and gst.side == pst.side and gst.stance == pst.stance
                        and gst.sentiment == pst.sentiment)
        if p is not None:
            if g.employer:
                art_emp.append(normalise_speaker(g.employer) == normalise_speaker(p.employer))
            if g.dispute:
                art_disp.append(g.dispute == p.dispute)
    n_match = tp_ov
    per_type = {}
    for t, c in type_counts.items():
        pr = c["tp_precision"] / c["pred"] if c["pred"] else 0.0
        rc = c["tp_recall"] / c["gold"] if c["gold"] else 0.0
        per_type[t] = {"precision": pr, "recall": rc, "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0,
                       "n_gold": c["gold"], "n_pred": c["pred"]}
    org = pairs_lab["speaker_org"]
    m = {
        "n_articles": len(gold),
        "n_articles_missing": sum(1 for g in gold if g.id not in pred_by_id),
        # Predicted articles without gold are not scored (a partial gold file is normal).
        "n_pred_articles_unscored": len(set(pred_by_id) - {g.id for g in gold}),
        "statements_overlap": prf(tp_ov, n_pred, n_gold),
        "statements_exact": prf(tp_ex, n_pred, n_gold),
        "per_type": per_type,
        "matched": n_match,
        "speaker_accuracy": spk_exact / n_match if n_match else None,
        "speaker_accuracy_lenient": spk_len / n_match if n_match else None,
        "speaker_org_accuracy": (sum(a == b for a, b in zip(*org)) / n_match) if n_match else None,
        "speaker_correct": spk_exact,
        "speaker_correct_lenient": spk_len,
        "full_statement": prf(tp_full, n_pred, n_gold),
        "employer_accuracy": sum(art_emp) / len(art_emp) if art_emp else None,
        "dispute_accuracy": sum(art_disp) / len(art_disp) if art_disp else None,
    }
    for f in ("side", "stance", "sentiment", "type"):
        m[f] = label_metrics(*pairs_lab[f], LABELS[f])
    # Predictions grouped by the gold slug of their article: the tone comparison must not depend
    # on whether the predicted slug is right (that is scored by dispute_accuracy).
    gold_slug = {g.id: g.dispute for g in gold}
    gold_sh = dispute_shares(gold)
    pred_sh = dispute_shares([p for p in pred if p.id in gold_slug], gold_slug)
    m["disputes"] = {d: {"gold": gold_sh[d], "pred": pred_sh.get(d)} for d in gold_sh}
    return m


def macro_f1_from_confusion(conf: np.ndarray) -> float:
    """``label_metrics``' macro-F1 from a confusion matrix (rows gold, columns predicted; columns
    beyond the rows' labels count as no label): classes neither in gold nor predicted are left out."""
    k = conf.shape[0]
    f1s = []
    for c in range(k):
        tp, n_pred, n_gold = conf[c, c], conf[:k, c].sum(), conf[c].sum()
        if n_gold or n_pred:
            f1s.append(2 * tp / (n_pred + n_gold))
    return float(np.mean(f1s)) if f1s else 1.0


def bootstrap_sums(counts: np.ndarray, statistic, n_boot: int = 1000, level: float = 0.95,
                   seed: int = 0) -> tuple[float, float]:
    """Percentile interval of ``statistic(summed counts)`` when the rows of ``counts`` (one per
    cluster, e.g. a dispute's summed counts) are resampled with replacement."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, counts.shape[0], size=(n_boot, counts.shape[0]))
    draws = np.array([statistic(counts[i].sum(axis=0)) for i in idx])
    lo, hi = np.quantile(draws, [(1 - level) / 2, (1 + level) / 2])
    return float(lo), float(hi)


def _counts_layout() -> dict[str, slice]:
    names = ["tp_overlap", "tp_exact", "n_pred", "n_gold", "matched", "speaker", "speaker_lenient"]
    layout, at = {n: slice(i, i + 1) for i, n in enumerate(names)}, len(names)
    for f in ("side", "stance", "sentiment"):
        size = len(LABELS[f]) * (len(LABELS[f]) + 1)  # + the "<none>" column
        layout[f], at = slice(at, at + size), at + size
    return layout


_LAYOUT = _counts_layout()


def _article_counts(m: dict) -> np.ndarray:
    v = np.zeros(max(s.stop for s in _LAYOUT.values()))
    for name, value in (("tp_overlap", m["statements_overlap"]["tp"]), ("tp_exact", m["statements_exact"]["tp"]),
                        ("n_pred", m["statements_overlap"]["n_pred"]), ("n_gold", m["statements_overlap"]["n_gold"]),
                        ("matched", m["matched"]), ("speaker", m["speaker_correct"]),
                        ("speaker_lenient", m["speaker_correct_lenient"])):
        v[_LAYOUT[name]] = value
    for f in ("side", "stance", "sentiment"):
        labels = LABELS[f]
        conf = m[f]["confusion"]
        v[_LAYOUT[f]] = [conf[g].get(c, 0) for g in labels for c in (*labels, "<none>")]
    return v


def _confusion(c: np.ndarray, f: str) -> np.ndarray:
    k = len(LABELS[f])
    return c[_LAYOUT[f]].reshape(k, k + 1)


def _ratio(a: str, b: str):
    return lambda c: float(c[_LAYOUT[a]][0] / c[_LAYOUT[b]][0]) if c[_LAYOUT[b]][0] else float("nan")


# The headline figures, each a function of counts summed over articles.
INTERVAL_METRICS = {
    "statements_overlap_f1": lambda c: prf(*(int(c[_LAYOUT[k]][0]) for k in ("tp_overlap", "n_pred", "n_gold")))["f1"],
    "statements_exact_f1": lambda c: prf(*(int(c[_LAYOUT[k]][0]) for k in ("tp_exact", "n_pred", "n_gold")))["f1"],
    "speaker_accuracy": _ratio("speaker", "matched"),
    "speaker_accuracy_lenient": _ratio("speaker_lenient", "matched"),
    "side_accuracy": lambda c: float(np.trace(_confusion(c, "side")) / c[_LAYOUT["matched"]][0])
    if c[_LAYOUT["matched"]][0] else float("nan"),
    "stance_macro_f1": lambda c: macro_f1_from_confusion(_confusion(c, "stance")),
    "sentiment_macro_f1": lambda c: macro_f1_from_confusion(_confusion(c, "sentiment")),
}


def bootstrap_intervals(gold: list[Article], pred: list[Article], n_boot: int = 1000, level: float = 0.95,
                        seed: int = 0) -> dict:
    """Intervals for the headline figures, resampling disputes (an article without a gold dispute
    is its own cluster): the statements of one dispute share speakers and phrasing, and a held-out
    dispute is the unit the figures must generalise to. Stance and sentiment are left out when no
    prediction carries them (extraction-only runs)."""
    pred_by_id = {a.id: a for a in pred}
    clusters: dict[str, np.ndarray] = {}
    for g in gold:
        p = pred_by_id.get(g.id)
        v = _article_counts(evaluate([g], [p] if p else []))
        key = g.dispute or f"article:{g.id}"
        clusters[key] = clusters.get(key, 0) + v
    counts = np.stack(list(clusters.values()))
    total = counts.sum(axis=0)
    out = {"n_clusters": len(clusters), "n_boot": n_boot, "level": level, "metrics": {}}
    for name, stat in INTERVAL_METRICS.items():
        f = name.split("_")[0]
        if f in ("stance", "sentiment") and not _confusion(total, f)[:, :-1].sum():
            continue
        lo, hi = bootstrap_sums(counts, stat, n_boot, level, seed)
        out["metrics"][name] = {"value": stat(total), "low": lo, "high": hi}
    return out


def format_intervals(ci: dict) -> str:
    lines = [f"{ci['level']:.0%} intervals, {ci['n_boot']} resamples of {ci['n_clusters']} disputes:"]
    lines += [f"  {name:<26}{_f(r['value'])}  [{_f(r['low'])}, {_f(r['high'])}]"
              for name, r in ci["metrics"].items()]
    return "\n".join(lines)


def evaluate_files(gold_path: str | Path, pred_path: str | Path) -> dict:
    return evaluate(_load(gold_path), _load(pred_path))


def _f(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def format_report(m: dict) -> str:
    """A readable plain-text summary of ``evaluate``'s metrics."""
    lines = [f"articles: {m['n_articles']} (missing in predictions: {m['n_articles_missing']}; "
             f"predicted without gold, unscored: {m['n_pred_articles_unscored']})",
             "", f"{'statements':<22}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    for name, key in (("overlap>=0.5", "statements_overlap"), ("exact span", "statements_exact"),
                      ("full statement", "full_statement")):
        r = m[key]
        lines.append(f"{name:<22}{_f(r['precision']):>7}{_f(r['recall']):>7}{_f(r['f1']):>7}"
                     f"{r['n_gold']:>7}{r['n_pred']:>7}")
    for t, r in m["per_type"].items():
        lines.append(f"{'  type ' + t:<22}{_f(r['precision']):>7}{_f(r['recall']):>7}{_f(r['f1']):>7}"
                     f"{r['n_gold']:>7}{r['n_pred']:>7}")
    lines += ["", f"on {m['matched']} matched statements:",
              f"  speaker (exact, normalised) {_f(m['speaker_accuracy'])}   lenient "
              f"{_f(m['speaker_accuracy_lenient'])}   speaker_org {_f(m['speaker_org_accuracy'])}"]
    for f in ("type", "side", "stance", "sentiment"):
        r = m[f]
        recalls = "  ".join(f"{k}:{_f(v['recall'])}" for k, v in r["per_class"].items())
        lines.append(f"  {f:<10} acc {_f(r['accuracy'])}  macro-F1 {_f(r['macro_f1'])}   recall {recalls}")
    lines += [f"employer accuracy {_f(m['employer_accuracy'])}   dispute-slug accuracy "
              f"{_f(m['dispute_accuracy'])}"]
    gaps = [(d, v["gold"].get("gap"), (v["pred"] or {}).get("gap")) for d, v in m["disputes"].items()]
    gaps = [g for g in gaps if g[1] is not None]
    if gaps:
        lines += ["", f"{'union-minus-council net tone gap':<50}{'gold':>8}{'pred':>8}"]
        lines += [f"  {d[:46]:<48}{_f(g):>8}{_f(p):>8}" for d, g, p in gaps]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluate")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--json")
    ap.add_argument("--ci", action="store_true", help="95%% intervals resampling disputes")
    args = ap.parse_args(argv)
    gold, pred = _load(args.gold), _load(args.pred)
    m = evaluate(gold, pred)
    print(format_report(m))
    if args.ci:
        m["intervals"] = bootstrap_intervals(gold, pred)
        print("\n" + format_intervals(m["intervals"]))
    if args.json:
        Path(args.json).write_text(json.dumps(m, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
