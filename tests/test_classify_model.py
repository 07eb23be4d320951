"""Classifier: training command, save/load, probabilities, calibration, folds, safe loading."""
import json
import shutil

import numpy as np
import pytest
import torch

from pipeline.classify import ClassifierInput, ModelLoadError, StanceSentimentClassifier
from pipeline.classify.calibration import (decide, expected_calibration_error, fit_decision_offsets,
                                          fit_temperature, macro_f1, softmax)
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


def test_pseudo_labels_keep_confident_predictions_and_the_gold_class_balance():
    from pipeline.classify.self_training import pseudo_label

    heads = {"stance": ("support", "oppose", "neutral"), "sentiment": ("negative", "neutral", "positive")}
    rows = [{"quote": f"q{i}"} for i in range(4)]
    probs = {"stance": np.array([[0.95, 0.03, 0.02], [0.97, 0.02, 0.01], [0.1, 0.85, 0.05], [0.4, 0.3, 0.3]]),
             "sentiment": np.array([[0.1, 0.1, 0.8], [0.92, 0.04, 0.04], [0.05, 0.05, 0.9], [0.9, 0.05, 0.05]])}
    counts = {"stance": {"support": 1, "oppose": 5, "neutral": 5},
              "sentiment": {"negative": 1, "neutral": 5, "positive": 5}}
    out = pseudo_label(rows, probs, heads, counts, threshold=0.9, ratio=1.0)
    by_quote = {r["quote"]: r for r in out}
    # support: two confident rows but one gold support row -> only the most confident (q1)
    assert by_quote["q1"]["stance"] == "support" and by_quote["q1"]["sentiment"] == "negative"
    assert "q0" not in by_quote  # its support lost to q1, its sentiment (0.8) is under the threshold
    assert by_quote["q2"] == {"quote": "q2", "stance": None, "sentiment": "positive", "pseudo": True}
    assert "q3" not in by_quote  # negative's one slot went to q1 (0.92 beats q3's 0.90)


def test_self_training_never_pseudo_labels_a_test_folds_dispute(tiny_backbone, tmp_path, monkeypatch):
    import pipeline.classify.train as train

    gold = {json.loads(line)["id"]: json.loads(line)["dispute"] for line in open("examples/gold.jsonl")}
    with open(tmp_path / "unl.jsonl", "w") as fa, open(tmp_path / "unl_disputes.jsonl", "w") as fd:
        for line in open("examples/articles.jsonl"):
            art = json.loads(line)
            fd.write(json.dumps({"id": "u-" + art["id"], "dispute": gold[art["id"]]}) + "\n")
            fa.write(json.dumps({**art, "id": "u-" + art["id"]}) + "\n")
    calls, real = [], train.fine_tune
    monkeypatch.setattr(train, "fine_tune", lambda cfg, rows: calls.append(rows) or real(cfg, rows))
    run_training("configs/train_tiny.yaml", [
        f"backbone={tiny_backbone}", "data=[examples/gold.jsonl]", "baselines=false", "diagnostics=false",
        f"unlabelled={tmp_path / 'unl.jsonl'}", f"unlabelled_disputes={tmp_path / 'unl_disputes.jsonl'}",
        "pseudo_threshold=0.0"], str(tmp_path / "m"))
    assert len(calls) == 6  # per fold and for the final model: teacher, then student
    for teacher, student in zip(calls[0::2], calls[1::2]):
        pseudo = [r for r in student if r.get("pseudo")]
        assert pseudo and all(r["article_id"].startswith("u-") for r in pseudo)
        assert {r["dispute"] for r in pseudo} <= {r["dispute"] for r in teacher}
        for head in ("stance", "sentiment"):  # never more of a class than the gold rows hold
            for lab in {r[head] for r in pseudo} - {None}:
                assert sum(r[head] == lab for r in pseudo) <= sum(r[head] == lab for r in teacher)
    assert len({r["dispute"] for r in calls[1] if r.get("pseudo")}) == 1  # 2 folds, 2 disputes
    assert len({r["dispute"] for r in calls[5] if r.get("pseudo")}) == 2  # the final model sees all


