"""The attribution frame found around a span from the text alone (no extractor cue)."""
import pytest

from pipeline.attribute.frames import find_mention


def mention(text: str, quote: str) -> str | None:
    start = text.index(quote)
    m = find_mention(text, start, start + len(quote))
    return m.text if m else None


@pytest.mark.parametrize("text, quote, who", [
    ("Unison steward Kim Vale said: “We are not going anywhere.”", "We are not going anywhere.",
     "Unison steward Kim Vale"),
    ("“We are not going anywhere,” Kim Vale said.", "We are not going anywhere,", "Kim Vale"),
    ("“We are not going anywhere,” said Ms Vale.", "We are not going anywhere,", "Ms Vale"),
    ("The council said that the offer was final.", "the offer was final", "The council"),
    ("On Monday, Unite said the offer was an insult.", "the offer was an insult", "Unite"),
    ("Ms Vale told the Dunmore Echo: “Nobody wants this.”", "Nobody wants this.", "Ms Vale"),
    ("According to the union, 300 staff voted to strike.", "300 staff voted to strike", "the union"),
    ("Bins were not collected, according to residents.", "Bins were not collected", "residents"),
    ("The offer was fair, the council said.", "The offer was fair", "the council"),
    # an aside between the verb and its 'that'; a name in apposition after 'according to'
    ("Ms Quill said in a letter to staff, seen by the Echo, that the depot would stay open.",
     "the depot would stay open", "Ms Quill"),
    ("According to a report by the council's director of finance, Dr Amir Sethi, the service loses money.",
     "the service loses money", "a report by the council's director of finance, Dr Amir Sethi"),
    # a second clause after ', and'; a zero relative after a prepositional phrase
    ("Cleaners have rejected a rota that would mean split shifts, and Unite says it will ballot them.",
     "it will ballot them", "Unite"),
    # a participle phrase after 'and' describes the subject
    ("Essential school cleaners organised in the GMB union and employed by the Labour-run Dunmore Council have "
     "taken strike action for the first time demanding that pay rises.", "pay rises",
     "Essential school cleaners organised in the GMB union"),
    # a participle after 'according to' belongs to the last clause before it
    ("Talks were set for Friday but the council pulled out, according to the GMB, saying the meeting was off.",
     "the meeting was off", "the council"),
    # an interrupted quote in single marks: the words between the two parts
    ("'We kept the door open,' he said, 'and even now an offer could avert this.'",
     "and even now an offer could avert this.", "he"),
    # 'which' after 'members of the union X' is the union; 'who' the members
    ("Members of the union Unite, which says it represents most of the crews, will strike.",
     "it represents most of the crews", "Unite"),
    ("Members of the union Unite, who say they are underpaid, will strike.", "they are underpaid",
     "Members of the union Unite"),
    # a passive with its agent: the agent speaks
    ("Crews were told by depot managers that rounds would be cut.", "rounds would be cut", "depot managers"),
    ("Cosla backed the plan by 20 votes to nine, the Northmoor Herald reports.",
     "Cosla backed the plan by 20 votes to nine", "the Northmoor Herald"),
    ('Unions rejected the offer as a "waste of everyone\'s time".', 'the offer as a "waste of everyone\'s time"',
     "Unions"),
    # verbs the extractor leaves alone (their object is often a bare noun) still name a given span's source
    ("Trade unions Unison and Unite have slammed Dunmore Council plans to close two homes.",
     "Dunmore Council plans to close two homes", "Trade unions Unison and Unite"),
    ("Dunmore Unison has made clear that a ballot will follow.", "a ballot will follow", "Dunmore Unison"),
    ("UNISON views this criterion as unacceptably long.", "this criterion as unacceptably long", "UNISON"),
    ("More than a hundred GMB members chanted “Out, out, out!”", "Out, out, out!", "More than a hundred GMB members"),
    # a participle opening the sentence reports nothing: the subject of 'said' speaks
    ("Responding to the ballot, trust chief executive Ash Rai said: “We have consulted staff.”",
     "We have consulted staff.", "trust chief executive Ash Rai"),
    # a subject relative describes its antecedent; a coordinated predicate after an auxiliary; a
    # participle after a clause with its own past-tense verb
    ("Dunmore bin workers who are on strike for recognition say that most of the depot backs them.",
     "most of the depot backs them", "Dunmore bin workers"),
    ("Tired carers who look after children with complex needs and disabilities (CND) said they felt let down.",
     "they felt let down", "Tired carers"),
    ("It is a cut which the union says will cost every driver £900.", "will cost every driver £900", "the union"),
    ("Yesterday pickets were outside all depots and have warned that refuse will build up.",
     "refuse will build up", "Yesterday pickets"),
    ("Angry council workers struck and marched in Dunmore on Monday demanding a ten percent pay rise.",
     "a ten percent pay rise", "Angry council workers"),
    # 'with X saying / confirming (that)': the noun after 'with' speaks, not the sentence's subject
    ("Pickets stood firm, with Mr Ossett saying the depot was half empty.", "the depot was half empty", "Mr Ossett"),
    ("Talks collapsed on Friday with unions confirming that the walkout would go ahead.",
     "the walkout would go ahead", "unions"),
    ("A review was commissioned - with Dunmore Council confirming in May that no action was needed.",
     "no action was needed", "Dunmore Council"),
    # a heading or an ad button run into the subject; an aside in brackets has its own subject
    ("Crews walked out.\nBin collectionDunmore Borough Council states that rounds will be reduced.",
     "rounds will be reduced", "Dunmore Borough Council"),
    ("Talks resume soon.\nAdvertisement\nHide AdCosla said the offer was final.", "the offer was final", "Cosla"),
    ("Crews stand to lose £900 a year. (Dunmore council claims that most crews are better off.)",
     "most crews are better off", "Dunmore council"),
    # a second clause with its own subject after 'and'; a list of subjects stays one subject
    ("Crews will be joined by Unite members on Friday and Dunmore Council has warned that bins will pile up.",
     "bins will pile up", "Dunmore Council"),
    ("In an update issued today, the council, Unison and GMB announced that a deal had been reached.",
     "a deal had been reached", "the council, Unison and GMB"),
    # 'for X to <verb>': X speaks
    ("Unite asked for a timetable, only for council officers to respond that talks would be pushed back.",
     "talks would be pushed back", "council officers"),
    # 'heralding/hailed X as ..' after a clause: the clause's subject
    ("In May 2031, council leader Jo Penn announced a deal with unions, heralding it as a new era.",
     "it as a new era", "council leader Jo Penn"),
    # the quote's own comma asks for the speaker after it, whatever the verb
    ("‘It is a unique action,’ Kim Vale, branch secretary of Dunmore Unison, tells me.",
     "It is a unique action,", "Kim Vale, branch secretary of Dunmore Unison"),
    # 'X commented;' closing the paragraph before the quote's
    ("Jo Bell, a Unison steward, commented;\n“We will not back down.”", "We will not back down.",
     "Jo Bell, a Unison steward"),
])
def test_simple_frames(text, quote, who):
    assert mention(text, quote) == who


