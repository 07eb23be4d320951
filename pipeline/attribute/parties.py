"""Party politics of a councillor: the ruling group speaks for the council, the opposition is an
outside voice (GUIDELINES: opposition politicians are "other")."""
from __future__ import annotations

import re

_PARTIES = (r"Labour|Conservatives?|Tory|Tories|Green(?:\s+Party)?|Greens|Liberal\s+Democrats?|Lib\s+Dems?|"
            r"Independent|Plaid\s+Cymru|Plaid|SNP|Reform(?:\s+UK)?")
PARTY_MEMBER = re.compile(rf"\b(?P<party>(?i:{_PARTIES}))\s+(?:(?:county|city|borough|district|group|ward|opposition|"
                          rf"Party)\s+)?(?:councillor|Councillor|Cllr|group\s+leader|leader|spokes\w+)\b")
# "The leader of the Green group, Cllr X"
_PARTY_GROUP = re.compile(rf"\b(?:leader|member|deputy\s+leader|chair)\s+of\s+the\s+(?P<party>(?i:{_PARTIES}))\s+"
                          rf"(?:group|councillors)\b", re.IGNORECASE)
PARTY_NAME = re.compile(rf"\b(?i:{_PARTIES})\b")
# "Labour-run", "whose SNP group runs the authority", "the council, which is run by the Conservatives"
_RULING_PARTY = re.compile(rf"\b(?:(?P<a>{_PARTIES})[-\s](?:run|led|controlled)\b|"
                           rf"(?P<b>{_PARTIES})\s+(?:group|administration)\s+(?:runs|leads|controls)\b|"
                           rf"(?:run|led|controlled)\s+by\s+(?:the\s+)?(?P<c>{_PARTIES})\b)")
# the council's leader, whatever party: "leader of (the) Ashby (Borough) Council", "the council's Lib Dem leader"
_COUNCIL_LEADER = (r"[Ll]eader\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}(?:[Cc]ity\s+|[Cc]ounty\s+|[Bb]orough\s+)?"
                   r"[Cc]ouncil|[Cc]ouncil\s+[Ll]eader|[Cc]ouncil['’]s\s+(?:[\w-]+\s+){0,2}[Ll]eader")
_ADMIN_POST = re.compile(rf"\b(?:(?i:cabinet|portfolio|executive\s+member|lead\s+member|deputy\s+leader|mayor)|"
                         rf"{_COUNCIL_LEADER})\b")
# the post just before the name: "The council's Liberal Democrat leader, Cllr X"
COUNCIL_LEADER_BEFORE = re.compile(rf"(?:{_COUNCIL_LEADER})[\s,]*(?:(?:Cllr|Councillor)\.?\s*)?$")

_QUOTED = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)|(?:^|(?<=[\s:(]))‘.*?(?:’(?![a-z])|$)")


def _party_key(p: str) -> str:
    p = p.lower()
    for key in ("labour", "conservative", "tor", "green", "liberal", "lib", "independent", "plaid", "snp", "reform"):
        if p.startswith(key):
            return {"tor": "conservative", "lib": "liberal"}.get(key, key)
    return p


def outside_politician(context: str, text: str) -> bool:
    """A councillor introduced (in ``context``, the sentence of their first mention) as in
    opposition, or by a party other than the ruling one ("Green Party councillor X"; Labour and
    SNP only when ``text`` names another ruling party: they run most councils in these disputes),
    holding no post of the administration."""
    # the words about the person, not what they said ("The cabinet has ignored ..")
    context = _QUOTED.sub(" ", context)
    if _ADMIN_POST.search(context):
        return False
    if re.search(r"\bopposition\b", context, re.IGNORECASE):
        return True
    party = PARTY_MEMBER.search(context) or _PARTY_GROUP.search(context)
    if not party:
        return False
    if re.search(r"\bgroup\s+leader\b|\bleader\s+of\s+the\s+\w+(?:\s+\w+)?\s+group\b", party.group(0), re.IGNORECASE) and \
            any(_ADMIN_POST.search(_QUOTED.sub(" ", line)) for line in text.split("\n")):  # quotes span paragraphs
        return True  # "Labour group leader X" in an article that names the council's leader: another group's
    ruling = _RULING_PARTY.search(text)
    p = _party_key(party.group("party"))
    if ruling:
        return _party_key(ruling.group("a") or ruling.group("b") or ruling.group("c")) != p
    return p not in ("labour", "snp")
