"""Reported-speech constructions beyond the basic frames, on fictional sentences."""
import pytest

from pipeline.extract import extract_statements
from pipeline.text.segment import sentences


def spans(text):
    sts = extract_statements(text)
    for s in sts:
        assert text[s.start:s.end] == s.quote
    return [(s.quote, s.type) for s in sts]


def test_trailing_attribution_with_apposition_and_date():
    text = ("Porters at Fernley will strike over a 1% offer, Unite, the porters' union, said today "
            "(Monday 3 May).")
    (st,) = extract_statements(text)
    assert st.quote == "Porters at Fernley will strike over a 1% offer"
    assert st.cue["speaker_text"] == "Unite, the porters' union"


def test_trailing_attribution_after_a_list_of_dates():
    (st,) = extract_statements("Strikes will take place on 17, 18 and 19 October, the union said.")
    assert st.quote == "Strikes will take place on 17, 18 and 19 October" and st.cue["speaker_text"] == "the union"


def test_a_speaking_aside_is_no_part_of_the_speaker():
    text = ("Unite regional officer Callum Reed, speaking on the picket line at the Brackley Lane depot, said: "
            "“The council has ripped up contracts.”")
    (st,) = extract_statements(text)
    assert st.cue["speaker_text"] == "Unite regional officer Callum Reed"


def test_trailing_attribution_with_dashed_aside():
    text = "Staff will walk out on Friday, Unison - the union that represents them - said today."
    (st,) = extract_statements(text)
    assert st.quote == "Staff will walk out on Friday" and st.cue["speaker_text"] == "Unison"


def test_name_with_apposition_is_a_subject_not_content():
    text = "Jo Brand, Unite regional officer, said the union's claim also reflected pay freezes."
    assert spans(text) == [("the union's claim also reflected pay freezes", "indirect")]


def test_participle_adds_a_second_statement_and_cuts_the_first():
    text = "The council said the offer was generous, adding that reserves were nearly spent."
    assert spans(text) == [("the offer was generous", "indirect"),
                           ("reserves were nearly spent", "indirect")]


def test_participle_after_an_action_takes_the_main_subject():
    text = "At the meeting, the council offered concessions, saying it would end the ring-fencing."
    (st,) = extract_statements(text)
    assert st.quote == "it would end the ring-fencing" and st.cue["speaker_text"] == "the council"


def test_relative_attribution_ends_at_the_relative_clause():
    text = ("Members of Unite, which says it represents most of the crews, are striking because "
            "Fernley Waste only recognises another union.")
    assert spans(text) == [("it represents most of the crews", "indirect")]


def test_parenthetical_relative_ends_where_the_sentence_resumes():
    text = ("The new rota, which the two unions said would cut the pay of some cooks by £1,100 a year, "
            "had been due to start in September.")
    assert spans(text) == [("would cut the pay of some cooks by £1,100 a year", "indirect")]


def test_parenthetical_relative_keeps_a_list_inside():
    text = "The grading scheme, which the union Unison says is unfair, outdated and divisive, is under review."
    assert spans(text) == [("is unfair, outdated and divisive", "indirect")]


@pytest.mark.parametrize("text, expected", [
    ("It is a grading system that the union claims is unfair to women.", [("is unfair to women", "indirect")]),
    ("Progress on settling the claims has stalled, according to staff.", [("Progress on settling the claims has stalled", "indirect")]),
    ("An independent report into claims was published in May.", []),
])
def test_plural_claims_with_is_after_a_relatives_subject_is_the_verb(text, expected):
    assert spans(text) == expected


def test_relative_inside_reported_content_is_its_own_statement():
    # CONVENTIONS: "relative clauses start at the verb"; the silver gold splits all 11 such cases
    text = "Unison said it wanted to discuss the review, which it claimed could cut pay by £2,000."
    assert spans(text) == [("it wanted to discuss the review", "indirect"), ("could cut pay by £2,000", "indirect")]


def test_relative_after_a_demand_is_its_own_statement():
    text = "The unions called for a 9% rise, which they said matched inflation."
    assert spans(text) == [("a 9% rise", "indirect"), ("matched inflation", "indirect")]


