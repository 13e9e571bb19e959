"""The `report` command's reports, kept in the workspace's cache while nothing they come from changes.

A report is a function of its inputs: the plan files, their journals, plantrack.toml, the
workspace's template, the command's options, today's date (the default quarter and the 落款 date
depend on it) and plantrack's own code. The key holds a digest of the bytes of every one of those
files (not their times: a file rewritten within the same clock tick still changes the key) and the
size and time of each of plantrack's source files and of Jinja2's, so a report is made again
whenever any of them changes. A cache that does not match, cannot be read or holds a value of
another type is ignored and made again; the cache never decides what a report says.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from plantrack import __version__
from plantrack.fsguard import write_file
from plantrack.plain import Plain
from plantrack.workspace import Workspace

KIND = "report"
FORMAT = 1
REPORTS_DIR = "reports"  # where a report goes by default, in the workspace
TEMPLATE = "report.md.j2"  # the report template's name (shipped, and a workspace's own in templates/)


class Shown(Plain):
    """What the command shows of one report: its text, its default file name in reports/, its
    period, the reviewer's notes and the one-line summary of each plan."""

    __slots__ = ("text", "name", "period", "review", "summary")

    def __init__(self, text: str, name: str, period: str, review: list[str], summary: list[str]) -> None:
        self.text, self.name, self.period, self.review, self.summary = text, name, period, review, summary

    def default_path(self, ws: Workspace) -> Path:
        return ws.root / REPORTS_DIR / self.name


class ShownBatch(Plain):
    """The reports of one `plantrack report` (generate.Batch as the command shows it)."""

    __slots__ = ("written", "dates", "skipped")

    def __init__(self, written: list[Shown], dates: list[str], skipped: list[str]) -> None:
        self.written, self.dates, self.skipped = written, dates, skipped


def write_text(path: Path, text: str, root: Path | None = None) -> None:
    """Write a report file (UTF-8, \\n line ends), creating its folder; with root, only inside it.

    Only a regular file is replaced (never a symlink, a device or a folder)."""
    write_file(path, text.encode("utf-8"), root)


def workspace_report_texts(
    ws: Workspace,
    today: date,
    quarter: str | None = None,
    as_of: date | None = None,
    plans: list[str] | None = None,
    agency: str | None = None,
    charts: bool = False,
) -> ShownBatch:
    """generate.workspace_reports as the command shows it, from the cache when its key matches."""
    from plantrack.tracking.store import read_cached, write_cached

    options = [today.isoformat(), quarter, as_of.isoformat() if as_of else None, plans, agency, charts]
    slot = hashlib.blake2b(json.dumps(options, ensure_ascii=False).encode(), digest_size=8).hexdigest()
    _DIGESTS.clear()
    _RUN.append(True)
    try:
        key = _key(ws, options)
        found = read_cached(ws, KIND, slot, key, _batch_from_json)
        if found is not None:
            return found
        batch = _made(ws, today, quarter, as_of, plans, agency, charts)
        if _key(ws, options, fresh=True) == key:  # nothing changed while the report was made
            write_cached(ws, KIND, slot, key, _batch_json(batch))
        return batch
    finally:
        _RUN.clear()
        _DIGESTS.clear()


def _made(
    ws: Workspace, today: date, quarter: str | None, as_of: date | None, plans: list[str] | None,
    agency: str | None, charts: bool,
) -> ShownBatch:  # fmt: skip
    from plantrack.report.generate import summary, workspace_reports

    batch = workspace_reports(ws, today, quarter, as_of, plans, agency, charts, text_only=True)
    written = [
        Shown(w.text, w.default_path.name, w.report.period, list(w.report.review), summary(w.report))
        for w in batch.written
    ]
    return ShownBatch(written, list(batch.dates), list(batch.skipped))


def _key(ws: Workspace, options: list[Any], fresh: bool = False) -> list[Any]:
    """What a report depends on: the options, the digest of every input file's bytes (None for a
    file that is not there), and plantrack's and Jinja2's source files by size and time."""
    from plantrack.tracking.store import plan_ids

    ids = plan_ids(ws)
    files = [ws.settings_path, ws.templates / TEMPLATE]
    files += [p for i in ids for p in (ws.plan_path(i), ws.journal_path(i))]
    return [__version__, FORMAT, options, ids, [_digest(p, fresh) for p in files], _code()]


