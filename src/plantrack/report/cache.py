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
    key = _key(ws, options)
    found = read_cached(ws, KIND, slot, key, _batch_from_json)
    if found is not None:
        return found
    batch = _made(ws, today, quarter, as_of, plans, agency, charts)
    if _key(ws, options) == key:  # nothing changed while the report was made
        write_cached(ws, KIND, slot, key, _batch_json(batch))
    return batch


def _made(
    ws: Workspace, today: date, quarter: str | None, as_of: date | None, plans: list[str] | None,
    agency: str | None, charts: bool,
) -> ShownBatch:  # fmt: skip
    from plantrack.report.generate import summary, workspace_reports

    batch = workspace_reports(ws, today, quarter, as_of, plans, agency, charts)
    written = [
        Shown(w.text, w.default_path.name, w.report.period, list(w.report.review), summary(w.report))
        for w in batch.written
    ]
    return ShownBatch(written, list(batch.dates), list(batch.skipped))


def _key(ws: Workspace, options: list[Any]) -> list[Any]:
    """What a report depends on: the options, the digest of every input file's bytes (None for a
    file that is not there), and plantrack's and Jinja2's source files by size and time."""
    from plantrack.tracking.store import plan_ids

    ids = plan_ids(ws)
    files = [ws.settings_path, ws.templates / TEMPLATE]
    files += [p for i in ids for p in (ws.plan_path(i), ws.journal_path(i))]
    return [__version__, FORMAT, options, ids, [_digest(p) for p in files], _code()]


def _digest(path: Path) -> str | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return None


def _code() -> list[Any]:
    """plantrack's source files and Jinja2's, as (path, size, mtime_ns): a changed program makes the
    report again."""
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
    return out


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