def test_journalist_continuation_is_left_out():
    text = ("The union warned councils that they face strikes if they cut jobs, as a standoff in "
            "Fernley enters its third month.")
    assert spans(text) == [("they face strikes if they cut jobs", "indirect")]
    kept = "Unite said it went to the council with two offers, as well as local ones."
    assert spans(kept) == [("it went to the council with two offers, as well as local ones", "indirect")]
    # no comma before 'as', or a new subject after ', but' / ', and'
    text = "The GMB has called for Dunmore Council to end the bullying as bin strikes are set to continue."
    assert spans(text) == [("Dunmore Council to end the bullying", "indirect")]
    text = ("The council said it would only talk if the strike was called off, but the unions held firm "
            "in their resolve.")
    assert spans(text) == [("it would only talk if the strike was called off", "indirect")]


def test_object_before_that_is_skipped():
    text = ("The director told the council's scrutiny committee yesterday that there is an appetite "
            "for voluntary redundancy.")
    assert spans(text) == [("there is an appetite for voluntary redundancy", "indirect")]


def test_nominal_position_and_warning():
    text = ("While it maintained its position that it cannot pay the top-up, Fernley Council said "
            "it was working on a solution.")
    assert spans(text) == [("it cannot pay the top-up", "indirect"),
                           ("it was working on a solution", "indirect")]
    assert spans("Employers repeated their warning last month that the offer was final.") == [
        ("the offer was final", "indirect")]


def test_bare_noun_objects_are_not_statements():
    assert spans("Trade union leaders announced the first wave of strikes after the vote.") == []
    assert spans("The unions have claimed a 12% rise for next year.") == []
    assert spans("Unison announced that the strike would go ahead.") == [
        ("the strike would go ahead", "indirect")]


def test_vow_describe_criticise_and_called_label():
    assert spans("Care workers have vowed to carry on striking until the cuts are reversed.") == [
        ("carry on striking until the cuts are reversed", "indirect")]
    assert spans('Councillor Lee described the walkout as "a political stunt" on Monday.')[0] == (
        'the walkout as "a political stunt" on Monday', "mixed")
    assert spans("The cabinet member criticised the union for running a political campaign.") == [
        ("the union for running a political campaign", "indirect")]
    assert spans("The leader called the strike “an act of sabotage”.") == [
        ("the strike “an act of sabotage”", "mixed")]
    assert spans("The union called a meeting for Tuesday.") == []


def test_passive_told_and_asked_to_only():
    assert spans("The reporter was told there was a high turnover of staff.") == [
        ("there was a high turnover of staff", "indirect")]
    assert spans("The union asked members whether they would strike.") == []
    assert spans("The union asked the council to reopen talks.") == [
        ("the council to reopen talks", "indirect")]


def test_asking_for_is_a_demand_but_not_when_asked_for_comment():
    assert spans("Unison is asking for an independent review of caseloads.") == [
        ("an independent review of caseloads", "indirect")]
    assert spans("When asked for comment, the council said talks would continue.") == [
        ("talks would continue", "indirect")]
    assert spans("The council, asked for a response, declined to comment.") == []


def test_continuing_to_report_is_still_reporting():
    assert spans("They are continuing to press for urgent talks with the minister.") == [
        ("urgent talks with the minister", "indirect")]
    assert spans("The council continued to insist the offer was final.") == [
        ("the offer was final", "indirect")]
    assert spans("The union went on to say that bins would pile up.") == [
        ("bins would pile up", "indirect")]


def test_recommended_with_a_bare_verb_clause():
    assert spans("The union recommended members reject the offer.") == [
        ("members reject the offer", "indirect")]
    assert spans("The panel recommended a pay rise of 3%.") == []


def test_according_to_a_measure_is_no_source():
    assert spans("Pay has fallen since 2010 according to the consumer prices index measure.") == []


def test_direct_quote_after_intro_ends_reported_content():
    text = 'Finance director Ian Vale said the council cannot make a local award: "We know staff are struggling."'
    assert spans(text) == [("the council cannot make a local award", "indirect"),
                           ("We know staff are struggling.", "direct")]


