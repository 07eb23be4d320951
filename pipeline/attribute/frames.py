"""The attribution frame around a statement span, found from the text alone (no extractor cue):
"X said: '...'", "'...,' X said", "X said (that) ...", "..., according to X", "X told the BBC ...".
Returns the raw speaker mention and its offset; resolving it to a name is speakers.py's job."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.attribute.mentions import clean_mention
from pipeline.extract.frames import AFTER_NAME, clean_speaker
from pipeline.extract.reported import MAIN_VERB
from pipeline.extract.verbs import verb_regex

_OPEN = "“‘\"'"
_CLOSE = "”’\"'"
_MARKS = _OPEN + _CLOSE
# What may stand between a reporting verb and the content: "said", "told the BBC that",
# "said on Tuesday:", "said in a statement,", "accused" (content starts at the object).
# (an aside between the verb and its "that": "said in a letter to staff, seen by this paper, that")
_VERB_TAIL = re.compile(r"""^(?:\s+(?!that\b)[^,:;“”"‘.!?]{1,70}?)?(?:,\s+[^,:;“”"‘.!?]{1,40},\s+(?=that\b))?"""
                        r"""\s*(?:[,:–—-]\s*)?(?:that\s*)?$""")
# (a name in apposition: "According to a report by the director, Dr Jo Bell, ..")
_ACCORDING_BEFORE = re.compile(r"according\s+to\s+([^,:;“”\"‘.!?]{2,90}?(?:,\s+(?:(?:Dr|Mr|Mrs|Ms|Cllr|Councillor|"
                               r"Professor)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})?)\s*[,:]?\s*$", re.IGNORECASE)
_ACCORDING_AFTER = re.compile(r"^[\s,;–—-]*according\s+to\s+([^,;:“”\"‘.!?]{2,90})", re.IGNORECASE)
_SENT_BREAK = re.compile(r"""[.!?…][”’"']?\s+(?=[“‘"']?[A-Z])|[”"]\s+(?=[A-Z])""")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|St|Prof|No|Rev))\.$")
_ING = re.compile(r"^\w+ing\b")  # "adding", "pointing out"


@dataclass
class Mention:
    text: str
    start: int  # offset of the mention in the article (approximate for cleaned phrases)
    where: str  # "before" | "after" | "according"


def _sentence_start(s: str) -> int:
    """Start of the last sentence in ``s`` (abbreviations like 'Mr.' do not end one)."""
    start = 0
    for m in _SENT_BREAK.finditer(s):
        if not _ABBREV.search(s[:m.start() + 1]):
            start = m.end()
    return start


_OBJECT_VERB = re.compile(r"(?:tell|tells|told|telling|ask|asks|asked|asking|urge\w*|accus\w*|call\w*)$",
                          re.IGNORECASE)
_COORD = re.compile(r"(?:\s|^)(?:and|but|before|then)(?:\s+(?:has|have|had|also|later|then|will|would|is|are))*\s*$")
# "Angry council workers struck and marched in Hackney on Monday demanding ..": the participle
# follows a clause with its own past-tense verb
_ING_AFTER_CLAUSE = re.compile(r"\b(?:struck|marched|walked\s+out|protested|rallied|gathered|demonstrated|"
                               r"picketed|voted|met|went)\b")
# the last relative pronoun ("which was made last month and which employers have (dubbed)")
_REL_SUBJ = re.compile(r"(?:^|[\s,])(?:which|who|whom|that)\s+((?:(?!\b(?:which|who|whom)\s)[^,])+)$")
# "who support ..", not "who the council says": a verb, no subject of its own, after "who"
_SUBJ_REL_VERB = re.compile(r"(?!(?:the|a|an|its|their|his|her|our|this|these|those|he|she|they|we|it|i|you|"
                            r"many|some|most|all|both)\b)[a-z]+\s")
_REL_ANTE = re.compile(r"^(.*?),\s+(?:which|who|whose)\b.*,\s*$")
_FIRST_VERB = re.compile(r"\s(?:has|have|had|is|are|was|were|will|would|could|can|did|does|do|struck|went|met|"
                         r"held|took|gave|made|began|sent|"
                         r"(?!need|speed|seed|feed|red|bed)[a-z]{3,}ed|says|said|told|wrote)\b")


_WITH_SUBJECT = re.compile(r"(?:^|[\s,(])with\s+(?P<np>[^,;:()“”\"]{2,80}?)\s*$")
# ("Unite called for the council to say ..": a demand, whose maker speaks)
_FOR_TO = re.compile(r"(?:^|[\s,])(?<!call\s)(?<!calls\s)(?<!called\s)(?<!calling\s)(?<!asked\s)(?<!pressed\s)"
                     r"for\s+(?P<np>[^,;:()“”\"]{2,60}?)\s+to\s*$")
_INVERTED_BEFORE_PARTICIPLE = re.compile(
    r",\s+(?P<who>[^,“”\"]{2,80}?)\s+(?:said|says|told\s+[^,“”\"]{1,40}|added|explained|warned|"
    r"insisted|argued)\s*,\s*$")


def _relative(region: str) -> tuple[str, int]:
    """'plans which the council ' -> 'the council '; 'The authority, which runs it, ' ->
    'The authority' (with the offset of the kept part)."""
    m = _REL_ANTE.match(region.rstrip())
    if m:  # "Bernard Hollis, 84, who ..": the age describes the name
        parts = re.split(r",\s+", m.group(1))
        while len(parts) > 1 and AFTER_NAME.match(parts[-1]):
            parts.pop()
        return ", ".join(parts), 0
    if not region.rstrip().endswith(","):
        m = _REL_SUBJ.search(region)
        if m and (re.match(r"(?:are|is|was|were|have|has|had|will|would|can|could|do|does|did)\b", m.group(1))
                  or re.match(r"who\s", m.group(0).lstrip(" ,")) and _SUBJ_REL_VERB.match(m.group(1))):
            # "Sheffield bin workers who are on strike say", "Workers who support children with
            # .. needs and disabilities said": a subject relative describes its antecedent
            return region[:m.start()].rstrip(" ,"), 0
        if m:
            return m.group(1), m.start(1)
    return region, 0


def _word_at(region: str, who: str) -> int:
    """Where the mention ``who`` stands in ``region``: its last occurrence as whole words (the one
    nearest the verb; "he" is no part of "When"), else -1."""
    found = None
    for found in re.finditer(rf"(?<![\w’'-]){re.escape(who)}(?![\w’'-])", region):
        pass
    return found.start() if found else region.find(who)


def _sentence_subject(sentence: str) -> tuple[str, int] | None:
    """The subject of a sentence's main clause: the words before its first finite verb."""
    lead = re.match(r"^\s*[“‘\"']?", sentence).end()
    v = min((m for m in (_FIRST_VERB.search(sentence, lead), MAIN_VERB.search(sentence, lead)) if m),
            key=lambda m: m.start(), default=None)  # "Unison disputes that, saying"
    if not v:
        return None
    region, shift = _relative(sentence[lead:v.start()])
    who = clean_speaker(region)
    if not who or len(who.split()) > 16:
        return None
    return who, lead + shift + max(_word_at(region, who), 0)


# Verbs that introduce a statement the extractor does not look for (their object is often a bare
# noun, which is no statement), but that name its source when a span is given: "Unison and Unite
# have slammed [..]", "Glasgow City Unison has made clear that [..]", "UNISON views [..]"
_FRAME_ONLY_VERBS = re.compile(r"(?<![\w'’-])(?:slam(?:s|med)?|(?:ha(?:s|ve)\s+)?made\s+(?:it\s+)?clear|"
                               r"views|been\s+lobbying|lobbied|hit\s+out\s+at|chanted|appealed\s+to|promised(?:\s+to)?|"
                               r"commented|herald(?:ed|ing)|hail(?:ed|ing)|rejected|dismissed|highlight(?:s|ed)|dubbed|branded|labelled|put|laid|pinned|"
                               r"posted(?:\s+(?:on|to)\s+(?:social\s+media|Twitter|X|Facebook|Instagram|LinkedIn|Bluesky))?)"
                               r"(?![\w'’-])")


# a subordinate clause ending the region before a reporting verb, after a main clause with a
# finite verb: its subject (no comma, a few words) is the speaker, not the main clause's
_SUBORDINATE = re.compile(r"\b(?:after|when|before|because|since|until|while|although|though|once)"
                          r"\s+(?P<np>[^,;:()“”\"]{2,70}?)\s*$")
_NEW_CLAUSE = re.compile(r"\s(?:and|but|while|whereas)\s+(?P<np>(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'&-]*)*)"
                         r"(?:\s+(?:has|have|had|also|now|later|then|has\s+also))*\s*$")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|been|\w{3,}ed)\b")


