"""Each construction of the guidelines, on sentences written for these tests."""
import pytest

from pipeline.extract import extract_statements
from pipeline.text.quotes import quote_regions


def spans(text):
    sts = extract_statements(text)
    for s in sts:
        assert text[s.start:s.end] == s.quote
    return [(s.quote, s.type) for s in sts]


@pytest.mark.parametrize("open_, close", [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")])
def test_direct_quote_in_every_mark_style(open_, close):
    text = f"The branch secretary said: {open_}Our members have had enough of broken promises.{close}"
    assert spans(text) == [("Our members have had enough of broken promises.", "direct")]


def test_apostrophes_do_not_close_single_quotes():
    text = ("Jo Bloggs said: ‘It’s Lancashire’s workers who pay, and members’ patience is gone. "
            "We can't wait any longer.’")
    assert spans(text) == [("It’s Lancashire’s workers who pay, and members’ patience is gone. "
                            "We can't wait any longer.", "direct")]
    text2 = "Jo Bloggs said: 'It's the members' money and the council's choice.'"
    assert spans(text2) == [("It's the members' money and the council's choice.", "direct")]


def test_multi_paragraph_quote_is_one_statement_per_paragraph():
    text = ("Regional organiser Sam Hale said: “The workers are exhausted.\n"
            "“They have covered vacancies for two years.\n"
            "“Now they want to be paid fairly.”")
    assert [q for q, _ in spans(text)] == ["The workers are exhausted.",
                                           "They have covered vacancies for two years.",
                                           "Now they want to be paid fairly."]


def test_interrupted_quote_gives_two_statements():
    text = "'We want talks,' he said, 'not strikes.'"
    assert spans(text) == [("We want talks,", "direct"), ("not strikes.", "direct")]


@pytest.mark.parametrize("text", ["'It's a disgrace,' said Jo Bell, 'and the council knows it.'",
                                  "“It’s a disgrace,” Jo Bell said, “and the council knows it.”"])
def test_both_halves_of_an_interrupted_quote_name_the_speaker(text):
    sts = extract_statements(text)
    assert [s.cue.get("speaker_text") for s in sts] == ["Jo Bell", "Jo Bell"]


def test_a_short_quoted_sentence_after_its_speakers_quote_is_a_statement():
    assert spans("“We want talks,” said Jo Bell. “Not strikes.”") == [
        ("We want talks,", "direct"), ("Not strikes.", "direct")]
    assert spans("The slogan was simple. ‘Fair Pay Now’ appeared on every banner.") == []


def test_quote_cut_off_by_end_of_text():
    text = "The council leader said: “We have made our final offer and we will not be mov"
    assert spans(text) == [("We have made our final offer and we will not be mov", "direct")]


@pytest.mark.parametrize("text, content", [
    ("Unison said that the offer was far too low.", "the offer was far too low"),
    ("The union says staff are leaving in droves.", "staff are leaving in droves"),
    ("The GMB argues the council has broken its promise.", "the council has broken its promise"),
    ("Unite claims bosses ignored safety warnings.", "bosses ignored safety warnings"),
    ("The council warned that collections would be delayed.", "collections would be delayed"),
    ("Managers insisted the rota was fair to everyone.", "the rota was fair to everyone"),
    ("Unison believes the strike will go ahead next week.", "the strike will go ahead next week"),
    ("The union added that talks had broken down.", "talks had broken down"),
    ("Bin crews have been underpaid for years, the union said.", "Bin crews have been underpaid for years"),
    ("Pay has fallen in real terms, adds Unison.", "Pay has fallen in real terms"),
])
def test_indirect_speech_frames(text, content):
    assert spans(text) == [(content, "indirect")]


def test_according_to_front_and_back():
    assert spans("According to the union, staff were threatened with dismissal.") == [
        ("staff were threatened with dismissal", "indirect")]
    assert spans("Staff were threatened with dismissal, according to the union.") == [
        ("Staff were threatened with dismissal", "indirect")]


def test_accuse_call_on_urge_demand():
    assert spans("Unison accused the council of refusing to negotiate.") == [
        ("the council of refusing to negotiate", "indirect")]
    assert spans("The GMB called on the council to return to talks.") == [
        ("the council to return to talks", "indirect")]
    assert spans("Residents urged both sides to settle quickly.") == [
        ("both sides to settle quickly", "indirect")]
    assert spans("Unite is demanding a 10% pay rise for its members.") == [
        ("a 10% pay rise for its members", "indirect")]


def test_two_reporting_verbs_two_statements():
    text = "The council said the offer was final but warned that services would be cut."
    assert spans(text) == [("the offer was final", "indirect"), ("services would be cut", "indirect")]


def test_mixed_quote():
    text = 'The union said bosses had shown "total contempt for the workforce" during talks.'
    assert spans(text) == [('bosses had shown "total contempt for the workforce" during talks', "mixed")]


def test_single_quoted_word_does_not_make_mixed_and_is_no_statement():
    text = 'The union said the so-called "modernisation" plan would cut jobs.'
    assert spans(text) == [('the so-called "modernisation" plan would cut jobs', "indirect")]


def test_headline_and_scare_quotes_are_not_statements():
    text = ("Bin strike 'could last all summer'\n"
            "Refuse collectors walked out on Monday in a row over \"ring-fencing\" of jobs.")
    assert spans(text) == []


def test_quote_regions_nested_quotes_are_inside():
    text = "He said: “The members have said ‘enough is enough’ and they mean it.”"
    regions = quote_regions(text)
    assert len(regions) == 1 and text[regions[0].start:regions[0].end].startswith("The members")


def test_cue_carries_the_speaker_phrase():
    text = "Unison North West regional organiser, James Rupa, said: “Staff are exhausted.”"
    (st,) = extract_statements(text)
    assert "James Rupa" in st.cue["speaker_text"]


def test_second_speaker_in_one_sentence_gets_its_own_statement():
    text = ("The union says that its dispute is with the contractor, whereas the council says that "
            "it has urged both sides to talk.")
    got = extract_statements(text)
    assert [s.quote for s in got] == ["its dispute is with the contractor", "it has urged both sides to talk"]
    assert [s.cue["speaker_text"] for s in got] == ["The union", "the council"]


def test_this_is_content_not_a_time_adverb():
    assert spans("Unison wants a rise but the council said this would cost too much.") == [
        ("this would cost too much", "indirect")]


def test_outlet_knowledge_and_quoted_subheadings_are_not_statements():
    text = ("Bins left uncollected\n"
            "The BBC understands a deal is close.\n"
            "'Back on track'\n"
            "The Local Democracy Reporting Service understands the talks resumed on Monday.")
    assert spans(text) == [("the talks resumed on Monday", "indirect")]


@pytest.mark.parametrize("outlet", ["Community Care understands", "The Eastwick Echo understands",
                                    "Manchester Evening News revealed", "Socialist Worker reported"])
def test_other_outlets_own_knowledge_is_not_a_statement(outlet):
    text = f"{outlet} the council has offered a 2% retention payment.\nUnite revealed that 79% voted for action."
    assert spans(text) == [("79% voted for action", "indirect")]


def test_short_quote_cut_off_by_end_of_text_is_kept_single_word_dropped():
    assert spans("Jo Bloggs said the strike was on.\n“This dispute") == [
        ("the strike was on", "indirect"), ("This dispute", "direct")]
    assert spans("Jo Bloggs said the strike was on.\n“I") == [("the strike was on", "indirect")]


@pytest.mark.parametrize("text, quote, speaker", [
    # 'said that “<rest of the sentence>”' is a direct quote
    ("Talks failed.\nThe council recently said that “although the action continues, our plan is working "
     "and we are collecting waste as scheduled.”",
     "although the action continues, our plan is working and we are collecting waste as scheduled.",
     "The council"),
    # a paragraph without quote marks after one ending 'X said:' (a statement pasted verbatim)
    ("Bins piled up in Dunmore.\nCllr Jo Penn, leader of the opposition, said:\n"
     "For years we have warned the administration that this would happen.\nThe strike goes on.",
     "For years we have warned the administration that this would happen.",
     "Cllr Jo Penn, leader of the opposition"),
])
def test_direct_statements_without_their_own_marks(text, quote, speaker):
    got = extract_statements(text)
    assert [(s.type, s.quote) for s in got] == [("direct", quote)]
    assert got[0].cue["speaker_text"] == speaker


def test_a_pasted_statement_goes_on_over_its_first_person_paragraphs():
    text = ("Care staff will strike.\nIn a statement, the council said:\n"
            "We value our care staff and we are disappointed by the ballot.\n"
            "Our offer is fair and we would urge Unison to put it to members.\n"
            "We have contacted Unison for comment.\n"
            "Unison said the offer was not enough.")
    got = extract_statements(text)
    assert [(s.type, s.quote) for s in got] == [
        ("direct", "We value our care staff and we are disappointed by the ballot."),
        ("direct", "Our offer is fair and we would urge Unison to put it to members."),
        ("indirect", "the offer was not enough")]
    assert got[1].cue["speaker_text"] == got[0].cue["speaker_text"]


def test_what_is_no_direct_statement_without_marks():
    # a quoted fragment followed by more reported content stays one mixed statement
    text = "The council said that “the action continues” and that talks were over."
    assert [s.type for s in extract_statements(text)] == ["mixed"]
    # a bullet list after 'said:' is not a pasted statement
    assert extract_statements("Unison said:\n• pay parity for all staff on the same grade") == []


@pytest.mark.parametrize("text, kind", [
    ('The union said staff were being "blackmailed" by managers.', "mixed"),  # the speaker's judging word
    ("The union said it was 'outrageous' that bins went uncollected.", "mixed"),
    ("The council said it could not afford to ‘level-up’ salaries.", "indirect"),  # a quoted term
    ("The union said the 'Tower Rewards' scheme cut pay.", "indirect"),  # a name
    ("The union said the offer was “an insult to staff”.", "mixed"),
])
def test_a_single_quoted_judging_word_makes_a_statement_mixed(text, kind):
    assert [s.type for s in extract_statements(text)] == [kind]


def test_what_a_crowd_chants_or_sings_is_a_direct_statement():
    for text, quote in [("Over a hundred GMB members chanted “Kitcat out!” outside the town hall.", "Kitcat out!"),
                        ("Around 30 workers chanted, “Dunmore, shame on you.”", "Dunmore, shame on you."),
                        ("Workers sang “We want our pay back” as they marched.", "We want our pay back")]:
        assert [(s.quote, s.type) for s in extract_statements(text)] == [(quote, "direct")]
    assert extract_statements("Pickets were singing “solidarity” songs.") == []


def test_headline_lines_inside_the_page_report_nothing_without_a_clause():
    text = ("Pay row at Fernley\nCare staff call for strike action\n"
            "Workers claim regrading could cost them £1,000 a year\n"
            "Unite warns Fernley Council ahead of bin strike\nThe council said it would meet the union.")
    assert spans(text) == [("regrading could cost them £1,000 a year", "indirect"),
                           ("it would meet the union", "indirect")]
    # the same words as a sentence, or cut off by the end of the text, still report
    assert spans("Care staff have called for strike action.") == [("strike action", "indirect")]
    assert spans("The text ends here.\nCare staff call for strike action") == [("strike action", "indirect")]


def test_reader_comments_of_a_blog_page_are_no_statements():
    text = ("Unite said the strike would go ahead.\nComments\nAnonymous said…\n"
            "they are always saying there is not enough money, so who pays the agency staff?\n")
    assert spans(text) == [("the strike would go ahead", "indirect")]


def test_an_outlets_appeal_for_support_is_no_statement():
    text = ("Unite said the strike would go ahead.\nWe believe quality journalism should be available "
            "to everyone, paid for by those who can afford it.\nThe council said it would talk.")
    assert spans(text) == [("the strike would go ahead", "indirect"), ("it would talk", "indirect")]


@pytest.mark.parametrize("text, quote, author", [
    ("Bin crews walked out.\nDay 15 on the picket line and our members are solid. #PayUp\n"
     "— Unite West Midlands (@UniteWMids) 16 September 2024\nThe council said talks were planned.",
     "Day 15 on the picket line and our members are solid. #PayUp", "Unite West Midlands"),
    ("Care homes may close.\nBrackendale UNISON (@BrackendaleUNISON) 10 February 2024: These homes are not "
     "for sale. #SaveOurHomes\nThe council said no decision had been taken.",
     "These homes are not for sale. #SaveOurHomes", "Brackendale UNISON"),
])
def test_an_embedded_post_is_a_direct_statement_of_its_author(text, quote, author):
    got = extract_statements(text)
    assert [(s.type, s.quote) for s in got] == [("direct", quote), ("indirect", got[1].quote)]
    assert got[0].cue["speaker_text"] == author
