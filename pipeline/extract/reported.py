"""Indirect (reported) and mixed speech: "X said (that) [..]", "[..], X said", "according to X,
[..]", "X accused [Y of ...]", "X urged/called on [Y to ...]", "X is demanding [a 10% rise]",
"X vowed to [..]", "X described [Y as 'Z']"."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from pipeline.extract.frames import attribution_after, clean_speaker
from pipeline.extract.verbs import KNOWLEDGE, verb_class, verb_classes, verb_regex
from pipeline.text.segment import trim, word_count

# "recommended members reject the offer": a subject and a bare verb (what members should do)
_MANDATE = re.compile(r"(?:[\w’'-]+\s+){1,3}(?:accept|reject|vote|back|support|approve|agree|take|"
                      r"return|strike|refuse)\b", re.IGNORECASE)
_BE_BEFORE = re.compile(r"(?:\b(?:was|were|been|be|being|is|are|am)\s+)$", re.IGNORECASE)
_BAD_BEFORE = re.compile(r"(?:\b(?:to|not|never|the|a|an|of|this|these|those|its|their|his|her|"
                         r"our|your|my|widely|reportedly|allegedly|so-called|what|reject|rejected|"
                         r"rejecting|rejects|dismiss|dismissed|dismissing|deny|denied|denies|"
                         r"denying|investigate|investigated|investigating|examine|examined|"
                         r"please)\s*|\w[’']s\s+)$", re.IGNORECASE)  # "Unison's requests": a noun
_SKIP_AFTER = re.compile(
    r"^(?:\s*(?:,|today|yesterday|tonight|also|previously|repeatedly|earlier|later|again|"
    r"recently|(?:last|this|next)\s+(?:week|month|year|night|morning|afternoon|evening|weekend|"
    r"summer|spring|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"on\s+\w+day(?:\s+\w+)?|in\s+(?:a|its|their|his|her)\s+"
    r"(?:statement|letter|report|email|post|tweet|interview|response)(?:\s+(?:to|on)\s+[^,]{1,40})?|"
    r"in\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|\d{4})|at\s+the\s+time|on\s+(?:twitter|x|facebook|social\s+media)|"
    r"to\s+(?:the\s+)?(?:bbc|press|media|reporters|journalists|(?-i:[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*))|"
    r"(?:via|through)\s+(?-i:[A-Z][\w]+)|\([^()]{0,40}\)|publicly|privately|openly|however|though|now)(?![\w’']))+",
    re.IGNORECASE)
_TOLD_OBJECT = re.compile(
    r"^\s*(?:him|her|them|us|me|reporters|journalists|members|staff|councillors|the\s+"
    r"[\w’'-]+(?:\s+[A-Z][\w’'-]+)*|[A-Z][\w’'&.-]*(?:\s+(?:of\s+)?[A-Z][\w’'&.-]*)*)\s*")
_OBJECT_PRONOUN = re.compile(r"^\s*(?:(?!(?:that|whether|if|what|how|why|when)\b)[\w’'-]+\s+){1,5}?(?=(?:they|he|she|it|we)\s+(?:would|will|had|have|"
                             r"has|were|was|are|is|could|should|must|might|may|can|did|do|does|"
                             r"(?:would|will|could|had)n[’']t|wo\s*n[’']t)\b)")
_THAT = re.compile(r"^\s*that\s+(?!(?:was|is|were|would|will|had|has|could|should|might|may|"
                   r"meant|means|seemed|seems|sounds|sounded)\b)", re.IGNORECASE)
# "told the council's scrutiny commission yesterday that [..]": an object before "that"
_OBJECT_THAT = re.compile(r"^\s*((?:[^\s;:.“”\"]+,?\s+){1,14}?)that\s+", re.IGNORECASE)
_BAD_START = re.compile(r"^(?:to|of|for|in|on|at(?!\s+(?:first|least|present|the\s+moment))|by|with|from|into|over|as|and|or|but|so|"
                        r"up|out|off|down|nothing|no\s+more|goodbye|sorry|hello|thanks|"
                        r"thank|it\s+all|everything|something|anything|otherwise|"
                        r"this\s*\.|what|which|how|why|when|where|whether|if)\b", re.IGNORECASE)
_CONTINUATION = re.compile(r"(?:^|,?\s+)(?:but|and|while|as\s+it|as\s+they)\s+"
                           r"(?:(?:it|he|she|they|also|has|have|had|that)\s+)*$", re.IGNORECASE)
_CONJ_WORDS = "but|and|while|whereas|although|though|yet|as"
_CONJ = re.compile(rf"(?:,\s*|\s+)(?:{_CONJ_WORDS})\s+", re.IGNORECASE)
# "[A] after it claims that [B]": a subordinate clause with its own "say that" is a second statement
# ("after union bosses demanded a rise" stays in the content)
_CONJ_SAY = re.compile(rf"(?:,\s*|\s+)(?:{_CONJ_WORDS}|after|because|since|when|once)\s+", re.IGNORECASE)
# verbs with a person object before their content: "told / warned / notified the council (that) .."
_OBJECT_VERB = re.compile(r"(?:told|tell|warn|assur|remind|inform|notif)")
_SAY_THAT = re.compile(r"(?:said|says|claim(?:s|ed)|argu(?:es|ed)|insist(?:s|ed)|believe[sd]?|stated?|"
                       r"maintain(?:s|ed))\s+that\b", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:,\s*|\s+)(?:which|who|that|what)\s+([^,]{0,40}?)\s*$", re.IGNORECASE)
_ACCORDING_FRONT = re.compile(r"^(?P<lead>.*?)\b[Aa]ccording to (?P<who>[^,]{2,80}),\s*(?P<rest>.+)$")
# "In his words, [..]", "In the words of X, [..]", "In Unison's words, [..]": the words are the source's
_IN_WORDS = re.compile(r"^\s*In\s+(?:the\s+words\s+of\s+(?P<who>[^,]{2,80})|(?P<own>his|her|their|[A-Z][\w’'&-]*"
                       r"(?:\s+[A-Z][\w’'&-]*){0,3}['’]s?)\s+(?:own\s+)?words),\s*(?P<rest>.+)$")
# ".., according to Unison's head of local government, Jo Bell, whose ..": the name in apposition
_NAME = r"(?:Dr\s+|Cllr\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}"
_NAME_APPOSED = re.compile(_NAME + r"\s*,")
_ACCORDING_BACK = re.compile(r"^(?P<content>.+?),?\s+according to (?P<who>[^,.;]{2,80}?"
                             r"(?:,\s*" + _NAME + r"(?=\s*,))?)"
                             r"(?:\s*[.!?]?\s*$|(?=,\s*(?:saying|adding|as|while|which|who|whose)\b))")
_SUBJECT_HINT = re.compile(
    r"\b(?:[A-Z][\w’'&-]+|he|she|they|it|we|union|unions|council|councils|spokes\w+|members?|"
    r"workers?|staff|leaders?|officials?|bosses|organisers?|secretary|representatives?|reps?|"
    r"officers?|employers?|authority|government|ministers?|statement|report|inspectors?|"
    r"residents?|parents?|carers?|strikers|colleagues|chiefs|managers?|management|director|"
    r"councillors?|mayor|chair\w*|convenor|steward|body|agency|company|firm|group|parties|sides|"
    r"collectors?|drivers?|cleaners?|loaders?|operatives?|assistants?|nurses?|teachers?|librarians?|"
    r"employees?|picket\w*|striker|source|woman|man|mum|mother|father|dad|user|users|campaigners?)\b")
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|I)$", re.IGNORECASE)
_PRONOUN_LEAD = re.compile(r"^(?:he|she|they|it|we|I|there|this|that)\b", re.IGNORECASE)
_AUX = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|should|"
                  r"must|may|might|did|does|do|shall|(?:is|was|are|were|won|can|could|would|did|"
                  r"does|do|has|have)n[’']t)\b", re.IGNORECASE)
# an -ed verb with an object or infinitive after it: "voted to", "marked a", "reached an"
_ED_VERB = re.compile(r"\b[a-z]\w+ed\s+(?:a|an|the|to|that|it|they|them|their|its|by|on|up|out|"
                      r"his|her|our)\b")
_AUX_LEAD = re.compile(r"^(?:(?:has|have|had|is|are|was|were|will|would|also|then|now|later|"
                       r"again|repeatedly)\s+)+", re.IGNORECASE)
_LOWER_ED = re.compile(r"\b(?!(?:elected|appointed|retired|unnamed|united|based|qualified|"
                       r"experienced|dedicated|related|need|speed|feed|seed|greed|indeed|breed|hundred|"
                       r"shed)\b)[a-z]{2,}ed\b")
_CONJ_LEAD = re.compile(r"^(?:as|while|which|who|whom|that|when|if|because|although|though|and|"
                        r"but|so|where|whether|after|before|with|for|to|in|on|at|by|of|from|"
                        r"since|until|unless|than|then|once)\b", re.IGNORECASE)
_TRAIL_VERBS = (r"said|says|added|adds|claimed|claims|argued|argues|warned|warns|insisted|insists|"
                r"explained|confirmed|stated|believes|believe|wrote|maintained|maintains|say|add|argue|"
                r"claim|warn|insist|explain|announced|announces|revealed|reveals|"
                r"told(?!\s+(?:a|an|the|their|its|his|her)\s+(?:[\w’'-]+\s+){0,2}(?:story|stories|tale|tales|truth|"
                r"lie|lies|joke|jokes)\b)"  # "told a different story": a verb of the content, no attribution
                r"(?:\s+(?!that\b)[\w’'-]+){1,4}?")  # "told the BBC", never "told X that .."
_TRAIL_AFTER = (r"(?P<adv>(?:\s+(?:today|yesterday|tonight|(?:this|last)\s+(?:week|month|year)|"
                r"on\s+\w+day|in\s+a\s+statement|at\s+the\s+time|previously|earlier|recently))*"
                r"(?:\s*\([^()]{0,40}\))?)\s*(?=[.!?…]*\s*$|,\s*(?:as|while|adding|saying|and|but|"
                r"after|with|amid|because|although|though|when|who|which)\b)")
_TRAIL = re.compile(r"(?:,|(?<=[”\"’]))\s+(?P<who>[^,;:“”\"‘]{1,80}?(?:,\s+[^,;:“”\"‘]{1,60}?)?),?"
                    r"(?:\s+(?:has|have|had))?\s+(?P<verb>" + _TRAIL_VERBS + ")" + _TRAIL_AFTER,
                    re.IGNORECASE)
_INVERT = re.compile(r",\s+(?P<verb>said|says|added|adds|argued|argues|warned|warns|claimed|claims|"
                     r"insisted|insists|explained|stated|continued|wrote)\s+"
                     r"(?P<who>[^;:“”\"‘]{1,120}?)" + _TRAIL_AFTER, re.IGNORECASE)
# base forms that are also nouns; after a determiner or a noun modifier they are the noun
_NOUN_FORMS = {"report", "claim", "note", "state", "estimate", "project", "demand", "warning",
               "demands", "claims", "reports", "notes", "estimates", "warnings"}
_RELATIVE_SUBJECT = re.compile(r"\b(?:which|that|what)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*)?\s+$")
_POSS_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|these|those|[\w-]+['’]s?)\s+$", re.IGNORECASE)
_DET_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|new|latest|"
                         r"council|union|pay|government|[\w-]+['’]s?)\s+$", re.IGNORECASE)
_DANGLING_AND = re.compile(r",?\s+and\s*$")
_VERB_WORD = re.compile(r"\s(?P<w>[a-z]{3,}s|[a-z]{3,}ed|has|have|had|is|are|was|were)\s")


def _first_clause_subject(subj: str) -> str:
    """'The EIS disputes the council's figures, and [says]': the first clause's subject speaks
    both; its verb is the first word shaped like one that is no speaker noun ("members")."""
    if not _DANGLING_AND.search(subj):
        return subj
    for m in _VERB_WORD.finditer(subj):
        if not (_SUBJECT_HINT.fullmatch(m.group("w")) or _speaker_nouns().fullmatch(m.group("w"))):
            head = subj[:m.start()].strip()
            return head if head and _subject_hint(head) else subj
    return subj


# verbs a participle's main clause has in the present ("Unite members reject the claim, saying")
MAIN_VERB = re.compile(r"(?<!\b[Tt]he)(?<!\b[Aa])(?<!\b[Aa]n)(?<!\b[Ii]ts)(?<!\b[Tt]heir)(?<!\b[Hh]is)(?<!\b[Hh]er)"
                       r"(?<!\b[Oo]ur)(?<!\bno)(?<!\bthis)(?<!\bthat)\s(?:reject|dispute|deny|denies|hit|insist|respond|argue|counter|maintain|"
                       r"defend|blame|criticise|disagree|say|accuse)s?\b"
                       # .. with its object or particle after it ("The pay dispute has" is no verb)
                       r"(?=\s+(?:that|the|this|these|those|it|its|their|his|her|such|any|claims?|back|"
                       r"suggestions?|figures?|allegations?|accounts?|criticism|charges?)\b|,)")


def _participle_subject(clause: str) -> str:
    """The subject of the clause a participle hangs on: 'Unison disputes that, (saying)' -> 'Unison'."""
    head = re.split(r"\s+(?:is|are|was|were|has|have|had|will|would|[a-z]{2,}ed)\b", clause)[0]
    main = MAIN_VERB.search(head)
    return head[:main.start()] if main else head


# an indefinite noun phrase as the whole subject: "A health visitor with 14 years' experience said"
_INDEFINITE_NP = re.compile(r"^\s*(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,5}?[a-z][\w’'-]*\s*$")
_REPORTER = re.compile(r"\b(?:LDRS|Local\s+Democracy\s+Reporting\s+Service|reporters?|journalists?|the\s+press)\s*$",
                       re.IGNORECASE)
# a verb right after a closing quote ('," said X'): the attribution of a direct quote
_AFTER_QUOTE = re.compile(r"[,.!?…]?\s*[”\"’']\s*[,.]?\s*$")


@lru_cache(maxsize=None)
def _cues() -> dict:
    return yaml.safe_load((KNOWLEDGE / "extract_cues.yaml").read_text(encoding="utf-8"))


def newspaper_words() -> list[str]:
    """Last words of newspaper titles ("Echo", "Gazette"; extract_cues.yaml)."""
    return list(_cues()["newspaper_words"])


@lru_cache(maxsize=None)
def _outlet() -> re.Pattern:
    """An outlet's name ending the text before a verb (extract_cues.yaml 'outlets', or a title
    ending in a newspaper word: "the Bolton News", "Manchester Evening News")."""
    names = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _cues()["outlets"])
    words = "|".join(map(re.escape, newspaper_words()))
    return re.compile(rf"(?:\b(?i:{names})|(?:\b[Tt]he\s+)?(?:[A-Z][\w’'&.-]*\s+){{1,3}}(?:{words}))\s*$")


@lru_cache(maxsize=None)
def _boilerplate() -> re.Pattern:
    # lower-case phrases matched on lower-cased text: four times faster than IGNORECASE here
    return re.compile("|".join(re.escape(p.lower()).replace(r"\ ", r"\s+") for p in _cues()["boilerplate"]))


def boilerplate_starts(text: str) -> list[int]:
    """Where page-furniture phrases (extract_cues.yaml) occur: their paragraph is no statement."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ('İ'): offsets would shift
        return [m.start() for m in re.compile(_boilerplate().pattern, re.IGNORECASE).finditer(text)]
    return [m.start() for m in _boilerplate().finditer(low)]


