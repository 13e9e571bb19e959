"""Each plan's ledger kept in the workspace's cache (office/ledger_cache.py): a ledger read from it
is the ledger made anew, byte for byte in the workbook, and anything it comes from changing, or a
damaged or forged part, makes it again."""

from __future__ import annotations

import json
import os
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest


def _export(invoke, ws: Path, *args: str) -> Path:  # type: ignore[no-untyped-def]
    out = ws / "台账.xlsx"
    result = invoke("-w", ws, "export", "--quarter", "2017Q3", "-o", out, *args)
    assert result.exit_code == 0, result.output
    return out


def _parts_of(book: Path) -> dict[str, bytes]:
    """The workbook's XML parts, the creation and change times aside."""
    with zipfile.ZipFile(book) as z:
        out = {n: z.read(n) for n in z.namelist()}
    out["docProps/core.xml"] = re.sub(
        rb"<dcterms:\w+ [^>]*>[^<]*</dcterms:\w+>", b"", out["docProps/core.xml"]
    )
    return out


def _kept(ws: Path) -> list[Path]:
    return sorted((ws / ".plantrack-cache").glob("ledger-*.json"))


def _uncached(ws: Path) -> None:
    for path in _kept(ws):
        path.unlink()


def test_a_ledger_read_back_is_the_ledger_made(demo_ws: Path) -> None:
    from plantrack.office.ledger import make_ledger
    from plantrack.office.ledger_cache import decode, encode
    from plantrack.tracking import store
    from plantrack.workspace import Workspace

    ws = Workspace(demo_ws)
    (plan_id,) = store.plan_ids(ws)
    plan = store.load_plan(ws, plan_id)
    for day in (date(2017, 9, 30), date(2017, 6, 30), date(2017, 8, 15)):
        made = make_ledger(ws, plan_id, plan, day)
        assert made.agencies and made.reporting and made.targets
        again = decode(json.loads(json.dumps(encode(made), ensure_ascii=False)), plan, day)
        assert again == made
        assert any(isinstance(c, date) for r in again.rows for c in r.cells)  # dates stay dates


def test_an_export_from_kept_parts_is_the_export_made_anew(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    first = _parts_of(_export(invoke, demo_ws))
    assert len(_kept(demo_ws)) == 1
    assert _parts_of(_export(invoke, demo_ws)) == first
    for args in (("--format", "json"), ("--format", "csv")):
        out = demo_ws / f"台账.{args[1]}"
        made = invoke("-w", demo_ws, "export", "-q", "2017Q3", "-o", out, *args)
        assert made.exit_code == 0, made.output
        text = out.read_bytes()
        again = invoke("-w", demo_ws, "export", "-q", "2017Q3", "-o", out, *args)
        assert again.exit_code == 0 and out.read_bytes() == text


def test_a_new_record_makes_the_ledger_again(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    _export(invoke, demo_ws)
    done = invoke("-w", demo_ws, "record", "jian", "(一)", "--agency", "人社局", "--date", "2017-09-30",
                  "--percent", "55", "--note", "缓存之后的新进展")  # fmt: skip
    assert done.exit_code == 0, done.output
    sheet = openpyxl.load_workbook(_export(invoke, demo_ws))["任务台账"]
    assert any(c.value == "缓存之后的新进展" for row in sheet.iter_rows() for c in row)


def test_a_plan_changed_within_the_same_size_and_time_makes_the_ledger_again(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    _export(invoke, demo_ws)
    path = next((demo_ws / "data" / "extracted").glob("*.yaml"))
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "积极推进农民工转移就业" in text
    path.write_text(text.replace("积极推进农民工转移就业", "积极推动农民工转移就业"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size (same character count), same time
    for other in (demo_ws / ".plantrack-cache").iterdir():  # the store's caches go by size and time
        if not other.name.startswith("ledger-"):
            other.unlink()
    sheet = openpyxl.load_workbook(_export(invoke, demo_ws))["任务台账"]
    titles = {c.value for row in sheet.iter_rows() for c in row}
    assert "积极推动农民工转移就业" in titles and "积极推进农民工转移就业" not in titles


def _forge(body: bytes, old: bytes, new: bytes) -> bytes:
    assert old in body
    return body.replace(old, new, 1)


@pytest.mark.parametrize(
    "damage",
    [
        lambda key, body: key + b"\n" + body[: len(body) // 2],  # cut short
        lambda key, body: b"not json\n" + body,
        lambda key, body: key + b"\n" + _forge(body, b'"on_track"', b'"purple"'),  # no such light
        lambda key, body: key + b"\n" + _forge(body, b'"2017-09-30"', b'{"2017": 9}'),  # not a cell
        lambda key, body: key + b"\n" + _forge(body, b'"2017-09-30"', b"true"),  # not a cell either
        lambda key, body: key + b"\n" + _forge(body, b'"2017-09-30"', b'"2017-9-30"'),  # not a date
        lambda key, body: key + b"\n" + re.sub(rb"\], \[(\d+)", rb"], [-\1", body, count=1),  # no such place
        lambda key, body: key + b"\n" + _forge(body, b'"2017Q3"', b'"2017Q9"'),  # no such quarter
        lambda key, body: key + b"\n" + b"[[], [], [], [], []]",  # a ledger of nothing
        lambda key, body: key.replace(b'"ledger"', b'"report"') + b"\n" + body,  # another key
    ],
    ids=["cut", "not-json", "light", "cell", "bool", "date", "place", "quarter", "empty", "key"],
)
def test_a_damaged_or_forged_part_is_ignored_and_made_again(invoke, demo_ws: Path, damage) -> None:  # type: ignore[no-untyped-def]
    first = _parts_of(_export(invoke, demo_ws))
    (kept,) = _kept(demo_ws)
    good = kept.read_bytes()
    key, body = good.split(b"\n", 1)
    kept.write_bytes(damage(key, body))
    assert _parts_of(_export(invoke, demo_ws)) == first
    assert kept.read_bytes().split(b"\n", 1)[1] == body  # made again, and kept


def test_the_cache_never_changes_the_journal(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    journals = {p: p.read_bytes() for p in (demo_ws / "data" / "progress").iterdir()}
    _export(invoke, demo_ws)
    _export(invoke, demo_ws)
    assert {p: p.read_bytes() for p in journals} == journals


def test_a_part_made_while_its_plan_changed_is_not_kept(
    demo_ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plantrack.office import ledger
    from plantrack.tracking import store
    from plantrack.workspace import Workspace

    ws = Workspace(demo_ws)
    (plan_id,) = store.plan_ids(ws)
    made = ledger.make_ledger

    def changing(*args, **kw):  # type: ignore[no-untyped-def]
        out = made(*args, **kw)
        with ws.plan_path(plan_id).open("a", encoding="utf-8") as f:
            f.write("# 审核时加的注释\n")  # the plan's bytes change while its ledger is made
        return out

    monkeypatch.setattr(ledger, "make_ledger", changing)
    ledger.build_ledger(ws, plan_id, date(2017, 9, 30))
    assert not _kept(demo_ws)
    monkeypatch.setattr(ledger, "make_ledger", made)
    ledger.build_ledger(ws, plan_id, date(2017, 9, 30))
    assert len(_kept(demo_ws)) == 1
