"""Direct quotes: quoted stretches presented as a source's own words (not scare quotes)."""
from __future__ import annotations

import re

from pipeline.extract.frames import attribution_after, clean_speaker
from pipeline.extract.verbs import verb_regex
from pipeline.text.quotes import QuoteRegion
from pipeline.text.segment import trim, word_count

_INTRO_VERB = re.compile(
    r"(?:said|says|say|added|adds|told\s+[^,:]{1,40}?|explained|insisted|argued|warned|"
    r"stated|wrote|tweeted|posted|commented|continued|replied|responded|declared|concluded|"
    r"statement|saying|adding|read|reads)\s*[,:]?\s*$", re.IGNORECASE)
_CHANTED = re.compile(r"\b(?:chant(?:ed|ing|s)?|sang|singing|shout(?:ed|ing|s)?)\s*[,:]?\s*$", re.IGNORECASE)
# "Jon Rogers’ message to councillors was that “..”": a nominal report of the quote
_MESSAGE_WAS = re.compile(r"['’]s?\s+(?:message|view|position|argument|point|verdict|response|warning|plea)"
                          r"\b[^.!?“”]{0,40}?\s+(?:was|is|remains)\s+that$")
_SENT_BREAK = re.compile(r"(?:[.!?…]|[.!?…][\"”’'])\s*$")


def is_headline(text: str, ps: int, pe: int) -> bool:
    """The first line of a page without closing punctuation reads as a headline."""
    line = text[ps:pe].rstrip()
    return ps == len(text) - len(text.lstrip()) and "\n" in text[pe:].strip() + text[pe:pe + 1] \
        and not re.search(r"[.!?…]['’\"”]?$", line) \
        and word_count(line) <= 25


def is_subheadline(text: str, ps: int, pe: int) -> bool:
    """A short line inside the page without closing punctuation (not one cut off by the end of
    the text): a headline or crosshead."""
    line = text[ps:pe].strip()
    return bool(line) and pe < len(text.rstrip()) and word_count(line) <= 14 \
        and not re.search(r"[.!?…:;,”\"’')\]]$", line)


def classify_region(text: str, r: QuoteRegion, min_words: int) -> dict | None:
    """A direct statement dict for a quote region, or None when it is a fragment/scare quote."""
    s, e = trim(text, r.start, r.end)
    content = text[s:e]
    n = word_count(content)
    if n < min_words:
        return None
    ps, pe = r.para
    if _is_subheading(text, r, content):
        return None
    before = text[ps:r.open_at]
    after = text[r.close_at + 1:pe] if r.close_at is not None else ""
    b = before.strip()
    speaker = None
    direct = False
    if not b:
        whole_line = not text[r.close_at + 1:pe].strip(" .") if r.close_at is not None else True
        # a quoted line of a few words without punctuation is a sub-headline, not a statement
        # (a quote cut off by the end of the text is no sub-headline)
        subhead = whole_line and n <= 5 and not _SENT_BREAK.search(content) and r.close_at is not None
        cut_off = r.close_at is None and pe >= len(text.rstrip())
        direct = not subhead and (n >= 3 or cut_off or bool(_SENT_BREAK.search(content)))
    elif b.endswith(":"):
        direct = True
        speaker = _subject_before_colon(b)
    elif _CHANTED.search(b) and n >= 2:
        direct = True  # 'members chanted “Kitcat out!”': what a crowd chants is what it says
        speaker = _subject_before_verb(b)
    elif (_INTRO_VERB.search(b) or b.endswith(",") and _verb_near_end(b)) and (b.endswith(",") or n >= 4):
        direct = True
        speaker = _subject_before_verb(b)
    elif re.search(r"\bthat$", b) and (_INTRO_VERB.search(b[:-4].rstrip()) or _MESSAGE_WAS.search(b)) and n >= 4 and \
            (r.close_at is None or re.match(r"[.!?…]?\s*(?:$|[“\"‘A-Z])", after)):
        direct = True  # 'said that “<the whole rest of the sentence>”': the quote is the statement
        speaker = _subject_before_verb(b[:-4].rstrip())
    elif _SENT_BREAK.search(b) and content[:1].isupper() and (n >= 4 or n >= 2 and re.search(r"[.!?…]$", content)):
        direct = True  # a quoted sentence standing on its own ("“Not strikes.”" after a quote of its speaker)
    if r.close_at is not None and (not direct or speaker is None):
        who = attribution_after(after) if re.search(r"[,.!?…]\s*$", content) or \
            re.match(r"\s*[,.]?\s*\w", after) else None
        if who:
            direct, speaker = True, who
    if not direct:
        return None
    return {"start": s, "end": e, "type": "direct",
            "cue": {"kind": "direct", "speaker_text": speaker} if speaker else {"kind": "direct"}}


def _verb_near_end(b: str) -> bool:
    """A reporting verb closes the text before a quote ("Jo Bloggs noted, '..'")."""
    last = None
    for last in verb_regex().finditer(b, max(0, len(b) - 60)):
        pass
    return last is not None and word_count(b[last.end():]) <= 3 and not re.search(r"[.!?]", b[last.end():])


def _is_subheading(text: str, r: QuoteRegion, content: str) -> bool:
    """A short unpunctuated line with a quote and no reporting verb ("Strikers: 'We won't
    back down'", "'Full and final' offer falls short") is a (sub-)headline, unless the text ends
    there (a cut-off quote)."""
    ps, pe = r.para
    if pe >= len(text.rstrip()) or r.close_at is None or word_count(text[ps:pe]) > 20:
        return False
    if re.search(r"[.!?…]['’\"”]?\)?$", text[ps:pe]) or _SENT_BREAK.search(content):
        return False
    return not (verb_regex().search(text, ps, r.open_at) or verb_regex().search(text, r.close_at + 1, pe))


