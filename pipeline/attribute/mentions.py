"""Trim a raw subject phrase to the speaker mention: drop leading connectives and adverbials
("whereas the council", "Last week a council spokesman"), trailing predicates ("A council
report published", "Sam, another member, told Socialist Worker she") and appositions that
only describe a named organisation ("Unite, the union representing the workers")."""
from __future__ import annotations

import re

_FURNITURE_LABEL = re.compile(r"^\s*(?:Image|Media|Video)\s+(?:caption|source)\s*[,:]\s*|^\s*(?:Caption|Photo|Picture)\s*:\s*")
_LEAD = re.compile(
    r"^(?:(?:and|but|as|whereas|where|while|whilst|though|although|which|who|because|since|so|yet|said|says|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?(?=,)|\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|"
    r"march|april|may|june|july|august|september|october|november|december)(?:\s+\d{4})?(?=,)|"
    r"however|meanwhile|instead|also|now|then|earlier|later|previously|separately|according\s+to|"
    r"in\s+a\s+(?:statement|letter|post|tweet|press\s+release)|in\s+response|last\s+\w+|"
    r"this\s+(?:week|month|year|morning|afternoon|evening)|on\s+\w+day|yesterday|today|"
    r"with|for|from|by|despite|following)\b[\s,]*)+",
    re.IGNORECASE)
_LEAD_PP = re.compile(r"^(?:at|in|on|during|after|before|following|since|with)\s+(?:the\s+|a\s+|an\s+)?"
                      r"[\w’'-]+(?:\s+[\w’'-]+){0,3}?\s+((?:the|a|an)\s+.+)$", re.IGNORECASE)
# "in protest at caseloads their union (says are unsafe)": a relative clause without "that"
_ZERO_RELATIVE = re.compile(r"^.+?\s(?P<subj>(?:their|its|his|her|the)\s+(?:[\w’'-]+\s+){0,2}?(?:union|unions|council|"
                            r"employer|employers|members|leaders?|bosses|managers|staff))$")
# "This follows months of Unite members (claiming ..)": the gerund's subject speaks
_FOLLOWS = re.compile(r"^(?:this|it|that|the\s+\w+)\s+(?:follows|followed|comes|came)\s+(?:after\s+)?"
                      r"(?:(?:months|weeks|years|days)\s+of\s+)?", re.IGNORECASE)
_LEAD_PP_NAME = re.compile(r"^(?:at|in|on|during|after|before|since|with)\s+(?:the|a|an|this|its|their)\s+"
                           r"(?:[a-z][\w’'-]*\s+){1,3}([A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*)$")
# A predicate after the subject: "X told the BBC", "X welcomed the offer and", "X desperately".
_TRAIL = re.compile(
    r"\s+(?:told|welcomed|published|issued|released|wrote|posted|has|have|had|is|are|was|were|"
    r"will|would|could|can|did|does|do|made|gave|sent|took|went|came|wants|wanted|"
    r"offered|dismissed|repeated|rejected|accepted|responded|confirmed|described|branded|"
    r"accused|urged|agreed|refused|criticised|announced|tabled|voted|today|yesterday|then|now|still|"
    r"declared|revealed|admitted|insisted|stated|hit|say|says|gathered|marched|protested|rallied|joined|"
    r"(?:referring|speaking|responding|writing)\s+(?:to|about|on|in)|"
    r"(?!family|assembly|supply|rally|ally)[a-z]{2,}ly|who|which|that)\b.*$")
# an adverb right after the determiner qualifies the description ("A newly qualified social worker",
# "One recently retired carer"), not a verb after the subject ("The council recently said")
_QUALIFIED = re.compile(r"^(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any)\s+"
                        r"[a-z]{2,}ly\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}$")
_AND_CLAUSE = re.compile(r"^(?P<clause>.*?(?<![\w’'-])(?:[a-z][\w’'-]*|\d+|January|February|March|April|May|June|"
                         r"July|August|September|October|November|December),?)\s+and\s+(?P<subj>(?:[A-Z][\w’'-]*|he|she|they|it)"
                         r"(?:\s+[A-Z][\w’'-]*){0,2})$")