def test_standoff_labels_train_but_never_from_a_test_folds_dispute(tiny_backbone, tmp_path, monkeypatch):
    import pipeline.classify.train as train
    from pipeline.io.standoff import write_standoff
    from pipeline.schema import Article

    gold = [Article.from_dict(json.loads(line)) for line in open("examples/gold.jsonl")]
    for a in gold:  # the same texts under new ids stand in for annotated non-gold articles
        a.id = "s-" + a.id
    write_standoff(gold, tmp_path / "labels.jsonl")
    with open(tmp_path / "arts.jsonl", "w") as fa, open(tmp_path / "disputes.jsonl", "w") as fd:
        for a in gold:
            fa.write(json.dumps({"id": a.id, "text": a.text}) + "\n")
            fd.write(json.dumps({"id": a.id, "dispute": a.dispute}) + "\n")
    calls, real = [], train.fine_tune
    monkeypatch.setattr(train, "fine_tune", lambda cfg, rows: calls.append(rows) or real(cfg, rows))
    out = run_training("configs/train_tiny.yaml", [
        f"backbone={tiny_backbone}", "data=[examples/gold.jsonl]", "diagnostics=false",
        f"standoff={tmp_path / 'labels.jsonl'}", f"standoff_articles={tmp_path / 'arts.jsonl'}",
        f"standoff_disputes={tmp_path / 'disputes.jsonl'}"], str(tmp_path / "m"))
    assert len(calls) == 3  # two folds, then the final model
    for fold_rows in calls[:2]:
        gold_disputes = {r["dispute"] for r in fold_rows if not r["article_id"].startswith("s-")}
        extra_disputes = {r["dispute"] for r in fold_rows if r["article_id"].startswith("s-")}
        assert extra_disputes == gold_disputes and len(gold_disputes) == 1  # never the test fold's
    assert all(bool(r.get("extra")) == r["article_id"].startswith("s-") for r in calls[2])
    assert sum(r["article_id"].startswith("s-") for r in calls[2]) == sum(len(a.statements) for a in gold)
    res = json.loads((out / "cv_results.json").read_text())
    assert res["n_examples"] == sum(len(a.statements) for a in gold)  # scored on gold only
    assert "frozen-minilm+logreg+extra" in res["methods"]
    assert "stand-off labels" in (out / "README.md").read_text()


def test_decision_offsets_raise_macro_f1_where_argmax_starves_a_small_class():
    rng = np.random.default_rng(0)
    y = np.array([0] * 300 + [1] * 60)  # the small class scores just under the big one
    probs = np.where(y[:, None] == 0, [0.8, 0.2], [0.55, 0.45]) + rng.normal(0, 0.05, (360, 2))
    probs = np.clip(probs, 0.01, 0.99)
    probs /= probs.sum(1, keepdims=True)
    before = macro_f1(y, decide(probs, None), 2)
    off = fit_decision_offsets(probs, y)
    assert off[0] == 0 and off[1] > 0
    assert macro_f1(y, decide(probs, off), 2) > before + 0.2
    clean = np.eye(2)[y] * 0.9 + 0.05  # argmax already perfect: nothing to move
    assert fit_decision_offsets(clean, y).tolist() == [0.0, 0.0]


