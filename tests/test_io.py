import json

import pandas as pd
import pytest

from pipeline.io import InputError, check_article, read_articles, statements_frame, write_jsonl
from pipeline.io.writers import write_statements_table
from pipeline.schema import Article, Statement


def _articles():
    text = 'Unite said the offer was "an insult". "We will fight on," said Jo Bloggs.'
    st = Statement(quote="the offer was \"an insult\"", start=11, end=36, type="mixed", speaker="Unite",
                   speaker_org="Unite", side="union", stance="support", sentiment="negative",
                   stance_scores={"support": 0.9, "oppose": 0.05, "neutral": 0.05},
                   sentiment_scores={"negative": 0.8, "neutral": 0.15, "positive": 0.05})
    assert text[st.start:st.end] == st.quote
    return [Article(id="a1", text=text, url="https://example.org/1", title="T", date="2030-01-02",
                    dispute="x-refuse-workers-2030", employer="X Council", unions=["Unite"],
                    statements=[st], extra={"outlet": "example.org"}),
            Article(id="a2", text="Nothing said here.")]


def test_jsonl_round_trip_keeps_every_field(tmp_path):
    p = tmp_path / "a.jsonl"
    write_jsonl(_articles(), p)
    back = list(read_articles(p))
    assert [a.to_dict() for a in back] == [a.to_dict() for a in _articles()]
    assert back[0].hints == ("dispute", "employer", "unions")
    assert back[0].extra == {"outlet": "example.org"}


def test_csv_parquet_txt_and_dataset_readers(tmp_path):
    rows = [{"id": "c1", "text": "First text.", "title": "One", "employer": "Y Council"},
            {"id": "c2", "text": "Second text.", "title": None, "employer": None}]
    pd.DataFrame(rows).to_csv(tmp_path / "a.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "a.parquet")
    for f in ("a.csv", "a.parquet"):
        arts = list(read_articles(tmp_path / f))
        assert [a.id for a in arts] == ["c1", "c2"]
        assert arts[0].employer == "Y Council" and arts[0].hints == ("employer",)
        assert arts[1].text == "Second text."
    d = tmp_path / "txt"
    d.mkdir()
    (d / "b.txt").write_text("B text.")
    (d / "a.txt").write_text("A text.")
    assert [(a.id, a.text) for a in read_articles(d)] == [("a", "A text."), ("b", "B text.")]
    import datasets

    ds = datasets.Dataset.from_list(rows)
    assert [a.id for a in read_articles(ds)] == ["c1", "c2"]


def test_bad_sources_raise_clear_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_articles(tmp_path / "missing.jsonl")
    (tmp_path / "x.docx").write_text("x")
    with pytest.raises(InputError, match="unknown input format"):
        read_articles(tmp_path / "x.docx")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt files"):
        list(read_articles(tmp_path / "empty"))


def test_every_bad_record_is_recorded_and_order_kept(tmp_path):
    p = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "The council said it was disappointed."}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "notext"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "huge", "text": "word " * 1_100_000}),
        json.dumps({"id": "binary", "text": "\x00\x01\x02\x03junk\x07\x08" * 50}),
        json.dumps({"id": "html", "text": "<html><body><p>Unison said &quot;no&quot;.</p>"
                                          "<script>alert(1)</script><p>Second.</p></body></html>"}),
        json.dumps([1, 2, 3]),
        json.dumps({"text": "No id here."}),
    ]
    p.write_text("\n".join(lines) + "\n")
    arts = [check_article(a) for a in read_articles(p)]
    assert [a.id for a in arts] == ["ok1", "line-2", "notext", "empty", "huge", "binary", "html",
                                    "line-8", "line-9"]
    status = {a.id: (a.status, a.error or "") for a in arts}
    assert status["ok1"][0] == "ok" and status["line-9"][0] == "ok"
    assert "not valid JSON" in status["line-2"][1]
    assert "no text" in status["notext"][1]
    assert status["empty"][1] == "empty text"
    assert "too long" in status["huge"][1]
    assert "binary" in status["binary"][1]
    assert "expected a JSON object" in status["line-8"][1]
    html = next(a for a in arts if a.id == "html")
    assert html.status == "ok" and html.extra["converted_from"] == "html"
    assert html.text == 'Unison said "no".\nSecond.'


def test_statements_table_csv_and_parquet(tmp_path):
    df = statements_frame(_articles())
    assert len(df) == 1 and df.loc[0, "p_stance_support"] == 0.9 and df.loc[0, "unions"] == "Unite"
    for suffix in (".csv", ".parquet"):
        write_statements_table(_articles(), tmp_path / f"t{suffix}")
    back = pd.read_parquet(tmp_path / "t.parquet")
    assert back.loc[0, "quote"] == df.loc[0, "quote"]
    assert pd.read_csv(tmp_path / "t.csv").loc[0, "article_id"] == "a1"


def test_internal_metadata_stays_out_of_written_records(tmp_path):
    a = _articles()[0]
    a.extra["_workforce"] = "refuse-workers"
    assert "_workforce" not in a.to_dict() and a.to_dict(internal=True)["_workforce"] == "refuse-workers"
    write_jsonl([a], tmp_path / "o.jsonl")
    assert "_workforce" not in (tmp_path / "o.jsonl").read_text()