# a determiner before a verb-shaped word makes it a noun: "A report to the committee says"
_DETERMINER_END = re.compile(r"\b(?:a|an|the|its|their|his|her|this|our|your)\s+$", re.IGNORECASE)


_THING = re.compile(r"^(?:the|this|a|an)\s+(?:dispute|strike|row|action|offer|ballot|decision|move|plans?|"
                    r"changes?|walkout|deal|proposals?)$", re.IGNORECASE)
_BECAUSE_SUBJECT = re.compile(r"\b(?:because|after|when|since|as|although|though)\s+(?P<np>(?:(?:the|its|their)\s+)?"
                              r"[\w’'-]+(?:\s+[\w’'-]+){0,4}?)\s+(?:are|is|was|were|have|has|had)\b")


# "X voted to end the strike after the council offered them £750 and (said)": with no comma
# between, the coordinated verb continues the nearer clause, whose subject speaks
_NEAR_CLAUSE = re.compile(r"\b(?:after|because|when|once)\s+(?P<np>(?:the|its|their)\s+[\w’'-]+|[A-Z][\w’'&-]+"
                          r"(?:\s+[A-Z][\w’'&-]+){0,2})\s+(?:had\s+)?(?:[a-z]{3,}ed|made|gave|told|sent|wrote|put)\b"
                          r"[^,;:.!?“”\"]*\s(?:and|but)(?:\s+(?:has|have|had|also|later|then))*\s*$")


