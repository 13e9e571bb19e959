"""Each plan's rendered text kept for the `report` command (report/pieces.py): a report put together
from kept pieces is the report rendered anew, byte for byte; a damaged or forged piece, a workspace
template or a stand-in without its text makes it whole again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.report_sample import sample_entries, sample_plan


@pytest.fixture
def two_plans(workspace: Path) -> Path:
    """The sample plan and a second one (another id and title) with the same journal."""
    from plantrack.planfile import write_plan
    from plantrack.tracking.journal import append_entry

    first = sample_plan()
    second = first.model_copy(
        update={"id": "jian-2017-2", "title": "吉安市农民工工作领导小组2017年工作要点（二）"}
    )
    for plan in (first, second):
        write_plan(plan, workspace / "data" / "extracted" / f"{plan.id}.yaml")
        journal = workspace / "data" / "progress" / f"{plan.id}.yaml"
        for entry in sample_entries():
            append_entry(journal, plan.id, lambda i, e=entry: e.model_copy(update={"id": i}))
    return workspace


def _report(invoke, ws: Path, *args: str):  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, "report", *args, "-o", "-")
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def _pieces(ws: Path) -> list[Path]:
    return sorted((ws / ".plantrack-cache").glob("rendered-*.json"))


def _without_whole_reports(ws: Path) -> None:
    for cache in (ws / ".plantrack-cache").glob("report-*.json"):
        cache.unlink()


OPTIONS = [
    ("-q", "2017Q3"),
    ("-q", "2017Q2", "--charts"),
    ("--as-of", "2017-08-15"),
    ("-q", "2017Q3", "--plan", "jian-2017"),
]


@pytest.mark.parametrize("args", OPTIONS, ids=["quarter", "charts", "as-of", "one-plan"])
def test_a_report_from_kept_pieces_is_the_report_rendered_anew(
    invoke, two_plans: Path, args: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    made = _report(invoke, two_plans, *args)
    assert _pieces(two_plans)
    _without_whole_reports(two_plans)
    for part in (two_plans / ".plantrack-cache").glob("part-*.json"):
        part.unlink()
    assert _report(invoke, two_plans, *args) == made
    assert not list((two_plans / ".plantrack-cache").glob("part-*.json"))  # no part was needed whole
    shutil.rmtree(two_plans / ".plantrack-cache")
    assert _report(invoke, two_plans, *args) == made  # and nothing kept is what made it


def test_a_new_record_renders_its_plan_again(invoke, two_plans: Path) -> None:  # type: ignore[no-untyped-def]
    _report(invoke, two_plans, "-q", "2017Q3")
    done = invoke("-w", two_plans, "record", "jian-2017-2", "(一)", "--agency", "人社局", "--date", "2017-09-30",
                  "--percent", "55", "--note", "缓存之后的新进展")  # fmt: skip
    assert done.exit_code == 0, done.output
    after = _report(invoke, two_plans, "-q", "2017Q3")
    assert "缓存之后的新进展" in after[0]
    shutil.rmtree(two_plans / ".plantrack-cache")
    assert _report(invoke, two_plans, "-q", "2017Q3") == after


def test_an_agency_report_and_a_workspace_template_keep_no_pieces(invoke, two_plans: Path) -> None:  # type: ignore[no-untyped-def]
    _report(invoke, two_plans, "-q", "2017Q3", "--agency", "人社局")
    assert not _pieces(two_plans)
    (two_plans / "templates").mkdir()
    own = (Path(__file__).parents[1] / "src" / "plantrack" / "templates" / "report.md.j2").read_text(
        encoding="utf-8"
    )
    (two_plans / "templates" / "report.md.j2").write_text(
        own.replace("一、总体情况", "一、总的情况"), encoding="utf-8"
    )
    text, _ = _report(invoke, two_plans, "-q", "2017Q3")
    assert "一、总的情况" in text and not _pieces(two_plans)


@pytest.mark.parametrize(
    "damage",
    [
        lambda key, body: key + b"\n" + body[: len(body) // 2],  # cut short
        lambda key, body: b"not json\n" + body,
        lambda key, body: key + b"\n" + body.replace(b'"', b"'", 3),  # not JSON after the key
        lambda key, body: key + b'\n[[], [], {"x": 1}]',  # values of other types
        lambda key, body: key + b"\n" + body.replace(b'"jian-2017', b'"other', 1),  # another plan's
    ],
    ids=["cut", "not-json", "quotes", "types", "other-plan"],
)
def test_damaged_pieces_are_ignored_and_made_again(invoke, two_plans: Path, damage) -> None:  # type: ignore[no-untyped-def]
    made = _report(invoke, two_plans, "-q", "2017Q3")
    for piece in _pieces(two_plans):
        key, body = piece.read_bytes().split(b"\n", 1)
        piece.write_bytes(damage(key, body))
    _without_whole_reports(two_plans)
    assert _report(invoke, two_plans, "-q", "2017Q3") == made
    assert len(_pieces(two_plans)) == 2


def test_a_stand_in_without_its_text_makes_the_report_whole(
    invoke, two_plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from plantrack.report import pieces

    made = _report(invoke, two_plans, "-q", "2017Q3")
    for piece in _pieces(two_plans):  # pieces that render nothing asked for
        key, body = piece.read_bytes().split(b"\n", 1)
        piece.write_bytes(key + b"\n" + body[: body.rindex(b"{")] + b"{}]")
    monkeypatch.setattr(pieces.RenderedCache, "needed", lambda self: [])
    _without_whole_reports(two_plans)
    assert _report(invoke, two_plans, "-q", "2017Q3") == made


def test_a_stand_in_meets_no_macro_it_has_no_text_for() -> None:
    from plantrack.report.context import PlanSummary
    from plantrack.report.pieces import MissingPiece, Pieces

    summary = PlanSummary("p", "标题", "《通知》", 3, [], [])
    kept = Pieces({"p": {'["plan_body", 3]': "正文"}})
    assert kept.call(summary, "plan_body", (3,), lambda: "不应渲染") == "正文"
    with pytest.raises(MissingPiece):
        kept.call(summary, "plan_body", (2,), lambda: "不应渲染")
    assert kept.call("不是计划", "plan_body", (3,), lambda: "渲染") == "渲染"
