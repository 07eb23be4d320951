"""Write the three notebooks, outputs stripped. usage: python notebooks/build_notebooks.py

The notebooks are generated so that they stay in step with the API; tests/test_notebooks.py checks
that the committed files are exactly what this script writes, and nbmake runs them in CI.
"""
from pathlib import Path

import nbformat as nbf

HERE = Path(__file__).resolve().parent


def notebook(cells: list[str]) -> nbf.NotebookNode:
    """Cells starting with "md:" are Markdown, the rest code; no outputs, stable cell ids."""
    book = nbf.v4.new_notebook()
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    book.metadata["language_info"] = {"name": "python"}
    book.cells = [nbf.v4.new_markdown_cell(c[3:]) if c.startswith("md:") else nbf.v4.new_code_cell(c)
                  for c in cells]
    for i, cell in enumerate(book.cells):
        cell["id"] = f"cell-{i:02d}"
    return book


SETUP = """from pathlib import Path
import pandas as pd
pd.set_option("display.max_colwidth", 90)
ROOT = Path.cwd() if (Path.cwd() / "examples").exists() else Path.cwd().parent
SHARED = ROOT.parent / "shared" / "data"   # the project's gold data; absent in a fresh clone
HAVE_SHARED = (SHARED / "train_gold.jsonl").exists()
print("repo:", ROOT, "| ../shared present:", HAVE_SHARED)"""

QUICKSTART = [
    "md:# Quickstart\nRun the pipeline on the fictional example articles, look at the statements it "
    "finds, and compare what the union and the council side say.",
    SETUP,
    "md:## Annotate articles\n`Pipeline.run` streams annotated articles: statements with exact "
    "offsets, speakers, sides, and stance/sentiment with calibrated probabilities.",
    """from pipeline import load_config, read_articles, Pipeline
cfg = load_config(overrides=["batch.progress=false"])
pipe = Pipeline(cfg)                      # loads the knowledge lists and the classifier once
articles = list(pipe.run(read_articles(ROOT / "examples" / "articles.jsonl")))
pd.DataFrame([{"id": a.id, "employer": a.employer, "dispute": a.dispute, "unions": a.unions,
               "statements": len(a.statements), "status": a.status} for a in articles])""",
    "md:## One row per statement\n`load_predictions` turns articles (or a predictions JSONL) into a "
    "DataFrame with the article's metadata on every row.",
    """from pipeline import load_predictions
df = load_predictions(articles)
df[["article_id", "quote", "type", "speaker", "side", "stance", "p_stance_support", "sentiment"]].head(10)""",
    """# offsets are exact: the quote is the text between start and end
assert all(a.text[s.start:s.end] == s.quote for a in articles for s in a.statements)
pd.crosstab(df["side"], df["stance"], margins=True)""",
    "md:## Compare the sides\nShares are means of the probabilities; intervals resample whole "
    "articles (statements of one article are not independent); the gap is union minus council net "
    "tone with a permutation test over articles. Few articles give no interval (see "
    "`compare.min_articles`).",
    """from pipeline import compare_sides, plot_comparison
c = compare_sides(df, cfg.compare)
c.sides[["dispute", "side", "n_statements", "n_articles", "insufficient", "stance_support",
         "stance_support_lo", "stance_support_hi", "net_tone"]]""",
    """c.gaps""",
    """fig = plot_comparison(c, c.sides["dispute"].iloc[0])""",
    """c.examples[["dispute", "side", "label", "probability", "speaker", "quote"]].head(8)""",
    "md:## Write the full report\nThe same function `dispute-stance run` and `dispute-stance report` "
    "use: a self-contained `report.html`, `summary.md`, `comparison.csv` and the statements table.",
    """import tempfile
from IPython.display import Markdown
from pipeline import write_report
paths = write_report(articles, Path(tempfile.mkdtemp()), cfg)
print(*(f"{k}: {p}" for k, p in paths.items()), sep="\\n")
Markdown(paths["summary_md"].read_text())""",
]