def _subject_before(left: str, offset: int) -> Mention | None:
    """The subject of the last reporting verb that ends ``left`` (content follows it)."""
    verbs = sorted([*verb_regex().finditer(left), *_FRAME_ONLY_VERBS.finditer(left)], key=lambda v: v.start())
    for v in reversed(verbs):
        tail = left[v.end():]
        if not _VERB_TAIL.match(tail):
            continue
        head = left[:v.start()]
        sent = _sentence_start(head)
        region = head[sent:]
        # a quote earlier in the sentence: the subject follows its closing mark
        close = max((region.rfind(c) for c in "”\""), default=-1)
        # a closing single mark after the quote's punctuation ("'We kept the door open,' he said")
        close = max([close, *(x.end() - 1 for x in re.finditer(r"[,.!?…][’'](?=\s)", region))])
        if close >= 0:
            region, sent = region[close + 1:], sent + close + 1
        w = (_ING.search(v.group(0)) and _WITH_SUBJECT.search(region)) or _FOR_TO.search(region)
        if w:  # "Talks broke down, with unions confirming that ..", ".. only for officers to respond that"
            who = clean_speaker(w.group("np"))
            if who:
                return Mention(who, offset + sent + w.start("np"), "before")
        inv = _ING.search(v.group(0)) and _INVERTED_BEFORE_PARTICIPLE.search(region)
        if inv:  # "Councils pay more, social worker Jo Bell told the BBC, adding that ..": Jo Bell
            who = clean_speaker(inv.group("who"))
            if who:
                return Mention(who, offset + sent + inv.start("who"), "before")
        if (_ING.search(v.group(0)) and (re.search(r",\s*$", region) or _ING_AFTER_CLAUSE.search(region))) \
                or _COORD.search(region):
            # "..., adding that" / "X said ... and claimed": the main clause's subject speaks
            # try the words after an earlier quote, then the whole sentence
            s0 = _sentence_start(head)
            parts = ((region, sent), (head[s0:], s0))
            if close >= 0 and re.match(r"(?:to|of|because|and|in|for|as|with|by|on|at|from|that|which|but|so|"
                                       r"when|if|after|before|until|while|than)\b", region.lstrip(" ,")):
                parts = parts[1:]  # 'said the offer was "divisive" because it .., and warned': no new clause
            last = [c for c in re.finditer(r"\s(?:but|while|whereas)\s+(?=(?:the|a|an|[A-Z]))", region)] \
                if _ING.search(v.group(0)) else []
            if last:  # "A meeting was due but the council went back on it, according to Unite, saying ..":
                # the participle belongs to the last clause
                parts = ((region[last[-1].end():], sent + last[-1].end()),) + parts
            for part, at in parts:
                subj = _sentence_subject(part)
                inner = (_BECAUSE_SUBJECT.search(part) if subj and _THING.match(subj[0]) else None) or \
                    _NEAR_CLAUSE.search(part)
                if inner:  # "The dispute has arisen because the affected staff are .., but believe":
                    # a thing believes nothing; the clause's own subject does
                    return Mention(inner.group("np"), offset + at + inner.start("np"), "before")
                if subj is not None:
                    return Mention(subj[0], offset + at + subj[1], "before")
        region, shift = _relative(region)
        sent += shift
        sub = _SUBORDINATE.search(region)
        if sub and _FINITE.search(region[:sub.start()]):
            # "The strike was suspended after union officials said ..": the clause's own subject
            sent += sub.start("np")
            region = sub.group("np")
        # ("Responding to the ballot, X said": a participle opening the sentence reports nothing)
        inner = [x for x in verb_regex().finditer(region) if not _OBJECT_VERB.match(x.group(0))
                 and not _ING.search(x.group(0)) and not _DETERMINER_END.search(region, 0, x.start())]
        if inner and not re.match(r"\s*(?:to|for|with|from|by|at|in|on|of)\s", region[inner[-1].end():], re.IGNORECASE):
            # "The union claims the council said ...": the innermost subject speaks ("wrote to both
            # sides last week urging ..": no subject after the verb, the sentence's own speaks)
            sent += inner[-1].end()
            region = region[inner[-1].end():]
        new_clause = _NEW_CLAUSE.search(region)
        if new_clause and _FINITE.search(region[:new_clause.start()].rstrip(" ,").split(",")[-1]):  # not "X, Y and Z"
            # ".. will be joined by Unite members and South Tyneside Council has warned that ..":
            # the second clause's own subject
            sent += new_clause.start("np")
            region = new_clause.group("np")
        raw = _DASH_ASIDE.sub(" ", region).strip()  # "The motion – to be moved by X – calls on"
        who = clean_speaker(raw)
        if who and len(who.split()) <= 14:
            at = _word_at(region, who)
            return Mention(who, offset + sent + max(at, 0), "before")
        return None
    return None


