"""HTML: the article's prose, extracted with a real parser (selectolax/lexbor).

Offsets cannot point into the markup (a quote may span ``<em>`` tags and
entities), so the document text of an HTML file is the *extracted* text: one
block per paragraph, heading, list item or quotation, whitespace collapsed,
blocks joined by a blank line ("\\n\\n"). Ledger offsets, lines and columns
refer to that text; ``sha256`` is still that of the file's bytes. ``<q>``
content is wrapped in quotation marks, as a browser shows it.

Page furniture is dropped: scripts, styles, navigation, menus, forms, asides,
and headers and footers outside the article. When the page has ``<article>``
(the one with the most text) or ``<main>``, only that is read, less what its
class or id names as furniture (share bars, related links, menus). Figure and
table captions stay in the text as ``caption`` blocks, which are not prose.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from claimcheck.errors import InputError
from claimcheck.loaders.base import Block, Parsed

_DROP = (
    "script, style, noscript, template, nav, aside, form, menu, iframe, svg, canvas, "
    "object, button, select, textarea, pre, [role=navigation], [role=banner], "
    "[role=contentinfo], [role=complementary], [role=search], [role=menu], [hidden]"
)
_BLOCK = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote figure "
    "figcaption table thead tbody tfoot tr td th caption address details summary hr br "
    "header footer body html".split()
)
_KIND = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading"}
_KIND |= {"h6": "heading", "li": "list-item", "blockquote": "blockquote"}
# Known from the markup to be captions: not prose, whatever their words look like.
_KIND |= {"figcaption": "caption", "caption": "caption"}
_FURNITURE = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs sidebar share sharing social "
    "newsletter subscribe subscription cookie cookies advert advertisement ads promo "
    "related recommended comments masthead skip paywall".split()
)
_MAX_FURNITURE = 200
_NAME_PARTS = re.compile(r"[\s_-]+")
# lexbor slows down quadratically past a few ten thousand open elements.
_MAX_DEPTH = 10_000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_NO_NESTING = frozenset(
    "p li dt dd option optgroup tr td th tbody thead tfoot colgroup rt rp caption head "
    "body html area base br col embed hr img input link meta source track wbr param".split()
)


def parse_html(source: str, path: str) -> Parsed:
    _check_depth(source, path)
    tree = LexborHTMLParser(source)
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node is not None else ""
    for node in tree.css(_DROP):
        node.decompose()
    for node in tree.css("header, footer"):
        if not _inside_article(node):
            node.decompose()
    root = _content_root(tree)
    if root is not None:
        _drop_furniture(root)
    texts = _Collector().run(root) if root is not None else []
    text, blocks = _join(texts)
    if not title:
        title = next((t for t, kind, tag in texts if tag == "h1"), "")
    return Parsed(text=text, view=text, blocks=blocks, title=title or None)


def _drop_furniture(root: Any) -> None:
    """Remove share bars, menus, related links and the like, named so by class or id.

    A match holding half the article's text or more is a wrapper with an
    unlucky name ("article share-enabled"), not furniture, and is kept.
    """
    total = len(root.text())
    budget = _MAX_FURNITURE  # each check measures a subtree: bounded, to stay linear
    for node in root.css("[class], [id]"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _FURNITURE.isdisjoint(_NAME_PARTS.split(names.lower())):
            continue
        budget -= 1
        if budget < 0:
            return
        if node.parent is not None and len(node.text()) * 2 < total:
            node.decompose()


def _check_depth(source: str, path: str) -> None:
    depth = 0
    for m in _TAG.finditer(source):
        if m.group(2).lower() in _NO_NESTING:
            continue
        depth = max(depth - 1, 0) if m.group(1) else depth + 1
        if depth > _MAX_DEPTH:
            line = source.count("\n", 0, m.start()) + 1
            raise InputError(
                f"HTML nests more than {_MAX_DEPTH} elements deep", path=path, line=line
            )


def _inside_article(node: Any) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return True
        parent = parent.parent
    return False


def _content_root(tree: LexborHTMLParser) -> Any:
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda n: len(n.text()))
    return tree.css_first("main") or tree.body or tree.root


class _Collector:
    """Walks the tree without recursion (pages may nest deeply) into block texts."""

    def __init__(self) -> None:
        self.out: list[tuple[str, str, str]] = []
        self.parts: list[str] = []
        self.kinds: list[tuple[str, str]] = [("paragraph", "")]
        self.quotes = 0

    def run(self, root: Any) -> list[tuple[str, str, str]]:
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self._leave(node.tag)
                continue
            tag = node.tag
            if tag == "-text":
                self.parts.append(node.text(deep=False) or "")
                continue
            # Comments are "-comment"; a processing instruction ("<?php …?>") has no
            # tag at all. Neither holds prose.
            if not isinstance(tag, str) or tag.startswith("-") or tag == "img":
                continue
            self._enter(tag)
            stack.append((node, True))
            children = list(node.iter(include_text=True))
            stack.extend((child, False) for child in reversed(children))
        self._flush()
        return self.out

    def _enter(self, tag: str) -> None:
        if tag in _BLOCK:
            self._flush()
            kind = _KIND.get(tag, self.kinds[-1][0])
            self.kinds.append((kind, tag if tag in _KIND or tag == "p" else self.kinds[-1][1]))
        elif tag == "q":
            self.parts.append("“" if self.quotes % 2 == 0 else "‘")
            self.quotes += 1

    def _leave(self, tag: str) -> None:
        if tag in _BLOCK:
            self._flush()
            if len(self.kinds) > 1:
                self.kinds.pop()
        elif tag == "q":
            self.quotes -= 1
            self.parts.append("”" if self.quotes % 2 == 0 else "’")

    def _flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        self.parts = []
        if text:
            kind, tag = self.kinds[-1]
            self.out.append((text, kind, tag))


def _join(texts: list[tuple[str, str, str]]) -> tuple[str, tuple[Block, ...]]:
    blocks: list[Block] = []
    pos = 0
    for text, kind, _tag in texts:
        blocks.append(Block(pos, pos + len(text), kind))
        pos += len(text) + 2
    return "\n\n".join(t for t, _, _ in texts), tuple(blocks)
