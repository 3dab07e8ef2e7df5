"""Rules whose source is a phrase rather than a verb's subject.

"…, according to the ministry", "In the latest poll, …", "Asked whether he would run, …":
the cue is fixed wording and the source is whatever phrase it governs.
"""

from __future__ import annotations

import re

from claimcheck.extract.attribute.base import (
    RawClaim,
    SentenceCtx,
    cues,
    finished,
    is_adjunct,
    reported,
    strip_end,
    words,
)
from claimcheck.extract.cues import CueHit
from claimcheck.extract.patterns import NAME, WEEKDAY
from claimcheck.extract.phrases import looks_like_name
from claimcheck.extract.subjects import Subject, speaker_after, subject_before

# An initial's full stop ("Frank G. Jackson", "the U.S. Department") ends no phrase,
# nor a date's comma ("a March 14, 2019 NATO press release").
_SOURCE_NP = re.compile(
    r"\s*(?P<np>(?:\b[A-Z]\.|(?<=\d),\s(?=\d{4}\b)|[^,;:.!?“”\"()]){2,120}?)\s*"
    r"(?=(?<!\d),|,(?!\s\d{4}\b)|[;!?]|(?<!\b[A-Z])\.|$)"  # "a March 14, 2019 release"
)
_DETERMINERS = frozenset("a an the this that these those".split())
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
# What ends a source phrase that runs on without a comma: a time ("police on Thursday",
# "Gazeta Wyborcza in March"), a relative clause ("CNN who reported …"), or the
# content's own clause ("the Ministry of Foreign Affairs he died …", "the emergencies
# ministry recovered at least ten survivors", "Wasef archaeologists have not yet …").
_SOURCE_END = re.compile(
    r"\s+(?:(?:on|in|late|early|last|this)\s+)?(?:(?:on\s+)?" + WEEKDAY + r"|" + _MONTH + r"|"
    r"today|yesterday|tonight|week|month|year)\b"
    r"|\s+(?:who|which|that|he|she|they|it|we|has|have|had|is|are|was|were|will|would)\b"
    r"|\s+[a-z]+ed\s+(?:a|an|the|at\s+least|\d)\b"
    # "according to the New York Times about 100 miles from Okinawa": a quantity goes on
    # with the content the source is cited inside.
    r"|\s+(?:about|some|nearly|around|roughly|almost|over|more\s+than|less\s+than)\s+\d"
)


_OF_AFTER_NAME = re.compile(r"\s+of\s+\S")

_JOINED_BEFORE = re.compile(r"\s(?:and|but|while|whereas)\s+$")


def according_to(s: SentenceCtx) -> list[RawClaim] | None:
    """According to Das, …  /  …, according to the ministry.  /  X, according to Y, was …"""
    if s.text.find("ccording to", s.start, s.end) < 0:
        return None  # most sentences: a substring test instead of a regex scan
    m = re.search(r"\b[Aa]ccording to\s+", s.text[s.start : s.end])
    if not m:
        return None
    at = s.start + m.start()
    if any(a <= at < b for a, b in s.blocked):
        return None
    subj = speaker_after(s.text, s.start + m.end(), s.end)
    src = _SOURCE_NP.match(s.text, s.start + m.end(), s.end)
    phrase_end = subj.end if subj is not None else 0
    if (
        src is not None
        and subj is not None
        and subj.kind == "name"
        and _OF_AFTER_NAME.match(s.text, subj.end, src.end("np"))
    ):
        # "According to Chief Superintendent Jane Roe of the regional police, …": the
        # person speaks, and what she is of is her role, not her name.
        role = s.text[subj.end : src.end("np")].strip()
        subj = Subject(subj.start, subj.end, subj.text, subj.kind, subj.role or role)
        phrase_end = src.end("np")
    elif src is not None and (subj is None or subj.end < src.end("np") - 1):
        # Any source phrase up to the next comma: "a 2013 study by two economists".
        np_text = src.group("np")
        if len(np_text.split()) > 16:
            return None
        cut = _SOURCE_END.search(np_text)
        if cut is not None and not _DETERMINERS.issuperset(np_text[: cut.start()].lower().split()):
            np_text = np_text[: cut.start()]
        np_start = src.start("np")
        subj = Subject(np_start, np_start + len(np_text), np_text, "noun", None)
        phrase_end = src.end("np")
    if subj is None:
        return None
    cue = CueHit(at, at + len("according to"), "according to", "assert")
    lead = s.text[s.start : at]
    after = s.text[phrase_end : s.end]  # the whole source phrase, cut or not, is no content
    rest_words = len(re.findall(r"\w+", after))
    parenthetical = lead.rstrip().endswith(",") and after.lstrip().startswith(",")
    if at - s.start < 3 or (is_adjunct(lead) and len(lead.split()) <= (1 if parenthetical else 3)):
        # pre-posed: content follows the source phrase
        named = _APPOSED_NAME.match(after)
        if (
            named is not None
            and subj.kind == "noun"
            and _one_role(subj.text)
            and looks_like_name(named.group("name"))
        ):
            # "According to Windsor Locks' first selectman, Chris Kervick, there were …":
            # the role, then the name set off by commas, who speaks.
            n_at = phrase_end + named.start("name")
            name = named.group("name")
            subj = Subject(n_at, n_at + len(name), name, "name", subj.text)
            phrase_end += named.end() - 1
            after = s.text[phrase_end : s.end]
        comma = after.find(",")
        if comma < 0:
            return None
        a, b = strip_end(s.text, phrase_end + comma + 1, s.end)
    elif parenthetical and rest_words >= 3:
        a, b = strip_end(s.text, s.start, s.end)  # parenthetical: the whole sentence
    elif (_JOINED_BEFORE.search(lead) or lead.rstrip().endswith(";")) and len(
        re.findall(r"\w+", s.text[subj.end : s.end])
    ) >= 3:
        # "… and according to the ministry he died at Gleneagles", "…; according to
        # prosecutors, he owed …": the source opens the second clause (its phrase cut
        # where that clause starts); the first clause is not the source's.
        tail = s.text[subj.end : s.end]
        a, b = strip_end(s.text, subj.end + len(tail) - len(tail.lstrip(" ,")), s.end)
    else:
        a, b = strip_end(s.text, s.start, at)
    return finished(s, a, b, subj, cue, "according-to")


