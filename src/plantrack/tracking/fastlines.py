"""A whole journal's lines read with msgspec: typed structs, checked at C speed.

tracking/models.Entry stays the definition of a journal line. This reader accepts only what the
model accepts, in the form plantrack writes (dates as 2017-09-30, times as 2017-09-30T09:00:00,
numbers as JSON numbers), and gives the same values; anything else (a time with a zone, a number
as text, an unknown key, a value out of range) makes it give up, and the model reads the journal
and names the line and the problem (journal.read_entries). tests/test_fast_paths.py compares both
on random lines.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from operator import attrgetter
from typing import Annotated, Any, cast

import msgspec
from msgspec import Meta

from plantrack.tracking.kinds import Status
from plantrack.tracking.records import _DAYS, _SHARED, ENTRY_FIELDS, EntryRecord

_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MOMENT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"
_MAX = sys.float_info.max  # bounds that leave out inf and nan, as allow_inf_nan=False does


class Line(msgspec.Struct, forbid_unknown_fields=True):
    """One journal line as tracking/models.Entry defines it (field for field, same constraints)."""

    id: Annotated[int, Meta(ge=1)]
    task: str
    as_of: Annotated[str, Meta(pattern=_DAY)]
    recorded_at: Annotated[str, Meta(pattern=_MOMENT)]
    agency: str
    status: Status | None = None
    percent: Annotated[float, Meta(ge=0, le=100)] | None = None
    actuals: dict[str, Annotated[float, Meta(ge=-_MAX, le=_MAX)]] = msgspec.field(default_factory=dict)
    note: str = ""
    corrects: int | None = None
    moved_from: str | None = None
    undoes: int | None = None


_DECODER = msgspec.json.Decoder(list[Line])
_FIELDS = attrgetter(*ENTRY_FIELDS)


def read_lines(items: list[str] | list[bytes]) -> list[EntryRecord] | None:
    """The records of a journal's entry lines (the JSON after "- ", as text or as the file's bytes),
    or None when any line is not in plantrack's own form or not an entry: the model reads them then."""
    data: str | bytes
    if items and type(items[0]) is bytes:
        data = b"[" + b",".join(items) + b"]"
    else:
        data = "[" + ",".join(cast(list[str], items)) + "]"
    try:
        lines = _DECODER.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError):  # not JSON, not UTF-8, not an entry
        return None
    if not lines:
        return []
    columns: list[Any] = list(zip(*map(_FIELDS, lines), strict=True))
    ids, tasks, days, moments, agencies = columns[:5]
    day_of = _DAYS
    try:
        for d in set(days):
            if d not in day_of:
                day_of[d] = date.fromisoformat(d)
        times = list(map(datetime.fromisoformat, moments))
    except ValueError:  # no such day or time (2017-02-30): the model says so
        return None
    shared = _SHARED
    return list(
        map(
            EntryRecord, ids, [shared.setdefault(t, t) for t in tasks], [day_of[d] for d in days], times,
            [shared.setdefault(a, a) for a in agencies], *columns[5:],
        )
    )  # fmt: skip