@lru_cache(maxsize=None)
def _nominal_re(anchored: bool) -> re.Pattern:
    """'its position that', 'their warning that': anchored after a verb, or anywhere."""
    nouns = "|".join(map(re.escape, _cues()["nominal_that"]))
    # unanchored, a possessor may name the source: "Unite’s claim that", "the council’s position is that"
    lead = r"^\s*(?:its|their|his|her|our|the)" if anchored else \
        r"\b(?:its|their|his|her|our|(?P<poss>(?:[Tt]he\s+)?(?:(?-i:[A-Z])[\w-]*\s+){0,3}[\w-]+['’]s?))"
    return re.compile(rf"{lead}\s+(?:{nouns})s?\s+(?:(?:is|was|remains)\s+)?(?:[^\s,.;:]+\s+){{0,3}}?that\s+",
                      re.IGNORECASE)


def _nominal() -> re.Pattern:
    return _nominal_re(True)


def _nominal_any() -> re.Pattern:
    return _nominal_re(False)


@lru_cache(maxsize=None)
def _speaker_nouns() -> re.Pattern:
    nouns = "|".join(map(re.escape, _cues()["speaker_nouns"]))
    return re.compile(rf"\b(?:{nouns})s?\b", re.IGNORECASE)


def _subject_hint(s: str) -> bool:
    """Whether ``s`` holds a word that can head a speaker: a capitalised word, a role or group
    word, or a person noun of extract_cues.yaml ("a practitioner said")."""
    return bool(_SUBJECT_HINT.search(s) or _speaker_nouns().search(s) or _INDEFINITE_NP.match(s))


