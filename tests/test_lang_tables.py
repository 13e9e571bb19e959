"""The language tables behind extraction: well formed, consistent, and free of contradictions."""

from __future__ import annotations

import re

import pytest

from plantrack.lang import boilerplate, cli_messages, doctype, numbering, roles, tables
from plantrack.models import Role

ROLE_VALUES = {r.value for r in Role}


def test_numbering_styles_compile_with_a_numeral_group() -> None:
    for name, pattern, kind, *_ in numbering.STYLES:
        compiled = re.compile(pattern)
        assert "n" in compiled.groupindex, name
        assert kind in ("cn", "arabic", "circled", "roman"), name


@pytest.mark.parametrize("table", [roles.ROLE_LABELS, roles.ROLE_CUES], ids=["labels", "cues"])
def test_role_tables_name_real_roles(table: dict[str, str]) -> None:
    assert set(table.values()) <= ROLE_VALUES


def test_no_word_is_both_a_role_label_and_another_label() -> None:
    assert not set(roles.ROLE_LABELS) & set(roles.OTHER_LABELS)


def test_table_columns_map_to_known_labels() -> None:
    known = {*roles.ROLE_LABELS, *roles.OTHER_LABELS}
    assert set(tables.LABEL_COLUMNS.values()) <= known
    assert not set(tables.TASK_COLUMNS) & set(tables.LABEL_COLUMNS)


def test_requirement_words_are_not_plan_genres() -> None:
    # a plan titled …工作要点 must never read as a requirement heading
    for word in (*numbering.REQUIREMENT_TITLES, *numbering.REQUIREMENT_SECTION_WORDS):
        assert not word.endswith(("要点", "方案", "计划")), word


def test_boilerplate_patterns_compile() -> None:
    for name, pattern in boilerplate.LINE_PATTERNS:
        re.compile(pattern)
        assert name


def test_usage_error_rows_compile_and_fill() -> None:
    for pattern, chinese in cli_messages.USAGE_ERRORS:
        groups = re.compile(pattern).groups
        assert chinese.format(*(["x"] * groups))


def test_other_kinds_are_not_plan_genres() -> None:
    for _label, cues in doctype.OTHER_KINDS:
        assert not set(cues) & set(doctype.PLAN_GENRES)
    assert not set(doctype.OTHER_TITLE_WORDS) & set(doctype.PLAN_GENRES)


def test_level_prefixes_are_longest_first_where_they_overlap() -> None:
    prefixes = list(roles.LEVEL_PREFIXES)
    for i, p in enumerate(prefixes):
        for q in prefixes[i + 1 :]:
            assert not q.startswith(p) or len(q) <= len(p), (p, q)
