"""Blank out scraped noise so it never becomes an event: embedded posts, link teasers, URLs, hashtag marks.

Noise is replaced by spaces of the same length, so every offset into the cleaned text is
still an offset into the original document (evidence spans stay valid).
"""

from __future__ import annotations

import re

from .pipeline import DocState, component

# A paragraph that is an embedded social-media post: a pic link or the "— Name (@handle) Date" byline.
_EMBED_MARK = re.compile(
    r"pic\.twitter\.com/\S+|\b(?:twitter|x)\.com/\S+/status/\d+|"
    r"[—–-]\s*[^\n()]{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_TEASER = re.compile(
    r"\((?:RELATED|READ MORE|SEE ALSO|WATCH|MORE|ALSO READ)\s*:[^)\n]*\)|"
    r"^[ \t]*(?:RELATED|READ MORE|SEE ALSO|ALSO READ|ADVERTISEMENT|Advertisement|Subscribe[^\n]*|"
    r"Click here[^\n]*|Sign up[^\n]*)[^\n]*$",
    re.MULTILINE,
)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
# the mark of a hashtag, not the name it tags: "blasts in #Kerman" reads "blasts in  Kerman"
_HASHTAG_MARK = re.compile(r"(?<![\w#&])#(?=[A-Z][a-z])")


def noise_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for para in _PARAGRAPH.finditer(text):
        if _EMBED_MARK.search(para.group()):
            spans.append(para.span())
    spans += [m.span() for m in _TEASER.finditer(text)]
    spans += [m.span() for m in _URL.finditer(text)]
    spans += [m.span() for m in _HASHTAG_MARK.finditer(text)]
    return sorted(spans)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


@component("scrub")
def scrub() -> object:
    def run(state: DocState) -> None:
        state.noise = noise_spans(state.text)
        if state.noise:
            state.text = blank(state.text, state.noise)

    return run