@lru_cache(maxsize=None)
def _not_source() -> re.Pattern:
    heads = "|".join(map(re.escape, _cues()["not_sources"]))
    return re.compile(rf"\b(?:{heads})\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _continuation() -> re.Pattern:
    """The journalist's own continuation after reported content (', as workers began ..')."""
    words = "|".join(map(re.escape, _cues()["journalist_continuations"]))
    fixed = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _cues()["as_phrases"])
    # ", as bosses argue," is an aside inside the content, not a continuation
    aside = r"(?![^,.]{1,40}\b(?:argue|argues|say|says|said|claim|claims|claimed|put\s+it)\s*,)"
    # no comma: "end the 'toxic culture' as bin collection strikes are set to continue"; a new
    # subject after ", but/and": ", but the unions held firm", ", and security at his home was tightened"
    bare_as = (r"\s+as\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){1,3}(?:are|were)\s+(?:set|due|expected)\s+to\b|"
               # "[..] as workers began a strike" (CONVENTIONS): an event the journalist reports
               r"\s+as\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){1,3}(?:began|begin|started|start|walked\s+out|"
               r"went\s+on\s+strike|staged|stage|gathered|marched|sacked|prepared|prepare)\b")
    new_subject = (r",\s+(?:but|and)\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){1,4}?(?:held|was|were|has\s+been|"
                   r"had\s+been|continued|remained)\b")
    acts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _cues()["second_acts"])
    second_act = rf",?\s+(?:and|but)\s+(?:also\s+)?(?:{acts})\b"
    return re.compile(rf",\s+(?:{words})\s(?<!as\s)|,\s+as\s+(?!(?:{fixed})\b){aside}|{bare_as}|{new_subject}|"
                      rf"{second_act}", re.IGNORECASE)