def _one_role(np_text: str) -> bool:
    """ "the mayor", "Windsor Locks' first selectman": one person's role, not a body."""
    head = np_text.split()[-1]
    return (
        head[:1].islower()
        and (not head.endswith("s") or head.endswith("ss"))
        and head not in _BODIES_NOT_ROLES
    )


_BODIES_NOT_ROLES = frozenset("police staff government media military press public".split())

# ", Chris Kervick," right after a pre-posed source's role.
_APPOSED_NAME = re.compile(rf"\s*,\s*(?P<name>{NAME})\s*,")

_IN_DOCUMENT = re.compile(
    r"\b(?P<cue>[Ii]n)\s+(?P<src>(?:the|a|an|one|another|most|this|that|its|their|his|her|"
    r"[A-Z][\w’'.-]*(?:’s|'s)?)\s+(?:[\w’'/.,-]+\s+){0,6}?"
    r"(?:poll|polls|survey|surveys|study|studies|report|analysis|exit\s+polls|census))\b"
    r"(?:\s+(?:released|published|conducted|taken)\b[^,.;]{0,60})?"
)


# Who writes a study or a report up: named as speaking inside its frame, they speak.
_AUTHORS = frozenset(
    "scientists researchers authors experts analysts investigators economists scholars".split()
)

_DOCUMENT_WORDS = ("poll", "survey", "stud", "report", "analysis", "census")


def in_document(s: SentenceCtx) -> list[RawClaim] | None:
    """In the latest poll, Lee leads by 10 points.  /  Lee leads by 10 points in the poll."""
    sentence = s.text[s.start : s.end]
    # The words of _DOCUMENT_WORDS, tested in line: a generator over them cost more than
    # the tests themselves, in every sentence.
    if not (
        "poll" in sentence
        or "survey" in sentence
        or "stud" in sentence
        or "report" in sentence
        or "analysis" in sentence
        or "census" in sentence
    ):
        return None
    m = _IN_DOCUMENT.search(s.text, s.start, s.end)
    if m is None or any(a <= m.start() < b for a, b in s.blocked):
        return None
    src_end = m.end("src")
    subj = Subject(m.start("src"), src_end, m.group("src"), "noun", None)
    cue = CueHit(m.start("cue"), m.end("cue"), "in", "assert")
    lead = s.text[s.start : m.start()]
    if not lead.strip() or is_adjunct(lead):
        comma = s.text.find(",", m.end(), s.end)
        if comma < 0 or comma - m.end() > 60:
            return None
        a, b = strip_end(s.text, comma + 1, s.end)
        for cue_after in cues(s):
            if a <= cue_after.start < b and cue_after.speech:
                named = subject_before(s.text, a, cue_after.start, loose=True)
                if named is not None and (
                    named.kind == "name"
                    or (named.kind == "noun" and named.text.split()[-1].lower() in _AUTHORS)
                ):
                    # "In a DW report …, Dave Lewis, CEO of Tesco, stated …", "In a new
                    # study …, scientists report …": they speak, the document frames them.
                    return None
    else:
        a, b = strip_end(s.text, s.start, m.start())
        if s.text[m.end() : s.end].strip(" .,;") and len(s.text[m.end() : s.end].split()) > 6:
            return None
    return finished(s, a, b, subj, cue, "in-document")


_ASKED = re.compile(
    r"\b(?:[Ww]hen\s+|[Aa]fter\s+|[Ii]f\s+)?(?P<cue>[Aa]sked)(?:\s+by\s+(?P<by>[^,;:“”\"]{2,80}?))?"
    r"(?:\s+(?:on|in|at|during|recently|later|earlier|again|repeatedly)\b[^,;:“”\"]{0,50}?)?"
    r"\s*,?\s+(?P<c>(?:if|whether|why|what|who|whom|how|when|where|about)\b[^;:“”\"]{3,240}?)"
    r"(?=\s*[,;.?!]|$)"
)


def asked_question(s: SentenceCtx) -> list[RawClaim] | None:
    """Asked whether he would run, Lee laughed.  /  …, he said when asked about the merger."""
    if s.text.find("sked", s.start, s.end) < 0:
        return None
    m = _ASKED.search(s.text, s.start, s.end)
    if m is None or any(a <= m.start() < b for a, b in s.blocked):
        return None
    before = s.text[max(s.start, m.start() - 12) : m.start("cue")]
    if re.search(r"\b(?:was|were|been|be|being|is|are|had|has|have)\s+$", before):
        return None  # "he had been asked to preserve them": a request, not a question put
    subj: Subject | None = None
    if m.group("by"):
        subj = speaker_after(s.text, m.start("by"), m.end("by"))
    cue = CueHit(m.start("cue"), m.end("cue"), "ask", "ask")
    a, b = strip_end(s.text, m.start("c"), m.end("c"))
    if words(s.text, a, b) < 2:
        return None
    if subj is None:
        return [RawClaim("indirect", a, b, "asked-question", None, cue)]
    return [reported(s, a, b, subj, cue, "asked-question")]