def test_inverted_quote_attribution_is_not_reported_content():
    text = '"This cannot continue," said union secretaries Mo Khan and Ana Diaz.'
    assert spans(text) == [("This cannot continue,", "direct")]


def test_parenthetical_as_clause_stays_inside():
    text = "Strikers explained that their job is not, as bosses argue, just about paperwork."
    assert spans(text) == [("their job is not, as bosses argue, just about paperwork", "indirect")]


def test_possessive_noun_is_not_a_verb():
    assert spans("The council ignored Unison's requests for talks over the winter.") == []


def test_scraped_date_prefix_and_duplicated_caption():
    text = ("date 2024-01-05 Fernley porters vowed to keep up the fight over rotas.\n"
            "Fernley Council says 40 staff will see pay rises next year.\n"
            "Fernley Council says 40 staff will see pay rises next year.")
    assert spans(text) == [("keep up the fight over rotas", "indirect"),
                           ("40 staff will see pay rises next year", "indirect")]


@pytest.mark.parametrize("text, n", [
    ('It said the talks were over."Staff deserve better," she said.', 2),
    ("It rose 3%.However, staff said no.", 2),
    ("Mr. Smith arrived. He left.", 3),
])
def test_sentences_split_glued_text(text, n):
    assert len(sentences(text, 0, len(text))) == n


def test_participle_after_a_quote_attribution_cut_off_by_the_text_end():
    # regression: an attribution after a closing quote, then a participle, then the cut
    text = ("Staff met the council on Monday.\n“We want the council to begin settling claims by the "
            "end of this year,” they said, adding that aims to")
    got = spans(text)
    assert got[0] == ("We want the council to begin settling claims by the end of this year,", "direct")


@pytest.mark.parametrize("text, speaker", [
    ("“We want a deal by the end of the year,” they said, adding that talks would resume soon.", "they"),
    ("“We want a deal,” said Jo Bloggs, adding that talks would resume soon.", "Jo Bloggs"),
])
def test_participle_after_a_quote_attribution_takes_that_speaker(text, speaker):
    got = extract_statements(text)
    assert [s.quote for s in got][1:] == ["talks would resume soon"]
    assert got[1].cue["speaker_text"] == speaker


def test_trailing_attribution_after_a_closing_quote_without_comma():
    text = 'The stoppages could continue "indefinitely" the GMB branch has warned.'
    (st,) = extract_statements(text)
    assert st.quote == 'The stoppages could continue "indefinitely"'
    assert st.cue["speaker_text"] == "the GMB branch"


def test_adverbial_at_first_opens_content_and_dashed_subject():
    assert spans("Strikers say at first bosses tried to bully them.") == [
        ("at first bosses tried to bully them", "indirect")]
    text = ("The staff – whose job is to house tenants, with a focus on prevention – previously "
            "warned they had reached breaking point.")
    assert spans(text) == [("they had reached breaking point", "indirect")]


@pytest.mark.parametrize("text, quotes", [
    # '..., X announced.' reports a clause, never a bare noun phrase
    ("Classroom staff will strike on 8 and 9 May, their union Unison announced today.",
     ["Classroom staff will strike on 8 and 9 May"]),
    ("Bin strikes are set to start in Dunmore on 3 May, unions have announced.",
     ["Bin strikes are set to start in Dunmore on 3 May"]),
    ("New strike dates, Unite announced.", []),
    # 'warned of [NP]' reports its object
    ("Unison warned of more strikes if the offer is not improved.", ["more strikes if the offer is not improved"]),
    # 'report' after a determiner is the noun: the verb is the one after it
    ("A council report published last week warned of the cost of a deal struck with Unite.",
     ["the cost of a deal struck with Unite"]),
    ("The council’s report said the service was failing.", ["the service was failing"]),
    ("The council claims the offer is fair.", ["the offer is fair"]),
])
def test_announced_warned_of_and_noun_forms(text, quotes):
    assert [s.quote for s in extract_statements(text)] == quotes


def test_a_time_clause_between_the_verb_and_that():
    got = extract_statements("Chief executive Ann Doe said when the strike was announced that it would "
                             "put lives at risk.")
    assert [(s.quote, s.cue["speaker_text"]) for s in got] == [("it would put lives at risk", "Chief executive Ann Doe")]


