from __future__ import annotations

import subprocess
import sys

import pytest

from plantrack.extract import segment


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("市人社局、市发改委、市财政局分别负责", ["市人社局", "市发改委"]),
        ("人社部门将农民工市民化质量提升行动工作开展情况作为督察重点内容", ["人社部门", "农民工"]),
        ("以新生代农民工为重点,促进转移就业", ["新生代农民工", "转移就业"]),
        ("在政府投资重大工程项目中落实以工代赈吸纳农民工", ["以工代赈"]),
    ],
)
def test_user_dictionary_keeps_terms_whole(text: str, whole: list[str]) -> None:
    got = segment.words(text)
    assert "".join(got) == text
    for w in whole:
        assert w in got


def test_add_words() -> None:
    name = "庐陵新区管委会办公室综合科"
    assert name not in segment.words(f"由{name}负责")
    segment.add_words([name, " ", ""])
    assert name in segment.words(f"由{name}负责")


def test_empty_text() -> None:
    assert segment.words("") == []


def test_user_terms_file() -> None:
    terms = segment.user_terms()
    assert "市人社局" in terms and "农民工" in terms
    assert len(terms) == len(set(terms))
    assert all(not t.startswith("#") and " " not in t for t in terms)


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_jieba_not_imported_by_extract_modules() -> None:
    code = (
        "import sys\n"
        "import plantrack.extract.targets, plantrack.extract.deadlines, plantrack.extract.numerals\n"
        "from plantrack.extract import segment\n"
        "segment.add_words(['市人社局'])\n"
        "from plantrack.extract.targets import find_targets\n"
        "from plantrack.extract.deadlines import find_deadlines\n"
        "find_targets('2017年吉安市农民工工作要点,第十一次督察,“12333”热线')\n"
        "find_deadlines('6月底前完成', 2017)\n"
        "print('jieba' in sys.modules)\n"
    )
    assert _run(code) == "False"


def test_jieba_loaded_when_a_target_needs_a_metric() -> None:
    code = (
        "import sys\n"
        "from plantrack.extract.targets import find_targets\n"
        "t = find_targets('完成新增转移农村劳动力6.04万人')\n"
        "print('jieba' in sys.modules, t[0].metric)\n"
    )
    assert _run(code) == "True 新增转移农村劳动力"


def test_words_added_before_loading_are_kept() -> None:
    code = (
        "from plantrack.extract import segment\n"
        "segment.add_words(['吉州区农民工工作领导小组'])\n"
        "print('吉州区农民工工作领导小组' in segment.words('吉州区农民工工作领导小组牵头'))\n"
    )
    assert _run(code) == "True"
