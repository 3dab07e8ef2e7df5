"""The full names a text gives, collected before extraction so a surname can find them.

A title-case headline runs names into verbs ("Obama Says African-American
Museum …"): there only the leading name counts, cut at its verb.
"""

from __future__ import annotations

import re

from claimcheck.extract.patterns import NAME_RUN, trie_pattern
from claimcheck.extract.people import sentence_cut
from claimcheck.extract.segment import title_case_ratio
from claimcheck.lexicon.cues import FORMS, VERBS, inflections
from claimcheck.lexicon.names import NOT_NAMES, TITLES
from claimcheck.lexicon.places import PLACE_NAMES

# Capitalised words that open a sentence but not a name ("New" and titles do).
_OPENERS = NOT_NAMES - {"new", "mr", "mrs", "ms", "dr", "prof"}

_NAME_RUN = re.compile(NAME_RUN)

_PLACE_WORDS = ("in", "at", "near", "outside")
_PLACE_BEFORE = re.compile(r"\b(?:" + "|".join(_PLACE_WORDS) + r")\s+$")

# A line this short and this capitalised is a headline, where every word is capitalised
# and a name runs into its verb: "Obama Says African-American Museum Will Tell …".
# Only a headline's leading name counts ("Cecile Richards: ‘I’m Sick Of …’" may be the
# only place her full name is given), and it ends at a verb of the cue lexicon
# ("Donald Trump Praises Breitbart’s …"), except the few that are nouns in names.
_HEADLINE_MAX = 200

_HEADLINE_RATIO = 0.9

_HEADLINE_VERBS = frozenset(
    form.capitalize()
    for lemma in VERBS
    for form in inflections(lemma.split()[0])
    if form != lemma and form not in ("reports", "states", "news")
)


def _headline(view: str, at: int) -> tuple[int, int] | None:
    """The line holding ``at`` when it reads as a headline."""
    lo = view.rfind("\n", 0, at) + 1
    hi = view.find("\n", at)
    hi = len(view) if hi < 0 else hi
    if hi - lo > _HEADLINE_MAX:
        return None
    line = view[lo:hi]
    if len(_PROSE_WORD.findall(line, 0, 80)) >= 2:
        return None  # two lower-case words early on: prose (the full test costs more)
    if len(line.split()) >= 4 and title_case_ratio(line) >= _HEADLINE_RATIO:
        return lo, hi
    return None


# A lower-case word that no headline leaves uncapitalised (small words of four
# letters or more are excepted).
_PROSE_WORD = re.compile(
    r"(?<![\w’'-])(?!(?:with|from|amid|into|over|than|that|this|after|before|onto|upon)\b)"
    r"[a-z]{4,}"
)

_HEADLINE_ADVERBS = frozenset(
    """Finally Reportedly Officially Formally Publicly Secretly Quietly Quickly Allegedly
    Apparently Already Actually Really Now Still Again Also Just Never""".split()
)


def _headline_name(view: str, line: tuple[int, int], at: int, name: str) -> str | None:
    if view[line[0] : at].strip(" \t\"“‘'"):
        return None
    words = name.split()
    verb = next((i for i, w in enumerate(words) if w in _HEADLINE_VERBS), None)
    if verb is None:
        # "Cecile Richards: …" names a speaker; "Obama Just Let Something Slip …" runs on.
        if not view.startswith(":", at + len(name)):
            return None
        verb = len(words)
    while verb and words[verb - 1] in _HEADLINE_ADVERBS:
        verb -= 1  # "Republicans Finally Confirmed …" (a name may end in "-ly": "Kelly")
    return " ".join(words[:verb]) if verb >= 2 else None


