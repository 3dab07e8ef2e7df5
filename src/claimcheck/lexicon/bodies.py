"""Kinds of body a description names ("the airline", "the utility") and the words of
the names that are of that kind ("Air Canada", "BC Hydro").

A kind of body is known by either of two things an article writes: a word of the
body's own name ("Air", "Hydro", "Statistics"), or the kind said with the name
("grocer Loblaw", "Loblaw, the grocer", "grocery giant Loblaw"). Some kinds have no
name words at all (a grocer's name says nothing): only the introduction tells.
"""

from __future__ import annotations

# kind: the words of a name that make it that kind; "|" then the words written with a
# name to introduce it so ("grocery giant Loblaw"), besides the kind itself.
_KINDS = """
airline: Air Airlines Airline Airways Aviation WestJet Jetstar | carrier
carrier: Air Airlines Airline Airways Aviation WestJet Wireless Mobility Telecom
utility: Hydro Energy Power Electric Electricity Utilities Utility Gas Enbridge FortisBC
agency: Agency Statistics Bureau
grocer: Grocers Grocery Supermarket Supermarkets Foods | grocery giant, grocery chain,
    grocery retailer, supermarket chain, grocery store chain
bank: Bank Banque Bancorp | lender
insurer: Insurance Assurance
automaker: Motors Motor Automotive | carmaker, auto maker, car maker
railway: Railway Railways Rail Railroad | railroad, rail company
broadcaster: Broadcasting Television Radio
retailer: Stores Store Mart
"""


def _parse() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    words: dict[str, frozenset[str]] = {}
    intros: dict[str, tuple[str, ...]] = {}
    for entry in _entries():
        kind, rest = entry.split(":", 1)
        names, _, said = rest.partition("|")
        words[kind] = frozenset(names.split())
        intros[kind] = (kind, *(s.strip() for s in said.split(",") if s.strip()))
    return words, intros


def _entries() -> list[str]:
    out: list[str] = []
    for line in _KINDS.strip().splitlines():
        if line.startswith(" ") and out:
            out[-1] += " " + line.strip()
        else:
            out.append(line.strip())
    return out


NAME_WORDS, INTRODUCED_AS = _parse()
