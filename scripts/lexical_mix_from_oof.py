"""The lexical mix of a trained model directory, from its out-of-fold logits (no encoder training).

usage: python scripts/lexical_mix_from_oof.py MODEL_DIR [--config C] [--set K=V ..] [--heads stance,...] [--write] [--ci]

`dispute-stance train` with `lexical_mix` computes the same figures inside its CV run (the
fine-tuned model's out-of-fold logits are what `cv_oof.jsonl` stores; the lexical model is
refitted per fold on the same rows). This applies it to a directory trained without the option,
in a minute instead of the hour the encoder's CV takes on a CPU. Prints macro-F1 per head without
and with the mix (each fold's weight and temperature chosen on the other folds); --write adds the
`+tfidf` row and the mix to the directory's cv_results.json, classifier_config.json and card, and
saves the lexical model trained on all the training rows. --ci adds 95% intervals of each macro-F1,
resampling disputes (the unit the folds hold out).
"""
import argparse
import dataclasses
import json
from pathlib import Path

import numpy as np

from pipeline.classify.calibration import macro_f1
from pipeline.evaluate import bootstrap_sums, macro_f1_from_confusion
from pipeline.classify.model import CONFIG_NAME, HEADS
from pipeline.classify.train import (CV_NAME, OOF_NAME, _build, _data_path, _metrics, TrainConfig,
                                     calibrate_oof, fit_lexical, grouped_folds, lexical_oof, load_examples,
                                     load_train_config,
                                     rewrite_card, standoff_examples, to_inputs, train_only_examples)


def dispute_interval(disputes: list[str], y: np.ndarray, pred: np.ndarray, n_classes: int) -> tuple[float, float]:
    """Percentile interval of macro-F1 when disputes are resampled with replacement."""
    keys = sorted(set(disputes))
    conf = np.zeros((len(keys), n_classes * n_classes))
    for d, t, p in zip(disputes, y, pred):
        conf[keys.index(d), t * n_classes + p] += 1
    return bootstrap_sums(conf, lambda c: macro_f1_from_confusion(c.reshape(n_classes, n_classes)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("--config", default="configs/train_stance_sentiment.yaml",
                    help="named in the rewritten card's reproduce line")
    ap.add_argument("--set", action="append", default=[], dest="overrides",
                    help="training config overrides, for a CV-only directory (no classifier_config.json)")
    ap.add_argument("--heads", default="stance")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--ci", action="store_true", help="95%% intervals resampling disputes")
    args = ap.parse_args()
    d = Path(args.model_dir)
    if (d / CONFIG_NAME).is_file():
        conf = json.loads((d / CONFIG_NAME).read_text())
    elif args.write:
        raise SystemExit(f"--write needs {d / CONFIG_NAME} (a trained final model)")
    else:
        conf = {"train_config": dataclasses.asdict(load_train_config(args.config, args.overrides))}
    tc = dict(conf["train_config"], lexical_mix=args.heads.split(","))
    cfg = _build(TrainConfig, tc, "")
    rows = load_examples([_data_path(f) for f in cfg.data])
    extra = standoff_examples(cfg, rows) + train_only_examples(cfg, rows)
    folds = grouped_folds([r["dispute"] for r in rows], cfg.folds,
                          cfg.seed if cfg.fold_seed is None else cfg.fold_seed)
    at, seen = {}, {}  # (article id, statement index) -> row, as cv_oof.jsonl names them
    for i, r in enumerate(rows):
        seen[r["article_id"]] = seen.get(r["article_id"], -1) + 1
        at[(r["article_id"], seen[r["article_id"]])] = i
    logits = {k: np.zeros((len(rows), len(v))) for k, v in HEADS.items()}
    fold_of = {int(i): f for f, te in enumerate(folds) for i in te}
    for line in open(d / OOF_NAME):
        o = json.loads(line)
        i = at[(o["article_id"], o["statement"])]
        if fold_of[i] != o["fold"]:
            raise SystemExit(f"{OOF_NAME} was written with other folds than {cfg.folds} folds, seed "
                             f"{cfg.fold_seed or cfg.seed}")
        for k in HEADS:
            logits[k][i] = o[f"{k}_logits"]
    ft, calibration, _ = calibrate_oof(cfg, rows, folds, logits, lexical_oof(rows, to_inputs(rows), folds, extra,
                                                                       cfg.lexical_mix))
    for k, labels in HEADS.items():
        y = np.array([labels.index(r[k]) for r in rows])
        print(f"{k}: fine-tuned {macro_f1(y, ft['plain'][k].argmax(1), 3):.3f} -> +tfidf "
              f"{macro_f1(y, ft['mixed'][k].argmax(1), 3):.3f}"
              + (f" (weights per fold {calibration[k]['lexical_mix']['fold_weights']}, all "
                 f"{calibration[k]['lexical_mix']['weight']}; ECE {calibration[k]['ece_after']:.3f} -> "
                 f"{calibration[k]['lexical_mix']['ece']:.3f})" if "lexical_mix" in calibration[k] else ""))
        if args.ci:
            for name in ("plain", "mixed"):
                lo, hi = dispute_interval([r["dispute"] for r in rows], y, ft[name][k].argmax(1), len(labels))
                print(f"  {name}: 95% interval [{lo:.3f}, {hi:.3f}] (1000 resamples of "
                      f"{len(set(r['dispute'] for r in rows))} disputes)")
    if not args.write:
        return
    res = json.loads((d / CV_NAME).read_text())
    res["methods"]["minilm-lora-finetuned+tfidf"] = {
        k: _metrics([r[k] for r in rows], p, HEADS[k]) for k, p in ft["mixed"].items()}
    for k in cfg.lexical_mix:
        res["calibration"][k]["lexical_mix"] = calibration[k]["lexical_mix"]
    (d / CV_NAME).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    fit_lexical(rows + extra, cfg.lexical_mix).save_pretrained(d)
    conf["train_config"] = tc
    conf["lexical_mix"] = {k: {"weight": calibration[k]["lexical_mix"]["weight"],
                               "temperature": calibration[k]["lexical_mix"]["temperature"]}
                           for k in cfg.lexical_mix}
    (d / CONFIG_NAME).write_text(json.dumps(conf, indent=2) + "\n", encoding="utf-8")
    rewrite_card(d, args.config)
    print(f"written to {d}")


if __name__ == "__main__":
    main()