def names_in(view: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    # Only lines holding a name are tested, each once: most lines of prose are not.
    line_end, line = -1, None
    for m in _NAME_RUN.finditer(view):
        at, name = m.start(), m.group()
        if " " not in name:
            continue
        if at >= line_end:
            line = _headline(view, at)
            if line is not None:
                line_end = line[1]
            else:
                line_end = view.find("\n", at)
                line_end = len(view) if line_end < 0 else line_end
        if line is not None:
            lead = _headline_name(view, line, at, name)
            if lead is None:
                continue
            name = lead
        first = name.split(" ", 1)[0]
        if first.lower() in _OPENERS or first in _HEADLINE_VERBS or first.endswith(("n’t", "n't")):
            # "As Das noted": a capitalised sentence opener is no part of the name
            at, name = at + len(first) + 1, name[len(first) + 1 :].lstrip()
            if " " not in name:
                continue
        while True:
            cut = sentence_cut(name)
            if cut == name:
                break
            # "Congress. Clinton": a name ends with its sentence, and the next may
            # start right after it ("on Tuesday. Michelle Rempel said").
            if " " in cut:
                _keep(view, found, at, cut)
            rest = name[len(cut) + 1 :].lstrip()
            first = rest.split(" ", 1)[0]
            if first.lower() in _OPENERS and " " in rest:
                rest = rest[len(first) + 1 :].lstrip()  # "… Tuesday. The Ministry of …"
            at, name = at + len(name) - len(rest), rest
            if not _ACTS_NEXT.match(view, at + len(name)):
                name = ""  # "Senate. Clinton Hill residents": a place as a modifier
                break
        if " " in name:
            _keep(view, found, at, name)
    return found[:20000]


# What follows a name that acts in its sentence: a comma, a stop, or a verb of the
# cue lexicon or an auxiliary ("… Tuesday. Michelle Rempel said").
# Only whether it matches is asked, so the words may be one trie (a match tried each of
# the ~740 alternatives in turn: seven times the cost).
_ACTS_NEXT_WORDS = sorted(
    {f for f in FORMS if " " not in f}
    | {"is", "was", "has", "had", "will", "would", "who", "and", "also"}
)
_ACTS_NEXT = re.compile(r"\s*(?:[,.;:)]|(?:" + trie_pattern(_ACTS_NEXT_WORDS) + r")\b)")


_OWNER = re.compile(r"(?:’s|'s)\s")


# Words of an office that are no title alone: "Vice President", "Prime Minister".
_OFFICE_WORDS = frozenset("vice deputy prime special acting assistant associate interim".split())

# "Senator from Vermont Bernie Sanders": the office's place opens the run after "from".
_OFFICE_FROM = re.compile(r"(?<![\w’'.-])[A-Z][a-z]+\s+from\s+$")


def _keep(view: str, found: list[tuple[int, str]], at: int, name: str) -> None:
    before = view[max(0, at - 9) : at]
    if (
        before[-1:].isspace()
        and before.rstrip().endswith(_PLACE_WORDS)  # what the pattern needs: tested first
        and _PLACE_BEFORE.search(view, max(0, at - 9), at)
    ):
        return  # "in Palo Alto": a place, never a pronoun's antecedent
    words = name.split()
    first = words[0].lower()
    if (first in _OFFICE_WORDS or first.rstrip(".") in TITLES) and all(
        w.lower().rstrip(".") in TITLES or w.lower() in _OFFICE_WORDS for w in words
    ):
        return  # "former Vice President of the United States …": an office, nobody
    if (
        len(words) >= 3
        and first in PLACE_NAMES
        and _OFFICE_FROM.search(view, max(0, at - 30), at)
        and view[max(0, at - 30) : at].split()[-2].lower() in TITLES
    ):
        at, name = at + len(words[0]) + 1, name[len(words[0]) + 1 :]
    owner = _OWNER.search(name) if "s " in name else None
    if owner is not None:
        # "Jeanine Durning’s This Shape", "Trump’s White House": the name is the owner's.
        name = name[: owner.start()]
        if " " not in name:
            return
    last = name.rsplit(" ", 1)[-1] if name.endswith(".") else ""
    if len(last) > 3 and "." not in last[:-1]:
        name = name[:-1]  # "adds Al Basha.": the stop ends the sentence, not the name
    found.append((at, name))