_NAMED_GROUP = re.compile(r"^(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,2}(?:group|campaign|charity|organisation)\s+"
                          r"(?=[A-Z][\w’'-]*\s+[A-Z])")
_NAME_ONLY = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Mayor)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}")
_MESSAGE_FROM = re.compile(r"^(?:the|that|this)\s+(?:message|view|verdict|response|reaction|plea|warning)\s+"
                           r"(?:from|of)\s+(?=\S)", re.IGNORECASE)
# "GMB survey in June this year": a time after the subject is no part of it
_TRAIL_TIME = re.compile(r"\s+(?:in|on|during|last|this|earlier|late)\s+(?:(?:early|late|mid)\s+)?(?:January|February|"
                         r"March|April|May|June|July|August|September|October|November|December|\d{4}|week|"
                         r"month|year|summer|autumn|winter|spring|Monday|Tuesday|Wednesday|Thursday|Friday|"
                         r"Saturday|Sunday)\b.*$")
# "four strike dates as they": a pronoun subject of a later clause speaks
_CLAUSE_PRONOUN = re.compile(r"^.+\s(?:as|when|after|because|so|while|before|until|since|if)\s+"
                             r"(?P<subj>he|she|they|it|we)$", re.IGNORECASE)
# "the meeting (at 03:10) Green Cllr Shanks": a titled name ending the phrase is its subject
_TITLED_END = re.compile(r"(?:^|\s)(?P<subj>(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Mayor)\.?\s+[A-Z][\w’'-]+"
                         r"(?:\s+[A-Z][\w’'-]+)?)$")
_ROLEISH = re.compile(r"\b(?:leader|group|member|secretary|chair\w*|cabinet|mayor|opposition|labour|"
                      r"conservative|tory|liberal|snp|green|reform|spokes\w+|officer|director|mp|msp)\b",
                      re.IGNORECASE)
# events, not sources: "The strike", "the impact of the strike", "a focus on prevention"
EVENT = re.compile(r"^(?:(?:the|a|an|this|that|its|their|these|those|\w+)\s+)?(?:[\w-]+\s+){0,2}(?:strikes?|dispute|"
                   r"ballot|walkout|impact|focus|row|deal|move|decision|vote|news|announcement|cuts|"
                   r"result|dates?)(?:\s+(?:of|in|into|over|on|at|for|as|came|comes|follows|planned)\b.*)?$|"
                   r"^(?:this|that|it)(?:\s+(?:follows|comes|came|means)\b|[’']s\b)", re.IGNORECASE)
_GENERIC_HEAD = re.compile(r"^(?:the\s+)?(?:trade\s+|public[\s-]sector\s+|general\s+|"
                           r"local\s+government\s+)?union$", re.IGNORECASE)


# "its strike plans, though the unions' letter": the subject of the clause after the connective
_CONNECTIVE_CLAUSE = re.compile(r"^.*,\s+(?:though|although|but|while|whilst|whereas|and)\s+(?P<subj>[^,]+)$|"
                                r"^.*\s(?:but|whereas|whilst)\s+(?P<subj2>(?:the|a|an|its|their)\s+[^,]+|he|she|they)$",
                                re.IGNORECASE)
# "The union claims the council": the innermost subject speaks
_INNER_REPORT = re.compile(r"^.+?\s(?:claims?|says?|said|believes?|argues?|insists?|alleges?)\s+"
                           r"(?:that\s+)?(?P<subj>(?:the|a|an|its|their)\s+.+|he|she|they|it)$")
# "At a meeting in central Glasgow they": an adverbial phrase, then a pronoun subject
_PP_PRONOUN = re.compile(r"^(?:at|in|on|upon|during|after|before|following|since|with|when|as)\b.*\s"
                         r"(?P<subj>he|she|they|it|we)$", re.IGNORECASE)


