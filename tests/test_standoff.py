"""Stand-off labels: offsets + labels apart from the texts, joined back into gold-schema records."""
import json

import pytest

from pipeline.io.standoff import StandoffError, read_standoff, text_digest, write_standoff
from pipeline.schema import Article

GOLD = "examples/gold.jsonl"
ARTICLES = "examples/articles.jsonl"


def _gold() -> list[Article]:
    return [Article.from_dict(json.loads(line)) for line in open(GOLD, encoding="utf-8")]


def test_round_trip_keeps_every_label_and_no_text(tmp_path):
    gold = _gold()
    write_standoff(gold, tmp_path / "labels.jsonl")
    raw = (tmp_path / "labels.jsonl").read_text(encoding="utf-8")
    assert gold[0].statements[0].quote not in raw  # offsets and labels only
    back = read_standoff(tmp_path / "labels.jsonl", ARTICLES, None)
    assert [a.id for a in back] == [a.id for a in gold]
    for g, b in zip(gold, back):
        assert [(s.quote, s.start, s.end, s.type, s.speaker, s.speaker_org, s.side, s.stance, s.sentiment)
                for s in g.statements] == \
               [(s.quote, s.start, s.end, s.type, s.speaker, s.speaker_org, s.side, s.stance, s.sentiment)
                for s in b.statements]


def test_disputes_file_fills_the_article_fields(tmp_path):
    write_standoff(_gold()[:1], tmp_path / "labels.jsonl")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "ex-001", "dispute": "x-bins-2031",
                                                  "employer": "X Council", "unions": ["GMB"]}) + "\n")
    [art] = read_standoff(tmp_path / "labels.jsonl", ARTICLES, tmp_path / "d.jsonl")
    assert (art.dispute, art.employer, art.unions) == ("x-bins-2031", "X Council", ["GMB"])


def test_changed_text_is_skipped_and_mismatched_files_raise(tmp_path):
    write_standoff(_gold()[:2], tmp_path / "labels.jsonl")
    lines = (tmp_path / "labels.jsonl").read_text().splitlines()
    changed = json.loads(lines[0]) | {"text_sha256": text_digest("another text")}
    (tmp_path / "changed.jsonl").write_text(json.dumps(changed) + "\n" + lines[1] + "\n")
    assert [a.id for a in read_standoff(tmp_path / "changed.jsonl", ARTICLES)] == ["ex-002"]

    unknown = json.loads(lines[0]) | {"id": "nowhere"}
    (tmp_path / "unknown.jsonl").write_text(json.dumps(unknown) + "\n")
    with pytest.raises(StandoffError, match="not in"):
        read_standoff(tmp_path / "unknown.jsonl", ARTICLES)

    outside = json.loads(lines[0])
    outside["statements"][0]["end"] = 10 ** 6
    (tmp_path / "outside.jsonl").write_text(json.dumps(outside) + "\n")
    with pytest.raises(StandoffError, match="outside"):
        read_standoff(tmp_path / "outside.jsonl", ARTICLES)


def test_write_refuses_offsets_that_do_not_hold_the_quote(tmp_path):
    art = _gold()[0]
    art.statements[0].start += 1
    with pytest.raises(StandoffError, match="do not hold"):
        write_standoff([art], tmp_path / "labels.jsonl")


def test_cli_writes_gold_schema_records(tmp_path):
    from pipeline.cli import main

    write_standoff(_gold()[:2], tmp_path / "labels.jsonl")
    assert main(["standoff", str(tmp_path / "labels.jsonl"), "--articles", ARTICLES,
                 "-o", str(tmp_path / "gold.jsonl")]) == 0
    recs = [json.loads(line) for line in open(tmp_path / "gold.jsonl")]
    assert all(r["text"][s["start"]:s["end"]] == s["quote"] for r in recs for s in r["statements"])
    assert sum(len(r["statements"]) for r in recs) == sum(len(a.statements) for a in _gold()[:2])


def test_annotation_tasks_round_trip(tmp_path):
    """make -> an annotator's answers -> check -> merge gives the stand-off file of those answers."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("annotation_tasks", "scripts/annotation_tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    tasks.make(ARTICLES, tmp_path, chunks=2, exclude=[])
    gold = {a.id: a for a in _gold()}
    for k in (0, 1):
        chunk = [json.loads(line) for line in open(tmp_path / f"chunk_{k}.jsonl")]
        assert all(c["candidates"] and "text" in c for c in chunk)  # the extractor's proposals
        with open(tmp_path / f"out_{k}.jsonl", "w") as fh:  # an annotator who answers with the gold
            for c in chunk:
                sts = [{**s.to_dict(), "start": s.start + 3} for s in gold[c["id"]].statements]  # rough offsets
                fh.write(json.dumps({"id": c["id"], "statements": sts}) + "\n")
    got, errors = tasks.check(tmp_path, "0")
    assert errors == [] and got
    tasks.merge(ARTICLES, tmp_path, str(tmp_path / "merged.jsonl"))
    write_standoff(list(gold.values()), tmp_path / "expected.jsonl")
    merged = sorted(open(tmp_path / "merged.jsonl").read().splitlines())
    assert merged == sorted(open(tmp_path / "expected.jsonl").read().splitlines())
    # a quote that is not in the text is reported, not merged
    with open(tmp_path / "out_1.jsonl", "a") as fh:
        fh.write(json.dumps({"id": chunk[0]["id"], "statements": [{"quote": "not in the text", "type": "direct",
                                                                     "speaker": "x", "side": "union",
                                                                     "stance": "support",
                                                                     "sentiment": "negative"}]}) + "\n")
    assert any("exact substring" in e for e in tasks.check(tmp_path, "1")[1])


@pytest.mark.parametrize("path,n", [("annotations/synthetic_articles.jsonl", 150),
                                    ("annotations/synthetic_articles_2.jsonl", 160)])
def test_invented_training_articles_are_valid_gold_schema_and_apart_from_the_gold(path, n):
    """The invented articles: exact offsets, valid labels, no gold dispute reused."""
    from pipeline.schema import SENTIMENTS, SIDES, STANCES, TYPES

    arts = [Article.from_dict(json.loads(line)) for line in open(path, encoding="utf-8")]
    assert len(arts) == n and len({a.id for a in arts}) == n
    for a in arts:
        assert a.statements and a.dispute and a.employer
        for s in a.statements:
            assert a.text[s.start:s.end] == s.quote
            assert s.type in TYPES and s.side in SIDES and s.stance in STANCES and s.sentiment in SENTIMENTS
    from conftest import SHARED

    gold = SHARED / "train_gold.jsonl"
    if gold.is_file():  # invented disputes only: a CV fold can never train on its own test dispute
        gold_disputes = {json.loads(line)["dispute"] for line in open(gold, encoding="utf-8")}
        assert not gold_disputes & {a.dispute for a in arts}
