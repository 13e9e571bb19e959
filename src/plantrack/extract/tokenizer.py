"""Word segmentation of metric phrases: jieba's algorithm, one private tokenizer per extraction.

jieba's global tokenizer keeps every word added to it, so one notice's agency names would change
how the next notice is cut. Here each extraction opens a ``session()`` with its own ``Tokenizer``:
the words it adds (市人社局) die with it. The cut is jieba 0.42's precise mode with HMM — a DAG of
dictionary words, the most probable route, and jieba's HMM for runs the dictionary lacks — over
``lexicon``'s on-disk dictionary, so the results are jieba's without loading jieba.

Nothing is read before the first cut, so ``plantrack --help`` and ``status`` never pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from math import log

from plantrack.extract import lexicon

_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)")  # jieba's re_han_default
_SKIP = re.compile(r"(\r\n|\s)")
_HMM_HAN = re.compile("([\u4e00-\u9fd5]+)")
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_ENG = re.compile("[a-zA-Z0-9]")
_PREVIOUS = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
_MIN_FLOAT = -3.14e100


class Tokenizer:
    """One extraction's word cutter: jieba's dictionary, plantrack's terms, the names added so far."""

    def __init__(self) -> None:
        self._pending: list[str] = []
        self._own: dict[str, int] | None = None  # words added over the dictionary (with prefixes at 0)
        self._total = 0

    def add_words(self, new_words: Iterable[str]) -> None:
        """Make each word one token from now on (agency names of this notice)."""
        cleaned = [w.strip() for w in new_words if w and w.strip()]
        if self._own is None:
            self._pending.extend(cleaned)
            return
        for word in cleaned:
            self._add(word)

    def words(self, text: str) -> list[str]:
        """The tokens of ``text``; joined they give ``text`` back."""
        if not text:
            return []
        if self._own is None:
            base = _base()
            self._own, self._total = dict(base.own), base.total
            self.add_words(self._pending)
            self._pending = []
        return list(self._cut(text, hmm=True))

    def _freq(self, word: str) -> int | None:
        assert self._own is not None
        found = self._own.get(word)
        return lexicon.lexicon().get(word) if found is None else found

    def _add(self, word: str) -> None:
        """jieba's add_word with its suggested frequency: just enough to keep the word whole."""
        assert self._own is not None
        share = 1.0
        for piece in self._cut(word, hmm=False):
            share *= (self._freq(piece) or 1) / self._total
        freq = max(int(share * self._total) + 1, self._freq(word) or 1)
        self._own[word] = freq
        self._total += freq
        for end in range(1, len(word)):
            if self._freq(word[:end]) is None:
                self._own[word[:end]] = 0

    def _cut(self, text: str, hmm: bool) -> Iterator[str]:
        for block in _HAN.split(text):
            if not block:
                continue
            if _HAN.match(block):
                yield from self._cut_block(block, hmm)
            else:
                for piece in _SKIP.split(block):
                    yield from [piece] if _SKIP.match(piece) else piece

    def _route(self, text: str) -> list[int]:
        """For each position, where the most probable word starting there ends (exclusive)."""
        n = len(text)
        dag: list[list[int]] = []
        for k in range(n):
            ends, i, frag = [], k, text[k]
            while i < n and (f := self._freq(frag)) is not None:
                if f:
                    ends.append(i)
                i += 1
                frag = text[k : i + 1]
            dag.append(ends or [k])
        log_total = log(self._total)
        best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for idx in range(n - 1, -1, -1):
            best[idx] = max(
                (log(self._freq(text[idx : x + 1]) or 1) - log_total + best[x + 1][0], x) for x in dag[idx]
            )
        return [end + 1 for _, end in best[:n]]

    def _cut_block(self, text: str, hmm: bool) -> Iterator[str]:
        """Along the route; single characters in a row are joined by the HMM (or, without it,
        single latin letters and digits are joined)."""
        route = self._route(text)
        x, buf = 0, ""
        while x < len(text):
            y = route[x]
            word = text[x:y]
            if y - x == 1 and (hmm or _ENG.match(word)):
                buf += word
            else:
                if buf:
                    yield from self._flush(buf) if hmm else [buf]
                    buf = ""
                yield word
            x = y
        if buf:
            yield from self._flush(buf) if hmm else [buf]

    def _flush(self, buf: str) -> Iterator[str]:
        """Single characters in a row: one word if the dictionary has it, else jieba's HMM."""
        if len(buf) == 1:
            yield buf
        elif not self._freq(buf):
            yield from _hmm_cut(buf)
        else:
            yield from buf


_current: ContextVar[Tokenizer | None] = ContextVar("plantrack_tokenizer", default=None)


@contextmanager
def session() -> Iterator[Tokenizer]:
    """A fresh tokenizer for one extraction; ``words`` uses it until the block ends."""
    tokenizer = Tokenizer()
    token = _current.set(tokenizer)
    try:
        yield tokenizer
    finally:
        _current.reset(token)


def words(text: str) -> list[str]:
    """Cut ``text`` with the current extraction's tokenizer (outside one: plantrack's terms only)."""
    return (_current.get() or Tokenizer()).words(text)


def user_terms() -> list[str]:
    """The words of lang/terms.txt: one a line, ``#`` starts a comment."""
    text = resources.files("plantrack.lang").joinpath("terms.txt").read_text(encoding="utf-8")
    terms = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            terms.append(word)
    return terms


@dataclass(frozen=True)
class _Base:
    own: dict[str, int]
    total: int


@cache
def _base() -> _Base:
    """plantrack's terms and agency abbreviations over the dictionary, once per process (read-only:
    each tokenizer copies it)."""
    from plantrack.lang.agency_abbrev import ABBREVIATIONS

    terms = [*user_terms(), *ABBREVIATIONS, *ABBREVIATIONS.values()]
    words = lexicon.lexicon()
    words.prefetch(w[i:j] for w in terms for i in range(len(w)) for j in range(i + 1, len(w) + 1))
    tokenizer = Tokenizer()
    tokenizer._own, tokenizer._total = {}, words.total
    tokenizer.add_words(terms)
    return _Base(tokenizer._own, tokenizer._total)


def _hmm_cut(text: str) -> Iterator[str]:
    for block in _HMM_HAN.split(text):
        if _HMM_HAN.match(block):
            yield from _viterbi_words(block)
        else:
            yield from (piece for piece in _HMM_SKIP.split(block) if piece)


def _viterbi_words(text: str) -> Iterator[str]:
    states = _viterbi(text)
    begin = after = 0
    for i, (char, state) in enumerate(zip(text, states, strict=True)):
        if state == "B":
            begin = i
        elif state == "E":
            yield text[begin : i + 1]
            after = i + 1
        elif state == "S":
            yield char
            after = i + 1
    if after < len(text):
        yield text[after:]


def _viterbi(text: str) -> list[str]:
    start, trans, emit = lexicon.hmm_tables()
    scores = {s: start[s] + emit[s].get(text[0], _MIN_FLOAT) for s in "BMES"}
    paths = {s: [s] for s in "BMES"}
    for char in text[1:]:
        new_scores, new_paths = {}, {}
        for s in "BMES":
            em = emit[s].get(char, _MIN_FLOAT)
            prob, prev = max((scores[p] + trans[p].get(s, _MIN_FLOAT) + em, p) for p in _PREVIOUS[s])
            new_scores[s], new_paths[s] = prob, [*paths[prev], s]
        scores, paths = new_scores, new_paths
    _, last = max((scores[s], s) for s in "ES")
    return paths[last]