def clean_mention(raw: str, is_org) -> str:
    """``raw`` reduced to the mention; ``is_org(s)`` says whether ``s`` is just an organisation."""
    m = raw.split("\n")[-1]  # "Dinner lady\nSchool dinner staff": the last line's words
    m = _FURNITURE_LABEL.sub("", m)  # "Image caption, Unite says ..": a page label, not the source
    m = re.sub(r"\s+", " ", m).strip().strip(",;:–—-•· ")
    # a live blog's time stamp before the entry ("09:30 In a statement, Unite")
    m = re.sub(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]m|GMT|BST)?\s+", "", m)
    # a closing mark, not an apostrophe ("the members’ union"): ’ after punctuation or an opening ‘
    close = max(m.rfind("”"), m.rfind("\""), *(x.end() - 1 for x in re.finditer(r"[,.!?]’|‘[^’]*’(?=\s)", m)))
    if close >= 0:  # 'was going on,” she': the words after a closing quote mark
        m = m[close + 1:].strip(" ,")
    m = m.split(";")[-1].strip()  # "Unison members decided against this; they"
    for rx in (_CONNECTIVE_CLAUSE, _INNER_REPORT, _PP_PRONOUN, _CLAUSE_PRONOUN, _TITLED_END):
        x = rx.match(m) if rx is not _TITLED_END else rx.search(m)
        if rx is _TITLED_END and x and _ROLEISH.search(m[:x.start("subj")]):
            continue  # "the Conservative group leader Councillor Robert Alden": the role tells the side
        if x and rx is _INNER_REPORT and EVENT.match(_TRAIL.sub("", x.group("subj"))):
            # "The local authority believes the impact of the strike ..": the outer subject
            m = re.sub(r"\s+\S+$", "", m[:x.start("subj")].rstrip())
        elif x:
            m = x.group("subj") if rx is not _CONNECTIVE_CLAUSE else (x.group("subj") or x.group("subj2"))
    m = _LEAD.sub("", m).strip(" ,")
    m = _MESSAGE_FROM.sub("", m)  # "The message from the strikers (was simple:)": the strikers
    m = _NAMED_GROUP.sub("", m)  # "the parents' group Glenmorrow ASN Families": the group's name
    m = _FOLLOWS.sub("", m).strip(" ,")
    z = _ZERO_RELATIVE.match(m)
    if z and re.search(r"\s(?:in|at|over|about|on)\s", m[:z.start("subj")]) and not re.search(
            r"\b(?:of|for|in|at|on|to|by|from|with|and|or|the|a|an)\s+$", m[:z.start("subj")], re.IGNORECASE):
        m = z.group("subj")  # the noun before it is the relative's head, not a preposition's
    # "Labour-run Eastmoor City Council": the council by its name, the party is the journalist's aside
    m = re.sub(r"^(?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?-(?:run|led|controlled)\s+(?=[A-Z])", "", m)
    # "Another, a newly qualified practitioner": the apposition describes them
    m = re.sub(r"^(?:[Aa]nother|[Oo]ne|[Aa]\s+second|[Aa]\s+third|[Tt]he\s+other),\s+(?=(?:a|an|the)\s)", "", m)
    if not _QUALIFIED.match(m):
        m = _TRAIL.sub("", m).strip(" ,")
    m = _TRAIL_TIME.sub("", m).strip(" ,")
    pp = _LEAD_PP.match(m) or _LEAD_PP_NAME.match(m)
    if pp:  # "at the emergency meeting the council" -> "the council", "in a move Unison" -> "Unison"
        m = pp.group(1)
    a = _AND_CLAUSE.match(m)
    if a and sum(w.islower() for w in a.group("clause").split()) >= 2 and "," not in a.group("clause"):
        m = a.group("subj")  # "The carers work alone and Mandy" -> "Mandy"
    items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", m) if x.strip()]
    if len(items) >= 3 and re.search(r"\sand\s", m) and \
            all(is_org(x) or is_org(x.split()[-1]) for x in items):
        return m  # "Unison, GMB and Unite say": the unions together, as written (CONVENTIONS)
    parts = [p.strip() for p in re.split(r",\s*|\s+\(", m) if p.strip()]
    if len(parts) >= 2 and re.match(r"(?:rather\s+than|instead\s+of|despite|after|before|while|when|if|"
                                    r"although|though|as|once|unless)\b", parts[0], re.IGNORECASE):
        return parts[-1]  # "Rather than thank us, the council": the main clause's subject
    if len(parts) >= 2:
        if EVENT.match(parts[0]):  # "The strike, the GMB said, is solid": the interrupting source
            return parts[-1]
        if re.fullmatch(r"the\s+(?:council|authority|local\s+authority|union|company)", parts[0], re.IGNORECASE) \
                and re.match(r"(?:the|a|an)\s+[a-z]", parts[1]):
            return parts[0]  # "The council, the largest local authority in Europe"
        if is_org(parts[0]):  # "Unite, the union representing ..." -> "Unite"
            return parts[0]
        if _GENERIC_HEAD.match(parts[0]) and is_org(parts[1]):  # "The union, Unison"
            return parts[1]
        if re.match(r"(?:all|both|most|many|some)\s+(?:of\s+them\s+)?(?:[A-Z][\w’'-]*\s+){0,3}members\b|who\s",
                    parts[1], re.IGNORECASE):
            return parts[0]  # "The case workers, all members of Unison", "The carers, all Unison members"
        if _NAME_ONLY.fullmatch(parts[0]) and re.match(r"(?:re-)?(?:elected|appointed|selected|named|returned)\b",
                                                      parts[1]):
            return parts[0]  # "Mr Lowden, re-elected as an independent in May": the aside tells no more
    words = m.split()
    if len(words) >= 2 and is_org(words[-1]) and (
            _GENERIC_HEAD.match(" ".join(words[:-1]).replace("the ", "", 1)) or
            (words[-2].lower() == "union" and all(w.islower() for w in words[:-1]))):
        return words[-1]  # "Public sector union Unison", "the largest local authority union UNISON"
    return m


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these",
                "those", "one", "two", "three", "four", "five", "six", "many", "some", "both", "all",
                "several", "most", "he", "she", "they", "it", "we", "i", "you", "other", "fellow",
                "local", "senior", "union", "council", "unison", "unite", "gmb", "striking"}