def test_a_quote_followed_by_its_named_speaker_and_apposition_is_direct():
    text = "Morale held. “Money has been tight but morale is good,” Nick, one of the strikers, told the paper."
    assert [(s.type, s.quote) for s in extract_statements(text)] == [
        ("direct", "Money has been tight but morale is good,")]


def test_the_outlets_own_reporting_is_no_statement():
    assert extract_statements("Last month we revealed the union was to hold a ballot.") == []


def test_a_byline_is_no_statement():
    text = "Unite agreed terms to end the strike with the council leadership, writes Jo Wright.\nMore follows."
    assert extract_statements(text) == []
    assert [s.quote for s in extract_statements("Jo Bell wrote that the offer was an insult.")] == [
        "the offer was an insult"]


@pytest.mark.parametrize("text, quotes", [
    # a plural subject with the base form: the verb, not the noun
    ("Teaching assistants employed by Dunmore County Council claim they stand to lose a quarter of "
     "their wages.", ["they stand to lose a quarter of their wages"]),
    ("The council has responded that it will make that offer in December.", ["it will make that offer in December"]),
    ("The council responded to the strike by hiring agency staff.", []),
    ("The unions’ claims that the offer is unfair were rejected.", ["the offer is unfair"]),  # nominal
])
def test_claim_after_a_plural_subject_and_responded_that(text, quotes):
    assert [s.quote for s in extract_statements(text)] == quotes


@pytest.mark.parametrize("text, quotes", [
    ("GMB fears these cuts will leave many children hungry.", ["these cuts will leave many children hungry"]),
    ("There are fears of redundancies.", []),
    ("Staff fear for their jobs.", []),
])
def test_fears_that_clause(text, quotes):
    assert [s.quote for s in extract_statements(text)] == quotes


@pytest.mark.parametrize("text, quotes", [
    ("When asked what needed to happen to get a deal, the union boss said the solution was to pay more.",
     ["the solution was to pay more"]),
    ("The union asked the council how it planned to pay for the deal.", []),
    ("Unison asked members to say whether they back the offer.", ["members to say whether they back the offer"]),
])
def test_asked_a_question_is_no_statement(text, quotes):
    assert [s.quote for s in extract_statements(text)] == quotes


@pytest.mark.parametrize("text, who", [
    ("A striking refuse collector, who did not want to be named, said morale was high.", "A striking refuse collector"),
    ("One worker, who asked not to be named, said morale was high.", "One worker"),
])
def test_anonymous_workers_are_speakers(text, who):
    got = extract_statements(text)
    assert [(s.quote, s.cue["speaker_text"]) for s in got] == [("morale was high", who)]


@pytest.mark.parametrize("text, quote, who", [
    ("Bins piled up.\nUnite’s claim that the offer is unfair was rejected by the council.", "the offer is unfair", "Unite"),
    ("Bins piled up.\nThe council’s position is that the offer is final.", "the offer is final", "The council"),
])
def test_a_possessor_and_its_claim_or_position(text, quote, who):
    got = extract_statements(text)
    assert [(s.quote, s.cue["speaker_text"]) for s in got] == [(quote, who)]


@pytest.mark.parametrize("verb", ["emphasised", "emphasized", "conceded", "replied", "countered"])
def test_more_reporting_verbs_with_a_clause(verb):
    assert spans(f"Unison’s Jo Bell {verb} that the council had cut jobs.") == [
        ("the council had cut jobs", "indirect")]


@pytest.mark.parametrize("text", ["Jo Bell emphasised the need for talks.", "The council conceded defeat on Friday.",
                                  "The union replied to the letter on Monday."])
def test_those_verbs_with_a_noun_object_report_nothing(text):
    assert spans(text) == []


def test_a_noun_form_followed_by_its_verb_is_no_reporting_verb():
    assert extract_statements("Pay claims were settled last year.") == []
    assert [s.quote for s in extract_statements("The union claims workers were misled.")] == ["workers were misled"]


