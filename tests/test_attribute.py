"""Speakers, organisations, sides and article metadata on texts written for these tests."""
import pytest

from pipeline.attribute import attribute_statements, group_disputes, infer_article_meta, load_knowledge
from pipeline.attribute.names import normalise_speaker, speaker_match_lenient
from pipeline.extract import extract_statements
from pipeline.schema import Article


def attributed(text, title=None, date=None):
    kn = load_knowledge()
    a = Article(id="t", text=text, title=title, date=date)
    infer_article_meta(a, kn)
    a.statements = attribute_statements(a, extract_statements(a.text), kn)
    return a, [(s.speaker, s.speaker_org, s.side) for s in a.statements]


def test_full_name_from_role_phrase_and_short_form():
    text = ("Unite regional officer Jo Marsh said: “We will not back down.”\n"
            "Ms Marsh added that talks with Ashcombe City Council had collapsed.")
    _, got = attributed(text)
    assert got == [("Jo Marsh", "Unite", "union"), ("Jo Marsh", "Unite", "union")]


def test_pronoun_resolves_to_latest_voice():
    text = ("Council leader Pat Greene said the offer was generous.\n"
            "“We cannot afford any more,” she said.")
    _, got = attributed(text)
    assert [g[0] for g in got] == ["Pat Greene", "Pat Greene"]
    assert {g[2] for g in got} == {"council"}


def test_spokesman_description_and_council_anaphor():
    text = ("Strike threat at Ashcombe depot\n"
            "A spokesman for Ashcombe City Council said: “Our door is open.”\n"
            "The council said contingency plans were ready.\n"
            "“We urge the union to talk,” the spokesman said.")
    art, got = attributed(text)
    assert got[0] == ("A spokesman for Ashcombe City Council", "Ashcombe City Council", "council")
    assert got[1] == (art.employer, art.employer, "council")
    assert normalise_speaker(got[2][0]) == "spokesman for ashcombe city council"


@pytest.mark.parametrize("sentence, side", [
    ("The British Association of Social Workers said caseloads were unsafe.", "other"),
    ("Ofsted said the service required improvement.", "other"),
    ("The Local Government Association said the offer was fair.", "council"),
    ("Cosla said it could not offer more.", "council"),
    ("A Biffa spokesman said the firm had made a fair offer.", "council"),
    ("Opposition councillor Ann Lee said the strike was avoidable.", "other"),
    ("Strikers said they felt betrayed by managers.", "union"),
    ("The GMB said members would walk out next week.", "union"),
    ("Cllr Ann Lee said the offer was the best the budget allowed.", "council"),
    ("Executive member for environment Sam Hill said bins would be collected.", "council"),
    ("Lord Provost Jo Reid said the city could not afford the claim.", "council"),
    ("Solicitor Sam Price said the equal pay claims would go to a tribunal.", "other"),
    ("Union activist Kit Moss said the picket would stay all week.", "union"),
])
def test_sides_from_knowledge(sentence, side):
    _, got = attributed(sentence)
    assert got and got[0][2] == side


def test_unison_branch_speaks_for_unison():
    _, got = attributed("Ashcombe Unison branch said members were balloting.")
    assert got[0][1] == "Unison" and got[0][2] == "union"


def test_pronoun_takes_a_person_introduced_since_the_last_statement():
    text = ("Unite says the rota is unfair to carers.\n"
            "Jo Bell is one of those striking. She said the rota had cost her a day a week.\n"
            "Unison's Dana Hale said talks had failed.\n"
            "“Pat Greene has let us all down,” she said.")
    _, got = attributed(text)
    assert [g[0] for g in got] == ["Unite", "Jo Bell", "Dana Hale", "Dana Hale"]
    assert got[1][2] == "union"


def test_several_unions_speak_for_no_single_organisation():
    _, got = attributed("Unite and Unison said the pay offer was too low. They accused Ashcombe "
                        "City Council of cancelling talks.")
    assert got == [("Unite and Unison", None, "union")] * 2


def test_the_unions_resolve_to_the_pair_the_text_named():
    _, got = attributed("Bin crews in Ashcombe balloted with Unite and Unison last month.\n"
                        "The unions said Ashcombe City Council had cancelled talks.")
    assert got == [("Unite and Unison", None, "union")]
    _, got = attributed("The unions said Ashcombe City Council had cancelled talks.")
    assert got[0][0] == "The unions"


def test_they_after_workers_introduced_as_a_subject():
    text = ("Unite said the depot would close on Friday.\n"
            "Forty Ashcombe City Council drivers, who run the school routes, are staging the strike. "
            "They say the new rota cuts their pay.")
    _, got = attributed(text)
    assert got[1] == ("Forty Ashcombe City Council drivers", None, "union")


