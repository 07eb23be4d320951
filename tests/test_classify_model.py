"""Classifier: training command, save/load, probabilities, calibration, folds, safe loading."""
import json
import shutil

import numpy as np
import pytest
import torch

from pipeline.classify import ClassifierInput, ModelLoadError, StanceSentimentClassifier
from pipeline.classify.calibration import expected_calibration_error, fit_temperature, softmax
from pipeline.classify.train import grouped_folds, run_training

ITEMS = [ClassifierInput("We have had enough of broken promises.", "x [Q] the union said", "direct", "union"),
         ClassifierInput("The offer is fair and affordable.", "[Q], the council said.", "direct", "council"),
         ClassifierInput("talks will resume on Monday", "Acas said [Q].", "indirect", "other")]


def test_tiny_training_writes_a_complete_model_directory(tiny_model):
    names = {p for p in __import__("os").listdir(tiny_model)}
    assert {"model.safetensors", "classifier_config.json", "README.md"} <= names
    cfg = json.loads(open(f"{tiny_model}/classifier_config.json").read())
    assert cfg["labels"]["stance"] == ["support", "oppose", "neutral"]
    assert len(cfg["train_data_sha256"]) == 64
    assert not any(n.endswith((".bin", ".pt", ".pkl")) for n in names)


def test_predictions_are_probabilities_and_deterministic(tiny_model):
    clf = StanceSentimentClassifier.from_pretrained(tiny_model, bf16=False)
    a, b = clf.predict(ITEMS), clf.predict(ITEMS)
    assert a == b
    for p in a:
        assert abs(sum(p.stance_scores.values()) - 1) < 1e-4
        assert abs(sum(p.sentiment_scores.values()) - 1) < 1e-4
        assert p.stance == max(p.stance_scores, key=p.stance_scores.get)
    assert clf.predict([]) == []


def test_row_padding_changes_no_prediction(tiny_model):
    from pipeline.classify.model import pad_rows

    clf = StanceSentimentClassifier.from_pretrained(tiny_model, bf16=False)
    enc = clf.encode(ITEMS)
    padded = pad_rows(clf.encode(ITEMS), 64)
    assert padded["input_ids"].shape[0] == 4  # 3 rows -> the next power of two
    assert torch.equal(padded["input_ids"][:3], enc["input_ids"])
    assert pad_rows(clf.encode(ITEMS), 3)["input_ids"].shape[0] == 3  # never past the batch size
    one_by_one = [clf.predict_proba([it]) for it in ITEMS]  # batches of 1 row: no padding
    together = clf.predict_proba(ITEMS)
    for i, single in enumerate(one_by_one):
        for k in together:
            assert torch.allclose(single[k][0], together[k][i], atol=1e-5)


def test_bf16_agrees_with_fp32(tiny_model):
    fp32 = StanceSentimentClassifier.from_pretrained(tiny_model, bf16=False).predict_proba(ITEMS)
    bf16 = StanceSentimentClassifier.from_pretrained(tiny_model, bf16=True).predict_proba(ITEMS)
    for k in fp32:
        assert torch.allclose(fp32[k], bf16[k], atol=0.05)


def test_training_is_reproducible(tiny_backbone, tmp_path):
    outs = []
    for i in range(2):
        out = run_training("configs/train_tiny.yaml", [f"backbone={tiny_backbone}", "run_cv=false",
                                                       "data=[examples/gold.jsonl]"], str(tmp_path / str(i)))
        outs.append((out / "model.safetensors").read_bytes())
    assert outs[0] == outs[1]


def test_missing_and_corrupt_model_dirs_give_clear_errors(tiny_model, tmp_path):
    with pytest.raises(ModelLoadError, match="not found"):
        StanceSentimentClassifier.from_pretrained(str(tmp_path / "nope"))
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    (broken / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelLoadError, match=str(broken)):
        StanceSentimentClassifier.from_pretrained(str(broken))
    (broken / "classifier_config.json").unlink()
    with pytest.raises(ModelLoadError, match="missing classifier_config.json"):
        StanceSentimentClassifier.from_pretrained(str(broken))


def test_grouped_folds_never_split_a_dispute():
    groups = [f"d{i % 7}" for i in range(60)]
    folds = grouped_folds(groups, 3, seed=1)
    assert sorted(np.concatenate(folds).tolist()) == list(range(60))
    for f in folds:
        for g in {groups[i] for i in f}:
            assert all(groups[i] != g for other in folds if other is not f for i in other)


def test_ece_and_temperature():
    labels = np.array([0, 1, 0, 1])
    perfect = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    assert expected_calibration_error(perfect, labels) == 0.0
    over = np.array([[0.9, 0.1], [0.9, 0.1], [0.9, 0.1], [0.1, 0.9]])  # 90% sure, 75% right...
    assert abs(expected_calibration_error(over, labels) - 0.25 * 0.9 - 0.75 * 0.0) < 0.3
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 400)
    logits = rng.normal(size=(400, 3))
    logits[np.arange(400), y] += 1.0
    t = fit_temperature(logits * 5, y)  # over-confident logits need a temperature above 1
    assert t > 1.5
    assert expected_calibration_error(softmax(logits * 5, t), y) < expected_calibration_error(softmax(logits * 5), y)


def test_train_cli_runs_cv_end_to_end(tiny_backbone, tmp_path):
    from pipeline.cli import main

    rc = main(["train", "--config", "configs/train_tiny.yaml", "--set", f"backbone={tiny_backbone}",
               "--set", "data=[examples/gold.jsonl]", "-o", str(tmp_path / "m")])
    assert rc == 0
    res = json.loads((tmp_path / "m" / "cv_results.json").read_text())
    assert {"side-prior", "tfidf+logreg", "frozen-minilm+logreg", "vader", "minilm-lora-finetuned"} <= set(res["methods"])
