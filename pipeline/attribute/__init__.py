"""Speakers, organisations and sides of statements; article metadata and dispute grouping."""
from __future__ import annotations

import re

from pipeline.attribute.article import infer_article_meta
from pipeline.attribute.frames import find_mention
from pipeline.attribute.grouping import group_disputes
from pipeline.attribute.mentions import clean_mention, plausible
from pipeline.attribute.knowledge import Knowledge, load_knowledge
from pipeline.attribute.sides import side_of
from pipeline.attribute.persons import NAME_RE
from pipeline.attribute.speakers import BODY_HEAD, PRONOUNS, Resolved, SpeakerResolver
from pipeline.schema import Article, Statement

# Metadata infer_article_meta leaves in ``article.extra`` for group_disputes (drop before output).
META_KEYS = ("_workforce", "_year", "_text_year", "_client", "_sig")

__all__ = ["META_KEYS", "Knowledge", "load_knowledge", "infer_article_meta", "attribute_statements",
           "group_disputes"]


def _extracted_cues(text: str, statements: list[Statement]) -> list[dict | None]:
    """For each span, the cue of the best-overlapping statement the extractor finds."""
    from pipeline.extract import extract_statements

    found = extract_statements(text)
    out: list[dict | None] = []
    for s in statements:
        best, best_ov = None, 0
        for f in found:
            ov = min(s.end, f.end) - max(s.start, f.start)
            if ov > best_ov:
                best, best_ov = f, ov
        # a speaker named inside the span reports a statement nested in it, not this one ("The
        # council says that CCTV makes it safe, but it's not the same" in a union official's words)
        nested = best is not None and best.cue and best.start > s.start and \
            (best.cue.get("speaker_text") or "\0") in text[s.start:best.start]
        out.append(best.cue if best is not None and not nested else None)
    return out


def _mentions(text: str, statements: list[Statement], role_words: frozenset = frozenset()
              ) -> list[tuple[str, int] | None]:
    """(speaker mention, offset) per statement: the frame found around the span, else the cue of
    the extractor's own statement, else the extractor's view of the same span."""
    out: list[tuple[str, int] | None] = []
    extracted: list[dict | None] | None = None
    for i, s in enumerate(statements):
        m = find_mention(text, s.start, s.end, s.type)
        if m is not None and plausible(clean_mention(m.text, lambda x: False), role_words):
            out.append((m.text, m.start))
            continue
        if s.cue and s.cue.get("speaker_text"):
            out.append((s.cue["speaker_text"], int(s.cue.get("speaker_start", s.start))))
            continue
        if s.cue is not None:  # the extractor's own statement: its cue is all it has to say
            out.append(None)
            continue
        if extracted is None:
            extracted = _extracted_cues(text, statements)
        cue = extracted[i]
        ok = cue and cue.get("speaker_text") and \
            plausible(clean_mention(cue["speaker_text"], lambda x: False), role_words)
        out.append((cue["speaker_text"], int(cue.get("speaker_start", s.start))) if ok else None)
    return out


