"""Employer, unions, year, dispute slug and grouping across a batch, on fictional articles."""
import pytest

from pipeline.attribute import META_KEYS, group_disputes, infer_article_meta, load_knowledge
from pipeline.attribute.article import _council_mentions, dispute_slug, employer_slug, infer_year
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


def art(i: str, wf: str, year: int | None, sig: str, emp: str = "Northmoor Borough Council",
        text_year: int | None = None) -> Article:
    """An article with only the metadata grouping reads."""
    a = Article(id=i, text="x", employer=emp)
    a.extra.update({"_workforce": wf, "_year": year, "_text_year": text_year, "_sig": sig})
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


@pytest.mark.parametrize("firm", ["Mitie", "Everyone Active", "Norse Group"])
def test_council_service_contractors_are_employers(firm):
    text = (f"Cleaners employed by {firm} at Dunmore Borough Council offices walked out on Monday. Unison "
            f"said {firm} had refused to pay the real living wage. A {firm} spokesperson said it was "
            "disappointed. The council said it hoped the dispute would end soon.")
    assert meta(text, "Cleaners strike at Dunmore council offices").employer == firm


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
    # the kind of council the text calls it
    text = "Families in Ousebridge were left stranded as drivers on the county council's minibuses walked out."
    assert meta(text, "Ousebridge school transport strike begins").employer == "Ousebridge County Council"
    # a body the lists know is no place: "talks at Acas" names no council
    text = "Talks over Northfold's standby pay will take place at Acas. The council brought in agency staff."
    assert meta(text, "Standby pay talks at Acas after strike").employer != "Acas Council"


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


def test_an_undated_report_can_join_two_workforces_clusters_of_one_dispute():
    """Two workforces' dated reports share little; an undated report sharing words with both joins
    one of them, after which the two clusters are alike enough to be one dispute."""
    arts = [art("a1", "refuse-workers", 2031, "contracts rewards crews"),
            art("a2", "social-workers", 2031, "contracts rehire children"),
            art("u1", "refuse-workers", None, "contracts rewards rehire crews children"),
            art("o1", "refuse-workers", 2031, "bins depot crews pay", emp="Eastwick Council"),
            art("o2", "social-workers", 2030, "caseloads children pay", emp="Eastwick Council")]
    g = group_disputes(arts)
    assert g["a1"] == g["a2"] == g["u1"]
    assert len({g["a1"], g["o1"], g["o2"]}) == 3


def test_grouping_keeps_input_slugs():
    a = meta(BINS, "Dunmore bin strike", "2031-03-04", "k")
    a.dispute, a.hints = "given-slug", ("dispute",)
    assert group_disputes([a]) == {"k": "given-slug"}


def test_council_service_brand_names_its_council():
    text = ("Cityclean drivers walked out again on Monday. Cityclean managers said rounds would be "
            "caught up. The GMB said Cityclean staff were underpaid.")
    assert meta(text, "Cityclean strike goes on").employer == "Brighton and Hove City Council"


def test_contractor_and_client_council_reports_group_together():
    biffa = ("Biffa drivers in Dunmore are on strike. Biffa said its offer was fair. Dunmore Borough "
             "Council said it was talking to Biffa. Unite said Biffa could end the bin strike.")
    council = ("Bins are piling up in Dunmore as the refuse strike goes on. Dunmore Borough Council "
               "said its contractor was in talks with Unite about the bin strike.")
    arts = [meta(biffa, "Biffa bin strike in Dunmore", "2031-03-04", "c1"),
            meta(biffa, "Biffa bin strike in Dunmore goes on", None, "c2"),
            meta(council, "Dunmore bin strike", "2031-03-20", "d1"),
            meta(SOCIAL, "Eastwick social workers strike", "2031-03-04", "s1")]
    assert arts[0].employer == "Biffa" and arts[2].employer == "Dunmore Borough Council"
    g = group_disputes(arts)
    assert g["c1"] == g["c2"] == g["d1"] != g["s1"]
    assert g["c1"].startswith("biffa-dunmore-")


def test_undated_article_stays_out_of_disputes_before_the_years_it_names():
    text = BINS + " The strike began in March 2036, the first since 2031."
    arts = [meta(BINS, "Dunmore bin strike", "2031-03-04", "old1"),
            meta(BINS, "Dunmore bin strike goes on", "2031-04-04", "old2"),
            meta("Dunmore Borough Council drivers began a new strike, the GMB said.",
                 "Dunmore drivers strike", "2036-03-10", "new"),
            meta(text, "Dunmore bin strike", None, "undated")]  # worded like the 2031 reports
    assert arts[3].extra["_text_year"] == 2036 and arts[0].extra["_text_year"] is None
    g = group_disputes(arts)
    assert g["undated"] == g["new"] != g["old1"]


