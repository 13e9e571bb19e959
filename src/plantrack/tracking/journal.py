"""The progress journal: one append-only YAML file per plan, the only module that writes it.

Every entry is one line, a YAML block-sequence item holding a JSON flow mapping:

    - {"id": 12, "task": "2.5", "as_of": "2017-09-30", "recorded_at": "...", "agency": "市人社局", ...}

so the file is valid YAML, diffs line by line, and reads fast with json.loads. Writes take an
exclusive lock on a sidecar `<journal>.lock` file (portalocker: works on Windows too), append whole
lines, flush and fsync. Earlier lines are never rewritten; a cut-off last line (a crash during an
append) is ignored by readers, refused by writers, and reported and repaired by `check`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantrack.errors import DataFileError
from plantrack.fsguard import StorageError, atomic_write, ensure_inside, storage_error
from plantrack.plain import Frozen
from plantrack.tracking.records import EntryRecord, entry_data, entry_from_line

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from plantrack.tracking.fastlines import Line
    from plantrack.tracking.models import Entry

PREFIX = "- "
TAIL_BYTES = 64 * 1024

HEADER = """\
# plantrack 进展记录：计划 {plan_id}
# 每行一条记录，只追加、不改写。记错了请用 plantrack record --corrects 编号 更正，
# 或用 plantrack undo 撤销最后一条；历史记录全部保留。改动后可运行 plantrack check 检查。
"""


def _entries_adapter() -> TypeAdapter[list[Entry]]:
    """The validator of a whole journal (pydantic: imported only when a journal is read in full)."""
    global _ENTRIES
    if _ENTRIES is None:
        from pydantic import TypeAdapter

        from plantrack.tracking.models import Entry

        _ENTRIES = TypeAdapter(list[Entry])
    return _ENTRIES


_ENTRIES: TypeAdapter[list[Entry]] | None = None


class BadLine(Frozen):
    """A journal line that is not a valid entry (`cut_off`: the last line, without its newline: an
    interrupted append)."""

    __slots__ = ("line", "message", "cut_off")
    line: int
    message: str
    cut_off: bool

    def __init__(self, line: int, message: str, cut_off: bool = False) -> None:
        self._set(line=line, message=message, cut_off=cut_off)


class JournalScan(Frozen):
    """A journal read line by line: its entries, entry id -> line number (the first line with that
    id), the bad lines, and (entry id, line number) of each repeated id."""

    __slots__ = ("entries", "lines", "bad", "duplicates")
    entries: list[EntryRecord]
    lines: dict[int, int]
    bad: list[BadLine]
    duplicates: list[tuple[int, int]]

    def __init__(
        self,
        entries: list[EntryRecord],
        lines: dict[int, int],
        bad: list[BadLine],
        duplicates: list[tuple[int, int]],
    ) -> None:
        self._set(entries=entries, lines=lines, bad=bad, duplicates=duplicates)


def entry_line(entry: EntryRecord | Entry) -> str:
    """The one-line form of an entry (empty optional fields left out): Entry.model_dump's mapping
    (records.entry_data), so a record and its model write the same line."""
    return PREFIX + json.dumps(entry_data(entry), ensure_ascii=False) + "\n"


def read_entries(path: Path) -> list[EntryRecord]:
    """All complete entries, validated by the model (tracking/models.Entry); a missing file is an
    empty journal. Invalid lines raise DataFileError."""
    if not path.exists():
        return []
    data = path.read_bytes()
    body, _ = _split_cut_off(data)
    text = body.decode("utf-8", errors="replace")
    lines = text.split("\n")
    items = [ln[len(PREFIX) :] for ln in lines if ln.startswith(PREFIX)]
    if len(items) == sum(1 for ln in lines if ln.strip() and not ln.lstrip().startswith("#")):
        fast = _fast_lines(items)
        if fast is not None:
            return fast
        from pydantic import ValidationError

        try:
            return [EntryRecord.of(e) for e in _entries_adapter().validate_json("[" + ",".join(items) + "]")]
        except ValidationError:
            pass  # find the line to blame
    bad = [b for b in scan_journal(path).bad if not b.cut_off]
    if not bad:  # pragma: no cover - the line-by-line parse agrees with the bulk one
        raise DataFileError(str(path), "进展记录无法读取。", hint=_fix_hint(path))
    raise DataFileError(str(path), bad[0].message, line=bad[0].line, hint=_fix_hint(path))


def _fast_lines(items: list[str] | list[bytes]) -> list[EntryRecord] | None:
    """The lines read by msgspec (tracking/fastlines.py), None when the model must read them."""
    try:
        from plantrack.tracking.fastlines import read_lines
    except ImportError:  # pragma: no cover - a platform without msgspec's wheel
        return None
    return read_lines(items)


def _fast_body(body: bytes) -> tuple[list[Line], list[datetime], list[int]] | None:
    """A journal's complete lines read by msgspec at once (fastlines.split_body, fastlines.decode):
    the lines, each one's recorded_at and offset; None when they must be read line by line."""
    try:
        from plantrack.tracking import fastlines
    except ImportError:  # pragma: no cover - a platform without msgspec's wheel
        return None
    split = fastlines.split_body(body)
    if split is None:
        return None
    found = fastlines.decode(split[0])
    return None if found is None else (found[0], found[1], split[1])


