"""The words around a statement that name its source: subject phrases before a verb, inverted
attributions after a quote ("..., said Mr Holmes"), and the cleaning of a raw speaker phrase."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from pipeline.extract.verbs import KNOWLEDGE

# Leading material that is not part of the speaker: "On Wednesday, ", "However, ", "But ".
_LEAD = re.compile(
    r"^(?:(?:but|and|however|meanwhile|instead|now|also|yet|so|still|separately|earlier|later|"
    r"today|yesterday|in response|in a statement|responding|speaking|commenting|asked|announcing|"
    r"despite this|at the time|in reply|in turn|previously|in addition|in particular)\b[^,]*,\s*|"
    r"(?:on|in|at|after|before|during|following|since|last|earlier|this|speaking|writing|"
    r"commenting|responding|announcing|asked|when|while|as|despite|with)\b[^,]{0,60},\s*|"
    r"(?:but|and|however|meanwhile|yet|so|although|though|whereas|while)\s+)+", re.IGNORECASE)
# Trailing auxiliaries/adverbs between the speaker and the verb: "Unite has also", "He however".
_TAIL = re.compile(
    r"(?:[\s,]+(?:has|have|had|also|however|now|previously|repeatedly|today|yesterday|then|"
    r"further|again|later|earlier|recently|meanwhile|is|are|was|were|will|would|has been|have been|"
    r"only|already|still|last week|this week|on \w+day|in a statement|in a letter|"
    # "in March", "in a letter" - never a place ("Care workers in Birmingham" is the speaker)
    r"in\s+(?-i:[a-z]\w*|(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|\d{4})|at the time|once|both|all|himself|herself|themselves|itself|since|"
    # a lower-case adverb: "Unions formally (told)", "The union quickly (responded)"
    r"(?-i:(?!(?:family|ally|assembly|rally|elderly|daily|weekly|monthly|quarterly|early|bully)\b)[a-z]{2,}ly)))+\s*,?\s*$",
    re.IGNORECASE)
_REL = re.compile(r"(?:^|[\s,])(?:which|who|what|whom)\s+(.+)$", re.IGNORECASE)
_REL_END = re.compile(r"^(.*?),?\s+(?:which|who)$", re.IGNORECASE)
_FUNCTION_LEAD = re.compile(
    r"^(?:without|with|under|amid|among|following|given|despite|having|for|from|to|by|like|unlike|"
    r"in|on|at|after|before|during|since|as|when|while|if|although|though|once|until|over|"
    r"speaking|writing|commenting|responding|announcing|asked|addressing|referring|reacting|"
    r"meanwhile|however|but|and|also|now|then|instead|separately|elsewhere|earlier|later|"
    r"previously|today|yesterday|last|this|that|in\s+\w+|\w+ly)\b", re.IGNORECASE)
_EMPTY = {"but", "and", "however", "also", "yet", "so", "then", "now", "while", "as", "though",
          "although", "meanwhile", "which", "who", "that", ""}


_NAMEISH = re.compile(r"^(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}$")
_ENDS_IN_NAME = re.compile(r"(?:^|\s)(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Prof|Professor)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}$")
_FINITE = re.compile(r"\s(?:has|have|had|is|are|was|were|will|would|can|could|opened|called|"
                     r"launched|held|voted|took|began|staged|returned|met|wrote|issued|published|"
                     r"announced|released|sent|made)\s")


_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bCllr)(?<!\bNo)"
                           r"[.!?][”’\"]?\s+(?=[“‘\"]?[A-Z])|(?<=[a-z]{2})\.(?=[A-Z][a-z])")  # "pay.Kay"
# a lower-case word run into a capitalised one (a heading or a button glued to the text; a
# camel-cased name starts with a capital), or the "Hide Ad" button of ad slots
_GLUED = re.compile(r"(?<![\w’'])(?:[a-z]{3,}|Hide\s+Ad)(?=[A-Z][a-z])")
# "The union representing X's refuse and recycling workers": the head before its participle
_PARTICIPLE_TAIL = re.compile(r"^(?P<head>(?:the|a|an)\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s+(?:representing|"
                              r"who\s+represents?|which\s+represents?)\s.+$", re.IGNORECASE)
# "the row escalated this week when the union": the subject of the last subordinate clause
_SUBORD_SUBJECT = re.compile(r"^.*\s(?:when|after|because|while|since|before|until|once)\s+"
                             r"(?P<subj>(?:the|a|an|its|their|[A-Z])(?:[^,]{0,40}(?:,\s+[^,]{1,40}){1,3}\s(?:and|&)\s"
                             r"[^,]{1,40}|[^,]{0,60}))$")  # a list too: "when the council, Unison and GMB"
# "The ballot comes as the union escalates (calls for)": the subject of the clause after "as"
_AS_SUBJECT = re.compile(r"^.*\sas\s+(?P<subj>(?:the|its|their)\s+[\w’'-]+(?:\s+[\w’'-]+)?|[A-Z][\w’'&-]*"
                         r"(?:\s+[A-Z][\w’'&-]*){0,2})\s+[a-z]{3,}(?:s|ed)(?:\s+(?:its|their))?$")
_PRONOUN_END = re.compile(r"(?:^|,\s+)(he|she|they|we|it)$", re.IGNORECASE)
_DATELINE = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\s+")
_CONTRACTED = re.compile(r"^(we|they|he|she|it|i)['’](?:ve|re|s|d|ll|m)$", re.IGNORECASE)
_SOFT_LEAD = re.compile(r"^(?:however|but|and|meanwhile|also|now|then|instead|separately|yet|so)\s+",
                        re.IGNORECASE)
# an object relative ("plans which the council said"): a determiner or a name follows the pronoun
_OBJECT_REL = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|that|these|those|[A-Z])")
# "Dunmore Council expressed regret at the vote but (said)": the subject before the first verb
_COORD_END = re.compile(r"\s(?:but|and)$")
_FIRST_ED = re.compile(r"\s(?:(?!(?:need|based|united|hundred)\b)[a-z]{3,}ed|has|have|had|is|are|was|were|"
                       r"will|would|wants?|says?|hit|went|took|made|came|met|held|kept|left|put)\b")


# a document and whom it is for, one source: "A report to the council's policy and resources committee"
_DOCUMENT = re.compile(r"^(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}(?:report|survey|study|review|paper)\s+"
                       r"(?:to|for|by|from|into)\s+[^,]{3,90}$", re.IGNORECASE)
# a thing, then the subject of a relative clause without its pronoun: "a change Unite (says will cost ..)"
_REDUCED_REL = re.compile(r"^(?:[^,]*,\s+)*(?:a|an|the|this|that)\s+(?:[a-z][\w’'-]*\s+){0,2}(?:change|changes|move|plan|plans|cut|cuts|"
                          r"offer|proposal|proposals|decision|figure|claim|deal|policy|restructure|review|scheme|"
                          r"measure|shift|step|increase|rise|award|settlement)\s+(?=(?:the\s+)?[A-Z]|the\s+(?:council|"
                          r"union|unions|authority|government|employers?|company)\b)")
_CAP_NAME = r"(?:the\s+)?[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,2}"
# a list of names that ends a longer phrase: ".. but Unison, the GMB and Unite"
_NAME_LIST_END = re.compile(rf"(?:^|,\s+|\s(?:but|and|while|as|that|when|after)\s+)"
                            rf"((?:{_CAP_NAME},\s+)+{_CAP_NAME},?\s+(?:and|&)\s+{_CAP_NAME})$")
_TIME_ASIDE = re.compile(r"^(?:(?:earlier|later)\s+(?:this|last|that)\s+|(?:last|this|next)\s+)(?:week|month|year|"
                         r"summer|spring|autumn|winter|weekend|morning|evening|night)$|^(?:earlier|later|"
                         r"yesterday|today|recently)$", re.IGNORECASE)
_SPEAKING_ASIDE = re.compile(r"^(?:speaking|writing|talking|addressing|responding|commenting)\b", re.IGNORECASE)
_CLAUSE_VERB = re.compile(r"\s(?:[a-z]{3,}ed|went|gave|spoke|told)\s")
# an age or a home after a name: "Bernard Hollis, 84,", "Jo Bell, from Dunmore,"
AFTER_NAME = re.compile(r"(?:aged\s+)?\d{1,3}$|from\s+(?:the\s+)?(?:village|town|city|area|estate)\s+of\s+|from\s+[A-Z]")


@lru_cache(maxsize=1)
def _comma_names() -> re.Pattern | None:
    """Organisation names with a comma inside ("Ministry of Housing, Communities and Local
    Government"), from organisations.yaml: a comma there splits no phrase."""
    orgs = yaml.safe_load((KNOWLEDGE / "organisations.yaml").read_text(encoding="utf-8"))
    names = {a for entries in orgs.values() for e in entries
             for a in [e["name"], *e.get("aliases", [])] if ", " in a}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names from given_names.yaml: "Kelly" or "Emily" opens a name, not an adverb's clause."""
    names = yaml.safe_load((KNOWLEDGE / "given_names.yaml").read_text(encoding="utf-8")) or {}
    return frozenset(n for ns in names.values() for n in ns)


def _function_lead(s: str) -> bool:
    """Whether ``s`` opens with a function word or an adverb ("Separately,"), not a given name that
    ends like one ("Kelly Brannigan, of GMB Southern,")."""
    m = _FUNCTION_LEAD.match(s)
    return m is not None and m.group(0) not in _given_names()


_HELD_COMMA = "\u201a"  # a low single quote stands in for a name's own comma while the phrase is cut


def clean_speaker(raw: str) -> str:
    """A raw subject phrase reduced to the speaker mention."""
    names = _comma_names()
    if names is not None and ", " in raw:
        raw = names.sub(lambda m: m.group(0).replace(",", _HELD_COMMA), raw)
        return _clean_speaker(raw).replace(_HELD_COMMA, ",")
    return _clean_speaker(raw)


def _clean_speaker(raw: str) -> str:
    s = raw.split("\n")[-1].strip().strip(",;:–—-•· ")
    s = _SENTENCE_END.split(s)[-1]  # 'as long as possible. He': the last sentence's words
    s = _GLUED.split(s)[-1]  # page furniture run into the name: "Bin collectionBrighton and Hove City Council"
    if s.count("(") > s.count(")"):  # "(Birmingham council claims that ..": the aside's own subject
        s = s[s.rindex("(") + 1:]
    s = _DATELINE.sub("", s)
    s = _REDUCED_REL.sub("", s)  # "a change Unite (says)": the relative clause's own subject speaks
    p = _PRONOUN_END.search(s)
    if p and p.start() > 0:  # "Just two months later, in February 2025, he"
        return p.group(1)
    x = _PARTICIPLE_TAIL.match(s) or _SUBORD_SUBJECT.match(s) or _AS_SUBJECT.match(s)
    if x:
        s = x.group(x.lastgroup)
    if _COORD_END.search(s):  # "pickets were outside the depots and (have warned)"
        verb = _FIRST_ED.search(s)
        if verb and verb.start() > 0:
            s = s[:verb.start()].strip(" ,")
    m = _REL_END.match(s)
    if m:  # "Unite, which says": the antecedent speaks
        pronoun = s[m.end(1):].strip(" ,").lower()
        s = m.group(1)
        verb = _FINITE.search(s) or _CLAUSE_VERB.search(s)
        if verb:
            # "Parents will be sent details by the council, which said": the antecedent is the
            # clause's last noun phrase, not its subject
            tail = list(re.finditer(r"\s(?:by|to|with|from|for|at|against|than|and|met|told|wrote\s+to)\s", s[verb.start():]))
            if tail:
                s = s[verb.start() + tail[-1].end():]
        body = re.search(r"\bof\s+(?:the\s+)?(?:(?:trade\s+)?union\s+)?([A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*)*)$", s)
        if body and pronoun == "which":
            s = body.group(1)  # "Members of the union Unite, which says": 'which' is the union
    else:  # the last relative pronoun ("plans which could see .. - a move which they")
        last = None
        for last in re.finditer(r"(?:^|[\s,])(?:which|who|what|whom)\s", s, re.IGNORECASE):
            pass
        m = _REL.match(s, last.start()) if last is not None else None
        if m and _OBJECT_REL.match(m.group(1)):
            s = m.group(1)
        elif m and m.start() > 0 and s[m.start()] != "," and not _function_lead(s) and \
                "," not in s and len(s.split()) <= 12:
            pass  # "Library staff who have gone on strike": the relative clause names the speaker
        elif m and m.start() > 0:
            # a subject relative describes the antecedent: "Serco, the company who employ ..";
            # "In the capital, which has seen .., council leader Jo Bell": the subject follows it
            head = re.sub(r"\s+(?:of|to|with|for|by|from|among)$", "", s[:m.start()].strip(" ,"))
            before = re.split(r",\s+", head)
            while len(before) > 1 and AFTER_NAME.match(before[-1]):
                before = before[:-1]  # "Bernard Hollis, 84, who ..": the age describes the name
            after = re.split(r",\s+", m.group(1))
            if _function_lead(before[0]) and len(after) > 1 and after[-1].strip():
                s = after[-1]
            elif len(before) > 1 and _OBJECT_REL.match(before[-1]) and \
                    _SOFT_LEAD.sub("", before[-2])[:1].isupper() and \
                    not _function_lead(_SOFT_LEAD.sub("", before[-2])):
                s = _SOFT_LEAD.sub("", before[-2])  # the name before its apposition
            else:
                s = before[-1]
    parts = [p for p in re.split(r",\s+", s) if p.strip()]
    if len(parts) > 1 and _SOFT_LEAD.match(parts[0]) and _NAMEISH.match(_SOFT_LEAD.sub("", parts[0])):
        parts[0] = _SOFT_LEAD.sub("", parts[0])  # "However Bora Oktas, regional officer at .."
    while len(parts) > 1 and _function_lead(parts[0]):
        parts = parts[1:]
    while len(parts) > 1 and (_TIME_ASIDE.match(parts[-1]) or _SPEAKING_ASIDE.match(parts[-1])):
        # "A survey of Unite members, earlier this summer, (highlighted)"; "Jo Bell, speaking on
        # the picket line at the depot, (said)"
        parts = parts[:-1]
    while len(parts) > 1 and AFTER_NAME.match(parts[-1]) and \
            re.search(r"[A-Z][\w’'-]+\s+[A-Z][\w’'-]+$", parts[-2]):
        parts = parts[:-1]  # "Lynne Fairclough, from the village of Steeple Hatton,"
    s = ", ".join(parts)
    prev = None
    while prev != s:
        prev = s
        s = _LEAD.sub("", s).strip()
        s = _TAIL.sub("", s).strip().strip(",;:–—- ")
    listed = _NAME_LIST_END.search(s) if len(s.split()) > 8 else None
    if listed:  # ".. on Friday, but Unison Scotland, GMB Scotland and Unite Scotland (said)": the whole list
        s = listed.group(1)
    if len(s.split()) > 8 and not _DOCUMENT.match(s):  # a clause swallowed the subject: keep its last phrase
        # "and" between two names coordinates one subject ("Unite and Unison"): no split there
        joined = re.sub(r"\b([A-Z][\w’'-]*) and (?=[A-Z])", "\\1 \x00 ", s)
        segs = [x.replace("\x00", "and") for x in
                re.split(r",\s+|\s+(?:and|but|while|as|from|that)\s+|:\s+", joined) if x.strip()]
        # "Care workers organised in Unite and employed by the council": a participle's phrase
        # describes the subject before it
        segs = [x for i, x in enumerate(segs) if i == 0 or not re.match(
            r"(?:employed|organised|represented|based|paid|hired|contracted)\s+(?:by|in|at)\b", x)]
        named = [i for i, x in enumerate(segs) if _NAMEISH.match(x.strip()) or (
            # "Sarah, a library assistant at the central library for 11 years,": a given name in apposition
            re.fullmatch(r"[A-Z][a-z]{2,}", x.strip()) and i + 1 < len(segs) and
            re.match(r"(?:a|an|the|one|another)\s", segs[i + 1]))] or [
            # "Employment law specialist Professor Alan Gibbs, of the University of X": a role
            # before the name, the affiliation after it; "Workplace rep Jo Bell, a social worker in
            # the discharge team": a description in apposition
            i for i, x in enumerate(segs[:-1]) if _ENDS_IN_NAME.search(x) and re.match(r"(?:of|at|a|an|the)\s", segs[i + 1])]
        s = ", ".join(segs[named[-1]:named[-1] + 2]) if named else segs[-1].strip(" ,“”\"")
    verb = _FINITE.search(s)
    if verb and verb.start() > 0 and len(s.split()) > 3:  # "Unison opened a ballot and": the subject
        s = s[:verb.start()].strip(" ,")
    c = _CONTRACTED.match(s)
    if c:  # "we've (said)"
        s = c.group(1)
    s = _REDUCED_REL.sub("", s)  # ".., a change Unite (says ..)": what the cutting above kept
    return "" if s.lower() in _EMPTY else s


_INVERTED = re.compile(
    r"""^[\s,.!?…—–-]*(?P<a>[^.!?“”"‘]{1,90}?)\s+(?P<verb>said|says|added|adds|told\s+\S+|warned|"""
    r"""explained|insisted|argued|claimed|admitted|continued|went\s+on|stressed|wrote|tweeted|"""
    r"""posted|commented|replied|responded|concluded|stated)\b(?P<b>[^.!?“”"‘:]{0,90})""",
    re.IGNORECASE)
_VERB_FIRST = re.compile(
    r"""^[\s,.!?…—–-]*(?P<verb>said|says|added|adds|explained|insisted|argued|claimed|continued|"""
    r"""wrote|stated)\s+(?P<who>[^.!?“”"‘:,]{1,90})""", re.IGNORECASE)


def attribution_after(s: str) -> str | None:
    """Speaker named just after a closing quote: ', he said.' / ' said Mr Gilhespy.'"""
    m = _VERB_FIRST.match(s)
    if m:
        return clean_speaker(m.group("who"))
    m = _INVERTED.match(s)
    if m:
        who = clean_speaker(m.group("a"))
        if who and len(who.split()) <= 12:
            return who
    return None