def unmarked_quote(text: str, lead: tuple[int, int], para: tuple[int, int]) -> dict | None:
    """A paragraph printed without quote marks after one that ends 'X said:' (a press release or
    a statement pasted verbatim): one direct statement, the speaker from the colon's sentence."""
    ls, le = lead
    ps, pe = para
    if text[le - 1:le] != ":" or text[ps:ps + 1] in "•*-–·" or word_count(text[ps:pe]) < 4:
        return None
    sent = re.split(r"(?<=[.!?])\s+", text[ls:le])[-1]
    who = _subject_before_colon(sent) if verb_regex().search(sent) else None
    if not who or verb_regex().search(text, ps, pe) and re.search(r"\b(?:said|says|told)\b", text[ps:pe]):
        return None
    return {"start": ps, "end": pe, "type": "direct",
            "cue": {"kind": "direct", "speaker_text": who, "speaker_start": ls + max(text[ls:le].find(who), 0)}}


# an embedded social-media post: "<post>" then "— Unite West Midlands (@UniteWMids) 16 September 2024",
# or "Brackendale UNISON (@BrackendaleUNISON) 10 February 2024: <post>"
_POST_AUTHOR_AFTER = re.compile(r"[—–-]\s*(?P<who>[^\n(@]{2,80}?)\s*\(@\w+\)")
_POST_AUTHOR_BEFORE = re.compile(r"(?P<who>[^\n(@:“”\"]{2,80}?)\s*\(@\w+\)[^\n:]{0,40}?:\s+(?=\S)")


def embedded_post(text: str, para: tuple[int, int], nxt: tuple[int, int] | None) -> dict | None:
    """A social-media post embedded in the page, with its author's name and handle before it or on
    the line after it: one direct statement (CONVENTIONS: tweets printed without marks are direct)."""
    ps, pe = para
    before = _POST_AUTHOR_BEFORE.match(text, ps, pe)
    if before and word_count(text[before.end():pe]) >= 3:
        return {"start": before.end(), "end": pe, "type": "direct",
                "cue": {"kind": "direct", "speaker_text": before.group("who"), "speaker_start": ps}}
    after = _POST_AUTHOR_AFTER.match(text, *nxt) if nxt else None
    if after and word_count(text[ps:pe]) >= 3 and not _POST_AUTHOR_AFTER.match(text, ps, pe):
        return {"start": ps, "end": pe, "type": "direct",
                "cue": {"kind": "direct", "speaker_text": after.group("who"), "speaker_start": after.start("who")}}
    return None


_FIRST_PERSON = re.compile(r"\b(?:we|our|us|I|my|me)\b", re.IGNORECASE)
_OUTLET_ASIDE = re.compile(r"\b(?:contacted|approached|asked)\b.{0,60}\bcomment\b", re.IGNORECASE)


def release_goes_on(text: str, para: tuple[int, int]) -> bool:
    """Whether a paragraph after an unmarked pasted statement goes on with it: first-person words,
    no attribution of its own ('said', 'told'), no quote marks (the caller checks), not the outlet's
    aside ('We have contacted the council for comment')."""
    ps, pe = para
    p = text[ps:pe]
    return (word_count(p) >= 4 and p[:1] not in "•*-–·" and bool(_FIRST_PERSON.search(p))
            and not re.search(r"\b(?:said|says|told)\b", p) and not _OUTLET_ASIDE.search(p))


def _subject_before_colon(b: str) -> str | None:
    b = b[:-1].rstrip()
    m = re.search(r"^(.*?)(?:\s+(?:has|have|had))?\s+(?:said|says|added|adds|told\s+.+|explained|"
                  r"insisted|argued|warned|stated|wrote|tweeted|posted|commented|continued|"
                  r"replied|responded|declared)(?:\s+[^,]{0,40})?$", b, re.IGNORECASE)
    if m:
        return clean_speaker(m.group(1)) or None
    m = re.search(r"(?:statement|letter|post|tweet|email)\s+from\s+(.+?)(?:\s+(?:read|reads|stated|states))?$",
                  b, re.IGNORECASE)
    if m:  # "A statement from the GMB union read:"
        return clean_speaker(m.group(1))
    return clean_speaker(b) if word_count(b) <= 10 else None


def _subject_before_verb(b: str) -> str | None:
    m = re.search(r"^(.*?)\s+(?:said|says|added|adds|told|explained|insisted|argued|warned|stated|"
                  r"wrote|tweeted|posted|commented|continued|replied|responded|declared|saying|"
                  r"adding)\b", b, re.IGNORECASE)
    close = re.search(r".*[,.!?…]\s*[”\"’']", m.group(1)) if m else None
    if close:  # the first half of an interrupted quote: "'It's a disgrace,' said Jo Bell, '..'"
        subject = m.group(1)[close.end():].strip(" ,")  # "“..,” Jo Bell said, “..”"
        return (clean_speaker(subject) or None) if subject else attribution_after(b[m.end(1):].rstrip(" ,"))
    if m and m.group(1).strip():
        return clean_speaker(m.group(1)) or None
    v = next(verb_regex().finditer(b), None)
    return (clean_speaker(b[:v.start()]) or None) if v and v.start() > 0 else None
