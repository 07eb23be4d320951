"""End to end: bad records of every kind, in every input format, never stop a batch; every input
record comes out once, in order, as a valid record (bad ones with status "error" and a message)."""
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.annotate import Pipeline
from pipeline.batch import run_batch
from pipeline.config import load_config
from pipeline.io import read_articles

GOOD = ('"We will not accept another real-terms pay cut," said Ann Example, branch secretary of '
        'Unison.\n\nA spokesperson for Westmarsh Council said the offer was fair and affordable.')


def cfg(*extra: str):
    return load_config(overrides=["classify.enabled=false", "batch.progress=false",
                                  "batch.chunk_size=3", "batch.workers=1",
                                  "extract.max_text_chars=20000", *extra])


def bad_jsonl(path: Path) -> None:
    """Good articles between every kind of bad line the readers and checks know."""
    lines = [
        json.dumps({"id": "good-1", "title": "Pay row", "date": "2031-02-01", "text": GOOD}),
        '{"id": "broken-json", "text": "cut off',
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "title": "missing text"}),
        json.dumps({"id": "number-text", "text": 42}),
        json.dumps({"id": "blank-text", "text": "  \n\t "}),
        json.dumps({"id": "binary", "text": "\x00\x01\x02\x03" * 50}),
        json.dumps({"id": "too-long", "text": "word " * 5000}),
        json.dumps({"id": "html", "text": f"<html><body><p>{GOOD}</p><p>More text.</p></body></html>"}),
        json.dumps({"id": "surrogate", "text": '"We will not back down \ud800 on pay," said Ann Example.'}),
        json.dumps({"text": "An article without an id. \"We want a fair deal,\" said Bo Example."}),
        json.dumps({"id": "weird", "text": "\u202e\u0301\U0001F4A5 «Nous» \"a\" \u2018b\u2019 ''\"\u201c"}),
        json.dumps({"id": "good-2", "date": "not a date", "unions": "GMB; Unite", "text": GOOD}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "bad-utf8", "text": "\xff\xfe"}\n')


def check_output(out: Path, expected_ids: list[str]) -> list[dict]:
    recs = [json.loads(line) for line in open(out, encoding="utf-8")]
    assert [r["id"] for r in recs] == expected_ids
    for r in recs:
        assert r["status"] in ("ok", "error")
        if r["status"] == "error":
            assert r["error"]
        for s in r["statements"]:
            assert r["text"][s["start"]:s["end"]] == s["quote"]
            assert s["speaker"] and s["side"] in ("union", "council", "other")
    return recs


def test_bad_jsonl_records_are_recorded_not_raised(tmp_path):
    bad_jsonl(tmp_path / "in.jsonl")
    expected = [a.id for a in read_articles(tmp_path / "in.jsonl")]
    assert len(expected) == 14
    s = run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", cfg())
    recs = {r["id"]: r for r in check_output(tmp_path / "out.jsonl", expected)}
    assert s["articles"] == 14 and s["ok"] + s["errors"] == 14
    for rid in ("no-text", "number-text", "blank-text", "binary", "too-long"):
        assert recs[rid]["status"] == "error", rid
    assert sum(r["status"] == "error" for r in recs.values()) >= 7  # + broken JSON, list, bad UTF-8
    assert recs["good-1"]["statements"] and recs["good-2"]["statements"]
    assert recs["html"]["status"] == "ok" and recs["html"]["statements"]
    assert recs["too-long"]["text"] == ""  # a huge text is not echoed back