def test_relative_clause_antecedent_speaks():
    text = "Dunmore Council, which runs the depot, said it was working to end the dispute."
    assert mention(text, "it was working to end the dispute") == "Dunmore Council"


@pytest.mark.parametrize("text, quote, who", [
    # the antecedent of ", which said" is the clause's last noun phrase, not its subject
    ("Parents will be sent details of the strike days by the council, which said it would put up signs.",
     "it would put up signs", "the council"),
    ("The ballot closed on Monday, and the result went to Unite, which said it would act.", "it would act",
     "Unite"),
    # a document and whom it is for is one source; "A report" is no reporting verb
    ("A report to the council's policy and resources committee says most of the cuts will come from "
     "vacant posts.", "most of the cuts will come from vacant posts",
     "A report to the council's policy and resources committee"),
    # the last relative pronoun opens the clause whose subject speaks
    ("Staff rejected the offer, which was made last month and which employers have dubbed “full and final”.",
     "full and final", "employers"),
    # putting the blame somewhere is saying where it lies; the next clause's speaker is another
    ("Ms Dunsmore put the blame “at the doors of Cosla”, but on Tuesday the First Minister said there was "
     "no money.", "the blame “at the doors of Cosla”", "Ms Dunsmore"),
    # the clause after "as" holds the subject ("escalates calls for": "calls" is the noun)
    ("The ballot comes as the union escalates calls for full and fair compensation for the women.",
     "full and fair compensation for the women", "the union"),
    # a thing believes nothing: a coordinated verb after "The dispute has arisen because X are .."
    ("The dispute has arisen because the affected staff are employed on grade 6, but believe they should "
     "be on grade 7.", "they should be on grade 7", "the affected staff"),
    # with no comma between, a coordinated verb continues the nearer clause ("after the council offered .. and said")
    ("Unite members voted to end the strike after the council offered them £750 and said 50 agency workers "
     "would be taken on.", "50 agency workers would be taken on", "the council"),
    ("The council offered £750 after talks, and said 50 agency workers would be taken on.",
     "50 agency workers would be taken on", "The council"),
])
def test_antecedents_and_documents(text, quote, who):
    assert mention(text, quote) == who