# "UNISON - the union that represents social workers - said": an aside inside a phrase
_PARENTHETICAL = re.compile(r"\s[-–—]\s[^-–—]{1,120}?\s[-–—](?=\s|$)|,\s*(?:which|who|whose|where)\s(?:[^,]|,(?=\d))*,")  # "75,000" is no comma


def _looks_clause(s: str) -> bool:
    """A finite clause starts here (not a bare noun phrase): an auxiliary or an -ed verb soon."""
    # the verb follows a subject ("plans to axe jobs" is a noun object), before any comma
    if re.match(r"\s*(?:they|we|he|she|I)\s+[a-z]{2,}", s):
        return True  # "claim they stand to lose ..": a subject pronoun and its verb
    return is_clause(" " + " ".join(_PARENTHETICAL.sub(" ", s).split()[1:8]))


def is_clause(s: str) -> bool:
    """Content with a finite verb somewhere, not a name with its apposition."""
    return bool(_AUX.search(s) or _LOWER_ED.search(s) or re.search(r"\b[a-z]{2,}s\s+(?:a|an|the|to|"
                                                                   r"that|it|on|in|up|out)\b", s)
                or re.search(r"\b(?:says?|gave|got|took|went|made|began|rose|fell|left|lost|won|"
                             r"paid|met|kept|put|cut|set|told|felt|came|ran|saw|knew|thought|"
                             r"brought|bought|sought|spent|sent|held|stood|struck)\b", s))


def _valid_subject(who: str, max_words: int = 10) -> bool:
    """A phrase that can be a speaker: a short noun phrase, no clause, no conjunction lead."""
    w = _PARENTHETICAL.sub(" ", who).strip(" ,")
    if not w or word_count(w) > max_words or _CONJ_LEAD.match(w):
        return False
    if _PRONOUN.match(w):
        return True
    if _PRONOUN_LEAD.match(w) or _AUX.search(w) or _ED_VERB.search(w) or "that " in w.lower():
        return False
    return _subject_hint(w)


# "said when the strike was announced that ..": a time clause between the verb and "that"
_WHEN_THAT = re.compile(r"^\s*(?:when|as|after|before|while|once)\s+[^,.;:“”\"]{3,60}?\s+that\s+", re.IGNORECASE)