def test_one_failing_article_does_not_sink_its_chunk(tmp_path, monkeypatch):
    import pipeline.attribute as attribute

    recs = [{"id": f"a{i}", "text": GOOD} for i in range(7)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    real = attribute.attribute_statements

    def flaky(article, statements, knowledge):
        if article.id == "a4":
            raise RuntimeError("attribution bug")
        return real(article, statements, knowledge)

    monkeypatch.setattr(attribute, "attribute_statements", flaky)
    s = run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", cfg())
    out = check_output(tmp_path / "out.jsonl", [r["id"] for r in recs])
    assert s["errors"] == 1 and out[4]["error"] == "RuntimeError: attribution bug"
    assert all(r["statements"] for i, r in enumerate(out) if i != 4)


def test_classifier_failure_is_isolated_to_the_bad_article(tmp_path):
    class Picky:
        """A classifier that fails on any batch holding the word 'poison'."""

        def predict(self, items):
            from pipeline.classify import Prediction

            if any("poison" in i.quote for i in items):
                raise ValueError("cannot classify this")
            sc = {"support": 0.5, "oppose": 0.25, "neutral": 0.25}
            tone = {"negative": 0.5, "neutral": 0.25, "positive": 0.25}
            return [Prediction("support", sc, "negative", tone) for _ in items]

    texts = [GOOD, GOOD.replace("pay cut", "poison pill"), GOOD, GOOD]
    (tmp_path / "in.jsonl").write_text(
        "".join(json.dumps({"id": f"c{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    config = cfg("classify.enabled=true", "batch.chunk_size=4")
    s = run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", config,
                  pipeline=Pipeline(config, classifier=Picky()))
    out = [json.loads(line) for line in open(tmp_path / "out.jsonl")]
    assert [r["status"] for r in out] == ["ok", "error", "ok", "ok"] and s["errors"] == 1
    assert "cannot classify" in out[1]["error"]
    assert all(st["stance"] == "support" for r in out if r["status"] == "ok" for st in r["statements"])


@pytest.mark.parametrize("fmt", ["csv", "parquet", "txt", "dataset", "iterable"])
def test_every_input_format_with_bad_records(tmp_path, fmt):
    rows = [{"id": "f1", "title": "Strike", "text": GOOD}, {"id": "f2", "title": "Empty", "text": ""},
            {"id": "f3", "title": "Binary", "text": "\x00" * 40}, {"id": "f4", "title": "Ok", "text": GOOD}]
    if fmt == "csv":
        src = tmp_path / "in.csv"
        pd.DataFrame(rows).to_csv(src, index=False)
    elif fmt == "parquet":
        src = tmp_path / "in.parquet"
        pd.DataFrame(rows).to_parquet(src)
    elif fmt == "txt":
        src = tmp_path / "txt"
        src.mkdir()
        for r in rows:
            (src / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
        (src / "f5.txt").write_bytes(b"\xff\xfe not utf-8 \x81")
    else:
        import datasets

        src = datasets.Dataset.from_list(rows)
        if fmt == "iterable":  # a streaming dataset: no length, no fingerprint, no resume
            src = src.to_iterable_dataset()
    expected = [a.id for a in read_articles(src)]
    s = run_batch(src, tmp_path / "out.jsonl", cfg())
    recs = check_output(tmp_path / "out.jsonl", expected)
    assert [r["status"] for r in recs[:4]] == ["ok", "error", "error", "ok"]
    assert s["articles"] == len(expected) == (5 if fmt == "txt" else 4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
                      | st.lists(st.sampled_from(['"', "\u201c", "\u201d", "'", " said ", "Unison",
                                                  " the council ", ".", "\n\n", "We ", "pay"]),
                                 max_size=60).map("".join),
                      min_size=1, max_size=6))
def test_fuzzed_articles_end_to_end(tmp_path, texts):
    recs = [{"id": f"z{i}", "text": t} for i, t in enumerate(texts)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", cfg("batch.resume=false"))
    out = check_output(tmp_path / "out.jsonl", [r["id"] for r in recs])
    for r in out:
        spans = [(s["start"], s["end"]) for s in r["statements"]]
        assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_missing_input_fails_before_writing_anything(tmp_path):
    from pipeline.io import InputError

    with pytest.raises(InputError, match="input not found"):
        run_batch(tmp_path / "nope.jsonl", tmp_path / "out.jsonl", cfg())
    assert list(tmp_path.iterdir()) == []
