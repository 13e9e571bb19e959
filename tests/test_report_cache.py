"""The `report` command's cache (report/cache.py): a report read from it is the report made again,
and any change to what a report comes from makes it again."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.test_report_cli import filled  # noqa: F401  (the fixture)
from tests.test_report_golden import GOLDEN

GOLDEN_Q3 = GOLDEN / "report-sample-2017Q3.md"


def _report(invoke, ws: Path, *extra: str):  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, "report", "-q", "2017Q3", "-o", "-", *extra)
    assert result.exit_code == 0, result.output
    return result


def _caches(ws: Path) -> list[Path]:
    return sorted((ws / ".plantrack-cache").glob("report-*.json"))


def test_a_report_read_from_the_cache_is_the_report(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    first = _report(invoke, filled)
    assert first.stdout.encode("utf-8") == GOLDEN_Q3.read_bytes()
    assert len(_caches(filled)) == 1
    again = _report(invoke, filled)
    assert (again.stdout, again.stderr) == (first.stdout, first.stderr)
    written = invoke("-w", filled, "report", "-q", "2017Q3")
    assert written.exit_code == 0 and "已生成报告：" in written.stdout and "7项任务" in written.stdout
    assert "审核提示：" in written.stderr
    assert (filled / "reports" / "2017Q3.md").read_bytes() == GOLDEN_Q3.read_bytes()


def test_a_new_record_makes_the_report_again(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    before = _report(invoke, filled).stdout
    done = invoke("-w", filled, "record", "jian", "(一)", "--agency", "人社局", "--date", "2017-09-30",
                  "--percent", "55", "--note", "缓存之后的新进展")  # fmt: skip
    assert done.exit_code == 0, done.output
    after = _report(invoke, filled).stdout
    assert after != before and "缓存之后的新进展" in after


def test_a_plan_changed_within_the_same_size_and_time_makes_the_report_again(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    before = _report(invoke, filled).stdout
    path = next((filled / "data" / "extracted").glob("*.yaml"))
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "积极推进农民工转移就业" in text
    path.write_text(text.replace("积极推进农民工转移就业", "积极推动农民工转移就业"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size (same character count), same time
    assert path.stat().st_size == st.st_size
    for other in (filled / ".plantrack-cache").iterdir():  # the store's caches go by size and time
        if not other.name.startswith("report-"):
            other.unlink()
    after = _report(invoke, filled).stdout
    assert after != before and "积极推动农民工转移就业" in after


def test_a_workspace_template_makes_the_report_again(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _report(invoke, filled)
    (filled / "templates").mkdir()
    (filled / "templates" / "report.md.j2").write_text("# {{ report.title }}\n自定义模板\n", encoding="utf-8")
    assert "自定义模板" in _report(invoke, filled).stdout


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"not json\n" + data,
        lambda data: (
            data.split(b"\n", 1)[0] + b'\n{"written": [[1, "x.md", "p", [], []]], "dates": [], "skipped": []}'
        ),
        lambda data: (
            data.split(b"\n", 1)[0] + b'\n{"written": [["forged", "../../outside.md", "p", [], []]], '
            b'"dates": [], "skipped": []}'
        ),
    ],
    ids=["cut", "not-json", "wrong-type", "path-out"],
)
def test_a_damaged_cache_is_ignored_and_made_again(invoke, filled: Path, damage) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    first = _report(invoke, filled)
    (cache,) = _caches(filled)
    cache.write_bytes(damage(cache.read_bytes()))
    again = invoke("-w", filled, "report", "-q", "2017Q3")
    assert again.exit_code == 0, again.output
    assert (filled / "reports" / "2017Q3.md").read_text(encoding="utf-8") == first.stdout
    assert not (filled.parent / "outside.md").exists()
    _key, body = cache.read_bytes().split(b"\n", 1)
    assert json.loads(body)["written"][0][0] == first.stdout  # made again, and kept


# --- each plan's part ----------------------------------------------------------------------------


def _parts(ws: Path) -> list[Path]:
    return sorted((ws / ".plantrack-cache").glob("part-*.json"))


def test_a_part_reads_back_as_it_was_made(filled: Path) -> None:  # noqa: F811
    from datetime import date

    from plantrack.report.build import ReportOptions, build_report
    from plantrack.report.cache import _decoder, encode
    from plantrack.report.context import PlanReport
    from plantrack.report.generate import load_inputs
    from plantrack.workspace import Workspace

    ws = Workspace(filled)
    for day, agency in ((date(2017, 9, 30), None), (date(2017, 9, 30), "人社局"), (date(2017, 6, 30), None)):
        report = build_report(load_inputs(ws, None), day, ws.settings.status, agency=agency,
                              options=ReportOptions(settings=ws.settings.report))  # fmt: skip
        for part in report.plans:
            again = _decoder(PlanReport)(json.loads(json.dumps(encode(part), ensure_ascii=False)), None)
            assert again == part
            rows = {id(r) for r in again.tasks}  # a row listed again is the same row, as built
            assert all(id(r) in rows for s in again.sections for r in [*s.tasks, *s.news])
            assert all(
                id(r) in rows for r in [*again.lagging, *again.overdue, *again.due_next, *again.speed_up]
            )


def test_a_report_from_kept_parts_is_the_report_made_anew(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    import shutil

    for args in (("-q", "2017Q3"), ("-q", "2017Q3", "--agency", "人社局"), ("--as-of", "2017-08-15")):
        made = invoke("-w", filled, "report", *args, "-o", "-")
        assert made.exit_code == 0, made.output
        assert _parts(filled)
        for cache in _caches(filled):
            cache.unlink()  # the whole report made again, from the kept parts
        again = invoke("-w", filled, "report", *args, "-o", "-")
        assert (again.stdout, again.stderr) == (made.stdout, made.stderr)
        shutil.rmtree(filled / ".plantrack-cache")


def test_a_damaged_part_is_made_again(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    first = _report(invoke, filled)
    for part in _parts(filled):
        key, body = part.read_bytes().split(b"\n", 1)
        part.write_bytes(key + b"\n" + body.replace(b'"', b"'", 3))
    for cache in _caches(filled):
        cache.unlink()
    again = _report(invoke, filled)
    assert again.stdout == first.stdout