ERRORS = [
    "md:# Error analysis against gold\nWhere do extraction, speakers, sides, stance and sentiment go "
    "wrong, and how much does it move the comparison? Uses the project's gold in `../shared` when "
    "present (a few articles of the untouched test half of the dispute split), else the fictional "
    "examples' gold.",
    SETUP,
    """import copy, yaml
from pipeline import load_config, read_articles, Pipeline
from pipeline.evaluate import evaluate, format_report, align
cfg = load_config(overrides=["batch.progress=false"])
if HAVE_SHARED:
    split = yaml.safe_load((ROOT / "configs" / "gold_split.yaml").read_text())
    gold = [a for a in read_articles(SHARED / "train_gold.jsonl") if a.dispute in set(split["test"])][:12]
else:
    gold = list(read_articles(ROOT / "examples" / "gold.jsonl"))

def raw(a):
    \"\"\"The article as the pipeline sees it: text and metadata, no annotations.\"\"\"
    b = copy.deepcopy(a)
    b.statements, b.dispute, b.employer, b.unions, b.hints = [], None, None, [], ()
    return b

pred = list(Pipeline(cfg).run([raw(a) for a in gold]))
m = evaluate(gold, pred)
print(format_report(m))""",
    "md:## Missed and spurious statements\nGold statements with no predicted span overlapping at "
    "least half of it are *missed*; predicted spans with no gold partner are *spurious*.",
    """rows = []
for g, p in zip(gold, pred):
    pairs = align(g.statements, p.statements)
    got_g, got_p = {i for i, _ in pairs}, {j for _, j in pairs}
    rows += [{"article": g.id, "kind": "missed", "type": s.type, "quote": s.quote}
             for i, s in enumerate(g.statements) if i not in got_g]
    rows += [{"article": g.id, "kind": "spurious", "type": s.type, "quote": s.quote}
             for j, s in enumerate(p.statements) if j not in got_p]
spans = pd.DataFrame(rows, columns=["article", "kind", "type", "quote"])
spans.groupby(["kind", "type"]).size().unstack(fill_value=0)""",
    """spans.head(12)""",
    "md:## Wrong speaker, side, stance or sentiment on matched statements",
    """rows = []
for g, p in zip(gold, pred):
    for i, j in align(g.statements, p.statements):
        gs, ps = g.statements[i], p.statements[j]
        rows.append({"article": g.id, "quote": gs.quote[:80], **{f"{f}_gold": getattr(gs, f) for f in
                     ("speaker", "side", "stance", "sentiment")},
                     **{f"{f}_pred": getattr(ps, f) for f in ("speaker", "side", "stance", "sentiment")}})
matched = pd.DataFrame(rows)
pd.Series({f: (matched[f"{f}_gold"] != matched[f"{f}_pred"]).mean() for f in
           ("speaker", "side", "stance", "sentiment")}, name="error rate")""",
    """pd.crosstab(matched["side_gold"], matched["side_pred"], margins=True)""",
    """pd.crosstab(matched["stance_gold"], matched["stance_pred"], margins=True)""",
    """pd.crosstab(matched["sentiment_gold"], matched["sentiment_pred"], margins=True)""",
    """wrong_side = matched[matched["side_gold"] != matched["side_pred"]]
wrong_side[["article", "quote", "speaker_gold", "speaker_pred", "side_gold", "side_pred"]].head(10)""",
    "md:## How far do the errors move the comparison?\nNet tone per dispute and side, from the gold "
    "and from the predictions (predicted articles keep their gold dispute, so only the statements "
    "differ).",
    """from pipeline import load_predictions, compare_sides
gold_slug = {a.id: a.dispute for a in gold}
for a in pred:
    a.dispute = gold_slug[a.id]
both = compare_sides(load_predictions(gold), cfg.compare).sides.merge(
    compare_sides(load_predictions(pred), cfg.compare).sides, on=["dispute", "side"], how="outer",
    suffixes=("_gold", "_pred"))
both["tone_error"] = both["net_tone_pred"] - both["net_tone_gold"]
both[["dispute", "side", "n_statements_gold", "n_statements_pred", "net_tone_gold", "net_tone_pred", "tone_error"]]""",
    """print("mean absolute net-tone error per dispute and side:", round(both["tone_error"].abs().mean(), 3))""",
]

DISPUTES = [
    "md:# Comparing disputes\nUnion vs council tone across many disputes and over time. With "
    "`../shared` present this uses the gold annotations of the training disputes as predictions "
    "(so the figures are the annotators' own); otherwise the pipeline's output on the examples. "
    "For the pipeline's view of all raw articles run `dispute-stance run "
    "../shared/data/raw_articles.jsonl -o out/raw` and load `out/raw/predictions.jsonl` instead.",
    SETUP,
    """from pipeline import load_config, read_articles, Pipeline, load_predictions, compare_sides, plot_comparison
from pipeline.frame import plot_timeline
cfg = load_config(overrides=["batch.progress=false", "compare.n_bootstrap=300"])
if HAVE_SHARED:
    df = load_predictions(SHARED / "train_gold.jsonl")
else:
    df = load_predictions(Pipeline(cfg).run(read_articles(ROOT / "examples" / "articles.jsonl")))
c = compare_sides(df, cfg.compare)
print(df["dispute"].nunique(), "disputes,", df["article_id"].nunique(), "articles,", len(df), "statements")""",
    "md:## Which disputes show the widest gap between the sides?\nGap = union net tone minus council "
    "net tone. `insufficient`: a side has fewer than `compare.min_statements` statements; no interval "
    "or p-value below `compare.min_articles` articles.",
    """cols = ["dispute", "n_articles", "n_union", "n_council", "gap", "gap_lo", "gap_hi", "p_value", "insufficient"]
c.gaps.dropna(subset=["gap"]).sort_values("gap")[cols].head(15)""",
    """fig = plot_comparison(c)""",
    "md:## Across disputes\nIn how many disputes with enough evidence is the union side's tone more "
    "negative than the council's? Each dispute counts once, so a sign test across disputes does "
    "not depend on how many statements a dispute has.",
    """from scipy.stats import binomtest
ok = c.gaps[~c.gaps["insufficient"].astype(bool)].dropna(subset=["gap"])
k, n = int((ok["gap"] < 0).sum()), int((ok["gap"] != 0).sum())
print(f"union more negative in {k} of {n} disputes; sign test p = {binomtest(k, n).pvalue:.3g}" if n else "no dispute with enough evidence")
c.sides.groupby("side")[["net_tone", "stance_support", "stance_oppose"]].median()""",
    "md:## Tone over time\nNet tone by month for each side, statements pooled over disputes (dot "
    "size grows with the month's statements), then by year.",
    """fig = plot_timeline(c)""",
    """year = c.timeline.assign(year=c.timeline["month"].str[:4])
year = year.assign(w=year["net_tone"] * year["n_statements"]).groupby(["year", "side"])[["w", "n_statements"]].sum()
(year["w"] / year["n_statements"]).rename("net_tone").unstack("side").round(2)""",
    "md:## Who speaks for each side?",
    """c.speakers.groupby(["side", "speaker"])["n_statements"].sum().sort_values(ascending=False).groupby("side").head(5)""",
]

if __name__ == "__main__":
    for name, cells in (("01_quickstart.ipynb", QUICKSTART), ("02_error_analysis.ipynb", ERRORS),
                        ("03_comparing_disputes.ipynb", DISPUTES)):
        nbf.write(notebook(cells), HERE / name)
        print("wrote", HERE / name)