def test_relative_clause_subject_after_which():
    text = "The row is over rotas which Dunmore Council says will save money."
    assert mention(text, "will save money") == "Dunmore Council"


def test_coordinated_verb_takes_the_main_subject():
    text = "A council spokesman said the council was surprised and claimed there was little support."
    assert mention(text, "there was little support") == "A council spokesman"


def test_participle_after_a_quote_takes_the_quoted_speaker():
    text = "“We will win,” he said, adding that members were united."
    assert mention(text, "members were united") == "he"


def test_second_half_of_an_interrupted_quote():
    text = "“We want talks,” she said, “not strikes.”"
    assert mention(text, "not strikes.") == "she"


def test_quote_after_a_colon_paragraph():
    text = "Branch secretary Lee Moss said:\n“This is about fairness.”"
    assert mention(text, "This is about fairness.") == "Branch secretary Lee Moss"


def test_no_frame_for_a_bare_continued_quote():
    text = "Lee Moss said: “We are united.”\n“Management must listen.”"
    assert mention(text, "Management must listen.") is None


def test_next_sentence_is_not_an_attribution():
    text = "“We are united.” The council said talks would resume."
    assert mention(text, "We are united.") is None


@pytest.mark.parametrize("mention, ok", [
    ("Unite", True), ("the council", True), ("council bosses", True), ("he", True),
    ("residents", True), ("published", False), ("are", False), ("their efforts and", False),
    ("negotiate pay on behalf of local authority workers", False),
])
def test_plausible_mentions(mention, ok):
    from pipeline.attribute import load_knowledge
    from pipeline.attribute.mentions import plausible

    assert plausible(mention, load_knowledge().role_words) is ok


@pytest.mark.parametrize("raw, clean", [
    ("whereas the council", "the council"),
    ("Last week a council spokesman", "a council spokesman"),
    ("A council report published", "A council report"),
    ("Sam, another Unison member, told Socialist Worker she", "Sam, another Unison member"),
    ("The carers work alone and Mandy", "Mandy"),
    ("Public sector union Unison", "Unison"),
    ("at the emergency meeting the council", "the council"),
    ("in a move Unison", "Unison"),
    ("This follows months of Unite members", "Unite members"),
    ("where Unite", "Unite"),
    ("a work-to-rule in protest at caseloads their union", "their union"),
    ("The leader of the council", "The leader of the council"),
    ("following a Care Quality Commission assessment", "a Care Quality Commission assessment"),
    ("In Dunmore City Council", "In Dunmore City Council"),
    ("The library assistants, all members of Unison", "The library assistants"),
    ("Bin crews, who walked out on Monday", "Bin crews"),
])
def test_clean_mention(raw, clean):
    from pipeline.attribute import load_knowledge
    from pipeline.attribute.mentions import clean_mention

    kn = load_knowledge()
    assert clean_mention(raw, lambda s: any(o[0] == 0 and o[1] == len(s) for o in kn.find_orgs(s))) == clean


@pytest.mark.parametrize("text, quote, who", [
    ("The walkout at Dunmore depot was suspended after union officials said progress had been made.",
     "progress had been made", "union officials"),
    ("Collections restarted when Dunmore Council confirmed that extra crews were hired.",
     "extra crews were hired", "Dunmore Council"),
    # a participle phrase opening the sentence is no main clause: the subject after its comma
    ("Speaking after the rally, Kim Vale said the offer was poor.", "the offer was poor", "Kim Vale"),
])
def test_subject_of_a_subordinate_reporting_clause(text, quote, who):
    assert mention(text, quote) == who


@pytest.mark.parametrize("before, who", [
    ("Workers know how much is at stake.", "Workers"),
    ("Home carers in Dunmore feel let down.", "Home carers in Dunmore"),
    ("Many striking staff remember the last dispute.", "Many striking staff"),
    ("The council wants workers gone.", None),  # the council's sentence: no worker speaks
])
def test_group_described_before_an_unattributed_quote(before, who):
    text = f"The mood on the picket was firm. {before} “If they win this, they will be back next year.”"
    assert mention(text, "If they win this, they will be back next year.") == who


@pytest.mark.parametrize("text, quote, who", [
    ("The motion – to be moved by a branch delegate – calls on Dunmore council to:\n1) reverse the closure.\n"
     "2) consult the public.", "consult the public.", "The motion"),
    ("The union's survey of 900 members found that\n  • Nearly half have struggled to afford heating.\n"
     "  • One in ten have used a food bank.", "One in ten have used a food bank.", "The union's survey of 900 members"),
])
def test_list_items_take_the_source_of_the_line_that_introduces_them(text, quote, who):
    assert mention(text, quote) == who