def test_undated_national_article_joins_the_pay_round_its_text_names():
    r31 = ("The National Employers offered council workers in England and Wales £1,111. Unison said "
           "the local government pay offer was an insult.")
    r33 = ("The National Employers offered council workers in England and Wales 3.3 per cent. Unison "
           "said the local government pay offer was an insult and would ballot members.")
    undated = r33.replace("3.3 per cent", "the £1,111 of the 2031 round again")
    arts = [meta(r31, "Council pay offer", "2031-06-01", "r31"),
            meta(r33, "Council pay offer", "2033-06-01", "r33"),
            meta(undated, "Council pay offer", None, "u")]
    assert {a.employer for a in arts} == {"Local Government Association"}
    assert "y2031" in arts[2].extra["_sig"] and "n£1111" in arts[2].extra["_sig"]
    g = group_disputes(arts)
    assert g["u"] == g["r31"] != g["r33"]


def test_name_variants_of_one_council_group_together():
    from pipeline.attribute.grouping import _name_variants

    assert _name_variants(["ashby-kell-dunmore", "ashby-city-kell-dunmore", "kell", "dunmore"]) == \
        {"ashby-kell-dunmore": "ashby-city-kell-dunmore"}
    a = meta(BINS, "Bin strike", "2031-03-04", "v1")
    b = meta(BINS, "Bin strike goes on", "2031-03-11", "v2")
    a.employer, b.employer = "Ashby City, Kell and Dunmore Council", "Ashby Kell and Dunmore Council"
    g = group_disputes([a, b])
    assert g["v1"] == g["v2"] and g["v1"].startswith("ashby-city-kell-dunmore-")


def test_loosely_named_council_takes_the_listed_name():
    from pipeline.attribute.article import known_council

    kn = load_knowledge()
    assert known_council("Armagh Banbridge and Craigavon Council", kn) == \
        "Armagh City, Banbridge and Craigavon Borough Council"
    assert known_council("Dunmore Council", kn) == "Dunmore Council"  # not listed: kept
    assert known_council("Hove Council", kn) == "Hove Council"  # one word: too weak a match
    # councils of the four nations beyond the first list (session 9)
    assert known_council("Newry Mourne and Down Council", kn) == "Newry, Mourne and Down District Council"
    assert meta("Bin crews employed by Newport council walked out. Unite said pay was too low.").employer == \
        "Newport City Council"


def test_council_after_and_is_not_named_and():
    a = meta("Bin collections resume after the GMB and Dunmore Borough Council reached a deal.",
             "Deal ends bin strike")
    assert a.employer == "Dunmore Borough Council"


def test_a_local_strike_against_a_national_pay_offer_is_the_national_dispute():
    text = ("Refuse workers at Falkirk Council began a strike on Thursday. Unite said the 3.5 per cent "
            "pay offer from Cosla was nowhere near good enough. The council said bins would be late.")
    assert meta(text, "Bin workers walk out over pay").employer == "COSLA"
    # the council's own offer keeps the council, whatever else the text says of Cosla
    text = ("Refuse workers at Falkirk Council began a strike on Thursday. Unite said Falkirk Council's "
            "pay offer was nowhere near good enough. Cosla was not involved.")
    assert meta(text, "Falkirk bin workers on strike").employer == "Falkirk Council"


def test_the_outlet_names_the_council_when_the_text_does_not():
    text = ("Unison members in the council’s waste collection service have voted to take industrial action "
            "over compulsory overtime at Christmas.")
    a = meta(text, "Bin workers threaten strike action", url="http://www.wigantoday.net/news/bin-workers-1-2")
    assert a.employer == "Wigan Council"
    a = meta("The council and Unison have resolved the dispute about pay for our social workers.",
             "Pay dispute resolved", url="https://www.brighton-hove.gov.uk/news/2031/pay-dispute-resolved")
    assert a.employer == "Brighton and Hove City Council"
    # a national paper names no place
    a = meta(text, "Bin workers threaten strike action", url="https://www.theguardian.com/uk/2031/bins")
    assert a.employer is None or "Guardian" not in a.employer


def test_councils_offer_is_a_national_pay_round():
    text = ("The biggest social work union is preparing to ballot members over councils’ £1,925 offer, "
            "as employers criticise the length of the process.")
    assert meta(text, "Union prepares to ballot members").employer == "Local Government Association"


def test_an_undated_national_report_joins_the_round_of_the_latest_year_it_names():
    lga = {"wf": "council-workers", "emp": "Local Government Association"}
    arts = [art("a24", year=2031, sig="offer reject members pay ballot", **lga),
            art("a25", year=2032, sig="offer reject members strike", **lga),
            art("u", year=None, text_year=2032, sig="offer reject members pay ballot y2031 y2032", **lga)]
    g = group_disputes(arts)
    assert g["u"] == g["a25"] != g["a24"]


def test_weekday_dates_give_an_undated_report_its_years():
    from pipeline.attribute.article import weekday_years

    ys = weekday_years("Strikes resume from Tuesday 6th September. Talks on Thursday (September 8).", 2030)
    assert 2022 in ys and 2023 not in ys and all(y % 1 == 0 for y in ys)  # 6 Sep 2022 was a Tuesday
    assert set(weekday_years("on Monday, May 2, and Monday May 2nd", 2030)) == {1994, 2005, 2011, 2016, 2022}
    assert weekday_years("Monday 2 May and Monday 3 May", 2030) == []  # no year fits both
    assert weekday_years("walked out on Monday in May", 2030) == []