_PASSIVE_BY = re.compile(r"\b(?:told|informed|advised|assured|warned|reminded|announced|confirmed|stated|claimed|"
                         r"said|reported|revealed|argued)\s+by\s+(?P<who>[^.!?“”\"\n]{2,120}?)\s*,?\s*(?:that\s*)?[:,]?\s*$")

# a listener as the subject, no agent: "The BBC was told that ..", "Councillors were told: .."
_PASSIVE_TOLD = re.compile(r"\b(?:was|were|been|being)\s+(?:[a-z]+ly\s+)?told\s*(?:that\s*)?[:,]?\s*$")

_DASH_ASIDE = re.compile(r"\s[–—-]\s[^–—]{1,100}?\s[–—-](?=\s)")
_LIST_MARK = re.compile(r"\s*(?:[•·▪*-]|\d{1,2}[.)])?\s*")
_LIST_ITEM = re.compile(r"\s*(?:[•·▪*-]|\d{1,2}[.)])\s+\S")


def _main_subject_for_pronoun(left: str, offset: int, found: Mention) -> Mention:
    """'it' / 'they' in a later clause of the sentence whose main subject is named ("The third
    union, Unison, .., is yet to report, but it recommended ..", "The employers made the offer -
    which they described as ..") is that subject."""
    pron = re.search(r"(?:^|\s)(?:it|they)$", found.text, re.IGNORECASE)
    if pron is None:
        return found
    at = found.start - offset + pron.end() - len(pron.group(0).lstrip())
    s0 = _sentence_start(left[:at])
    head = left[s0:at]
    if not re.search(r"(?:,|–|—|\s-|\bbut|\band|\bwhich|\bwhile|\bwhereas)\s*$", head):
        return found
    main = _sentence_subject(head)
    # "Unite claims the situation": the innermost subject, as the resolver will read it
    core = clean_mention(main[0], lambda x: False) if main is not None else ""
    if not core or core.lower() in ("it", "they", "he", "she", "we", "this", "that", "there") or \
            re.match(r"(?:when|if|as|after|before|because|while|since|although|though|once|until)\b", core, re.I) or \
            not re.search(r"[A-Z]|\b(?:workers|staff|members|employers|unions?|council|authority|strikers|officials)\b",
                          core):
        return found  # "Unite claims the situation .., which it says ..": no speaker to hand the pronoun to
    if pron.group(0).strip().lower() == "it" and re.search(r"\b(?:workers|staff|members|strikers|officials|unions)$", core):
        # "Unison members are taking action over a review which, it claims, ..": 'it' is the body
        body = re.match(r"(?:the\s+)?[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*", main[0])
        if body is None:
            return found
        return Mention(body.group(0), offset + s0 + main[1], found.where)
    return Mention(main[0], offset + s0 + main[1], found.where)


