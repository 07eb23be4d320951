"""A third opinion in the stance mix: frozen MiniLM embeddings + LR beside the fine-tuned model and TF-IDF.

usage: python scripts/frozen_mix_from_oof.py MODEL_DIR [--set K=V ..]

From a directory's out-of-fold logits (`cv_oof.jsonl`, as `lexical_mix_from_oof.py` reads them):
mixes (1 - a - b) log p(fine-tuned, temperature-calibrated) + a log p(TF-IDF + LR) + b log p(frozen
MiniLM + LR), each fold's (a, b) chosen on the other folds for macro-F1 (b = 0: the shipped
mix), and prints the stance
macro-F1 of each part and of the mix, with the frozen model trained on the gold alone and on the
gold + the extra rows (stand-off and invented articles). An experiment, not shipped: the frozen
model would be a second encoder pass per statement at inference (NOTES.md, session 11).
"""
import argparse
import dataclasses
import json
from pathlib import Path

import numpy as np

from pipeline.classify.baselines import FrozenEmbeddingLogReg
from pipeline.classify.calibration import fit_temperature, macro_f1, softmax
from pipeline.classify.lexical import MIX_WEIGHTS
from pipeline.classify.model import CONFIG_NAME, HEADS
from pipeline.classify.train import (OOF_NAME, TrainConfig, _build, _data_path, _extra_for_fold,
                                     _frozen_embeddings, grouped_folds, lexical_oof, load_examples,
                                     load_train_config, standoff_examples, to_inputs, train_only_examples)

GRID = [(a, b) for a in MIX_WEIGHTS for b in (0, .1, .2, .3, .4)]  # TF-IDF weight as shipped, then frozen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("--config", default="configs/train_stance_sentiment.yaml")
    ap.add_argument("--set", action="append", default=[], dest="overrides")
    args = ap.parse_args()
    d = Path(args.model_dir)
    if (d / CONFIG_NAME).is_file():
        tc = json.loads((d / CONFIG_NAME).read_text())["train_config"]
    else:
        tc = dataclasses.asdict(load_train_config(args.config, args.overrides))
    cfg = _build(TrainConfig, tc, "")
    rows = load_examples([_data_path(f) for f in cfg.data])
    extra = standoff_examples(cfg, rows) + train_only_examples(cfg, rows)
    folds = grouped_folds([r["dispute"] for r in rows], cfg.folds,
                          cfg.seed if cfg.fold_seed is None else cfg.fold_seed)
    at, seen = {}, {}
    for i, r in enumerate(rows):
        seen[r["article_id"]] = seen.get(r["article_id"], -1) + 1
        at[(r["article_id"], seen[r["article_id"]])] = i
    logits = np.zeros((len(rows), 3))
    for line in open(d / OOF_NAME):
        o = json.loads(line)
        logits[at[(o["article_id"], o["statement"])]] = o["stance_logits"]
    labels = HEADS["stance"]
    y = np.array([labels.index(r["stance"]) for r in rows])
    n = len(rows)
    calibrated = np.zeros_like(logits)
    for te in folds:
        tr = np.setdiff1d(np.arange(n), te)
        calibrated[te] = softmax(logits[te], fit_temperature(logits[tr], y[tr]))
    lex = lexical_oof(rows, to_inputs(rows), folds, extra, ["stance"])["stance"]
    emb, emb_extra = _frozen_embeddings(cfg, to_inputs(rows)), _frozen_embeddings(cfg, to_inputs(extra))
    for with_extra in (False, True):
        frozen = np.zeros((n, 3))
        for te in folds:
            tr = np.setdiff1d(np.arange(n), te)
            X, yy = emb[tr], [rows[i]["stance"] for i in tr]
            if with_extra:
                keep = _extra_for_fold(extra, {rows[i]["dispute"] for i in te})
                X, yy = np.vstack([X, emb_extra[keep]]), yy + [extra[i]["stance"] for i in keep]
            est = FrozenEmbeddingLogReg().fit(X, yy)
            p = est.predict_proba(emb[te])
            for j, c in enumerate(est.classes_):
                frozen[te, labels.index(c)] = p[:, j]
        logs = [np.log(np.clip(p, 1e-9, 1)) for p in (calibrated, lex, frozen)]

        def pred(idx, w):
            return ((1 - w[0] - w[1]) * logs[0][idx] + w[0] * logs[1][idx] + w[1] * logs[2][idx]).argmax(1)

        out, weights = np.zeros(n, int), []
        for te in folds:
            tr = np.setdiff1d(np.arange(n), te)
            w = max(GRID, key=lambda w: (macro_f1(y[tr], pred(tr, w), 3), -w[1], -w[0]))
            weights.append(w)
            out[te] = pred(te, w)
        two = np.zeros(n, int)
        for te in folds:
            tr = np.setdiff1d(np.arange(n), te)
            w = max([g for g in GRID if g[1] == 0], key=lambda w: (macro_f1(y[tr], pred(tr, w), 3), -w[0]))
            two[te] = pred(te, w)
        print(f"frozen trained on gold{' + extra' if with_extra else ''}: frozen alone "
              f"{macro_f1(y, frozen.argmax(1), 3):.3f}; fine-tuned {macro_f1(y, calibrated.argmax(1), 3):.3f}; "
              f"+ tfidf {macro_f1(y, two, 3):.3f}; + tfidf + frozen {macro_f1(y, out, 3):.3f} "
              f"(weights per fold {weights})")


if __name__ == "__main__":
    main()