@pytest.mark.parametrize("text, quotes", [
    ("The regional organiser promised to explore every way to end the dispute.",
     ["explore every way to end the dispute"]),
    ("Unite asserts that Refusco has left refuse staff out of the pay deal.",
     ["Refusco has left refuse staff out of the pay deal"]),
    ("The union has advised members not to settle their claims.", ["members not to settle their claims"]),
    ("The council promised a review.", []),  # a bare noun: no statement
])
def test_promised_asserted_and_advised(text, quotes):
    assert [s.quote for s in extract_statements(text)] == quotes


def test_the_outlets_reporter_is_no_source():
    assert spans("Dunmore is evicting tenants. But, as Ana Reyes reports, the council seems more concerned "
                 "about its budget.") == []


def test_an_age_or_home_after_the_speakers_name_is_not_the_speaker():
    text = ("Parish councillor Lynne Fairclough, from the village of Steeple Hatton, said the roads were dangerous.\n"
            "Resident Bernard Hollis, 84, said he had waited all morning.")
    whos = [s.cue["speaker_text"] for s in extract_statements(text)]
    assert whos == ["Parish councillor Lynne Fairclough", "Resident Bernard Hollis"]


def test_a_relative_clause_with_its_own_reporting_verb_is_a_second_statement():
    text = "Dunmore Council said the walkout was poorly timed, which it claims will leave gritting routes uncovered."
    got = [s.quote for s in extract_statements(text)]
    assert got == ["the walkout was poorly timed", "will leave gritting routes uncovered"]
    # "described as" is no such verb: one statement
    text = "Jo Bell said talks had stalled, which she described as “disappointing”."
    assert len(extract_statements(text)) == 1


def test_the_speakers_second_act_with_a_bare_object_ends_the_content():
    text = "Dunmore Council said bin collections would resume on Monday and thanked residents for their patience."
    assert spans(text) == [("bin collections would resume on Monday", "indirect")]


def test_according_to_in_mid_sentence_then_a_participle_gives_two_statements():
    got = spans("Talks were set for Friday but the council pulled out, according to the GMB, saying "
                "the meeting would not take place.")
    assert [q for q, *_ in got] == ["Talks were set for Friday but the council pulled out",
                                    "the meeting would not take place"]


def test_a_present_auxiliary_after_and_starts_the_speakers_second_statement():
    got = spans("Unison says the shortfall is £600 a year per worker, and is demanding that the council pays it back.")
    assert [q for q, *_ in got] == ["the shortfall is £600 a year per worker", "the council pays it back"]
    # a past auxiliary continues the reported clause (its subject is the content's)
    got = spans("The council said it was monitoring the strike and had asked the contractor to keep schools informed.")
    assert [q for q, *_ in got] == ["it was monitoring the strike and had asked the contractor to keep schools informed"]


def test_an_event_after_bare_as_is_the_journalists_continuation():
    assert [q for q, *_ in spans("Unite said pay was too low as workers began a strike.")] == ["pay was too low"]
    assert [q for q, *_ in spans("Crews vowed to keep up the fight as the council sacked and rehired them.")] == [
        "keep up the fight"]
    # a reason the speaker gives stays in the content
    assert [q for q, *_ in spans("Unison said the cuts were unfair as the council had reserves of £40m.")] == [
        "the cuts were unfair as the council had reserves of £40m"]


def test_urging_needs_its_to_clause_and_according_to_takes_a_name_in_apposition():
    assert spans("Council leader Jo Ward today urged the GMB union.") == []
    assert [q for q, *_ in spans("Cllr Ward called on the GMB to “call off this strike”.")] == [
        "the GMB to “call off this strike”"]
    got = extract_statements("Ill will hangs in the air, according to Unison's head of local government, "
                             "Helen Ward, whose union represents 850,000 workers.")
    assert [s.quote for s in got] == ["Ill will hangs in the air"]
    assert got[0].cue["speaker_text"].endswith("Helen Ward")


def test_the_agent_of_told_is_the_extractors_speaker():
    got = extract_statements("Staff were told by managers that they could only work 22 hours.")
    assert [(s.quote, s.cue["speaker_text"]) for s in got] == [("they could only work 22 hours", "managers")]


def test_appealed_to_someone_to_do_something_is_a_statement():
    assert [q for q, *_ in spans("The council has appealed to the union to return to talks.")] == [
        "the union to return to talks"]
    assert spans("The council appealed to residents for patience.") == []