def read_with_offsets(path: Path) -> tuple[list[EntryRecord], list[int], int]:
    """The entries (as read_entries gives them), the byte offset of each one's line, and how many
    bytes of the file they cover (up to a torn last line, which readers leave out)."""
    data = path.read_bytes()
    body, _ = _split_cut_off(data)
    fast = _fast_body(body)
    if fast is not None:
        from plantrack.tracking.fastlines import records

        return records(fast[0], fast[1]), fast[2], min(len(body), len(data))
    entries, offsets = _by_lines(path, body)
    return entries, offsets, min(len(body), len(data))


def read_indexable(path: Path) -> tuple[Sequence[Line] | list[EntryRecord], list[int], bytes]:
    """read_with_offsets for indexing: the lines as msgspec read them (fastlines.Line, the record's
    fields under the same names, without making a record of each), else the entries as records;
    their offsets, and the bytes they were read from (up to a torn last line)."""
    data = path.read_bytes()
    body, _ = _split_cut_off(data)
    fast = _fast_body(body)
    covered = data[: min(len(body), len(data))] if len(body) < len(data) else data
    if fast is not None:
        return fast[0], fast[2], covered
    entries, offsets = _by_lines(path, body)
    return entries, offsets, covered


def _by_lines(path: Path, body: bytes) -> tuple[list[EntryRecord], list[int]]:
    """The entries and their offsets, line by line (a journal with comments or blank lines among its
    entries, or one that msgspec does not read: read_entries reads or refuses it)."""
    offsets: list[int] = []
    items: list[bytes] = []
    other = False  # a line that is neither an entry, a comment nor blank: read_entries says what
    start = 0
    for raw in body.split(b"\n"):
        if raw.startswith(b"- "):
            offsets.append(start)
            items.append(raw[2:])
        elif raw.strip() and not raw.lstrip().startswith(b"#"):
            other = True
        start += len(raw) + 1
    fast = None if other else _fast_lines(items)  # the file's bytes, not read or split again
    entries = fast if fast is not None else read_entries(path)
    if len(offsets) != len(entries):  # pragma: no cover - the journal changed between the reads
        raise DataFileError(str(path), "进展记录在读取时被修改。", hint="请重新运行该命令。")
    return entries, offsets


def read_from(path: Path, start: int) -> tuple[list[EntryRecord], list[int], int] | None:
    """The entries of the lines from byte `start` on (a line boundary), as read_with_offsets gives
    them, without reading the lines before. None when any of those lines is not a valid entry: the
    caller reads the whole journal, which says where the problem is."""
    with path.open("rb") as f:
        f.seek(start)
        data = f.read()
    body, _ = _split_cut_off(data)
    entries: list[EntryRecord] = []
    offsets: list[int] = []
    at = start
    for raw in body.split(b"\n")[:-1]:
        line = raw.rstrip(b"\r")
        if line.strip() and not line.lstrip().startswith(b"#"):
            if not line.startswith(PREFIX.encode()):
                return None
            try:
                entries.append(entry_from_line(line[len(PREFIX) :].decode("utf-8"), _validated))
            except (ValueError, _Invalid):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
                return None
            offsets.append(at)
        at += len(raw) + 1
    return entries, offsets, start + min(len(body), len(data))


class EntryReader:
    """Entries read one by one at known offsets (from read_with_offsets), from one open file."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("rb")

    def __enter__(self) -> EntryReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def at(self, offset: int) -> EntryRecord | None:
        """The entry whose line starts at offset; None when that line is not a valid entry. A line
        in plantrack's own form is read without the model (records.entry_from_line)."""
        self.file.seek(offset)
        raw = self.file.readline()
        try:
            line = raw.decode("utf-8").rstrip("\n").rstrip("\r")
        except UnicodeDecodeError:
            return None
        if not line.startswith(PREFIX):
            return None
        try:
            return entry_from_line(line[len(PREFIX) :], _validated)
        except (ValueError, _Invalid):
            return None