def _content_after(text: str, pos: int, send: int, verb: str, cls: str) -> int | None:
    """Where the reported content starts after a verb ending at ``pos`` (None: no content)."""
    rest = text[pos:send]
    before = text[max(0, pos - len(verb) - 40):pos - len(verb)]
    if re.search(r"\bas\s+(?:[A-Z][\w’'-]+\s+){1,3}$", before) and re.match(r"(?:reports?|writes?)$", verb, re.I):
        return None  # "as Christine Bird reports, ..": the outlet's own reporter
    if cls in ("accuse", "urge", "demand", "describe", "label"):
        if cls == "urge" and not verb.lower().startswith("ask") and \
                not re.match(r"^[^.;:]{0,80}?(?:\bto|[“\"‘']to)\s+[“\"‘']?\w", rest):
            return None  # "urged the GMB union." with no "to ..": no content
        if cls == "urge" and verb.lower().startswith("ask") and \
                (not re.match(r"^[^,.;:]{0,80}?\bto\s+\w", rest) or
                 re.match(r"^\s*(?:(?!to\b)[\w’'-]+\s+){0,3}(?:what|whether|why|how|when|where|who|if)\b", rest)):
            return None  # "asked [Y to ..]" only: "asked members whether" is a question
        m = re.match(r"^\s*(?:that\s+(?=\S))?", rest) if cls == "demand" else re.match(r"^\s*", rest)
        return pos + m.end() if rest.strip() else None  # "demanding that [the council pays]": no "that"
    i = 0
    m = _SKIP_AFTER.match(rest)
    if m:
        i = m.end()
    if cls == "vow":
        m = re.match(r"\s*(?:to|that)\s+", rest[i:])
        if m:
            return pos + i + m.end()
        return pos + i if _looks_clause(rest[i:]) else None  # "vowed the strike would go on"
    lw = verb.lower()
    m = _OBJECT_PRONOUN.match(rest[i:]) if _OBJECT_VERB.match(lw) and not _THAT.match(rest[i:]) else None
    if m:  # "told the most vulnerable clients [they would ..]": the object ends at the pronoun
        i += m.end()
    elif lw.startswith("told") or lw.startswith("tell"):
        m = _TOLD_OBJECT.match(rest[i:])
        if m and not _THAT.match(rest[i:]):
            i += m.end()
            m2 = _SKIP_AFTER.match(rest[i:])
            if m2:
                i += m2.end()
    m = _THAT.match(rest[i:]) or _nominal().match(rest[i:]) or _WHEN_THAT.match(rest[i:])
    if not m:
        m = _OBJECT_THAT.match(rest[i:])
        limit = 14 if _OBJECT_VERB.match(lw) else 5
        if m and (word_count(m.group(1)) > limit or _AUX.search(m.group(1)) or
                  m.group(1).lstrip().startswith(",") or verb_regex().search(m.group(1)) or
                  _ED_VERB.search(m.group(1) + "that") or
                  ("," in m.group(1) and limit < 14)):
            m = None
    after_that = bool(m)
    if m:
        i += m.end()
    while i < len(rest) and rest[i] in " ,\t":
        i += 1
    if i >= len(rest) or rest[i] == ":" or rest[i] in "“\"‘'" and _starts_direct(rest[i:], strict=after_that):
        return None
    if not after_that and _BAD_START.match(rest[i:]) or verb_regex().match(rest, i):
        return None  # "said, adding that ..": the participle carries the content
    if not after_that and re.match(r"(?:notif|inform)", lw):
        return None  # "notified the council of strike dates": only "notified X that .." reports
    relative = bool(re.search(r"\b(?:which|who|that)\s+(?:\w+\s+){0,3}$", text[max(0, pos - 60):pos - len(verb)]))
    if cls == "clause" and not after_that and not relative and not _looks_clause(rest[i:]) \
            and not (lw.startswith("recommend") and _MANDATE.match(rest[i:])):
        return None  # "announced strike dates": a bare noun object is no statement
    return pos + i


def _starts_direct(rest: str, strict: bool = False) -> bool:
    """'said: "..."' or 'said "..."' where the quote runs to the sentence end is a direct quote;
    after 'that' (``strict``) only when nothing but punctuation follows it, as direct.py reads it
    ('said that "60% will see no change" under the plan' is mixed)."""
    r = rest.lstrip(": ")
    if not r or r[0] not in "“\"‘'":
        return False
    closers = "”\"" if r[0] in "“\"" else "’'"
    # a single closer is not an apostrophe: no letter follows it ("members' pay" is no closer)
    m = re.compile(rf"[{closers}](?![\w])").search(r, 1)
    j = m.start() if m else -1
    return j < 0 or not r[j + 1:].strip(" .,!?;…") or (not strict and j > len(r) * 0.7)


def _trailing(text: str, ss: int, se: int) -> tuple[dict, int] | None:
    """'[content], the union said (today).' / '[content], said Mr Holmes.': (statement, end)."""
    sent = text[ss:se]
    for pat, limit in ((_TRAIL, 12), (_INVERT, 18)):
        pos = 0
        while True:
            m = pat.search(sent, pos)
            if not m:
                break
            pos = m.start() + 1
            who = m.group("who").strip()
            cs, ce = trim(text, ss, ss + m.start(), " \t,")
            content = text[cs:ce]
            if word_count(content) < 3 or not _valid_subject(who, limit) or who[:1].isdigit():
                continue  # (".. on 17, 18 and 19 October, the union said": a date list is no speaker)
            if re.match(r"announc|reveal", m.group("verb"), re.IGNORECASE) and not is_clause(content):
                continue  # "strike dates, Unite announced": only a clause is a statement
            if pat is _INVERT and not (is_clause(content) or word_count(content) >= 8):
                continue  # "Jo Bloggs, a branch officer, said ..": a subject and its apposition
            if pat is _INVERT and re.match(r"[^,]{1,80},\s+(?:who|whose)\s[^,]+$", content):
                continue  # "Mira Odo, who chairs the heads' association, said ..": a subject and its relative
            if pat is _INVERT and (_LOWER_ED.search(who) or is_clause(" " + who)):
                continue  # "said the union's figures told a different story": the content, no speaker
            if pat is _INVERT and "," in who and not re.match(r"^[^,]+,\s+[^,]+$", who):
                continue
            if content[:1] in "“\"‘'" and _quoted_whole(text, cs, ce) or \
                    re.search(r"[”\"’']$", content) and not re.search(r"[“‘]", content) and \
                    content.count('"') % 2 == 1:
                continue  # the attribution of a direct quote
            if re.search(r"[”\"’']$", content) and content[:1] in "“\"‘'":
                continue
            if re.search(r"[,.!?…][”\"’']\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}$", content) and \
                    content[:1] in "“\"‘'":
                continue  # '“..,” Nick, one of the strikers, told ..': a quote and its speaker
            who = re.sub(r"\s+", " ", _PARENTHETICAL.sub(" ", who)).strip(" ,")
            return _stmt(text, cs, ce, who, m.group("verb")), ss + m.end()
    return None