_AFTER = re.compile(
    r"""^(?P<lead>[\s,;–—-]*)(?:(?P<verb>said|says|added|adds|explained|insisted|argued|claimed|"""
    r"""continued|wrote|stated|warned|told)\s+(?P<who1>[^.!?“”"‘:,;]{1,90})|"""
    r"""(?P<who2>[^.!?“”"‘:;]{1,90}?)\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)*(?:said|says|tells|added|adds|"""
    r"""told\s+[^.,!?“”"‘]{1,60}|warned|explained|insisted|argued|claimed|admitted|continued|"""
    r"""went\s+on|stressed|wrote|tweeted|posted|commented|replied|responded|concluded|stated|"""
    r"""confirmed|noted|acknowledged|believes|believed|says|maintained|reports|reported|chanted|shouted)\b)""",
    re.IGNORECASE)


def _subject_after(right: str, span_text: str, offset: int) -> Mention | None:
    """'..., he said.' / '..., said Mr Gilhespy' / '..., according to the council'."""
    m = _ACCORDING_AFTER.match(right)
    if m:
        return Mention(m.group(1).strip(), offset + m.start(1), "according")
    stripped = right.lstrip(_CLOSE + " ")
    first = stripped[:1]
    ends_sentence = span_text.rstrip(_CLOSE + " ")[-1:] in ".!?…"
    if first == "." or (ends_sentence and first.isupper() and not re.match(r"(?:said|says|added)\b",
                                                                           stripped, re.I)):
        return None
    if first.isupper() and not right.lstrip(_CLOSE)[:1] in (",", "") and not ends_sentence \
            and not span_text.rstrip(_CLOSE + " ").endswith(",") \
            and not re.match(r"\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:said|says|added)\b", stripped):
        return None  # ('.. before,’ Mike Tucker tells me': the quote's own comma asks for a speaker)
    m = _AFTER.match(right.lstrip(_CLOSE))
    if not m:
        return None
    raw = m.group("who1") or m.group("who2")
    who = clean_speaker(raw)
    if not who or len(who.split()) > 12 or re.match(r"(?:it|this|that|there)\b", who, re.I) and \
            m.group("who2") and len(who.split()) > 1:
        return None
    at = right.find(raw)
    return Mention(who, offset + max(at, 0), "after")


# "Jon Rogers’ message to councillors was that ..": the possessor of the message speaks
_POSSESSED_MESSAGE = re.compile(
    r"(?P<who>[A-Z][^.!?“”\"]{1,80}?)['’]s?\s+(?:message|view|position|argument|point|verdict|response|"
    r"warning|plea|demand|case)(?:\s+(?:to|for|on)\s+[^.!?“”\"]{1,40}?)?\s+(?:was|is|remains)\s+(?:that\s*)?$")


_PEOPLE = r"(?:workers?|strikers?|carers?|staff|members?|employees?|cleaners?|collectors?|drivers?|pickets?)"
_PEOPLE_HEAD = re.compile(rf"\b{_PEOPLE}$", re.IGNORECASE)


# plural group words only, as the rule was written and measured
_PEOPLE_HEAD_THEN_VERB = re.compile(
    r"((?:(?!(?:has|have|had|is|are|was|were|wants?|says?|said|told|needs?|thinks?|feels?|knows?|"
    r"believes?|calls?|tells?|asks?|expects?|claims?)\b)[\w’'-]+\s+){0,3}?" + _PEOPLE.replace("s?", "s") +
    r"(?:\s+(?:in|at|from|of)(?:\s+(?-i:[A-Z])[\w’'-]*){1,4})?)\s+(?!(?:in|of|at|from|for|who|with|on|and|or|across|organised|employed|"
    r"working|based|represented|that|which)\b)[a-z]{3,}\b", re.IGNORECASE)


