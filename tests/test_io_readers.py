"""Readers: every format to Articles, bad records recorded (never raised), ids kept in order."""
import json
import time

import pandas as pd
import pytest

from pipeline.io import InputError, check_article, read_articles, write_jsonl
from pipeline.schema import Article, Statement

TEXT = ('Northmoor Borough Council said the offer was "fair and final". '
        '"We will keep fighting," said Jo Fictional of the GMB.')


def _gold_records() -> list[dict]:
    """Two fictional gold-style records with every field, statements and an extra field."""
    q1, q2 = 'the offer was "fair and final"', "We will keep fighting,"
    s1 = Statement(quote=q1, start=TEXT.index(q1), end=TEXT.index(q1) + len(q1), type="mixed",
                   speaker="Northmoor Borough Council", speaker_org="Northmoor Borough Council",
                   side="council", stance="oppose", sentiment="neutral",
                   stance_scores={"support": 0.1, "oppose": 0.8, "neutral": 0.1},
                   sentiment_scores={"negative": 0.2, "neutral": 0.7, "positive": 0.1})
    s2 = Statement(quote=q2, start=TEXT.index(q2), end=TEXT.index(q2) + len(q2), type="direct",
                   speaker="Jo Fictional", speaker_org="GMB", side="union", stance="support",
                   sentiment="negative",
                   stance_scores={"support": 0.7, "oppose": 0.1, "neutral": 0.2},
                   sentiment_scores={"negative": 0.6, "neutral": 0.3, "positive": 0.1})
    a = Article(id="r1", text=TEXT, url="https://example.org/r1", title="Bin strike", date="2031-03-04",
                dispute="northmoor-refuse-workers-2031", employer="Northmoor Borough Council",
                unions=["GMB", "Unite"], statements=[s1, s2], extra={"outlet": "example.org"})
    b = Article(id="r2", text="Nobody said anything.\nSecond paragraph.", url="https://example.org/r2",
                title="Quiet day", date="2031-03-05", dispute="northmoor-refuse-workers-2031",
                employer="Northmoor Borough Council", unions=["GMB"], extra={"outlet": "example.org"})
    return [a.to_dict(), b.to_dict()]


def _round_trip(source, tmp_path) -> list[dict]:
    write_jsonl(read_articles(source), tmp_path / "back.jsonl")
    return [json.loads(line) for line in open(tmp_path / "back.jsonl", encoding="utf-8")]


def test_jsonl_round_trip_is_exact(tmp_path):
    recs = _gold_records()
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert _round_trip(tmp_path / "in.jsonl", tmp_path) == recs


def test_parquet_and_dataset_round_trips_keep_every_field(tmp_path):
    import datasets

    recs = _gold_records()
    pd.DataFrame(recs).to_parquet(tmp_path / "in.parquet")
    assert _round_trip(tmp_path / "in.parquet", tmp_path) == recs
    assert _round_trip(datasets.Dataset.from_list(recs), tmp_path) == recs


def test_csv_round_trip_with_json_columns(tmp_path):
    recs = _gold_records()
    df = pd.DataFrame(recs)
    df["statements"] = df["statements"].map(json.dumps)
    df["unions"] = df["unions"].map(json.dumps)
    df.to_csv(tmp_path / "in.csv", index=False)
    back = _round_trip(tmp_path / "in.csv", tmp_path)
    # CSV carries no types: only the empty error cell differs (None either way).
    assert back == recs


def test_plain_csv_with_hints_and_semicolon_unions(tmp_path):
    (tmp_path / "a.csv").write_text(
        "id,title,text,employer,unions\n"
        'c1,One,"First text, with a comma.",Y Council,GMB;Unison\n'
        "c2,,Second text.,,\n", encoding="utf-8")
    arts = list(read_articles(tmp_path / "a.csv"))
    assert [a.id for a in arts] == ["c1", "c2"]
    assert arts[0].unions == ["GMB", "Unison"] and arts[0].hints == ("employer", "unions")
    assert arts[1].title is None and arts[1].hints == () and arts[1].text == "Second text."


def test_parquet_reads_by_batches_in_order(tmp_path):
    rows = [{"id": f"p{i}", "text": f"Text number {i}."} for i in range(1000)]
    pd.DataFrame(rows).to_parquet(tmp_path / "many.parquet", row_group_size=128)
    from pipeline.io.readers import read_parquet

    gen = read_parquet(tmp_path / "many.parquet", batch_size=100)
    assert next(gen).id == "p0"  # a generator: nothing forces the whole file into Articles
    assert [a.id for a in gen] == [f"p{i}" for i in range(1, 1000)]


def test_txt_directory_ids_are_stems_text_kept_as_is(tmp_path):
    d = tmp_path / "txt"
    d.mkdir()
    (d / "b.txt").write_text("Headline\nB text.\n", encoding="utf-8")
    (d / "a.txt").write_text("A text.", encoding="utf-8")
    (d / "c.txt").write_bytes(b"\xff\xfe bad bytes \x81")
    (d / "notes.md").write_text("ignored")
    arts = list(read_articles(d))
    assert [(a.id, a.text, a.title) for a in arts[:2]] == [("a", "A text.", None),
                                                           ("b", "Headline\nB text.\n", None)]
    assert arts[2].id == "c" and arts[2].status == "error" and "UTF-8" in arts[2].error