_APPOSED = re.compile(r",?[^\S\n]+((?:[A-Z][a-z]+[^\S\n]+){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                      r"(?=\s*(?:[,.;]|$|\s+(?:said|says|told|added|who|whose)\b))")


# "One care worker, called Lisa,", "One loader, who gave his name only as Dave,", "who asked to be
# identified only as Jo": the name the text gives
_CALLED = re.compile(r",[^\S\n]+(?:called|named|(?:who|and)\s+(?:gave|gives|would\s+only\s+give)\s+(?:his|her|their)\s+"
                     r"(?:first\s+)?name\s+(?:only\s+)?as|who\s+asked\s+to\s+be\s+(?:identified|named|called|known)\s+"
                     r"(?:only\s+)?as|(?:known|identified)\s+only\s+as)[^\S\n]+"
                     r"([A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)(?=\s*[,.;])")


def _with_apposed_name(text: str, mention: tuple[str, int] | None, role_words: frozenset
                       ) -> tuple[str, int] | None:
    """"Unison's head of local government, Heather Wakefield, ..": a role mention extended by the
    name set beside it, so the name is the speaker."""
    if not mention:
        return mention
    raw, off = mention
    end = text.find(raw, off)
    if end < 0:
        return mention
    called = _CALLED.match(text, end + len(raw))
    if called:  # "One care worker, called Lisa, said": the name
        return called.group(1), called.start(1)
    bare = re.match(r"[^\S\n]+(?:called|named)[^\S\n]+([A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)(?=\s*[,.;])",
                    text[end + len(raw):])
    if bare and re.match(r"(?:a|an|one|another|his|her|their)\s", raw, re.IGNORECASE):
        return bare.group(1), end + len(raw) + bare.start(1)  # "His colleague, a joiner called Mick, said"
    given = re.match(r",[^\S\n]+([A-Z][a-z]+)(?=\s*[.,;]|$)", text[end + len(raw):])
    if given and re.match(r"(?:one|a|an|another)\s", raw, re.IGNORECASE) and \
            any(w in role_words for w in raw.lower().split()[1:]):
        return given.group(1), end + len(raw) + given.start(1)  # '.., said one mother, Lorraine.'
    low = raw.lower()
    if not any(w in low for w in role_words) and "head of" not in low:
        return mention
    m = _APPOSED.match(text, end + len(raw))
    return (raw + ", " + m.group(1), off) if m else mention


def attribute_statements(article: Article, statements: list[Statement], knowledge: Knowledge
                         ) -> list[Statement]:
    """Set speaker, speaker_org and side on each statement (in text order)."""
    resolver = SpeakerResolver(article.text, knowledge, article.employer, article.unions)
    mentions = [_with_apposed_name(article.text, m, knowledge.role_words)
                for m in _mentions(article.text, statements, knowledge.role_words)]
    wf = article.extra.get("_workforce")
    workforce = knowledge.workforces.get(wf) if wf and wf != "council-workers" else None
    prev: Resolved | None = None
    prev_end = 0
    resolved: list[Resolved] = []
    for st, mention in zip(statements, mentions):
        view = _VIEW_AFTER.match(article.text, st.end)
        if view:  # '"We've had enough" was the view of many on the picket line': named right after
            mention = (view.group("who"), view.start("who"))
        if mention:  # never the statement itself: '"Jo Bell let us down," she said'
            resolver.between = article.text[prev_end:max(prev_end, min(mention[1], st.start))]
        r = resolver.resolve(mention[0], st.start, st.quote) if mention else None
        via = _attribution_path(mention[0], r) if r is not None else None
        prev_end_before = prev_end
        prev_end = max(prev_end, st.end)
        if r is None:
            # '"..." \n Those were the words of Ailsa Munro, ..': the speaker named after the quote
            r = _named_after(article.text, st.end, resolver)
            via = "name" if r is not None else None
        if r is None and prev is not None:
            # a press release pasted after the paragraph that introduces it ("COSLA last night
            # expressed its disappointment .. \n The offer ..."): that paragraph's subject
            r = _introduced_source(article.text, prev_end_before, st.start, resolver, prev)
            via = "introduced" if r is not None else None
        if r is None:
            # an unattributed quote continues the previous speaker (multi-paragraph quotes)
            via = "continued" if prev is not None else "default"
            r = prev or Resolved(article.unions[0] if article.unions else "unknown source",
                                 article.unions[0] if article.unions else None, "org")
        if st.cue is not None:  # the extractor's statement: its evidence tells how the speaker was found
            st.cue = {**st.cue, "attribution": via}  # a copy: the extractor may share one cue between statements
        st.speaker, st.speaker_org = r.speaker, r.org
        st.side = side_of(r, knowledge, article.employer)
        if st.side == "council" and r.kind == "group" and r.org in (None, article.employer) and \
                workforce is not None and workforce.search(r.speaker) and \
                not re.search(r"\b(?:council|authority)\b", r.speaker, re.I):
            st.side, st.speaker_org = "union", None  # "Housing officers" in a housing officers' dispute: the workers
        resolver.remember(r)
        prev = r
        resolved.append(r)
    _name_later_named(article.text, statements, resolved)
    return statements


def _attribution_path(mention: str, r: Resolved) -> str:
    """How a speaker was found from the statement's own mention: a pronoun resolved back, a name
    (a person or a body), or a description or group as written."""
    if clean_mention(mention, lambda x: False).lower() in PRONOUNS:
        return "pronoun"
    return "name" if r.kind in ("person", "org") else "description"


def _name_later_named(text: str, statements: list[Statement], resolved: list[Resolved]) -> None:
    """'A union representative said ..' later named ('The representative, Jo Bell, ..'): the
    name, for every statement of that description (CONVENTIONS)."""
    for r in {id(r): r for r in resolved if r.kind == "description"}.values():
        if _ONE_OFFICE.match(r.speaker):  # "The council's director ..", "Unison's regional organiser"
            _name_role_holder_after(text, statements, resolved, r)
            continue
        if not re.match(r"(?:a|an)\s", r.speaker, re.IGNORECASE):
            continue
        # the head noun: "A spokesman for Calderstone Council" -> "spokesman"
        word = re.split(r"\s+(?:for|of|at|from|with|in|on\s+behalf\s+of)\s+", r.speaker)[0].split()[-1]
        if BODY_HEAD.match(word):
            continue  # a body ("a change the council") is never the person named later
        head = re.escape(word[:5]) + r"\w*" if len(word) > 5 else re.escape(word)  # official ~ officer
        if word.lower().startswith("repres"):
            head = r"(?:repres\w*|reps?)"  # "A Unite representative .. The rep, Kevin Rourke,"
        first = min(st.start for st, x in zip(statements, resolved) if x is r)
        after = text[first:]
        # "The council spokesman, Daniel Orme," after "A spokesman for Kingsmere Borough Council": words
        # between "the" and the head must be the description's own ("The union spokesman" is another)
        named = next((x.group(2) for x in re.finditer(
            rf"\b[Tt]he\s+((?:[\w’'-]+\s+){{0,2}}){head},?\s+{NAME_RE.pattern}", after)
            if all(w.lower().rstrip("’'s") in r.speaker.lower() for w in x.group(1).split())), None)
        apposed = re.search(rf"{NAME_RE.pattern},\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}{head}\b", after)
        name = named or (apposed.group(1) if apposed else None)
        if name:
            own = [st for st, x in zip(statements, resolved) if x is r]
            for st in own:
                st.speaker = name
            # the named person's own statements speak for the body the description gave, unless
            # their mention named one ("The spokesman, Peter Hale, added: ..")
            for st in statements:
                if st.speaker == name and st.speaker_org is None and own[0].speaker_org:
                    st.speaker_org, st.side = own[0].speaker_org, own[0].side


# one office holder: "The leader of Tarnwick City Council", "The council's director of children's services"
_ONE_OFFICE = re.compile(r"^(?:the\s+(?:[\w’'& -]+?['’]s?\s+|council\s+)?|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?['’]s\s+)"
                         r"(?:executive\s+|corporate\s+|strategic\s+)?"
                         r"(?P<head>leader|chief\s+executive|director|cabinet\s+member|(?:(?:regional|branch|general|"
                         r"national|area|lead)\s+)?(?:secretary|organiser|organizer|convenor|convener|negotiator))\b",
                         re.IGNORECASE)


def _name_role_holder_after(text: str, statements: list[Statement], resolved: list[Resolved], r: Resolved
                            ) -> None:
    """'The leader of X Council has written .. In the letter, Cllr Jo Bell ..' / 'The council's director
    of education told a meeting .. Graham Sillars, who became director last year, ..': the office's
    holder, named within the next two sentences as a councillor (a leader, a cabinet member) or with
    the office's word in a clause of their own."""
    office = _ONE_OFFICE.match(r.speaker)
    if not office:
        return
    own = [st for st, x in zip(statements, resolved) if x is r]
    after = text[own[0].end:]
    near = after[:sum(len(x) for x in re.split(r"(?<=[.!?])(?=\s)", after)[:3])]
    head = office.group("head").split()[-1].lower()
    for m in NAME_RE.finditer(near):
        titled = re.search(r"\b(?:Cllr|Councillor)\.?\s+$", near[:m.start(1)])
        # "Kate Morrow, Unison's regional organiser, said", "Regional organiser Kate Morrow said"
        clause = re.match(r",\s+(?:who|the|a|an|[A-Z][\w&-]*[’']s?)\s[^.\n]{0,60}?\b" + re.escape(head[:5]),
                          near[m.end():], re.IGNORECASE)
        before = re.search(re.escape(head) + r"\s+$", near[:m.start(1)], re.IGNORECASE)
        # "The union's regional organiser said .. \n Karen Deakin, who has represented the crews for
        # a decade, added:": a person the text names here for the first time goes on for the office
        added = re.match(r"(?:,[^.\n“\"‘]{0,120},)?\s+added\b", near[m.end():]) and \
            text.find(m.group(1)) >= own[0].end
        if clause or before or added or titled and head in ("leader", "member"):
            for st in own:
                st.speaker = m.group(1)
            return


_WORDS_OF = re.compile(r"(?:(?:Those|These|That|This|Such)\s+(?:were|was|are|is)\s+the\s+(?:words|message|verdict|view|"
                       r"warning|plea|response|reaction|assessment)\s+(?:of|from)|(?:The|That|This|Those|These)\s+"
                       r"(?:words|message|verdict|warning|plea|response|reaction|assessment)\s+(?:came|come)\s+from)"
                       r"\s+(?P<who>[^,.;:\n]{2,80})")


# a quote followed in its own sentence by whose view it was
_VIEW_AFTER = re.compile(r"[”\"’']?[,.]?[^\S\n]*(?:(?:That|This|Such)[^\S\n]+)?(?:was|were|is|are)[^\S\n]+the[^\S\n]+"
                         r"(?:view|verdict|feeling|mood|opinion|message|words)[^\S\n]+(?:of|from|among)[^\S\n]+"
                         r"(?P<who>[^,.;:\n“”\"]{2,80})")


def _named_after(text: str, end: int, resolver: SpeakerResolver) -> Resolved | None:
    """The speaker a quote's next paragraph names ('Those were the words of X'), past the paragraphs
    that go on with the quote."""
    pos = text.find("\n", end)
    for _ in range(6):
        if pos < 0:
            return None
        nxt = text.find("\n", pos + 1)
        para = text[pos + 1:nxt if nxt >= 0 else len(text)]
        if not para.lstrip().startswith(("“", '"', "‘", "'")):
            break
        pos = nxt
    else:
        return None
    m = _WORDS_OF.match(para.strip())
    return resolver.resolve(m.group("who"), pos + 1 + m.start("who"), "") if m else None


_INTRODUCES = re.compile(r"^(?P<subj>[^.!?\n“”\"]{2,80}?)\s+(?:(?:last|this)\s+\w+\s+|yesterday\s+|today\s+)?"
                         r"(?:expressed|issued|released|published|put\s+out|responded|set\s+out|said|stated)\b")


# a paragraph opening with a named person as its subject ("Council leader Tom Hart has defended ..")
_PERSON_SUBJECT = re.compile(r"^(?P<subj>[^.!?\n“”\"‘,]{2,60}?)\s+(?:has|had|is|was|has\s+been|had\s+been|"
                             r"(?!(?:need|based|united|hundred)ed\b)[a-z]{3,}ed)\b")


def _introduced_source(text: str, after: int, start: int, resolver: SpeakerResolver,
                       prev: Resolved) -> Resolved | None:
    """The subject of the paragraph just before an unattributed statement, when at least one
    paragraph that holds no statement separates it from the previous statement: a source that
    issued or said something, or a person other than the previous speaker ("Council leader Tom
    Hart has defended the offer. \n "We have made a fair offer ..."")."""
    gap = text[after:start]
    paras = [p for p in gap.split("\n")[1:-1] if p.strip()]  # whole paragraphs between the two
    if not paras or text[text.rfind("\n", 0, start) + 1:start].strip(" “\"‘"):
        return None  # the statement does not open its paragraph
    para = paras[-1].strip()
    pos = after + gap.rfind(paras[-1])
    m = _INTRODUCES.match(para)
    if m:
        return resolver.resolve(m.group("subj"), pos)
    m = _PERSON_SUBJECT.match(para)
    if m and NAME_RE.search(m.group("subj")):
        r = resolver.resolve(m.group("subj"), pos)
        if r is not None and r.kind == "person" and r.speaker != prev.speaker:
            return r
    return None