def scan_journal(path: Path) -> JournalScan:
    """Line by line, with every problem located: used by check and to explain read errors."""
    data = path.read_bytes() if path.exists() else b""
    body, cut = _split_cut_off(data)
    entries: list[EntryRecord] = []
    lines: dict[int, int] = {}
    bad: list[BadLine] = []
    duplicates: list[tuple[int, int]] = []
    text = body.decode("utf-8", errors="replace")
    for number, raw in enumerate(text.split("\n")[:-1], start=1):
        entry, problem = _parse_line(raw)
        if problem:
            bad.append(BadLine(number, problem))
        elif entry is not None:
            if entry.id in lines:
                duplicates.append((entry.id, number))
                continue
            lines[entry.id] = number
            entries.append(entry)
    if cut:
        last = text.count("\n") + 1
        bad.append(BadLine(last, "最后一条记录不完整（写入时可能被中断）", cut_off=True))
    return JournalScan(entries, lines, bad, duplicates)


def _split_cut_off(data: bytes) -> tuple[bytes, bool]:
    """The complete lines (ending in a newline), and whether a torn last line was left over.

    A last line without its newline that parses (a file saved by an editor) is complete: it is
    returned with the newline added. Only a last line that does not parse is torn.
    """
    if not data or data.endswith(b"\n"):
        return data, False
    cut = data.rfind(b"\n") + 1
    rest = data[cut:]
    if not rest.strip() or _complete(rest):
        return data + b"\n", False
    return data[:cut], True


def _complete(raw: bytes) -> bool:
    """A whole line: a comment, or an item whose JSON parses (it may still fail validation)."""
    line = raw.rstrip(b"\r")
    if line.lstrip().startswith(b"#"):
        return True
    if not line.startswith(PREFIX.encode()):
        return False
    try:
        json.loads(line[len(PREFIX) :])
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return True


class _Invalid(Exception):
    """A line the model refuses (EntryReader.at: not the entry the index says)."""


def _validated(data: object) -> EntryRecord:
    """A line's parsed JSON validated by the model, as a record."""
    from pydantic import ValidationError

    from plantrack.tracking.models import Entry

    try:
        return EntryRecord.of(Entry.model_validate(data))
    except ValidationError:
        raise _Invalid from None


def _parse_line(raw: str) -> tuple[EntryRecord | None, str | None]:
    from pydantic import ValidationError

    from plantrack.messages import field_problem, json_problem
    from plantrack.tracking.models import Entry

    line = raw.rstrip("\r")
    if not line.strip() or line.lstrip().startswith("#"):
        return None, None
    if not line.startswith(PREFIX):
        return None, "不是一条记录（每条记录应以“- {”开头，占一行）"
    try:
        data = json.loads(line[len(PREFIX) :])
    except json.JSONDecodeError as e:
        return None, f"记录格式错误（{json_problem(e.msg)}，第 {e.colno + len(PREFIX)} 个字符）"
    try:
        return EntryRecord.of(Entry.model_validate(data)), None
    except ValidationError as e:  # every problem of the line, not only the first
        parts = [
            f"字段 {'.'.join(str(p) for p in err['loc']) or '记录'} 有误：{field_problem(err)}"
            for err in e.errors()
        ]
        return None, "；".join(parts)


def _fix_hint(path: Path) -> str:
    return f"请改正 {path.name} 中的该行（或运行 plantrack check 查看全部问题）。"


