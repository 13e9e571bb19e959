"""The benchmark data generator: same seed, same bytes; the files are plans and journals plantrack reads."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bench import generate as gen

from plantrack.extract.pipeline import extract_text
from plantrack.models import Role
from plantrack.planfile import load_plan
from plantrack.tracking.check import check_workspace
from plantrack.tracking.journal import read_entries
from plantrack.tracking.status import effective_entries
from plantrack.workspace import Workspace

TINY = gen.Scale("tiny", plans=3, tasks=25, entries=600)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*.yaml"))}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return gen.make_workspace(tmp_path_factory.mktemp("bench") / "ws", TINY)


def test_same_seed_gives_the_same_bytes(tiny: Workspace, tmp_path: Path) -> None:
    again = gen.make_workspace(tmp_path / "again", TINY)
    assert _files(again.root) == _files(tiny.root)


def test_another_seed_gives_other_data(tiny: Workspace, tmp_path: Path) -> None:
    other = gen.make_workspace(tmp_path / "other", TINY, seed=gen.SEED + 1)
    assert _files(other.root) != _files(tiny.root)


def test_workspace_has_the_asked_size(tiny: Workspace) -> None:
    plans = [load_plan(p) for p in sorted(tiny.extracted.glob("*.yaml"))]
    assert [p.id for p in plans] == ["plan-001", "plan-002", "plan-003"]
    assert [len(p.trackable()) for p in plans] == [9, 8, 8]
    assert sum(len(read_entries(tiny.journal_path(p.id))) for p in plans) == 600


def test_check_finds_no_problem(tiny: Workspace) -> None:
    result = check_workspace(tiny)
    assert (result.plans, result.journals, result.entries, result.problems) == (3, 3, 600, [])


def test_tasks_have_5_to_20_agencies_and_the_main_agency_on_some(tiny: Workspace) -> None:
    tasks = [t for p in sorted(tiny.extracted.glob("*.yaml")) for t in load_plan(p).trackable()]
    assert all(5 <= len(t.agencies) <= 20 for t in tasks)
    assert all(len({a.name for a in t.agencies}) == len(t.agencies) for t in tasks)
    with_main = [t for t in tasks if any(a.name == gen.MAIN_AGENCY for a in t.agencies)]
    assert 0 < len(with_main) < len(tasks)
    assert any(a.role == Role.lead for t in tasks for a in t.agencies)


def test_entries_name_their_task_and_an_agency_of_it(tiny: Workspace) -> None:
    plan = load_plan(tiny.plan_path("plan-001"))
    tasks = {t.id: t for t in plan.trackable()}
    entries = read_entries(tiny.journal_path("plan-001"))
    assert [e.id for e in entries] == list(range(1, len(entries) + 1))
    for e in entries:
        assert e.agency in {a.name for a in tasks[e.task].agencies}
        assert e.as_of <= gen.AS_OF
        assert all(0 <= int(k) < len(tasks[e.task].targets) for k in e.actuals)
    assert 0 < len(effective_entries(entries)) < len(entries)


def test_journals_hold_corrections_and_undos(tiny: Workspace) -> None:
    entries = [e for p in ("plan-001", "plan-002", "plan-003") for e in read_entries(tiny.journal_path(p))]
    assert any(e.corrects for e in entries)
    assert any(e.undoes for e in entries)


@pytest.mark.parametrize(
    ("total", "parts", "expected"), [(2000, 50, [40] * 50), (25, 3, [9, 8, 8]), (500, 1, [500])]
)
def test_plan_sizes(total: int, parts: int, expected: list[int]) -> None:
    assert gen.plan_sizes(total, parts) == expected


@pytest.mark.parametrize(
    ("n", "text"), [(1, "一"), (10, "十"), (13, "十三"), (20, "二十"), (42, "四十二"), (99, "九十九")]
)
def test_chinese_number(n: int, text: str) -> None:
    assert gen.chinese_number(n) == text


@pytest.mark.parametrize("size", [5_000, 20_000, 50_000])
def test_notice_has_the_asked_size_and_is_deterministic(size: int) -> None:
    text = gen.make_notice(random.Random(7), size)
    assert text == gen.make_notice(random.Random(7), size)
    assert abs(len(text.encode("utf-8")) - size) < 0.1 * size


def test_generated_notice_extracts_to_a_plan_with_agencies_targets_and_deadlines() -> None:
    plan = extract_text(gen.make_notice(random.Random(7), 20_000)).plan
    tasks = plan.trackable()
    assert plan.kind == "plan" and plan.year == gen.YEAR
    assert plan.doc_number.startswith("吉农工办〔2017〕")
    assert len(tasks) >= 20
    assert all(len(t.agencies) >= 5 for t in tasks)
    assert sum(bool(t.targets) for t in tasks) >= len(tasks) // 4
    assert sum(bool(t.deadlines) for t in tasks) >= len(tasks) // 4


def test_write_notices_names_files_by_size(tmp_path: Path) -> None:
    paths = gen.write_notices(tmp_path, [5_000, 20_000])
    assert [p.name for p in paths] == ["generated-01-5k.txt", "generated-02-20k.txt"]


def test_adversarial_texts_have_the_asked_length() -> None:
    texts = gen.adversarial_texts(10_000)
    assert {len(t) for name, t in texts.items() if name != "agency-list"} == {10_000}
    assert abs(len(texts["agency-list"]) - 10_000) <= 10
    assert texts == gen.adversarial_texts(10_000)