def test_union_epithet_resolves_to_the_union_named():
    _, got = attributed("The biggest union for school support staff said the offer fell short.\n"
                        "Unison will ballot its members in Ashcombe next month.")
    assert got == [("Unison", "Unison", "union")]


def test_a_local_authority_is_the_employer():
    _, got = attributed("Ashcombe City Council bin crews walked out. A local authority said the "
                        "rounds would be caught up.")
    assert got == [("Ashcombe City Council", "Ashcombe City Council", "council")]


def test_article_meta_and_grouping():
    kn = load_knowledge()
    arts = [Article(id=str(i), title=t, text=x, date=d) for i, (t, x, d) in enumerate([
        ("Leeds bin workers strike", "Refuse workers at Leeds City Council walked out. Unison said pay was too low.", "2030-03-01"),
        ("Leeds bin strike continues", "Bin crews employed by Leeds City Council stayed out. The GMB said talks failed.", "2030-05-01"),
        ("Leeds social workers ballot", "Social workers at Leeds City Council will ballot, Unison said.", "2030-04-01"),
        ("National pay offer rejected", "Unison rejected the National Employers' pay offer for council workers across England.", "2030-06-01"),
    ])]
    for a in arts:
        infer_article_meta(a, kn)
    assert [a.employer for a in arts] == ["Leeds City Council"] * 3 + ["Local Government Association"]
    assert arts[0].unions == ["Unison"] and arts[1].unions == ["GMB"]
    slugs = group_disputes(arts)
    assert slugs["0"] == slugs["1"] == "leeds-refuse-workers-2030"
    assert slugs["2"] != slugs["0"] and slugs["2"].startswith("leeds-social-workers")
    assert slugs["3"] == "lga-njc-council-workers-2030"


def test_input_hints_are_kept():
    kn = load_knowledge()
    a = Article.from_dict({"id": "h", "text": "Unite said Biffa must pay up.", "employer": "Biffa",
                           "dispute": "biffa-x-2030", "unions": ["Unite"]})
    infer_article_meta(a, kn)
    assert (a.employer, a.dispute) == ("Biffa", "biffa-x-2030")
    assert group_disputes([a]) == {"h": "biffa-x-2030"}


def test_speaker_normalisation():
    assert normalise_speaker("The  Unite union.") == "unite union"
    assert speaker_match_lenient("Tony Garnsey", "Mr Garnsey")
    assert not speaker_match_lenient("Tony Garnsey", "Paul Holmes")


def test_extracted_statements_take_the_frame_attribution_before_the_extractors_cue():
    # the extractor's cue took "November" out of the relative clause; the frame finder knows better
    text = ("Crews at Dunmore Council walked out again on Monday, the GMB said.\n"
            "The local authority, which has seen walkouts by bin crews since November, said: "
            "“Providing this essential service is our top priority.”\n"
            "Ama, a Unison rep, said the turnout was high.\n"
            "“Today we were sacked,” she told Socialist Worker. “So we are standing out here together.”")
    got = {s.quote[:12]: (s.speaker, s.side) for s in attributed(text)[0].statements}
    assert got["Providing th"] == ("Dunmore Council", "council")
    assert got["So we are st"] == ("Ama", "union")


def test_trie_alternation_matches_as_the_longest_first_word_list():
    import random
    import re

    from pipeline.attribute.knowledge import trie_alternation

    rng = random.Random(3)
    for _ in range(50):
        words = {"".join(rng.choice("ab ") for _ in range(rng.randint(1, 5))).strip() or "a"
                 for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice("ab -") for _ in range(80))
        flat = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                          + r")(?![\w-])")
        trie = re.compile(r"(?<![\w-])" + trie_alternation(words) + r"(?![\w-])")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_attribution_path_says_how_each_speaker_was_found():
    text = ("Unite regional officer Jo Marsh said: “We will not back down.”\n"
            "“Our members have had enough,” she said.\n"
            "“They deserve better.”\n"
            "A spokesman for Ashcombe City Council said the offer was fair.")
    art, got = attributed(text)
    assert [g[0] for g in got] == ["Jo Marsh", "Jo Marsh", "Jo Marsh", "A spokesman for Ashcombe City Council"]
    assert [s.cue["attribution"] for s in art.statements] == ["name", "pronoun", "continued", "description"]


def test_attribution_path_default_when_no_voice_precedes():
    text = "“Nobody told us anything about the new rotas.”\nBin crews at the Ashcombe depot walked out."
    art, _ = attributed(text)
    assert [s.cue["attribution"] for s in art.statements] == ["default"]


def test_attribution_path_left_out_for_given_spans():
    kn = load_knowledge()
    text = "Jo Marsh, of Unite, said the offer was an insult."
    a = Article(id="t", text=text)
    span = extract_statements(text)[0]
    span.cue = None  # a gold span: no extractor evidence to add to
    attribute_statements(a, [span], kn)
    assert span.cue is None and span.speaker == "Jo Marsh"