def last_id(path: Path) -> int:
    """The highest entry id, reading only the tail of the file (ids only grow)."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    with path.open("rb") as f:
        f.seek(max(0, size - TAIL_BYTES))
        tail = f.read()
    found = _max_id(tail.split(b"\n")[1:] if size > TAIL_BYTES else tail.split(b"\n"))
    if found is None and size > TAIL_BYTES:
        found = _max_id(path.read_bytes().split(b"\n"))
    return found or 0


def _max_id(lines: list[bytes]) -> int | None:
    best: int | None = None
    for raw in lines:
        if raw.startswith(PREFIX.encode()):
            try:
                value = json.loads(raw[len(PREFIX) :]).get("id")
            except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
                continue
            if isinstance(value, int):
                best = value if best is None else max(best, value)
    return best


@contextmanager
def locked(path: Path, root: Path | None = None) -> Iterator[None]:
    """Exclusive lock on `<journal>.lock`, blocking until other writers are done.

    With root, the journal and its lock must stay inside it (no symlink leaving the workspace).
    On POSIX the lock is fcntl.flock, as portalocker takes it there (so both kinds of writer
    exclude each other), without importing portalocker (its import alone reads package metadata,
    longer than a record takes); elsewhere portalocker.
    """
    lock_path = path.with_name(path.name + ".lock")
    if root is not None:
        for target in (path.parent, path, lock_path):
            ensure_inside(target, root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("a+b")
    except OSError as e:
        raise storage_error(e, lock_path) from e
    with handle:
        if os.name == "posix":
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return
        import portalocker

        portalocker.lock(handle, portalocker.LockFlags.EXCLUSIVE)
        try:
            yield
        finally:
            portalocker.unlock(handle)


def append_entry(
    path: Path, plan_id: str, build: Callable[[int], EntryRecord], root: Path | None = None
) -> EntryRecord:
    """Append the entry build(next_id) under the lock: write, flush, fsync. Returns it."""
    return append_entries(path, plan_id, [build], root)[0]


def append_entries(
    path: Path, plan_id: str, builds: Sequence[Callable[[int], EntryRecord]], root: Path | None = None
) -> list[EntryRecord]:
    """Append several entries under one lock, in one write and one fsync (ids in order). A failed
    write (a full disk) is cut back, so nothing is written; a kill -9 inside the write can leave the
    first lines whole and the last torn (`check --repair` removes it; `import` skips the rows written)."""
    if not builds:
        return []
    return _append_locked(path, plan_id, lambda _e, first: [b(first + i) for i, b in enumerate(builds)], root)


def append_decided(
    path: Path,
    plan_id: str,
    decide: Callable[[list[EntryRecord], int], EntryRecord],
    root: Path | None = None,
) -> EntryRecord:
    """Append decide(entries, next_id), with the entries read under the lock: what an undo or a
    correction acts on is chosen there, so two at once cannot both act on the same entry."""
    return _append_locked(path, plan_id, lambda entries, first: [decide(entries, first)], root, read=True)[0]


def append_decided_entries(
    path: Path,
    plan_id: str,
    decide: Callable[[list[EntryRecord], int], list[EntryRecord]],
    root: Path | None = None,
) -> list[EntryRecord]:
    """Append the entries decide(entries, first_id) returns (maybe none), with the entries read under
    the lock: `plantrack import` decides there which entry each changed row corrects."""
    return _append_locked(path, plan_id, decide, root, read=True)


def _append_locked(
    path: Path,
    plan_id: str,
    make: Callable[[list[EntryRecord], int], list[EntryRecord]],
    root: Path | None,
    read: bool = False,
) -> list[EntryRecord]:
    with locked(path, root):
        lead = _refuse_cut_off(path)
        entries = make(read_entries(path) if read else [], last_id(path) + 1)
        if not entries:
            return entries
        data = lead + "".join(entry_line(e) for e in entries).encode("utf-8")
        if not path.exists() or path.stat().st_size == 0:
            data = HEADER.format(plan_id=plan_id).encode("utf-8") + data
        _append(path, data)
    return entries


def _append(path: Path, data: bytes) -> None:
    """One write of whole lines; on failure (a full disk) the file is cut back to its old size."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as e:
        raise storage_error(e, path) from e
    size = os.fstat(fd).st_size
    try:
        written = 0
        while written < len(data):
            written += os.write(fd, data[written:])
        os.fsync(fd)
    except OSError as e:
        with suppress(OSError):
            os.ftruncate(fd, size)
        raise storage_error(e, path) from e
    finally:
        os.close(fd)


def _refuse_cut_off(path: Path) -> bytes:
    """Raise if the last line is torn; returns the bytes to write first (a missing newline)."""
    if not path.exists() or path.stat().st_size == 0:
        return b""
    size = path.stat().st_size
    with path.open("rb") as f:
        f.seek(max(0, size - TAIL_BYTES))
        tail = f.read()
    if tail.endswith(b"\n"):
        return b""
    rest = tail[tail.rfind(b"\n") + 1 :]
    if not rest.strip() or _complete(rest):
        return b"\n"
    raise DataFileError(
        str(path),
        "最后一条记录不完整（上次写入可能被中断），为免弄乱记录，暂不追加。",
        line=path.read_bytes().count(b"\n") + 1,
        hint="请运行 plantrack check --repair 删除这条不完整的记录（会先备份这一行），再重新记录（或重新导入填报表）。",
    )


def repair_cut_off(path: Path, root: Path | None = None) -> Path | None:
    """Remove a torn last line; earlier bytes stay as they are. The removed bytes are kept first in
    a small backup file (only that line: a repair needs no room for a copy of the journal).

    Returns the backup's path, or None when there was nothing to repair.
    """
    with locked(path, root):
        data = path.read_bytes() if path.exists() else b""
        body, cut = _split_cut_off(data)
        if not cut:
            return None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.{stamp}.bak")
        if root is not None:
            ensure_inside(backup, root)
        try:
            atomic_write(backup, data[len(body) :])
        except StorageError as e:
            raise StorageError(
                f"{path} 的最后一条记录不完整，但无法保存它的备份，没有修复：{e.message}", hint=e.hint
            ) from e
        try:
            with path.open("r+b") as f:
                f.truncate(len(body))
                f.flush()
                os.fsync(f.fileno())
        except OSError as e:
            raise storage_error(e, path) from e
    return backup


def now() -> datetime:
    """The recorded_at stamp: local time to the second."""
    return datetime.now().replace(microsecond=0)


def as_json_data(entry: EntryRecord | Entry) -> dict[str, Any]:
    return entry_data(entry)
