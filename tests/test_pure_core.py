"""The extraction core is a pure function of the text: no result depends on what was read before,
nor on the process it runs in."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from plantrack.extract.pipeline import extract
from tests.conftest import FIXTURES, SOURCES

NOTICES = [
    SOURCES / "jian-2017.txt",
    SOURCES / "ningxia-2023.txt",
    FIXTURES / "written" / "fullwidth-three-levels.txt",
    FIXTURES / "written" / "flattened-one-line.txt",
    FIXTURES / "notices" / "flattened-table.txt",
]


def _dump(text: str) -> str:
    return extract(text, today=date(2024, 1, 1)).model_dump_json()


def _dump_file(path: Path) -> str:
    return _dump(path.read_text(encoding="utf-8"))


# An invented notice whose agency names would, once known to a shared dictionary, change how a
# later notice's metric phrases are cut.
NAMES_FIRST = """某县2024年就业工作要点
一、稳定就业
(一)开展技能培训。全年完成农村劳动力转移就业培训3000人次。(县人社局牵头,县农业农村局、县财政局配合)
(二)扶持创业。新增创业担保贷款发放户数200户以上。(县人社局农村劳动力转移就业培训中心负责)
"""


def test_a_notice_read_after_another_is_read_as_alone() -> None:
    later = (SOURCES / "jian-2017.txt").read_text(encoding="utf-8")
    alone = _dump(later)
    _dump(NAMES_FIRST)
    assert _dump(later) == alone
    for path in NOTICES:
        _dump_file(path)
    assert _dump(later) == alone


@pytest.mark.slow
def test_parallel_processes_give_what_one_process_gives() -> None:
    in_one = [_dump_file(path) for path in reversed(NOTICES)][::-1]
    with ProcessPoolExecutor(max_workers=2) as pool:
        in_many = list(pool.map(_dump_file, NOTICES))
    assert in_many == in_one