def test_an_undated_report_joins_the_dispute_its_weekday_dates_fit():
    cosla = {"wf": "council-workers", "emp": "COSLA"}
    arts = [art("r22", year=2022, sig="offer reject bins strike edinburgh", **cosla),
            art("r23", year=2023, sig="offer reject bins strike edinburgh", **cosla),
            art("u", year=None, text_year=None, sig="offer reject bins strike edinburgh", **cosla)]
    arts[2].extra["_weekday_years"] = [2011, 2016, 2022]
    g = group_disputes(arts)
    assert g["u"] == g["r22"] != g["r23"]
    arts[2].extra["_weekday_years"] = [2012, 2017, 2023]
    assert group_disputes(arts)["u"] == g["r23"]


def test_undated_reports_of_one_employer_alike_enough_are_one_dispute():
    arts = [art("u1", "care-workers", None, "daycare centres strike closure glasgow picket"),
            art("u2", "social-workers", None, "daycare strike closure glasgow council bully"),
            art("u3", "refuse-workers", None, "bins rubbish collections overtime")]
    for a in arts:
        a.extra["_weekday_years"] = []
    g = group_disputes(arts)
    assert g["u1"] == g["u2"] != g["u3"]


def test_a_union_branch_site_names_its_council():
    text = ("This week the Mayor emailed members about the new contract. Members of all NJC unions voted "
            "to reject it, and the council imposed it on 6 July. We strike again next week.")
    a = meta(text, "Fact check: the Mayor's email", url="https://wigan.unison.site/2031/07/14/fact-check/")
    assert a.employer == "Wigan Council"
    # the same words on a national paper's site: no council named anywhere, national wording wins
    b = meta(text, "Fact check: the Mayor's email", url="https://www.theguardian.com/2031/07/14/fact-check")
    assert b.employer != "Wigan Council"


def test_a_name_before_a_comma_is_no_part_of_the_council_name():
    a = meta("Jo Marsh, Dunmore Council’s chief executive, said the depot will open. Unite members walked out.")
    assert a.employer == "Dunmore Council"
    # a council whose name is a list keeps it
    assert _council_mentions("Staff of Newry, Mourne and Down District Council walked out.") == [
        ("Newry Mourne and Down", "Newry Mourne and Down District Council")]


@pytest.mark.parametrize("text, employer", [
    # a district known to the lists by its bare place next to "council": its official name
    ("Bin crews in Hastings walked out on Monday. A spokesperson for Hastings council said the "
     "offer was fair. The GMB said members were angry.", "Hastings Borough Council"),
    ("Refuse collectors employed by St Albans City and District Council will strike, Unite said.",
     "St Albans City and District Council"),
    ("Caerphilly County Borough Council said it regretted the strike. Unison said members had no choice.",
     "Caerphilly County Borough Council"),
])
def test_district_and_county_borough_councils_by_their_names(text, employer):
    assert meta(text, "Bin strike").employer == employer


def test_a_districts_place_alone_is_no_evidence():
    # "Hart" is a district and a surname, "Boston" a district and a city abroad: named often, they
    # outweigh no council the text names with "council"
    text = ("Unite regional officer Paul Hart said the pay offer was an insult. Mr Hart said members "
            "had seen colleagues leave for Boston. Hart added that talks were the only way. "
            "Dunmore Council said it was disappointed.")
    assert meta(text, "Bin strike").employer == "Dunmore Council"
    assert employer_slug("St Albans City and District Council") == "st-albans"
    assert employer_slug("Caerphilly County Borough Council") == "caerphilly"


def test_many_councils_named_at_once_are_a_national_dispute():
    places = ", ".join(["Bath and North East Somerset", "Coventry", "Cumberland", "Darlington", "Haringey",
                        "Ipswich", "Newham", "Sefton", "Southwark", "Warrington"])
    text = ("Unite members will strike over the pay offer after a patronising letter from the employers. "
            "The first action will involve Unite members at Chesterfield council next week. The other "
            f"councils where members have strike mandates are: {places} and Wigan.")
    assert meta(text, "Unite announces autumn council strikes").employer == "Local Government Association"


@pytest.mark.parametrize("text, want", [
    ("The London Borough of Hackney said", [("Hackney", "Hackney Council")]),
    ("the London Borough of Barking and Dagenham", [("Barking and Dagenham", "Barking and Dagenham Council")]),
    ("the London Borough of Tower Hamlets Mayor Lutfur Rahman", [("Tower Hamlets", "Tower Hamlets Council")]),
    ("the London Borough of Hackney Council said", [("Hackney", "Hackney Council")]),
    ("King's Lynn and West Norfolk Borough Council", [("King's Lynn and West Norfolk",
                                                     "King's Lynn and West Norfolk Borough Council")]),
])
def test_boroughs_named_without_council_and_possessive_places(text, want):
    assert _council_mentions(text) == want


def test_london_alone_is_no_employer():
    text = ("Refuse collectors at the London Borough of Hackney walked out, the GMB said. The strike is "
            "the latest in London. Workers across London face the same squeeze.")
    assert meta(text, "Bin strike").employer == "Hackney Council"
