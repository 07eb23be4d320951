"""Write the three notebooks (outputs stripped). usage: python notebooks/build_notebooks.py"""
from pathlib import Path

import nbformat as nbf

HERE = Path(__file__).resolve().parent


def nb(cells):
    book = nbf.v4.new_notebook()
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    book.cells = [nbf.v4.new_markdown_cell(c[3:]) if c.startswith("md:") else nbf.v4.new_code_cell(c)
                  for c in cells]
    return book


SETUP = """from pathlib import Path
import pandas as pd
pd.set_option("display.max_colwidth", 80)
ROOT = Path.cwd() if (Path.cwd() / "examples").exists() else Path.cwd().parent
SHARED = ROOT.parent / "shared" / "data"
HAVE_SHARED = (SHARED / "train_gold.jsonl").exists()
print("repo:", ROOT, "| ../shared present:", HAVE_SHARED)"""

QUICKSTART = [
    "md:# Quickstart\nRun the pipeline on the fictional example articles, look at the statements, "
    "and compare the union and council sides.",
    SETUP,
    """from pipeline import load_config, read_articles, Pipeline
cfg = load_config(overrides=["batch.progress=false"])
pipe = Pipeline(cfg)                      # loads the knowledge lists and the classifier once
articles = list(pipe.run(read_articles(ROOT / "examples" / "articles.jsonl")))
[(a.id, a.employer, a.dispute, len(a.statements)) for a in articles]""",
    "md:Each statement has exact offsets into the text, a speaker, a side, and calibrated probabilities.",
    """from pipeline import load_predictions
df = load_predictions(articles)
df[["article_id", "quote", "type", "speaker", "side", "stance", "sentiment", "p_stance_support"]].head(10)""",
    """assert all(a.text[s.start:s.end] == s.quote for a in articles for s in a.statements)
df.groupby(["side", "stance"]).size().unstack(fill_value=0)""",
    "md:## Compare the sides\nShares are means of the probabilities; intervals resample articles.",
    """from pipeline import compare_sides, plot_comparison
c = compare_sides(df, cfg.compare)
c.sides[["dispute", "side", "n_statements", "stance_support", "stance_support_lo", "stance_support_hi", "net_tone"]]""",
    """c.gaps""",
    """fig = plot_comparison(c, c.sides["dispute"].iloc[0])""",
    "md:## Write the full report\nThe same function the `dispute-stance run` command uses.",
    """import tempfile
from pipeline import write_report
out = Path(tempfile.mkdtemp())
paths = write_report(articles, out, cfg)
sorted(p.name for p in paths.values())""",
]

ERRORS = [
    "md:# Error analysis against gold\nWhere do extraction, speakers, sides, stance and sentiment go "
    "wrong? Uses the fictional examples' gold, and the project's gold data in `../shared` when present "
    "(the untouched test half of the dispute split).",
    SETUP,
    """import copy, yaml
from pipeline import load_config, read_articles, Pipeline
from pipeline.evaluate import evaluate, format_report, align
cfg = load_config(overrides=["batch.progress=false"])
pipe = Pipeline(cfg)
if HAVE_SHARED:
    split = yaml.safe_load((ROOT / "configs" / "gold_split.yaml").read_text())
    gold = [a for a in read_articles(SHARED / "train_gold.jsonl") if a.dispute in set(split["test"])][:12]
else:
    gold = list(read_articles(ROOT / "examples" / "gold.jsonl"))
def strip(a):
    b = copy.deepcopy(a); b.statements = []; b.dispute = b.employer = None; b.unions = []; b.hints = ()
    return b
pred = list(pipe.run([strip(a) for a in gold]))
m = evaluate(gold, pred)
print(format_report(m))""",
    "md:## Missed and spurious statements",
    """rows = []
for g, p in zip(gold, pred):
    pairs = align(g.statements, p.statements)
    got_g = {i for i, _ in pairs}; got_p = {j for _, j in pairs}
    rows += [{"article": g.id, "kind": "missed", "type": s.type, "quote": s.quote} for i, s in enumerate(g.statements) if i not in got_g]
    rows += [{"article": g.id, "kind": "spurious", "type": s.type, "quote": s.quote} for j, s in enumerate(p.statements) if j not in got_p]
errors = pd.DataFrame(rows)
errors.groupby(["kind", "type"]).size() if len(errors) else "no span errors" """,
    """errors.head(15) if len(errors) else errors""",
    "md:## Wrong speaker, side, stance or sentiment on matched statements",
    """rows = []
for g, p in zip(gold, pred):
    for i, j in align(g.statements, p.statements):
        gs, ps = g.statements[i], p.statements[j]
        for f in ("speaker", "side", "stance", "sentiment"):
            if getattr(gs, f) != getattr(ps, f):
                rows.append({"article": g.id, "field": f, "gold": getattr(gs, f), "pred": getattr(ps, f), "quote": gs.quote[:70]})
wrong = pd.DataFrame(rows)
wrong.groupby("field").size() if len(wrong) else "no label errors" """,
    """pd.DataFrame(m["stance"]["confusion"]).T""",
    """pd.DataFrame(m["sentiment"]["confusion"]).T""",
]

DISPUTES = [
    "md:# Comparing disputes\nUnion vs council tone across many disputes and over time. With "
    "`../shared` present this uses the gold annotations of the training disputes as predictions "
    "(so the figures are the annotators' own); otherwise the pipeline's output on the examples.",
    SETUP,
    """from pipeline import load_config, read_articles, Pipeline, load_predictions, compare_sides, plot_comparison
cfg = load_config(overrides=["batch.progress=false", "compare.n_bootstrap=300"])
if HAVE_SHARED:
    df = load_predictions(SHARED / "train_gold.jsonl")
else:
    df = load_predictions(Pipeline(cfg).run(read_articles(ROOT / "examples" / "articles.jsonl")))
c = compare_sides(df, cfg.compare)
print(df["dispute"].nunique(), "disputes,", len(df), "statements")""",
    "md:## Which disputes show the widest gap between the sides?",
    """g = c.gaps.dropna(subset=["gap"]).sort_values("gap")
g[["dispute", "n_articles", "n_union", "n_council", "gap", "gap_lo", "gap_hi", "p_value", "insufficient"]].head(15)""",
    """fig = plot_comparison(c)""",
    "md:## Tone over time\nNet tone by month for each side, pooled over disputes.",
    """import matplotlib.pyplot as plt
mon = c.monthly.groupby(["side", "month"]).apply(lambda x: (x.net_tone * x.n_statements).sum() / x.n_statements.sum(), include_groups=False).rename("net_tone").reset_index()
fig, ax = plt.subplots(figsize=(9, 3))
for side, x in mon.groupby("side"):
    ax.plot(x["month"], x["net_tone"], marker=".", label=side)
ax.set_ylabel("net tone"); ax.legend(); ax.tick_params(axis="x", labelrotation=90, labelsize=6)""",
    "md:## Who speaks for each side?",
    """c.speakers.groupby("side").head(8)""",
]

if __name__ == "__main__":
    for name, cells in (("01_quickstart.ipynb", QUICKSTART), ("02_error_analysis.ipynb", ERRORS),
                        ("03_comparing_disputes.ipynb", DISPUTES)):
        nbf.write(nb(cells), HERE / name)
        print("wrote", HERE / name)