def test_a_possessors_claim_inside_what_someone_said_stays_their_content():
    got = extract_statements("Council leader Alan Ford said Unison's claim that agency spending was driven by "
                             "low pay was \"simply not supported by the evidence\".")
    assert [(s.quote[:25], s.cue["speaker_text"]) for s in got] == [("Unison's claim that agenc",
                                                                    "Council leader Alan Ford")]
    got = extract_statements("Unite's claim that the council has £40m in reserves was rejected by the council.")
    assert [(s.quote, s.cue["speaker_text"]) for s in got] == [("the council has £40m in reserves", "Unite")]


def test_a_name_and_its_relative_clause_before_said_is_the_subject_not_content():
    got = extract_statements("Mira Odo, who chairs the Dunmore Association of Primary Heads, said many schools "
                             "already paid assistants for training.")
    assert [(s.quote, s.cue["speaker_text"]) for s in got] == [
        ("many schools already paid assistants for training", "Mira Odo")]


def test_no_continuation_is_cut_inside_a_quoted_fragment_and_demand_after_as_is_a_noun():
    assert [q for q, *_ in spans('The employers said the offer "helps the lowest paid, as the unions asked us to" '
                                 'and was fair.')] == ['the offer "helps the lowest paid, as the unions asked us to" '
                                                       'and was fair']
    assert spans("The council said costs rose as demand for places continued to grow.") == [
        ("costs rose as demand for places continued to grow", "indirect")]


def test_slammed_condemned_hailed_and_observed():
    assert spans("Unison and Unite have slammed Dunmore Council plans to close two care homes.") == [
        ("Dunmore Council plans to close two care homes", "indirect")]
    assert spans("The union has hailed the outcome as a win for the refuse collectors.") == [
        ("the outcome as a win for the refuse collectors", "indirect")]
    assert spans("The cabinet member condemned the walkout as reckless.") == [
        ("the walkout as reckless", "indirect")]
    assert spans("As Unite have observed, the council has not negotiated.") == [
        ("the council has not negotiated", "indirect")]
    # participles and bare objects report nothing: an ad van slamming the mayor, a watched strike
    assert spans("An ad van slamming the mayor drove around the borough.") == []
    assert spans("Unite observed the strike from the picket line.") == []


def test_made_clear_with_a_clause():
    assert spans("Unison has made clear that a ballot will take place unless there are real talks.") == [
        ("a ballot will take place unless there are real talks", "indirect")]
    assert spans("The council made it clear it would not reopen the deal.") == [
        ("it would not reopen the deal", "indirect")]
    assert spans("The council has made clear its position on pay.") == []


def test_subordinate_clause_with_its_own_say_that_is_a_second_statement():
    text = ("The GMB has warned residents that a bin strike could be on the way after it claims that "
            "Fernley Council has suspended ten loaders.")
    assert spans(text) == [("a bin strike could be on the way", "indirect"),
                           ("Fernley Council has suspended ten loaders", "indirect")]
    # a subordinate clause without "say that" stays in the content
    kept = "The council said it had tried to reach a deal after union bosses demanded a 10% rise."
    assert spans(kept) == [("it had tried to reach a deal after union bosses demanded a 10% rise", "indirect")]


def test_notified_that_and_blamed_for():
    assert spans("The GMB branch has notified Fernley Council that its loaders have voted to strike.") == [
        ("its loaders have voted to strike", "indirect")]
    assert spans("The council blamed the union for collapsing the talks.") == [
        ("the union for collapsing the talks", "indirect")]
    # no clause after "notified", the noun "blame": nothing reported
    assert spans("The union has notified Fernley Council of strike days on 22, 23 and 29 April.") == []
    assert spans("With each blaming the other for the collapse, the talks ended.") == []


def test_object_of_told_or_warned_ends_at_the_pronoun_subject():
    assert spans("The council told the most vulnerable clients they would have a reduced service.") == [
        ("they would have a reduced service", "indirect")]
    assert spans("The union has warned parents they will need to make other arrangements.") == [
        ("they will need to make other arrangements", "indirect")]
    # a question after the object is no statement
    assert spans("Staff had still not been told whether they would keep their pensions.") == []


