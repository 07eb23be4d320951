"""Self-training data: statements the pipeline finds in unlabelled articles, pseudo-labelled by a teacher.

The teacher is a model trained on the labelled rows; its confident predictions on statements
from other articles become extra training rows for a student. In cross-validation the
unlabelled articles of a test fold's disputes (and every gold article) are left out, so the
student never sees text from the disputes it is scored on.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np

from pipeline.classify.features import classifier_input

log = logging.getLogger(__name__)


def load_unlabelled(articles_path: str | Path, disputes_path: str | Path | None,
                    exclude_ids: set[str]) -> list[dict]:
    """Statements the pipeline extracts and attributes in ``articles_path`` (any reader format).

    Rows carry the classifier's inputs plus ``dispute`` (from ``disputes_path``, a JSONL of
    ``{id, dispute}``, else the pipeline's inferred slug) and ``article_id``; articles whose id is
    in ``exclude_ids`` (the labelled ones) are skipped.
    """
    from pipeline.annotate import Pipeline
    from pipeline.config import load_config
    from pipeline.io import read_articles
    from pipeline.schema import STATUS_OK

    cfg = load_config()
    cfg.classify.enabled = False
    pipe = Pipeline(cfg, classifier=False)
    ref = {}
    if disputes_path:
        with open(disputes_path, encoding="utf-8") as fh:
            ref = {r["id"]: r["dispute"] for r in map(json.loads, fh) if r.get("id")}
    rows = []
    for art in read_articles(str(articles_path)):
        if art.id in exclude_ids:
            continue
        art = pipe.annotate(art)
        if art.status != STATUS_OK:
            continue
        dispute = ref.get(art.id) or art.dispute or art.id
        for s in art.statements:
            inp = classifier_input(art, s)
            rows.append({"quote": inp.quote, "context": inp.context, "type": inp.type,
                         "side": inp.side, "speaker": inp.speaker, "speaker_org": inp.speaker_org,
                         "dispute": dispute, "article_id": art.id})
    log.info("self-training pool: %d statements from %d articles", len(rows),
             len({r["article_id"] for r in rows}))
    return rows


def pseudo_label(rows: list[dict], probs: dict[str, np.ndarray], heads: dict[str, tuple[str, ...]],
                 labelled_counts: dict[str, dict[str, int]], threshold: float,
                 ratio: float) -> list[dict]:
    """Rows labelled with the teacher's confident predictions, class by class.

    Per head, a row gets the predicted label when its probability is >= ``threshold``; each
    class keeps at most ``ratio`` x its count among the labelled rows (most confident first),
    so the pseudo-labels keep the gold's class balance instead of flooding the majority class.
    A head left unlabelled is ``None`` (ignored by the loss); rows with no label are dropped.
    """
    chosen: dict[int, dict[str, str]] = {}
    for head, labels in heads.items():
        p = probs[head]
        pred, conf = p.argmax(axis=1), p.max(axis=1)
        for j, lab in enumerate(labels):
            idx = np.where((pred == j) & (conf >= threshold))[0]
            cap = int(round(ratio * labelled_counts[head].get(lab, 0)))
            for i in idx[np.argsort(-conf[idx], kind="stable")][:cap]:
                chosen.setdefault(int(i), {})[head] = lab
    out = []
    for i in sorted(chosen):
        out.append({**rows[i], **{h: chosen[i].get(h) for h in heads}, "pseudo": True})
    return out