def _cue_matches(text: str, start: int, se: int, in_quote) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, class) of reporting verbs and nominal cues ("their warning that")."""
    verbs = [(m.start(), m.end(), m.group(0), verb_class(m.group(0)))
             for m in verb_regex().finditer(text, start, se) if not in_quote(m.start())]
    nominal = [(m.start(), m.end(), m.group(0), "nominal")
               for m in _nominal_any().finditer(text, start, se) if not in_quote(m.start())
               and not any(0 <= m.start() - v[1] <= 2 for v in verbs)]
    return sorted(verbs + nominal)


def _reported_end(text: str, cstart: int, se: int, subj: str, cls: str) -> int:
    """Where reported content starting at ``cstart`` ends: the sentence's end, else the main verb after
    a nominal cue, else the end of the relative clause the cue stands in."""
    ce = _content_end(text, cstart, se)
    if cls == "nominal":  # "Unite’s claim that [X] was rejected by the council": the main verb ends it
        main = re.search(r"\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:rejected|dismissed|"
                         r"denied|disputed|challenged|contested|questioned|described|branded)\b", text[cstart:ce])
        if main:
            ce = cstart + main.start()
    if re.search(r",\s*(?:which|who)\s+(?:\w+\s+)?$", subj):
        # "Unite, which says [it represents 80%], is taking action": the relative clause ends
        comma = re.search(r",\s", text[cstart:ce])  # not the comma of "£2,000"
        if comma:
            ce = trim(text, cstart, cstart + comma.start())[1]
    elif re.search(r",\s*(?:which|who|that)\s+(?:[\w’'-]+\s+){2,5}$", subj):
        # "The change, which the unions said [would cut pay], had been due ..": the sentence's own
        # verb after the closing comma ends the relative clause (a list "unfair, outdated" does not)
        resume = re.search(r",\s+(?:had|has|have|was|were|is|are|will|would|could|can|may|might|must|should)\b",
                           text[cstart:ce])
        if resume:
            ce = trim(text, cstart, cstart + resume.start())[1]
    return ce


def _not_reporting(text: str, ve: int, verb: str, left: str) -> bool:
    """Whether the cue ``verb`` (ending at ``ve``, after ``left``) reports no speech: the outlet's own
    knowledge, a request for comment or anonymity, a noun ("the union's claim", "Pay claims were"),
    an instruction."""
    lw = verb.lower().split()[0]
    if re.match(r"understands?$|revealed$|reported$", lw) and _outlet().search(left):
        return True  # the outlet's own knowledge ("The BBC understands", "we revealed") is not a statement
    if lw.startswith("ask") and verb.lower().endswith(" for") and \
            re.search(r"(?:^|,|\b(?:when|if|once|after|before|being))\s*$", left, re.IGNORECASE):
        return True  # "When asked for comment, ..", "The council, asked for a response, .."
    if re.match(r"\s*(?:not\s+to\s+be\s+(?:named|identified)|for\s+anonymity|to\s+be\s+(?:identified|named|called|"
                r"known|referred\s+to)\s+(?:only\s+)?(?:as|by)\b)", text[ve:ve + 40]):
        return True  # "who asked not to be named": a request for anonymity, not a statement
    if lw in _NOUN_FORMS and re.match(r"\s+(?:is|are|was|were|has|have|had)\b", text[ve:ve + 8]) and not (
            lw.endswith("s") and re.match(r"\s+(?:is|was|has)\b", text[ve:ve + 8])
            and _RELATIVE_SUBJECT.search(left)):
        # "Pay claims were settled": the noun, its verb follows ("a system that the union claims
        # is unfair": after a relative's subject, a plural noun with "is" is the verb)
        return True
    if lw in _NOUN_FORMS and (_POSS_BEFORE.search(left) or lw == "report" and _DET_BEFORE.search(left)):
        return True  # "A council report published ..", "the union's claim": a noun, not a verb
    if lw == "report" and re.search(r"\b(?:can|could|should|may|must)\s+$", left, re.IGNORECASE):
        return True  # "Residents can report missed collections online": an instruction, no statement
    if lw in ("demand", "demands") and re.search(r"\b(?:as|and|with|while|of|in|rising|growing|high)\s+$", left):
        return True  # ".. as demand for places continued to rise": the noun
    return False


def reported_in_sentence(text: str, ss: int, se: int, quoted: list[tuple[int, int]]) -> list[dict]:
    """Indirect/mixed statements found in one sentence ``text[ss:se]``."""
    out: list[dict] = []
    sent = text[ss:se]

    def in_quote(i: int) -> bool:
        return any(a <= i < b for a, b in quoted)

    clause_start = ss
    w = _IN_WORDS.match(sent)
    if w and word_count(w.group("rest")) >= 3:
        own = w.group("own") or ""
        who = w.group("who") or {"his": "he", "her": "she", "their": "they"}.get(own, re.sub(r"['’]s?$", "", own))
        rs = ss + w.start("rest")
        out.append(_stmt(text, rs, _content_end(text, rs, se), who, "according to"))
        return out
    m = _ACCORDING_FRONT.match(sent)
    if m and (re.match(r"(?:saying|adding|claiming|warning|insisting)\b", m.group("rest")) or _NAME_APPOSED.match(
            m.group("rest"))) and word_count(m.group("lead")) >= 3:
        m = None  # ".. went back on the deal, according to Unite, saying ..": the content comes first
    if m and m.group("rest") and not _not_source().search(m.group("who")):
        rs = ss + m.start("rest")
        out.append(_stmt(text, rs, _content_end(text, rs, se), m.group("who"), "according to"))
        return out
    m = _ACCORDING_BACK.match(sent)
    if m and word_count(m.group("content")) >= 3 and not _not_source().search(m.group("who")):
        out.append(_stmt(text, ss, ss + m.end("content"), m.group("who"), "according to"))
        clause_start = ss + m.end()
    else:
        tr = _trailing(text, ss, se)
        if tr:
            out.append(tr[0])
            clause_start = tr[1]

    for vs, ve, verb, cls in _cue_matches(text, clause_start, se, in_quote):
        left = text[clause_start:vs]
        lw = verb.lower().split()[0]
        if _not_reporting(text, ve, verb, left):
            continue
        participle = lw.endswith("ing") and bool(re.search(r",\s*$", text[ss:vs]))
        progressive = lw.endswith("ing") and not participle  # "is demanding", "are calling for"
        passive_told = lw == "told" and bool(re.search(r"\b(?:was|were|been)\s+$", left))
        agent = re.match(r"\s+by\s+([^,.;:“”\"]{2,80}?)\s*,?\s+that\b", text[ve:se]) if passive_told else None
        # "they are continuing to press for [talks]", "went on to say": the speech act is reported
        goes_on = bool(re.search(r"\b(?:continu(?:e|es|ed|ing)|(?:go|goes|went|going)\s+on)\s+to\s+$",
                                 left, re.IGNORECASE))
        if cls != "nominal" and not goes_on and (
                (_BE_BEFORE.search(left) and not progressive and not passive_told)
                or _BAD_BEFORE.search(left)):
            continue
        if _AFTER_QUOTE.search(text[ss:vs]) and not participle:
            continue  # '"...," said X': the attribution of a direct quote
        if cls == "nominal" and out and out[-1]["start"] == trim(text, vs, ve)[0]:
            continue  # "said the council's claim that [..] does not stand up": the content of "said"
        cstart = ve if cls == "nominal" else _content_after(text, ve, se, verb, cls)
        if lw in ("writes", "wrote") and cstart is not None and \
                re.fullmatch(r"\s*(?:[A-Z][\w’'.-]*\s*){1,4}[.!]?\s*", text[cstart:se]):
            continue  # "..., writes James Wright": a byline, not a statement
        nested = bool(out) and out[-1]["start"] < vs < out[-1]["end"]
        if cstart is None or text[cstart] in "“\"‘'" and any(
                a == cstart + 1 and b >= se - 3 for a, b in quoted):
            # no reported content here ('adding: "..."'), but a participle or a direct quote's
            # own attribution still ends the previous content
            if nested and (participle or re.match(r"\s*:?\s*[“\"‘']", text[ve:se])):
                split = _split_previous(text, out[-1], vs, participle)
                if split is not None:
                    out[-1]["end"] = split[0]
            continue
        subj = text[clause_start:vs]
        if nested:
            split = _split_previous(text, out[-1], vs, participle)
            if split is None:
                continue  # a reporting verb nested inside the content ("which it claimed")
            out[-1]["end"], who = split
        elif participle:
            # "..., saying that": the main clause's subject speaks ('"..," said Jo, adding')
            close = max(text.rfind(q, ss, vs) for q in "”\"")
            who = out[-1]["cue"].get("speaker_text") if out else (
                close > 0 and attribution_after(text[close + 1:vs])) or clean_speaker(
                _participle_subject(text[ss:vs]))
        elif cls == "nominal" and re.match(_nominal_any(), verb) and re.match(_nominal_any(), verb).group("poss"):
            who = clean_speaker(re.sub(r"['’]s?$", "", re.match(_nominal_any(), verb).group("poss")))
        elif passive_told and agent:  # "Staff were told by managers that ..": the agent speaks
            who = clean_speaker(agent.group(1))
        elif passive_told:
            # with no agent the subject is the listener: a reporter's source keeps the statement, its
            # speaker told by the text around ("The LDRS was told .."); "The 286 staff were told this
            # week they could only work 22 hours" reports an employer's notice, no statement
            listener = re.sub(r"\b(?:was|were|been|has|have|had)\s+$", "", subj).strip()
            if not (_outlet().search(listener) or _REPORTER.search(listener)):
                continue
            who = None
        elif not subj.strip() or not _subject_hint(_PARENTHETICAL.sub(" ", subj)[-80:]):
            if out and _CONTINUATION.search(text[ss:vs]):
                who = out[-1]["cue"].get("speaker_text")
            else:
                continue
        elif out and _CONTINUATION.search(subj) and not _subject_hint(_CONTINUATION.sub("", subj)):
            who = out[-1]["cue"].get("speaker_text")  # "... and said": the same speaker
        else:
            bare = re.sub(r"\s+", " ", _PARENTHETICAL.sub(" ", subj))  # "The staff – whose job .. –"
            bare = _first_clause_subject(bare)
            who = clean_speaker(re.sub(r"\s+[a-z]+ed\s*$", "", bare) if cls == "nominal" else bare)
        ce = _reported_end(text, cstart, se, subj, cls)
        if lw in ("told", "tell", "tells") and re.match(r"\s*:\s*[“\"‘']", text[ce:ce + 3]) and \
                not _looks_clause(text[cstart:ce]):
            continue  # "told striking staff: '...'": the object of a direct quote's intro
        if cls == "label" and not re.search(r"[“\"‘']", text[cstart:ce]):
            continue  # "called X 'Y'" only with the quoted label
        if ce - cstart < 2 or word_count(text[cstart:ce]) < (4 if cls == "describe" else 2):
            continue
        out.append(_stmt(text, cstart, ce, who, verb))
        clause_start = ve
    return out


def _split_previous(text: str, prev: dict, vs: int, participle: bool) -> tuple[int, str | None] | None:
    """Where a second reporting clause cuts the previous content: (new end, its speaker)."""
    region = text[prev["start"]:vs]
    base = prev["start"]
    prev_who = prev["cue"].get("speaker_text")
    if participle:  # "said A, adding that B"
        m = re.search(r",\s*$", region)
        return (trim(text, prev["start"], base + m.start(), " ,;")[1], prev_who) if m else None
    if re.search(r",\s*as\s+[^,]{1,40}$", region) and text[vs:vs + 30].split(",")[0].strip() \
            in ("", *verb_classes()):
        return None  # "[their job is not, as bosses argue, just ..]": a parenthetical
    m = _RELATIVE.search(region)
    if m:
        if verb_class(prev["cue"].get("verb", "")) == "demand" or \
                re.match(r",\s*which\b", region[m.start():]) and _valid_subject(m.group(1), 4) and \
                re.match(r"(?:said|says|claim|believ|argu|warn|insist|add)", text[vs:vs + 8]):
            # "called for a 12% rise, which they said [..]", "said A, which it says [..]": the
            # relative is a new statement (CONVENTIONS: relative clauses start at the verb)
            return trim(text, prev["start"], base + m.start(), " ,;")[1], \
                clean_speaker(m.group(1)) or prev_who
        return None
    cands = []
    conj = None
    conj_re = _CONJ_SAY if _SAY_THAT.match(text, vs) else _CONJ
    for conj in conj_re.finditer(region):
        pass
    if conj is not None:
        after = region[conj.end():].strip(" ,")
        # "says A, and is calling on ..": a present auxiliary alone is the speaker's own second act;
        # "said A and had asked ..", ".. and would recommend ..": the reported clause goes on
        if re.fullmatch(r"(?:(?:also|now)\s+)?(?:is|are|has|have)(?:\s+(?:also|now))?", after, re.IGNORECASE):
            after = ""
        own = clean_speaker(_AUX_LEAD.sub("", after))
        if not own or _valid_subject(own, 8):
            cands.append((conj.start(), own or prev_who))
    m = re.search(r",\s+([^,]{1,60})$", region)
    if m and _valid_subject(m.group(1), 6) and not _PRONOUN_LEAD.match(m.group(1)):
        cands.append((m.start(), clean_speaker(m.group(1))))
    if not cands:
        return None
    cut, who = max(cands)
    return trim(text, prev["start"], base + cut, " ,;")[1], who


def _quoted_whole(text: str, s: int, e: int) -> bool:
    seg = text[s:e].strip(" ,")
    return len(seg) > 2 and seg[0] in "“\"‘'" and seg[-1] in "”\"’'"


def _inside_double_quotes(seg: str, i: int) -> bool:
    """Position ``i`` of ``seg`` lies inside a quoted fragment ('"prioritises the lowest paid, as
    the unions asked us to"': the speaker's own words go on)."""
    head = seg[:i]
    return head.count("“") > head.count("”") or ("“" not in head and head.count('"') % 2 == 1)


def _content_end(text: str, cs: int, se: int) -> int:
    seg = text[cs:se]
    end = se
    cont = next((c for c in _continuation().finditer(seg) if not _inside_double_quotes(seg, c.start())), None)
    for m in (re.search(r",?\s+according to\b", seg), re.search(r":\s*[“\"‘']", seg), cont):
        if m:
            end = min(end, cs + m.start())
    s, e = trim(text, cs, end, " \t")
    while e > s and text[e - 1] in ".;:,":
        e -= 1
    return e


_DATE_PREFIX = re.compile(r"date\s+\d{4}-\d\d-\d\d\s+")


def _stmt(text: str, s: int, e: int, who: str | None, verb: str) -> dict:
    s, e = trim(text, s, e, " \t,")
    m = _DATE_PREFIX.match(text, s, e)  # scraped pages open with "date 2020-07-06 "
    if m:
        s = m.end()
    return {"start": s, "end": e, "type": "indirect",
            "cue": {"kind": "reported", "verb": re.sub(r"\s+", " ", verb.lower()),
                    "speaker_text": clean_speaker(who) if who else None}}