def _digest(path: Path, fresh: bool = False) -> str | None:
    """The digest of the file's bytes (None when it is not there). Within one `report` command
    (workspace_report_texts) each file is read once for the whole report's key and its plan's
    part key; `fresh` reads it again (to see that nothing changed while the report was made)."""
    try:
        if not _RUN or fresh:
            return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        found = _DIGESTS.get(path)
        if found is None:
            found = _DIGESTS[path] = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        return found
    except OSError:
        return None


_DIGESTS: dict[Path, str] = {}  # this command's digests (emptied when it ends)
_RUN: list[bool] = []  # non-empty while workspace_report_texts runs


def _code() -> list[Any]:
    """plantrack's source files and Jinja2's, as (path, size, mtime_ns): a changed program makes the
    report again (worked out once per run)."""
    if _CODE:
        return _CODE
    roots = [Path(__file__).resolve().parent.parent]
    spec = find_spec("jinja2")
    if spec is not None and spec.origin:
        roots.append(Path(spec.origin).parent)
    out: list[Any] = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                if name.endswith((".py", ".j2", ".txt")):
                    st = os.stat(os.path.join(folder, name))
                    out.append([os.path.join(folder, name), st.st_size, st.st_mtime_ns])
    _CODE.extend(out)
    return out


_CODE: list[Any] = []


def _batch_json(batch: ShownBatch) -> dict[str, Any]:
    written = [[w.text, w.name, w.period, w.review, w.summary] for w in batch.written]
    return {"written": written, "dates": batch.dates, "skipped": batch.skipped}


def _strings(value: Any) -> list[str]:
    if type(value) is not list or not all(type(x) is str for x in value):
        raise ValueError("not a list of texts")
    return value


def _batch_from_json(data: Any) -> ShownBatch:
    """The cached batch, every value's type checked (ValueError otherwise); a file name that is not
    a plain name inside reports/ is refused."""
    if type(data) is not dict or type(data.get("written")) is not list:
        raise ValueError("not a report batch")
    written = []
    for item in data["written"]:
        text, name, period, review, summary = item
        if not (type(text) is str and type(name) is str and type(period) is str):
            raise ValueError("not a report")
        if name != Path(name).name or name.startswith(".") or not name.endswith(".md"):
            raise ValueError("not a report file name")
        written.append(Shown(text, name, period, _strings(review), _strings(summary)))
    if not written:
        raise ValueError("no report")
    return ShownBatch(written, _strings(data.get("dates")), _strings(data.get("skipped")))


# -- each plan's part of a report ------------------------------------------------------------------


class PartCache:
    """build.PartStore in the workspace's cache: a plan's part of the report (context.PlanReport)
    and its reviewer's notes, keyed by the digests of the plan's file and journal, plantrack.toml,
    the settings as given, the date, the agency, the office and plantrack's code. A report after one
    `record` makes one plan's part again and reads the others."""

    def __init__(self, ws: Workspace, settings: Any) -> None:
        self.ws = ws
        self.settings = settings  # the settings build_report is given, as JSON data

    def _key(
        self, plan_id: str, as_of: date, agency: str | None, office: str, fresh: bool = False
    ) -> list[Any]:
        ws = self.ws
        files = [ws.settings_path, ws.plan_path(plan_id), ws.journal_path(plan_id)]
        return [__version__, FORMAT, "part", plan_id, as_of.isoformat(), agency, office, self.settings,
                [_digest(p, fresh) for p in files], _code()]  # fmt: skip

    def _slot(self, plan_id: str, as_of: date, agency: str | None) -> str:
        options = json.dumps([plan_id, as_of.isoformat(), agency], ensure_ascii=False).encode()
        return f"{plan_id}-{hashlib.blake2b(options, digest_size=6).hexdigest()}"

    def get(self, plan_id: str, as_of: date, agency: str | None, office: str) -> tuple[Any, list[str]] | None:
        from plantrack.tracking.store import read_cached

        key = self._key(plan_id, as_of, agency, office)
        return read_cached(self.ws, "part", self._slot(plan_id, as_of, agency), key, _part_from_json)

    def put(
        self, plan_id: str, as_of: date, agency: str | None, office: str, part: Any, notes: list[str]
    ) -> None:
        from plantrack.tracking.store import write_cached

        key = self._key(plan_id, as_of, agency, office)
        if self._key(plan_id, as_of, agency, office, fresh=True) != key:
            return  # a file changed while the part was made: kept by no key
        value = [None if part is None else encode(part), notes]
        write_cached(self.ws, "part", self._slot(plan_id, as_of, agency), key, value)


