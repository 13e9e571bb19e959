from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from plantrack.extract import tokenizer


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
    got = tokenizer.words(text)
    assert "".join(got) == text
    for w in whole:
        assert w in got


def test_words_added_in_a_session_stay_in_it() -> None:
    name = "庐陵新区管委会办公室综合科"
    assert name not in tokenizer.words(f"由{name}负责")
    with tokenizer.session() as words:
        words.add_words([name, " ", ""])
        assert name in tokenizer.words(f"由{name}负责")
    assert name not in tokenizer.words(f"由{name}负责")  # the next notice does not see it


def test_sessions_are_independent() -> None:
    name = "吉州区农民工工作领导小组"
    with tokenizer.session() as first:
        first.add_words([name])
        with tokenizer.session():
            assert name not in tokenizer.words(f"{name}牵头")
        assert name in tokenizer.words(f"{name}牵头")


def test_empty_text() -> None:
    assert tokenizer.words("") == []


def test_user_terms_file() -> None:
    terms = tokenizer.user_terms()
    assert "市人社局" in terms and "农民工" in terms
    assert len(terms) == len(set(terms))
    assert all(not t.startswith("#") and " " not in t for t in terms)


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)


def test_jieba_not_imported_by_extract_modules() -> None:
    code = (
        "import sys\n"
        "import plantrack.extract.targets, plantrack.extract.deadlines, plantrack.extract.numerals\n"
        "from plantrack.extract import tokenizer\n"
        "with tokenizer.session() as words:\n"
        "    words.add_words(['市人社局'])\n"
        "from plantrack.extract.targets import find_targets\n"
        "from plantrack.extract.deadlines import find_deadlines\n"
        "find_targets('2017年吉安市农民工工作要点,第十一次督察,“12333”热线')\n"
        "find_deadlines('6月底前完成', 2017)\n"
        "print('jieba' in sys.modules)\n"
    )
    assert _run(code).stdout.strip() == "False"


def test_a_metric_is_cut_without_importing_jieba() -> None:
    code = (
        "import sys\n"
        "from plantrack.extract.targets import find_targets\n"
        "t = find_targets('完成新增转移农村劳动力6.04万人')\n"
        "print('jieba' in sys.modules, t[0].metric)\n"
    )
    assert _run(code).stdout.strip() == "False 新增转移农村劳动力"


def test_words_added_before_loading_are_kept() -> None:
    code = (
        "from plantrack.extract import tokenizer\n"
        "with tokenizer.session() as words:\n"
        "    words.add_words(['吉州区农民工工作领导小组'])\n"
        "    print('吉州区农民工工作领导小组' in tokenizer.words('吉州区农民工工作领导小组牵头'))\n"
    )
    assert _run(code).stdout.strip() == "True"


def _env(tmp_path: Path, cache: Path) -> dict[str, str]:
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "PLANTRACK_CACHE_DIR": str(cache)}


_CUT = "from plantrack.extract import tokenizer\nprint('|'.join(tokenizer.words('新增转移农村劳动力6.04万人')))\n"


@pytest.mark.slow
def test_dictionary_file_lives_in_plantracks_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _run(_CUT, _env(tmp_path, cache))
    second = _run(_CUT, _env(tmp_path, cache))
    assert first.stdout == second.stdout and first.stdout.startswith("新增|转移|农村|劳动力")
    assert first.stderr == second.stderr == ""
    assert [p.suffix for p in cache.iterdir()] == [".sqlite"]
    assert list((tmp_path / "tmp").iterdir()) == []  # jieba's own temp-folder cache is never written


@pytest.mark.slow
def test_unwritable_cache_folder_still_cuts(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    got = _run(_CUT, _env(tmp_path, blocker / "cache"))
    assert got.stdout.startswith("新增|转移|农村|劳动力") and got.stderr == ""


@pytest.mark.slow
def test_cuts_as_jieba_with_its_whole_dictionary(tmp_path: Path) -> None:
    import jieba

    from plantrack.lang.agency_abbrev import ABBREVIATIONS

    full = jieba.Tokenizer()
    full.tmp_dir = str(tmp_path)
    full.initialize()
    for word in [*tokenizer.user_terms(), *ABBREVIATIONS, *ABBREVIATIONS.values()]:
        full.add_word(word)
    for text in (
        "培训省内工业园区员工",
        "努力实现地区生产总值增长",
        "推广杂交稻旱种",
        "区政府分管领导牵头单位配合单位1增加教育资源供给实施新建、改扩建学校重点建设项目",
    ):
        assert tokenizer.words(text) == full.lcut(text)
