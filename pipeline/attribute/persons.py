"""Person names in running text: what a person's name looks like ("Cllr Katie Hall", "Liz van
der Berg", "Siân"), and what only looks like one (places, buildings, organisations, titles)."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.verbs import verb_regex

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Rev|Mayor|Judge)\.?"
NON_NAME = {
    "Council", "City", "County", "Borough", "District", "Union", "Unison", "Unite", "GMB", "The",
    "A", "An", "Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr", "Councillor", "Regional", "Secretary", "General", "Government",
    "Department", "Scottish", "Welsh", "British", "National", "Local", "Association", "Service",
    "Services", "Metropolitan", "Party", "Labour", "Conservative", "Tory", "Green", "Liberal", "Democrat",
    "Democrats", "Group", "Leader", "Mayor", "Minister", "First", "Deputy", "Chief", "Executive",
    "Director", "Branch", "Officer", "Organiser", "Image", "Caption", "BBC", "News", "Social", "Care",
    "Workers", "Home", "Children", "Health", "Cabinet", "Member", "Spokesman", "Spokeswoman",
    "Spokesperson", "Office", "Officers", "Trade", "Unions", "Authority", "Head", "Assistant",
    "Senior", "Lead", "Strike", "Staff", "Bin", "Refuse", "Pay", "Read", "More", "Published",
    "Updated", "In", "On", "At", "But", "And", "However", "Meanwhile", "He", "She", "They", "It",
    "We", "His", "Her", "Their", "Its", "Our", "Speaking", "Commenting", "Responding", "Announcing",
    "Sharing", "Asked", "When", "While", "After", "Before", "Last", "This", "That", "Yesterday",
    "Today", "Earlier", "Later", "Convenor", "Convener", "Provost", "Bailie", "Chair", "Chairman",
    "Chairwoman", "President",
    "Employers", "Employer", "Councils", "Members", "Mrs.", "MP", "MSP", "MLA", "Ofsted", "Acas",
    "Equality", "Equal", "Housing", "Environment", "Education", "Finance", "Resources", "Waste",
    "Street", "Scene", "Neighbourhoods", "Communities", "Adult", "Adults", "Families", "Public",
    "Sector", "Industrial", "Action", "Campaign", "Unite’s", "Unison’s", "GMB’s", "Council’s",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Mayor’s", "Kingdom", "UK", "England", "Scotland", "Wales", "Ireland",
    "Town", "Hall", "Royal", "Hospital", "Road", "House", "Centre", "Center", "Park", "Square",
    "Index", "Purchasing", "Managers", "Report", "Reporting", "Democracy", "Review", "Committee",
    "Board", "Trust", "Company", "Limited", "Ltd", "Group", "Corporation", "Times", "Post", "Mail",
    "Guardian", "Echo", "Gazette", "Herald", "Standard", "Press", "Live", "Socialist", "Worker",
    "Morning", "Star", "Tory", "Labour-run", "Labour-led", "Tory-led", "Officer", "Councillors",
    "Now", "Then", "Also", "Still", "Yet", "So", "Instead", "Separately", "Elsewhere", "Recently",
    "Previously", "Currently", "Finally", "Indeed", "Library", "School", "Academy", "College",
    "Downloading", "Loading", "Breaking", "Trending", "Sponsored", "Advertisement", "Clean",
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
    "Twenty", "Fifty", "Hundred", "Hundreds", "Thousands", "Dozens", "Several", "Many", "Some", "All",
    "Ad", "Hide", "By", "Photo", "Picture", "Credit", "Getty", "Images",
    # portfolios before a cabinet member's name ("Cabinet Member for Place Simon Achebe-Ward")
    "Place", "Regeneration", "Transport", "Highways", "Culture", "Leisure", "Economy", "Growth", "Planning",
    "Wellbeing", "Skills", "Sustainability", "Climate", "Neighbourhood", "Corporate", "Governance",
    "Infrastructure", "Recycling"}
# A run of capitals ending in one of these is a place ("Albert Jacob House"), not a person
_BUILDING = {"House", "Centre", "Center", "Road", "Street", "Library", "School", "Academy", "College",
             "Court", "Park", "Square", "Hall", "Hospital", "Depot", "Way", "Lane", "Avenue",
             "Gardens", "Estate", "Station", "Building", "Close", "Place", "Bridge", "Tower", "End",
             "Primary", "Nursery", "Infants", "Juniors", "Grammar"}  # schools: "Eastwick Primary"
# letters with accents count ("Siân", "Seán", "Zoë"): Welsh and Irish names are common in UK news
NAME_TOKEN = (r"(?:(?:Ma?c|Di|De|La|Le|Van|al-|el-)?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)*|"
               r"Ma?c[A-Z][a-zß-öø-ÿ]+|[A-Z][a-zß-öø-ÿ]+[A-Z][a-zß-öø-ÿ]+|O[’'][A-Z][a-zß-öø-ÿ]+|[A-Z]\.)")
_COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"}
# particles inside a name: "Liz van der Berg", "Aled ap Dafydd", "Ana de la Cruz", "Declan Ó Briain"
_PARTICLE = r"(?:van|von|der|den|de|da|di|du|la|le|ap|ab|bin|ibn|al|el|dos|das|del|della|ter|ten|Ó|Ní|Nic|Uí|Mac)"
_PARTICLES = rf"(?:{_PARTICLE}[^\S\n]+)*"
NAME_RE = re.compile(rf"(?<![\w’'])(?:{_TITLE}[^\S\n]+)?({NAME_TOKEN}(?:[^\S\n]+{_PARTICLES}{NAME_TOKEN}){{1,6}})"
                     rf"(?:(?![\w’'])|(?=[’'](?!\w)))")  # "Jon Rogers’ message" ends at the name
TITLE_SURNAME_RE = re.compile(rf"^{_TITLE}\s+({_PARTICLES}{NAME_TOKEN}(?:\s+{_PARTICLES}{NAME_TOKEN})?)$")
# a titled surname alone in running text ("Mr McIlhatton dismissed that")
TITLED_SURNAME = re.compile(rf"(?<![\w’'])(Mr|Mrs|Ms|Miss)\.?[^\S\n]+({_PARTICLES}{NAME_TOKEN})(?![\w’'])"
                             rf"(?![^\S\n]+{NAME_TOKEN})")
GENDERED_TITLE = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}
# "Cllr Lloyd-Evans, of Plaid Cymru, which runs the council": the titled surname heads the mention
TITLE_SURNAME_LEAD = re.compile(rf"^{_TITLE}\s+({_PARTICLES}{NAME_TOKEN}),\s+(?:of|from)\s+")
TITLE_SURNAME_END = re.compile(rf"(?<=\s){_TITLE}\s+({NAME_TOKEN})$")
# a lone given name introduced with an apposition: "Craig, a Unite rep, was one of the strikers"
SINGLE_INTRO = re.compile(r"(?:^|[.!?”\"]\s+|\n)([A-Z][a-z]{2,}),\s+(?:a|an|one|who|the)\b")
# ... or after a role word opening the sentence: "Social worker Helen was waving to drivers"
ROLE_INTRO = re.compile(r"(?:^|[.!?”\"]\s+|\n)(?:[A-Z][\w’'-]*\s+)?(?:[\w’'-]+\s+){0,2}(?:worker|member|carer|"
                         r"steward|rep|nurse|driver|collector|librarian|assistant|officer|striker|picket)\s+"
                         r"([A-Z][a-z]{2,})\b(?!\s+[A-Z])")
_ORG_TAIL = {"Council", "Borough", "District", "County", "Authority", "Services", "Care", "Association",
             "Party", "Government", "Department", "Union", "Group"}


# common surnames that are also words of places, papers or roles ("Katie Hall", "Mark Lane",
# "Theresa May"): a name only where the text shows a person (_reads_as_person)
SURNAME_WORDS = {"Hall", "Green", "May", "Park", "House", "Head", "Read", "Street", "Lane", "Court", "Way"}
_AGE = re.compile(r"-(?:years?|months?)-old$", re.IGNORECASE)
_NOT_ROLE_BEFORE = {"in", "at", "on", "near", "from", "to", "of", "the", "and", "by", "for", "into", "outside",
                    "inside", "around", "across", "via", "towards", "with", "a", "an", "off", "opposite", "behind"}


def _reads_as_person(s: str, m: re.Match) -> bool:
    """Whether the name run ``m`` reads as a person: a title before it ("Cllr Katie Hall"), a role
    word before it ("branch secretary Jo Green", not "in Bethnal Green"), an apposition or a
    reporting verb after it ("Katie Hall, a steward,", "Jo Green said")."""
    if m.group(0) != m.group(1):
        return True
    word = re.search(r"([A-Za-z][\w’'-]*)[^\S\n]+$", s[:m.start(1)])
    if word and word.group(1) in _NOT_ROLE_BEFORE:
        return False  # "in Bethnal Green", "at Downing Street": a place
    if word and word.group(1)[0].islower():
        return True
    if re.match(r",\s+(?:a|an|the|who)\s", s[m.end(1):m.end(1) + 8]):
        return True
    gap = re.match(r"[^\S\n]+", s[m.end(1):m.end(1) + 4])
    return bool(gap and verb_regex().match(s, m.end(1) + gap.end()))  # "Jo Green said": a reporting verb


_SITE_AFTER = re.compile(r"[^\S\n]+(?:depot|depots|estate|site|yard|plant|campus|offices|picket\s+line|"
                         r"recycling\s+centre|tip|works)\b")


def person_names(s: str, places: frozenset[str] | dict = frozenset()) -> list[tuple[int, int, str]]:
    """Person-like names in ``s``: 2-4 capitalised tokens, none an organisation/role word or place."""
    out = []
    for m in NAME_RE.finditer(s):
        # a particle goes with the word after it: "Van der Berg" is two tokens, "Van" and "der Berg"
        toks = re.sub(rf"\b({_PARTICLE})\s+", r"\1_", m.group(1)).split()
        surname = toks[-1] in SURNAME_WORDS and len(toks) >= 2 and toks[-2] not in NON_NAME and \
            toks[-2] not in _COMPASS and toks[-2] not in places and _reads_as_person(s, m)
        if toks[-1] in _BUILDING and not surname:
            continue
        if len(toks) > 1 and re.search(r"[’']s$", toks[-1]):
            toks[-1] = toks[-1][:-2]  # "Jon Rogers’s message": the name is before the 's
        cut = [i for i, t in enumerate(toks) if re.search(r"[’']s$", t)]
        if cut:  # "Dunmore Council's deputy leader", "Unison's Jon Rogers": the name follows
            toks = toks[cut[-1] + 1:]
        if toks[0] in places and re.search(r"\bthe\s+$", s[:m.start(1)], re.IGNORECASE):
            continue  # "the Edinburgh Military Tattoo": a place's institution, not a person
        if re.search(r"\bthe\s+$", s[:m.start(1)], re.IGNORECASE) and _SITE_AFTER.match(s, m.end(1)):
            continue  # "a steward at the Parc Gwyn depot": a place's name before its kind of site
        if re.search(r"(?:^|\n)[^\S\n]*$", s[:m.start(1)]) and toks[0] == "By":
            continue  # "By Sarah Bates": a byline, the writer is no source
        while toks and (toks[0] in NON_NAME or toks[0] in _COMPASS or toks[0] in places or _AGE.search(toks[0])):
            toks = toks[1:]  # "Eighty-one-year-old Arthur Lennox"
        tail = []
        while toks and toks[-1] in NON_NAME and not surname:
            tail.append(toks.pop())
        if _ORG_TAIL & set(tail):
            continue  # "Kelsey Vale District Council", "Mercia Property Care": an organisation's name
        inner = [i for i, t in enumerate(toks[:-1]) if t in NON_NAME or t in _COMPASS or t in places]
        if inner and len(toks) - inner[-1] - 1 >= 2 and not surname:
            # "Fellow Liberal Democrat Cllr Ian Pullen", "MP for Eastbridge South Rachel Amos": the
            # name follows the last title, party or place word of the run
            toks = toks[inner[-1] + 1:]
        elif len(toks) >= 3 and re.search(r"\b(?:for|of)[^\S\n]+$", s[:m.start(1)]):
            toks = toks[-2:]  # "MP for Eastbridge Rachel Amos": a constituency, then the name
        toks = toks[-3:]  # "Tuesday First Minister Nicola Sturgeon": the name ends the run
        if len(toks) >= 2 and not any(t in NON_NAME for t in (toks[:-1] if surname else toks)) and \
                not any(t in _COMPASS for t in toks[:-1]) and " ".join(toks) not in places:
            name = " ".join(toks).replace("_", " ")
            start = m.start(1) + m.group(1).find(toks[0].replace("_", " "))
            out.append((start, start + len(name), name))
    return out


@lru_cache(maxsize=64)
def surname_re(surnames: frozenset[str]) -> re.Pattern:
    """Any of ``surnames`` standing alone (compiled once per article's set of people)."""
    return re.compile(rf"(?<![\w’'.-])(?<![A-Z][\w’'.-]\s)(?<![A-Z][\w’'.-]{{2}}\s)"
                      rf"({'|'.join(map(re.escape, sorted(surnames)))})(?![\w’'-])(?!\s+[A-Z])")


def single_name(m: str, places) -> str | None:
    """A lone given name ending the mention, alone or after a role ("Unison member Helen"), or
    opening it before an apposition ("Sam, another Unison member")."""
    m = re.sub(r"^([A-Z][a-z]{2,}),\s+(?:a|an|another|the|who|one|whose)\b.*$", r"\1", m)
    mm = re.fullmatch(r"(?:(?:[\w’'-]+\s+){0,4}(?:member|worker|carer|steward|rep|nurse|driver|"
                      r"resident|mum|mother|father|dad|parent|colleague|officer|assistant|striker|picket|"
                      r"librarian|cleaner|collector|teacher|TA|loader|lifeguard|warden|cook|porter|caretaker),?\s+)?"
                      r"([A-Z][a-z]{2,})", m)  # "Another striker, Dave": the name in apposition
    if not mm:
        return None
    name = mm.group(1)
    if name in NON_NAME or name in _COMPASS or name in places:
        return None
    return name
