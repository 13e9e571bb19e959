"""The scans over brackets and separators (orgnames.split_top, agencies.bracket_groups / open_tail)
read like the character loops they replaced, and the cheap pre-tests keep work off ordinary lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plantrack.extract import tables
from plantrack.extract.agencies import bracket_groups, bracket_phrases, open_tail
from plantrack.extract.orgnames import split_top
from plantrack.extract.tables import linearize_tables
from plantrack.extract.value_finders import MAX_ITEM_TEXT, bounded

OPEN, CLOSE = "([【〔", ")]】〕"


def _split_top_by_chars(text: str, seps: str) -> list[str]:
    parts, cur, depth = [], [], 0
    for ch in text:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
        if ch in seps and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _groups_by_chars(text: str) -> list[tuple[int, int]]:
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            start = i if depth == 0 else start
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    return groups


def _open_tail_by_chars(text: str) -> int | None:
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in OPEN:
            stack.append(i)
        elif ch in CLOSE and stack:
            stack.pop()
    return stack[0] if stack else None


ATTRIBUTION_TEXT = st.text(alphabet="([【〔)]】〕,;、/ 。市人社局财政牵头配合县区", max_size=60)


@given(ATTRIBUTION_TEXT, st.sampled_from([",;", "、/ ", "、,;", "("]))
def test_split_top_reads_like_the_character_loop(text: str, seps: str) -> None:
    assert split_top(text, seps) == _split_top_by_chars(text, seps)


@given(ATTRIBUTION_TEXT)
def test_bracket_groups_and_open_tail_read_like_the_character_loop(text: str) -> None:
    assert bracket_groups(text) == _groups_by_chars(text)
    assert open_tail(text) == _open_tail_by_chars(text)


@pytest.mark.parametrize(
    ("text", "seps", "expected"),
    [
        ("市公安局、建设厅、各县(市、区)人民政府等", "、", ["市公安局", "建设厅", "各县(市、区)人民政府等"]),
        ("市人社局牵头,市财政局、市教育局配合;各县〔市、区〕落实", ",;", ["市人社局牵头", "市财政局、市教育局配合", "各县〔市、区〕落实"]),
        ("市发改委)、市统计局", "、", ["市发改委)", "市统计局"]),  # a stray closing bracket opens nothing
    ],
    ids=["nested-places", "full-width-brackets", "stray-close"],
)  # fmt: skip
def test_split_top_cases(text: str, seps: str, expected: list[str]) -> None:
    assert split_top(text, seps) == expected


def test_bracket_phrases_names_alone_close_the_item_after_trailing_stops() -> None:
    text = "加强职业技能培训,完成培训1.2万人次。(市教育局、市人社局) 。"
    assert bracket_phrases(text) == ["市教育局、市人社局"]
    assert bracket_phrases("(市教育局、市人社局)。做好宣传工作。") == []


def test_only_lines_naming_a_column_are_read_as_table_headers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of markers and sentences asks the header reader about no line, however long it is;
    a header line (and the row stream before one) is still asked about."""
    asked: list[int] = []
    real = tables._header_at

    def counting(lines: list[str], i: int) -> tuple[list[str], int]:
        asked.append(i)
        return real(lines, i)

    monkeypatch.setattr(tables, "_header_at", counting)
    page = [f"({n})做好农民工就业服务工作。" for n in "一二三四五六七八九十"] * 100
    linearize_tables(page)
    assert asked == []
    linearize_tables(
        ["附件", "序号 | 工作任务 | 牵头单位 | 完成时限", "1 | 开展职业技能培训 | 市人社局 | 6月底前"]
    )
    assert asked[:2] == [0, 1]


def test_a_long_attribution_text_is_read_for_deadlines_at_its_start_and_end() -> None:
    line = "市人社局牵头,市财政局配合。"
    head = "完成时限:2019年3月底前;" + line * (MAX_ITEM_TEXT // len(line))
    tail = line * (MAX_ITEM_TEXT // len(line)) + "完成时限:2019年9月底前"
    text = head + "中间的时限:2019年6月底前;" + line * 10 + tail
    read = bounded(text)
    assert "2019年3月底前" in read and "2019年9月底前" in read and "2019年6月底前" not in read
    assert bounded(head) == head  # a text within twice the bound is read whole