_AUXILIARIES = {"was", "is", "has", "does", "says", "as", "thus", "its", "his", "this"}
_DEMONSTRATIVES = {"this", "that", "these", "those", "there", "here"}
_DANGLING = re.compile(r"\s(?:and|or|but|of|to|for|with|by|just|that|which)$", re.IGNORECASE)


def plausible(mention: str, role_words: frozenset) -> bool:
    """Whether a cleaned mention can name a speaker: not a verb phrase ("published", "are",
    "negotiate pay on ...") or a clause cut mid-way ("their efforts and")."""
    words = mention.split()
    if not words or _DANGLING.search(mention) or EVENT.match(mention):
        return False
    if len(words) == 1 and words[0].lower() in _AUXILIARIES | {"the", "a", "an"}:
        return False  # "The", "was": the frame caught no subject
    if words[0] in ("was", "were", "is", "are", "had", "been") or re.match(r"[a-z]+ed\s+by\b", mention):
        return False  # "was carried out - with ..", "employed by the council": a predicate
    first = words[0]
    if first[:1] in "“‘\"'" and not re.search(r"[”’\"']\s", mention):
        return False  # the opening of a quote ('“Today'), not a source
    if len(words) == 1 and first.lower() in _DEMONSTRATIVES:
        return False
    if first[:1].isupper() or first[:1] in "“‘\"'" or first[:1].isdigit():
        return True
    if re.search(r"\s[A-Z][a-z]+\s+[A-Z][\w’'-]+$", mention):
        return True  # "trust chief executive Ash Rai": a description ending in a name
    low = first.lower()
    last = words[-1].lower()
    if len(words) <= 4 and last in role_words and (last.endswith("s") or last == "staff") and \
            not last.endswith("ss"):
        return True  # "home carers", "around 30 workers": a group named by what its people are
    return low in _DETERMINERS or low in role_words or low.rstrip("s") in role_words or \
        (low.endswith("s") and not low.endswith("ss") and len(words) <= 4)
