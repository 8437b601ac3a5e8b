"""Reading a sentence in time that grows with its length, not with its square.

The stages ask many questions of one sentence: one for each place, date or target it names.
Each question here costs what it reads near its position, whatever the length of the
sentence: what is found once per sentence is kept (:func:`per_text`), what stands before
a position is looked for within :data:`LOOKBACK` characters, words before a position are
read backwards, and searches from one position after another resume (:func:`search_from`).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import update_wrapper
from itertools import islice
from typing import Concatenate, ParamSpec, TypeVar

_Args = ParamSpec("_Args")
_Result = TypeVar("_Result")

#: How far before a word the phrases that say what role it plays reach: "some 250 miles
#: north-east of the", "launched from the territory of", "the border with the occupied part
#: of Ukraine's" (the longest in the test corpora is 51 characters). Looking no further
#: keeps the cost of a word the same in any length of text.
LOOKBACK = 120

#: A word as the stages read them: letters and digits, apostrophes and hyphens inside.
WORD = re.compile(r"[\w'’\-]+")
_WORD_CHARS = re.compile(r"\w+")


def per_text(
    maxsize: int,
) -> Callable[
    [Callable[Concatenate[str, _Args], _Result]], Callable[Concatenate[str, _Args], _Result]
]:
    """Keep what a function finds in a text (its first argument) for the ``maxsize`` texts
    asked of last.

    Unlike :func:`functools.lru_cache`, a text is known by identity: a long sentence is never
    compared character by character with an equal one at each call. The other arguments
    must be hashable and given by position.
    """

    def decorate(
        function: Callable[Concatenate[str, _Args], _Result],
    ) -> Callable[Concatenate[str, _Args], _Result]:
        found: OrderedDict[tuple[Hashable, ...], tuple[str, _Result]] = OrderedDict()
        # The app extracts in several threads at once.
        lock = threading.Lock()

        def cached(text: str, /, *args: _Args.args, **kwargs: _Args.kwargs) -> _Result:
            # Each entry holds its text: no other text can take its id while it is kept.
            key = (id(text), *args)
            with lock:
                entry = found.get(key)
                if entry is not None:
                    found.move_to_end(key)
                    return entry[1]
            result = function(text, *args, **kwargs)
            with lock:
                found[key] = (text, result)
                if len(found) > maxsize:
                    found.popitem(last=False)
            return result

        update_wrapper(cached, function)
        return cached

    return decorate


def ends_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """Where ``pattern`` (anchored by ``$``) matches the text just before ``end``, looking
    back :data:`LOOKBACK` characters at most."""
    return pattern.search(text, max(0, end - LOOKBACK), end)


def skip(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where ``pattern``, which may match nothing, ends when it is matched at ``pos``."""
    match = pattern.match(text, pos)
    return match.end() if match else pos


@per_text(maxsize=64)
def _third_word(text: str) -> int:
    third = next(islice(_WORD_CHARS.finditer(text), 2, None), None)
    return third.start() if third else len(text)


def leads(text: str, pos: int) -> bool:
    """Whether at most two words stand before ``pos``: "Early Wednesday, Nov. 6"."""
    return _third_word(text) >= pos


def words_after(text: str, end: int, count: int) -> list[str]:
    """The first ``count`` words of ``text`` from ``end`` on."""
    return [match.group() for match in islice(WORD.finditer(text, end), count)]


@per_text(maxsize=64)
def _backwards(text: str) -> str:
    return text[::-1]


def words_before(text: str, start: int, count: int) -> list[str]:
    """The last ``count`` words of ``text`` before ``start``, in text order: read backwards
    from ``start`` in the text reversed once, they cost what they are, not the text before."""
    found = islice(WORD.finditer(_backwards(text), len(text) - start), count)
    return [match.group()[::-1] for match in found][::-1]


def length_before(pattern: re.Pattern[str], text: str, end: int, start: int = 0) -> int:
    """How many characters before ``end`` (and from ``start`` on) ``pattern`` matches when
    read backwards from ``end``: with ``\\w*``, the letters and digits a word has before
    ``end``. The pattern is matched on the text reversed."""
    match = pattern.match(_backwards(text), len(text) - end, len(text) - start)
    return match.end() - match.start() if match else 0


_TOKEN = re.compile(r"\S+")


def tokens_before(text: str, start: int, end: int, count: int) -> list[str]:
    """The last ``count`` of the runs of non-space that ``text[start:end].split()`` gives,
    in text order, read backwards from ``end`` as :func:`words_before` reads."""
    found = islice(_TOKEN.finditer(_backwards(text), len(text) - end, len(text) - start), count)
    return [match.group()[::-1] for match in found][::-1]


@per_text(maxsize=256)
def _last_search(
    text: str, pattern: re.Pattern[str], endpos: int
) -> list[tuple[int, re.Match[str] | None]]:
    """Where the last search of ``pattern`` in ``text`` up to ``endpos`` began, and what it
    found (one pair, replaced whole)."""
    return []


def search_from(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)``, reading no stretch of the text twice when
    asked from one position after another (the dates of a clause, each asking what follows
    it up to the clause's end).

    A search fails at every position before the match a search from further back found: from
    any position up to that match, it finds the same one (or nothing, as that one did).
    """
    last = _last_search(text, pattern, endpos)
    if last:
        start, found = last[0]
        if start <= pos and (found is None or pos <= found.start()):
            return found
    found = pattern.search(text, pos, endpos)
    last[:] = [(pos, found)]
    return found