def test_decision_offsets_steer_labels_but_not_scores(tiny_model, tmp_path):
    d = tmp_path / "m"
    shutil.copytree(tiny_model, d)
    cfg = json.loads((d / "classifier_config.json").read_text())
    plain = StanceSentimentClassifier.from_pretrained(str(d), bf16=False).predict(ITEMS)
    cfg["decision_offsets"] = {"stance": [0.0, 0.0, 50.0], "sentiment": [0.0, 0.0, 0.0]}
    (d / "classifier_config.json").write_text(json.dumps(cfg))
    steered = StanceSentimentClassifier.from_pretrained(str(d), bf16=False).predict(ITEMS)
    assert [p.stance for p in steered] == ["neutral"] * len(ITEMS)
    assert [p.stance_scores for p in steered] == [p.stance_scores for p in plain]
    assert [p.sentiment for p in steered] == [p.sentiment for p in plain]
    cfg["decision_offsets"] = {"stance": [1.0]}
    (d / "classifier_config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelLoadError, match="decision_offsets"):
        StanceSentimentClassifier.from_pretrained(str(d), bf16=False)


def test_train_only_articles_train_but_never_from_a_test_folds_dispute(tiny_backbone, tmp_path, monkeypatch):
    import pipeline.classify.train as train

    with open(tmp_path / "extra.jsonl", "w") as fo:  # the gold under new ids: invented articles
        for line in open("examples/gold.jsonl"):
            art = json.loads(line)
            fo.write(json.dumps({**art, "id": "t-" + art["id"]}) + "\n")
    calls, real = [], train.fine_tune
    monkeypatch.setattr(train, "fine_tune", lambda cfg, rows: calls.append(rows) or real(cfg, rows))
    out = run_training("configs/train_tiny.yaml", [
        f"backbone={tiny_backbone}", "data=[examples/gold.jsonl]", "diagnostics=false",
        f"train_only=[{tmp_path / 'extra.jsonl'}]", "decision_offsets=true"], str(tmp_path / "m"))
    n_gold = sum(len(json.loads(line)["statements"]) for line in open("examples/gold.jsonl"))
    assert len(calls) == 3
    for fold_rows in calls[:2]:
        gold_disputes = {r["dispute"] for r in fold_rows if not r["article_id"].startswith("t-")}
        extra_disputes = {r["dispute"] for r in fold_rows if r["article_id"].startswith("t-")}
        assert extra_disputes == gold_disputes
    assert sum(r["article_id"].startswith("t-") for r in calls[2]) == n_gold
    assert all(bool(r.get("extra")) == r["article_id"].startswith("t-") for r in calls[2])
    res = json.loads((out / "cv_results.json").read_text())
    assert res["n_examples"] == n_gold
    assert {"minilm-lora-finetuned+offsets", "frozen-minilm+logreg+extra+offsets"} <= set(res["methods"])
    oof = [json.loads(line) for line in open(out / "cv_oof.jsonl")]
    assert len(oof) == n_gold and {r["fold"] for r in oof} == {0, 1}
    assert all(len(r["stance_logits"]) == 3 for r in oof)
    conf = json.loads((out / "classifier_config.json").read_text())
    assert conf["n_train_only_examples"] == n_gold and conf["n_standoff_examples"] == 0
    assert conf["decision_offsets"] == {k: c["decision_offsets"] for k, c in res["calibration"].items()}
    assert "Also training only" in (out / "README.md").read_text()


@pytest.mark.parametrize("gold_epochs", [0, 1])
def test_gold_stage_trains_on_the_gold_rows_alone(tiny_backbone, monkeypatch, gold_epochs):
    import pipeline.classify.train as train

    rows = train.load_examples(["examples/gold.jsonl"])
    extra = [{**r, "article_id": "x-" + r["article_id"], "extra": True} for r in rows]
    stages, real = [], train._train_stage
    monkeypatch.setattr(train, "_train_stage", lambda cfg, model, tok, items, y, subset, w, lr, ep, gen:
                        stages.append((subset, lr, ep)) or real(cfg, model, tok, items, y, subset, w, lr, ep, gen))
    cfg = train.load_train_config("configs/train_tiny.yaml", [f"backbone={tiny_backbone}",
                                                              f"gold_epochs={gold_epochs}"])
    train.fine_tune(cfg, rows + extra)
    assert stages[0] == (list(range(2 * len(rows))), cfg.lr, cfg.epochs)
    if gold_epochs:
        assert stages[1] == (list(range(len(rows))), cfg.lr / 3, 1)
    assert len(stages) == 1 + gold_epochs