def find_mention(text: str, start: int, end: int, stype: str | None = None) -> Mention | None:
    """The speaker mention of the statement ``text[start:end]``, or None if no frame is seen."""
    ps = text.rfind("\n", 0, start) + 1
    pe = text.find("\n", end)
    pe = len(text) if pe < 0 else pe
    left_full = text[ps:start]
    left = left_full.rstrip(_OPEN + " ")
    quoted = len(left) < len(left_full) and any(c in _OPEN for c in left_full[len(left):])
    right = text[end:pe]
    span = text[start:end]
    pm = _POSSESSED_MESSAGE.search(left[_sentence_start(left):])
    if pm:
        who = clean_speaker(pm.group("who"))
        if who:
            return Mention(who, ps + _sentence_start(left) + pm.start("who") + max(_word_at(pm.group("who"), who), 0),
                           "before")
    m = _ACCORDING_BEFORE.search(left)
    if m and (not quoted or left.endswith(",")):
        return Mention(m.group(1).strip(), ps + m.start(1), "according")
    by = _PASSIVE_BY.search(left)
    if by:  # "Staff were told by managers that ..": the agent speaks, not the subject
        who = clean_speaker(by.group("who"))
        if who:
            return Mention(who, ps + by.start("who") + max(_word_at(by.group("who"), who), 0), "before")
    if _PASSIVE_TOLD.search(left):
        return None  # "The LDRS was told (that) ..": the subject listened; the speaker is the text around's
    before = _subject_before(left, ps)
    if before is not None and (not quoted or re.search(r"[:,]\s*$|that\s*$|\w$", left)):
        return _main_subject_for_pronoun(left, ps, before)
    after = _subject_after(right, span, end)
    if after is not None:
        return after
    if quoted:  # '“..,” she said. “<this quote>': the attribution between the two quotes
        x = re.search(r"[”\"]\s*(?P<rest>[^“”\"‘]{1,90}?)\.\s*$", left) or re.search(
            r"[,.!?][’']\s*(?P<rest>(?:[^“”\"‘’']|(?<=\w)[’'](?=\w)){1,90}?)\.\s*$", left)  # single marks
        a = _AFTER.match(x.group("rest")) if x else None
        who = clean_speaker(a.group("who1") or a.group("who2")) if a else None
        if who and len(who.split()) <= 8:
            return Mention(who, ps + x.start("rest") + max(_word_at(x.group("rest"), who), 0), "after")
    if quoted and re.search(r"\w[.!]\s*$", left):
        # "A Tyseley worker summed it up. “..”": a worker described just before their quote
        body = left.rstrip()[:-1]
        s0 = _sentence_start(body)
        subj = _sentence_subject(body[s0:] + ".")
        if not (subj and _PEOPLE_HEAD.search(subj[0])):
            # "Workers know how much is at stake.": a present-tense verb the subject finder
            # does not know; the group phrase ends at its people word (or a place after it)
            lead = len(body[s0:]) - len(body[s0:].lstrip())
            cut = _PEOPLE_HEAD_THEN_VERB.match(body, s0 + lead)
            if cut:
                return Mention(cut.group(1), ps + cut.start(1), "before")
        if subj and _PEOPLE_HEAD.search(subj[0]):
            return Mention(subj[0], ps + s0 + subj[1], "before")
    if _LIST_MARK.fullmatch(left) and ps > 1:
        # a quote opening its paragraph after "X said:" closing the previous one; a list item
        # after "The survey found:" / "calls on the council to:" (the items before it skipped)
        pps = text.rfind("\n", 0, ps - 1) + 1
        prev = text[pps:ps - 1].rstrip()
        while left.strip() and _LIST_ITEM.match(prev) and pps > 1:
            ps = pps
            pps = text.rfind("\n", 0, ps - 1) + 1
            prev = text[pps:ps - 1].rstrip()
        if prev.endswith((":", ";", ":-")):  # "X commented;" / "X told Libcom:-" then the quote's paragraph
            return _subject_before(prev.removesuffix("-")[:-1] + ":", pps)
        if left.strip() and re.search(r"\bthat$", prev):  # "The survey found that\n • [..]"
            return _subject_before(prev + " ", pps)
    return None
