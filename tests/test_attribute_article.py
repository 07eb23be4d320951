"""Employer, unions, year, dispute slug and grouping across a batch, on fictional articles."""
from pipeline.attribute import META_KEYS, group_disputes, infer_article_meta, load_knowledge
from pipeline.attribute.article import dispute_slug, employer_slug, infer_year
from pipeline.schema import Article

BINS = ("Refuse collectors employed by Dunmore Borough Council walked out on Monday. The GMB said "
        "its members had rejected the pay offer. Dunmore Council said bins would be collected.")
SOCIAL = ("Children's social workers at Eastwick Council will strike over caseloads, Unison said. "
          "Eastwick Council said it valued its social workers.")


def meta(text: str, title: str | None = None, date: str | None = None, aid: str = "a",
         **kw) -> Article:
    a = Article(id=aid, text=text, title=title, date=date, **kw)
    infer_article_meta(a, load_knowledge())
    return a


def test_employer_unions_and_slug():
    a = meta(BINS, "Dunmore bin workers strike", "2031-03-04")
    assert a.employer == "Dunmore Borough Council"
    assert a.unions == ["GMB"]
    assert a.dispute == "dunmore-refuse-workers-2031"


def test_hints_are_kept():
    a = Article(id="h", text=BINS, employer="Dunmore Council", unions=["Unite"],
                dispute="dunmore-bins-2030", hints=("employer", "unions", "dispute"))
    infer_article_meta(a, load_knowledge())
    assert (a.employer, a.unions, a.dispute) == ("Dunmore Council", ["Unite"], "dunmore-bins-2030")


def test_contractor_named_often_is_the_employer():
    text = ("Biffa drivers in Dunmore are on strike. Biffa said its offer was fair. The council said "
            "it was talking to Biffa. Unite said Biffa could end the dispute.")
    assert meta(text, "Biffa bin strike").employer == "Biffa"


def test_national_talks_pick_the_employers_body():
    english = ("Council workers in England and Wales will be balloted after the National Employers "
               "made a local government pay offer of £1,925.")
    scottish = ("Council workers across Scotland rejected Cosla's local government pay offer, and "
                "Scottish unions will ballot.")
    assert meta(english, "Local government pay offer rejected").employer == "Local Government Association"
    assert meta(scottish, "Scottish council pay offer rejected").employer == "COSLA"


def test_place_from_title_when_no_council_is_named():
    text = "Bins piled up across Northfold as the council's drivers began their strike."
    assert meta(text, "Northfold strike begins").employer == "Northfold Council"


def test_money_is_not_a_year():
    a = Article(id="y", text="Staff were offered £2,000 and 2019 staff voted.", date=None)
    assert infer_year(a) is None
    assert infer_year(Article(id="y", text="The strike in 2019 ended.", url="https://x.example/2021/05/a")) == 2021


def test_slug_parts():
    assert employer_slug("City of Dunmore Council") == "dunmore"
    assert employer_slug("Brighton and Hove City Council") == "brighton-hove"
    assert dispute_slug("Dunmore Council", "refuse-workers", (2030, 2031)) == "dunmore-refuse-workers-2030-2031"


def test_grouping_same_dispute_together_and_apart():
    arts = [meta(BINS, "Dunmore bin strike", "2031-03-04", "b1"),
            meta(BINS, "Dunmore bin strike goes on", "2031-04-20", "b2"),
            meta(BINS, "Dunmore bins strike ends", "2032-01-10", "b3"),
            meta(BINS, "Dunmore bin workers strike again", "2036-05-01", "b4"),
            meta(SOCIAL, "Eastwick social workers strike", "2031-03-04", "s1"),
            meta(SOCIAL, "Eastwick social workers strike", None, "s2")]
    g = group_disputes(arts)
    assert g["b1"] == g["b2"] == g["b3"] == "dunmore-refuse-workers-2031-2032"
    assert g["b4"] == "dunmore-refuse-workers-2036"
    assert g["s1"] == g["s2"] != g["b1"]


def test_grouping_needs_metadata_only():
    arts = [meta(BINS, "Dunmore bin strike", f"2031-0{i}-01", f"m{i}") for i in range(1, 4)]
    for a in arts:
        a.text = ""  # what the batch runner keeps: metadata and META_KEYS
        assert set(META_KEYS) - {"_client"} <= set(a.extra)
    assert len(set(group_disputes(arts).values())) == 1


def test_grouping_keeps_input_slugs():
    a = meta(BINS, "Dunmore bin strike", "2031-03-04", "k")
    a.dispute, a.hints = "given-slug", ("dispute",)
    assert group_disputes([a]) == {"k": "given-slug"}