def _part_from_json(data: Any) -> tuple[Any, list[str]]:
    from plantrack.report.context import PlanReport

    part, notes = data
    return (None if part is None else _decoder(PlanReport)(part, None)), _strings(notes)


def encode(value: Any, rows: dict[int, int] | None = None) -> Any:
    """A report context value (context.py's frozen dataclasses, lists, dates, texts, numbers) as JSON
    data: a dataclass as the list of its fields' values, a date as its ISO text. In a plan's part,
    a task's row listed again (under its section, among the lagging ...) is the number of its place
    in `tasks`, as the part itself holds the same row there."""
    from dataclasses import fields, is_dataclass

    from plantrack.report.context import PlanReport

    if type(value) is PlanReport:
        places = {id(row): i for i, row in enumerate(value.tasks)}
        return [encode(getattr(value, f.name), None if f.name == "tasks" else places) for f in fields(value)]
    if rows is not None and id(value) in rows:
        return rows[id(value)]
    if is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, f.name), rows) for f in fields(value)]
    if isinstance(value, list):
        return [encode(v, rows) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise TypeError(f"not report data: {type(value).__name__}")


Decode = Callable[[Any, "list[Any] | None"], Any]


def _decoder(kind: Any) -> Decode:
    """The decoder of encode's data as `kind` (a context dataclass, or a field's type), made once per
    type: every value's type is checked against the field's (ValueError or TypeError otherwise)."""
    found = _DECODERS.get(kind)
    if found is None:
        found = _DECODERS[kind] = _make_decoder(kind)
    return found


def _make_decoder(kind: Any) -> Decode:
    import types
    import typing
    from dataclasses import fields, is_dataclass

    from plantrack.report.context import PlanReport, TaskRow

    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [o for o in typing.get_args(kind) if o is not type(None)]
        one = _decoder(inner)
        return lambda data, rows: None if data is None else one(data, rows)
    if origin is list:
        item = _decoder(typing.get_args(kind)[0])

        def many(data: Any, rows: list[Any] | None) -> Any:
            if type(data) is not list:
                raise ValueError("not a list")
            return [item(v, rows) for v in data]

        return many
    if isinstance(kind, type) and is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        names = [f.name for f in fields(kind)]
        parts = [_decoder(hints[n]) for n in names]
        tasks_at = names.index("tasks") if kind is PlanReport else -1

        def record(data: Any, rows: list[Any] | None) -> Any:
            if kind is TaskRow and type(data) is int and rows is not None and data >= 0:
                return rows[data]  # a row of the part's tasks, listed again (IndexError if not)
            if type(data) is not list or len(data) != len(parts):
                raise ValueError(f"not a {kind.__name__}")
            if tasks_at >= 0:
                rows = parts[tasks_at](data[tasks_at], None)
            return kind(
                *[
                    rows if i == tasks_at else d(v, rows)
                    for i, (d, v) in enumerate(zip(parts, data, strict=True))
                ]
            )

        return record
    if kind is date:

        def day(data: Any, rows: list[Any] | None) -> Any:
            if type(data) is not str or len(data) != 10:
                raise ValueError("not a date")
            return date.fromisoformat(data)

        return day
    allowed = (float, int) if kind is float else (kind,)
    if kind not in (str, int, bool, float):
        raise TypeError(f"no decoder for {kind}")

    def plain(data: Any, rows: list[Any] | None) -> Any:
        if type(data) not in allowed:
            raise ValueError(f"not a {kind.__name__}")
        return data

    return plain


_DECODERS: dict[Any, Decode] = {}