def test_bad_sources_raise_clear_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_articles(tmp_path / "missing.jsonl")
    (tmp_path / "x.docx").write_text("x")
    with pytest.raises(InputError, match="unknown input format"):
        read_articles(tmp_path / "x.docx")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt files"):
        list(read_articles(tmp_path / "empty"))
    with pytest.raises(InputError, match="cannot read articles"):
        read_articles(42)


def test_every_bad_record_is_recorded_and_order_kept(tmp_path):
    p = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "The council said it was disappointed."}).encode(),
        b'{"id": "broken", "text": ',
        json.dumps({"id": "notext"}).encode(),
        json.dumps({"id": "empty", "text": "   "}).encode(),
        json.dumps({"id": "binary", "text": "\x00\x01\x02\x03junk\x07\x08" * 50}).encode(),
        json.dumps({"id": "html", "text": "<html><body><p>Unison said &quot;no&quot;.</p>"
                                          "<script>alert(1)</script><p>Second.</p></body></html>"}).encode(),
        json.dumps([1, 2, 3]).encode(),
        json.dumps({"text": "No id here."}).encode(),
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps({"id": "number", "text": 12}).encode(),
        json.dumps({"id": "controls", "text": "".join(chr(c) for c in range(1, 31)) * 20}).encode(),
    ]
    p.write_bytes(b"\n".join(lines) + b"\n\n")
    arts = [check_article(a) for a in read_articles(p)]
    # a broken line has no readable record, so no id: it is named by its line number
    assert [a.id for a in arts] == ["ok1", "line-2", "notext", "empty", "binary", "html", "line-7",
                                    "line-8", "line-9", "number", "controls"]
    status = {a.id: (a.status, a.error or "") for a in arts}
    assert status["ok1"] == ("ok", "") and status["line-8"] == ("ok", "")
    assert "not valid JSON" in status["line-2"][1]
    assert "no text" in status["notext"][1]
    assert status["empty"] == ("error", "empty text")
    assert "binary" in status["binary"][1] and "binary" in status["controls"][1]
    assert "expected a JSON object" in status["line-7"][1]
    assert "not UTF-8" in status["line-9"][1]
    assert "not a string" in status["number"][1]
    html = arts[5]
    assert html.status == "ok" and html.extra["converted_from"] == "html"
    assert html.text == 'Unison said "no".\nSecond.'


def test_five_megabyte_text_is_a_fast_recorded_error(tmp_path):
    p = tmp_path / "huge.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "small", "text": "Unite said talks had failed."}) + "\n")
        fh.write(json.dumps({"id": "huge", "text": "The council said no. " * 250_000}) + "\n")
        fh.write(json.dumps({"id": "after", "text": "GMB said it would ballot."}) + "\n")
    t0 = time.perf_counter()
    arts = [check_article(a, max_chars=1_000_000) for a in read_articles(p)]
    assert time.perf_counter() - t0 < 5
    assert [a.id for a in arts] == ["small", "huge", "after"]
    assert arts[1].status == "error" and "too long" in arts[1].error and "1,000,000" in arts[1].error
    assert arts[1].text == "" and arts[0].status == arts[2].status == "ok"


def test_html_conversion_keeps_paragraphs_and_drops_code():
    page = ("<!doctype html><html><head><title>Strike</title><style>p {}</style></head><body>"
            "<script>var x = '<p>not text</p>';</script><h1>Bins</h1><p>Unite said: &ldquo;We&rsquo;re out"
            "&nbsp;today.&rdquo;</p><div>A <b>bold</b> claim &amp; more.</div><br>Tail</body></html>")
    a = check_article(Article(id="h", text=page))
    assert a.status == "ok" and a.extra == {"converted_from": "html"}
    assert a.text == "Bins\nUnite said: “We’re out today.”\nA bold claim & more.\nTail"
    assert a.title == "Strike"  # the page title fills a missing title, it is not body text
    only_code = check_article(Article(id="e", text="<html><body><script>x()</script><p></p></body></html>"))
    assert only_code.status == "error" and "HTML" in only_code.error


def test_plain_text_with_a_stray_angle_bracket_is_not_html():
    text = "Unison said pay was <2% of the budget and the council said a <b> tag proves nothing."
    a = check_article(Article(id="t", text=text))
    assert a.status == "ok" and a.text == text and "converted_from" not in a.extra


def test_already_failed_records_are_left_alone():
    a = Article(id="x", text="", status="error", error="not valid JSON")
    assert check_article(a).error == "not valid JSON"


def test_example_bad_input_file(examples_dir):
    arts = [check_article(a) for a in read_articles(examples_dir / "bad_input.jsonl")]
    got = {a.id: a.status for a in arts}
    assert got == {"bad-ok": "ok", "line-2": "error", "bad-no-text": "error",
                   "bad-empty": "error", "bad-binary": "error", "bad-html": "ok",
                   "bad-html-empty": "error", "line-8": "ok"}
    assert [a.id for a in arts][:3] == ["bad-ok", "line-2", "bad-no-text"]
    assert next(a for a in arts if a.id == "bad-html").extra["converted_from"] == "html"
