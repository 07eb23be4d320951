"""Writers: atomic gold-schema JSONL and the flat statements table."""
import pandas as pd
import pytest

from pipeline.io import read_articles, statements_frame, write_jsonl
from pipeline.io.writers import TABLE_COLUMNS, write_statements_table
from pipeline.schema import Article, Statement


def _articles():
    text = 'Unite said the offer was "an insult". "We will fight on," said Jo Bloggs.'
    st = Statement(quote="the offer was \"an insult\"", start=11, end=36, type="mixed", speaker="Unite",
                   speaker_org="Unite", side="union", stance="support", sentiment="negative",
                   stance_scores={"support": 0.9, "oppose": 0.05, "neutral": 0.05},
                   sentiment_scores={"negative": 0.8, "neutral": 0.15, "positive": 0.05},
                   cue={"verb": "said", "attribution": "name"})
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


def test_write_is_atomic_a_failure_keeps_the_old_file(tmp_path):
    p = tmp_path / "o.jsonl"
    assert write_jsonl(_articles(), p) == 2
    before = p.read_bytes()

    def exploding():
        yield _articles()[0]
        raise RuntimeError("stage crashed mid-write")

    with pytest.raises(RuntimeError):
        write_jsonl(exploding(), p)
    assert p.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["o.jsonl"]  # no temp file left behind


def test_table_rows_carry_article_metadata_and_every_column(tmp_path):
    arts = _articles()
    arts[0].unions = ["Unite", "GMB"]
    df = statements_frame(arts)
    assert list(df.columns) == TABLE_COLUMNS
    row = df.iloc[0]
    assert (row["article_id"], row["url"], row["dispute"], row["employer"], row["unions"]) == \
        ("a1", "https://example.org/1", "x-refuse-workers-2030", "X Council", "Unite;GMB")
    assert (row["statement_index"], row["start"], row["end"], row["side"]) == (0, 11, 36, "union")
    assert row["attribution"] == "name"  # how the speaker was found, for filtering by confidence
    assert row["p_sentiment_negative"] == 0.8
    empty = statements_frame([arts[1]])
    assert empty.empty and list(empty.columns) == TABLE_COLUMNS
    with pytest.raises(ValueError, match=".csv or .parquet"):
        write_statements_table(arts, tmp_path / "t.xlsx")
    assert write_statements_table(iter(arts), tmp_path / "t.csv") == 1  # any iterable


def test_unicode_and_newlines_survive_the_table(tmp_path):
    a = _articles()[0]
    a.statements[0].quote = a.text[a.statements[0].start:a.statements[0].end]
    a.title = "Line one\nline two “quoted”, with commas"
    write_statements_table([a], tmp_path / "t.csv")
    assert pd.read_csv(tmp_path / "t.csv").loc[0, "title"] == a.title