@pytest.mark.parametrize("text, who", [
    ("Unions formally told employers that they were in dispute over pay.", "Unions"),
    ("GMB has since warned that strikes will follow.", "GMB"),
    ("The family said that they were upset by the closure.", "The family"),
])
def test_adverb_between_speaker_and_verb_is_not_the_speaker(text, who):
    (st,) = extract_statements(text)
    assert st.cue["speaker_text"] == who


@pytest.mark.parametrize("text, quote", [
    ("A practitioner said she was leaving the profession.", "she was leaving the profession"),
    ("Caseloads had doubled, a colleague said.", "Caseloads had doubled"),
    ("The wait was dangerous, two paramedics said.", "The wait was dangerous"),
])
def test_a_person_noun_with_no_capital_heads_a_speaker(text, quote):
    assert spans(text) == [(quote, "indirect")]


@pytest.mark.parametrize("text, expected", [
    # 'told a different story' is the content's verb, not an attribution
    ("Unite convenor Lee Stansfield, who addressed the meeting, said the union's figures told a different story.",
     [("the union's figures told a different story", "indirect")]),
    # a link to another story is no statement
    ("Staff will strike.\nREAD MORE: Eastwick Council confirms new school will open in 2027\nA council "
     "spokeswoman said the offer was fair.", [("the offer was fair", "indirect")]),
    # an instruction to residents is no report
    ("Residents can report missed collections on the council's website.", []),
    # told, no agent: the subject only listened
    ("The 412 workers were told in May that they would lose two weeks' pay.", []),
    ("The LDRS was told there was a high turnover of staff.", [("there was a high turnover of staff", "indirect")]),
    # 'said that "..." <more words>': the quote and what follows it are one mixed statement
    ('Jo Bell said that "around 60 per cent of staff will see no change" under the plan.',
     [('"around 60 per cent of staff will see no change" under the plan', "mixed")]),
    # an indefinite noun phrase as the whole subject, whatever its noun
    ("A health visitor with 14 years’ experience said morale was low in her team.",
     [("morale was low in her team", "indirect")]),
])
def test_written_constructions_of_local_and_trade_press(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text, speaker", [
    ("The EIS disputes the council's figures, and says reserves of £30m could be used.", "The EIS"),
    ("Unison members rejected the offer and said the council must think again.", "Unison members"),
])
def test_a_clause_before_and_says_keeps_its_subject(text, speaker):
    assert extract_statements(text)[0].cue["speaker_text"] == speaker


@pytest.mark.parametrize("subject", [
    "A spokesperson for the Ministry of Housing, Communities and Local Government",
    "The Department for Business, Energy and Industrial Strategy",
])
def test_an_organisation_name_with_a_comma_stays_whole_in_the_speaker(subject):
    (st,) = extract_statements(f"Bins piled up.\n{subject} said it was a matter for the council.")
    assert st.cue["speaker_text"] == subject


@pytest.mark.parametrize("sentence, speaker", [
    ("Unison disputes that, saying some clients have gone without visits.", "Unison"),
    ("Unison members reject the claim, saying staff are exhausted.", "Unison members"),
])
def test_a_participles_speaker_is_its_clause_subject_before_a_present_verb(sentence, speaker):
    (st,) = extract_statements("Carers are on strike.\n" + sentence)
    assert st.cue["speaker_text"] == speaker


def test_asking_to_be_known_by_a_first_name_is_no_statement():
    got = extract_statements("Carers are on strike.\nOne carer, who asked to be identified only as Jo, said she "
                             "worked until 9pm.")
    assert [s.quote for s in got] == ["she worked until 9pm"]


@pytest.mark.parametrize("lead, who", [("In his words", "he"), ("In the words of Unison's Kay Dunn", "Unison's Kay Dunn"),
                                       ("In Unite's words", "Unite")])
def test_in_the_words_of_a_source_reports_them(lead, who):
    text = f"The offer was rejected. {lead}, the offer is \"an insult to every carer in the county\"."
    (st,) = extract_statements(text)
    assert st.quote == 'the offer is "an insult to every carer in the county"' and st.cue["speaker_text"] == who
