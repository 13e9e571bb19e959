"""A whole journal's lines read with msgspec: typed structs, checked at C speed.

tracking/models.Entry stays the definition of a journal line. This reader accepts only what the
model accepts, in the form plantrack writes (dates as 2017-09-30, times as 2017-09-30T09:00:00,
numbers as JSON numbers), and gives the same values; anything else (a time with a zone, a number
as text, an unknown key, a value out of range) makes it give up, and the model reads the journal
and names the line and the problem (journal.read_entries). tests/test_fast_paths.py compares both
on random lines.

The structs (`Line`) have the entry's fields under the record's names, so the store indexes a
journal straight from them (store._build_index) without making a record of each line; `records`
makes the records when the entries themselves are wanted.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from itertools import accumulate
from operator import add, attrgetter
from typing import Annotated, Any, cast

import msgspec
from msgspec import Meta

from plantrack.tracking.kinds import Status
from plantrack.tracking.records import _SHARED, ENTRY_FIELDS, EntryRecord

_MAX = sys.float_info.max  # bounds that leave out inf and nan, as allow_inf_nan=False does
# recorded_at as plantrack writes it, checked for a whole column at once (each text 19 characters
# long, so each place of the joined texts is one slice by step); ASCII digits only, as the model reads
_MOMENT_LEN = 19
_MOMENT_MARKS = {4: "-", 7: "-", 10: "T", 13: ":", 16: ":"}  # the rest of the 19 places are digits


def _moments_ok(joined: str, count: int) -> bool:
    """Whether `count` texts of 19 characters, joined, are each YYYY-MM-DDTHH:MM:SS in ASCII digits:
    one column of the joined text at a time (each a slice by step), not a pattern over them all."""
    for place in range(_MOMENT_LEN):
        column = joined[place::_MOMENT_LEN]
        mark = _MOMENT_MARKS.get(place)
        if mark is not None:
            if column != mark * count:
                return False
        elif not (column.isascii() and column.isdigit()):  # ASCII digits only, as the model reads
            return False
    return True


class Line(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """One journal line as tracking/models.Entry defines it (field for field, same constraints).

    `as_of` is msgspec's own date (only YYYY-MM-DD of a real day, as the model reads it);
    `recorded_at` stays text here and is checked by `decode` for the whole column. Not tracked by
    the cyclic collector: a line holds texts, numbers and a mapping of them, never a cycle."""

    id: Annotated[int, Meta(ge=1)]
    task: str
    as_of: date
    recorded_at: str
    agency: str
    status: Status | None = None
    percent: Annotated[float, Meta(ge=0, le=100)] | None = None
    actuals: dict[str, Annotated[float, Meta(ge=-_MAX, le=_MAX)]] = {}
    note: str = ""
    corrects: int | None = None
    moved_from: str | None = None
    undoes: int | None = None


_DECODER = msgspec.json.Decoder(list[Line])
_FIELDS = attrgetter(*ENTRY_FIELDS)
_RECORDED_AT = attrgetter("recorded_at")


def decode(data: bytes | str) -> tuple[list[Line], list[datetime]] | None:
    """The lines of a JSON array of journal entries, with each one's recorded_at as a time; None
    when any is not in plantrack's own form or not an entry (the model reads them then)."""
    try:
        lines = _DECODER.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError):  # not JSON, not UTF-8, not an entry
        return None
    moments = list(map(_RECORDED_AT, lines))
    if not moments:
        return lines, []
    if set(map(len, moments)) != {_MOMENT_LEN} or not _moments_ok("".join(moments), len(moments)):
        return None
    try:
        times = list(map(datetime.fromisoformat, moments))
    except ValueError:  # no such time (25:00:00, 2017-02-30T...): the model says so
        return None
    return lines, times


def split_body(body: bytes) -> tuple[bytes, list[int]] | None:
    """A journal's complete lines (each ending in a newline) as one JSON array of their entries, and
    each entry line's offset; None unless every line from the first entry on is an entry line
    ("- {...}") and the lines before it are comments or blank (read_with_offsets reads any other
    journal line by line). Done by bytes methods, not a loop over the lines."""
    if body.startswith(b"- "):
        first = 0
    else:
        found = body.find(b"\n- ")
        if found < 0:
            return (b"[]", []) if _only_comments(body) else None
        first = found + 1
        if not _only_comments(body[:first]):
            return None
    if not body.endswith(b"\n"):
        return None
    parts = body[first + 2 : -1].split(b"\n- ")
    joined = b",".join(parts)
    if b"\n" in joined:  # another line among them (a search for one byte, not a count of them all)
        return None
    # each line starts where the one before did, plus its text, its newline and the "- " it had
    offsets = list(map(add, accumulate(map(len, parts), initial=first), range(0, 3 * len(parts), 3)))
    return b"[" + joined + b"]", offsets


def _only_comments(head: bytes) -> bool:
    return all(not raw.strip() or raw.lstrip().startswith(b"#") for raw in head.split(b"\n"))


def records(lines: list[Line], times: list[datetime]) -> list[EntryRecord]:
    """The records of decoded lines (task ids and agency names shared across them)."""
    if not lines:
        return []
    columns: list[Any] = list(zip(*map(_FIELDS, lines), strict=True))
    shared = _SHARED
    tasks = [shared.setdefault(t, t) for t in columns[1]]
    agencies = [shared.setdefault(a, a) for a in columns[4]]
    return list(map(EntryRecord, columns[0], tasks, columns[2], times, agencies, *columns[5:]))


def read_lines(items: list[str] | list[bytes]) -> list[EntryRecord] | None:
    """The records of a journal's entry lines (the JSON after "- ", as text or as the file's bytes),
    or None when any line is not in plantrack's own form or not an entry: the model reads them then."""
    data: str | bytes
    if items and type(items[0]) is bytes:
        data = b"[" + b",".join(items) + b"]"
    else:
        data = "[" + ",".join(cast(list[str], items)) + "]"
    found = decode(data)
    return None if found is None else records(*found)
