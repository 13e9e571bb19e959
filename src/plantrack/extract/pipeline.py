"""From a source file to a Plan: normalise, find the outline, then read each item.

Pure functions except `extract_source`, which reads the file through plantrack.sources.
Writing plan files (one notice or a batch) is extract/batch.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from plantrack.extract import tokenizer
from plantrack.extract.agencies import (
    bracket_groups,
    dedupe,
    has_bracketed_label,
    has_role_words,
    is_attribution_sentence,
)
from plantrack.extract.attribution import add_carried, attribute
from plantrack.extract.blank_cells import keep_empty_cells
from plantrack.extract.column_blocks import join_date_columns
from plantrack.extract.doctype import Verdict, classify
from plantrack.extract.explain import Explained
from plantrack.extract.findings import Node
from plantrack.extract.lead_rule import rule_notes
from plantrack.extract.metadata import (
    Metadata,
    attachment_list_lines,
    cover_lines,
    date_line,
    dated_signature,
    extract_metadata,
)
from plantrack.extract.name_cells import label_name_cells
from plantrack.extract.orgnames import full_forms
from plantrack.extract.outline import (
    CLAUSE_TITLES,
    POINT_STYLES,
    TABLE_ROW_STYLE,
    RawItem,
    build_outline,
    split_run_on,
)
from plantrack.extract.plan_id import make_plan_id
from plantrack.extract.tables import linearize_tables
from plantrack.extract.value_finders import MAX_ITEM_TEXT
from plantrack.lang import metadata_words as W
from plantrack.lang.doctype import COVER_HANDOVER, HANDOVER_OPENING
from plantrack.lang.numbering import (
    CN_NUMERAL,
    REQUIREMENT_ENDINGS,
    REQUIREMENT_SECTION_WORDS,
    REQUIREMENT_TITLES,
    TABLE_ROW,
)
from plantrack.lang.roles import OTHER_LABELS, ROLE_LABELS, SHORT_LABELS
from plantrack.lang.tables import TASK_COLUMNS
from plantrack.models import Agency, Item, ItemKind, Plan, Section, Source

_TERMINATOR = re.compile(f"^(?:{W.END_OF_BODY})")
# 为了落实这一要求,…现将方案印发给你们: a cover notice's handover after the items it lists ends the last
_HANDOVER_LINE = re.compile(f"{HANDOVER_OPENING}.{{0,80}}?(?:{COVER_HANDOVER})")
_STANDALONE = re.compile(r"^[(\[【](.+)[)\]】]$")
# 加快水利工程建设.推进… / 应急演练行动.6月上旬…: a dot after a character is a stop (no number starts with one)
_HALF_WIDTH_STOP = re.compile(r"(?<=[\u4e00-\u9fff”)])\.(?=[\u4e00-\u9fff“(\d]|$)")
_LABEL_LINE = re.compile("^(?:" + "|".join(ROLE_LABELS) + r")\s*[:]")
# …率先应用,牵头:新区安监局;配合:… / …;完成时限:9月底前 — a field label after a comma ends the headline
_LABEL_IN_HEADLINE = re.compile(
    "[,;](?=(?:"
    + "|".join(sorted({*ROLE_LABELS, *SHORT_LABELS, *OTHER_LABELS}, key=len, reverse=True))
    + r")\s*:)"
)
# A heading the page ends with a space, its first sentence after (开展城区市容整治 重点整治占道经营…):
# a phrase without sentence punctuation, then a space between two words.
# (A space inside quotes is the name's own: “治违禁 控药残 促提升”.)
_HEADING_SPACE = re.compile(
    r"^(?:[^\s。,;:!?“”]|“[^“”\s]{1,20}”){4,25}(?<=[\u4e00-\u9fff”)]) (?=[\u4e00-\u9fff“])"
)


@dataclass
class Extraction:
    """A parsed notice and the verdict on whether it is a work plan at all."""

    plan: Plan
    verdict: Verdict
    explained: list[Explained] = field(default_factory=list)  # per item, the findings behind it


def extract_source(
    path: Path, plan_id: str | None = None, default_year: int | None = None, today: date | None = None
) -> Extraction:
    """Read one notice (any format and encoding) and parse it."""
    from plantrack.sources import read_source

    src = read_source(path)
    source = Source(path=str(path), sha256=src.sha256, encoding=src.encoding, format=src.format)
    result = extract_text(src.text, source=source, plan_id=plan_id, default_year=default_year, today=today)
    result.plan.warnings[:0] = src.warnings
    return result


def extract(text: str, *, default_year: int | None = None, today: date | None = None) -> Plan:
    """The pure core: a notice's clean text in, its Plan out (kind "other" for a page that is not a
    plan). No file is read or written, and nothing is kept from one call to the next."""
    return extract_text(text, default_year=default_year, today=today).plan


def extract_text(
    raw: str,
    *,
    source: Source | None = None,
    plan_id: str | None = None,
    default_year: int | None = None,
    today: date | None = None,
) -> Extraction:
    from plantrack.extract.normalize import is_boilerplate, normalize

    text = normalize(raw)  # (read_source already re-joined lines a PDF or a hard-wrapped page broke)
    whole = [ln.strip() for ln in text.split("\n") if ln.strip()]
    cells = keep_empty_cells([ln.strip() for ln in text.split("\n")])  # a stream table's blank cells
    lines = _number_unit_lines(
        join_date_columns(
            label_name_cells(
                linearize_tables(split_run_on(_join_bare_markers([_colon_after_label(ln) for ln in cells])))
            )
        )
    )
    meta = extract_metadata(whole)  # as printed: a long cover sentence keeps 现将《…》印发 together
    if lines != whole:  # flattened text: what the printed lines miss, the split ones may show
        meta.fill_from(extract_metadata(lines))
    warnings: list[str] = []
    # the web page's date only when the workspace sets no default year
    year = (None if meta.year_from_page else meta.year) or default_year
    past_before = year  # this year's only when known: a guessed year would make the page's own dates past
    if year is None and meta.year_from_page:
        year = past_before = meta.year
        warnings.append(f"通知中看不出计划年度，时限按网页的发布时间（{year}年）计算，请核对。")
    if year is None:
        year = (today or date.today()).year
        warnings.append(
            f"通知中看不出计划年度，时限按{year}年计算；可在 plantrack.toml 的 plan.default_year 设置。"
        )

    def ends_item(line: str) -> bool:
        return bool(
            date_line(line) or _TERMINATOR.match(line) or is_boilerplate(line) or _HANDOVER_LINE.search(line)
        )

    def starts_plan(line: str) -> bool:
        return line.startswith("附件") or (bool(meta.title) and line.replace(" ", "") == meta.title)

    cover = cover_lines(lines, meta.title) | attachment_list_lines(lines)
    outline = build_outline(lines, ends_item, starts_plan, cover.__contains__)
    _close_last_item(outline.items)
    warnings.extend(outline.warnings)
    with tokenizer.session() as words:  # this notice's own words, gone when it is read
        reads = [_read_item(raw_item, year, past_before) for raw_item in outline.items]
        nodes = _link(reads)
        attribute(nodes, preamble="\n".join([*outline.preamble, *rule_notes(cells)]))
        # so that a metric next to an agency name is cut at the name's end (市人社局, not 市人/社局)
        words.add_words(a.name for n in nodes for a in n.item.agencies)
        attribute(nodes, "targets")
        attribute(nodes, "deadlines")
    _set_kinds(reads)
    add_carried(nodes, lambda node: node.item.kind == ItemKind.task, "\n".join(outline.preamble))
    _names_in_full(nodes)
    warnings.extend(_review_warnings(reads))
    plan = _assemble(meta, year, reads, source, warnings, plan_id)
    tasks = plan.trackable()
    points = all(r.raw.marker.style in POINT_STYLES for r in reads)  # 一是… paragraphs only
    verdict = classify(
        lines,
        plan.title,
        len(tasks),
        sum(bool(t.agencies) for t in tasks),
        len(plan.tasks),
        points_only=points,
        signed=plan.issued_on is not None,
    )
    if not verdict.is_plan:
        plan.kind = "other"
    return Extraction(plan, verdict, [(n.item, tuple(n.found)) for n in nodes])


def _names_in_full(nodes: list[Node]) -> None:
    """A bare unit's name (城管中队) as the notice writes it in full elsewhere (街道城管中队)."""
    full = full_forms(a.name for n in nodes for a in n.item.agencies)
    if not full:
        return

    def in_full(agencies: Iterable[Agency]) -> list[Agency]:
        return dedupe([Agency(name=full.get(a.name, a.name), role=a.role) for a in agencies])

    for node in nodes:
        node.item.agencies = in_full(node.item.agencies)
        # what --explain shows is what the plan holds
        node.found = [
            replace(f, agencies=tuple(in_full(f.agencies))) if f.agencies else f for f in node.found
        ]


_SPACED_LABEL = re.compile(
    "^("
    + "|".join(sorted([*ROLE_LABELS, *OTHER_LABELS], key=len, reverse=True))
    + r")\s+(?=[\u4e00-\u9fff\d])"
)


def _colon_after_label(line: str) -> str:
    """责任单位　市水利局　各县市区人民政府: a label a page set off with spaces, not a colon."""
    m = _SPACED_LABEL.match(line)  # (a match first: most lines hold no label, and sub costs more)
    return line if m is None else m[1] + ":" + line[m.end() :]


_UNIT_LINE = re.compile(r"^([^:,。;]{2,30}):\s*(?:主要)?(?:负责|牵头|配合|协助|参与|会同)")
MIN_UNIT_LINES = 2


_BARE_MARKER = re.compile(rf"^(?:\d{{1,3}}\.|\([{CN_NUMERAL}]+\)|[{CN_NUMERAL}]+、)$")
_TASK_LABEL = re.compile("^(?:" + "|".join(sorted(TASK_COLUMNS, key=len, reverse=True)) + r")\s*:\s*(?=\S)")


def _join_bare_markers(lines: list[str]) -> list[str]:
    """1. / 工作任务:完成燃煤锅炉淘汰改造80台 / 牵头单位:…: a number alone on its line over the item's
    labelled task line is that item's number (the label goes, its 牵头单位: lines follow as they are)."""
    out: list[str] = []
    for line in lines:
        label = _TASK_LABEL.match(line)
        if label and out and _BARE_MARKER.match(out[-1]):
            out[-1] += line[label.end() :]
        else:
            out.append(line)
    return out


def _number_unit_lines(lines: list[str]) -> list[str]:
    """县农业农村局:负责…/县财政局:负责…: a division by unit printed without item numbers. On a page
    with no numbered item at all, a run of such lines is numbered like rows of a table."""
    from plantrack.extract.agency_scope import is_unit_name
    from plantrack.extract.outline import match_marker

    if any(match_marker(ln) for ln in lines):
        return lines
    units = [bool((m := _UNIT_LINE.match(ln)) and is_unit_name(m[1])) for ln in lines]
    if sum(units) < MIN_UNIT_LINES:
        return lines
    out, number = [], 0
    for line, unit in zip(lines, units, strict=True):
        if unit:
            number += 1
            line = TABLE_ROW.format(number) + line
        out.append(line)
    return out


def _close_last_item(items: list[RawItem]) -> None:
    """Where every item ends with its 牵头单位:/完成时限: line, the paragraph after the last one
    (各牵头单位要于4月10日前报…) is the notice's closing word, not part of the last item."""
    labelled = [i for i in items if any(_LABEL_LINE.match(ln) for ln in i.lines)]
    if len(labelled) < 2 or labelled[-1] is not items[-1]:
        return
    if not all(_LABEL_LINE.match(i.lines[-1]) for i in labelled[:-1]):
        return
    last = items[-1]
    end = max(k for k, ln in enumerate(last.lines) if _LABEL_LINE.match(ln))
    del last.lines[end + 1 :]


@dataclass
class _Read:
    raw: RawItem
    node: Node  # the item as the attribution finders see it

    @property
    def item(self) -> Item:
        return self.node.item


def _read_item(raw: RawItem, year: int, past_before: int | None) -> _Read:
    body, standalone = _split_standalone(_trim_signature(raw.lines))
    text = "\n".join(body)
    item = Item(
        path=raw.path,
        number=raw.marker.printed.rstrip("、.．: "),
        title=_title(body[0] if body else "", raw.marker.style),
        text=text,
    )
    node = Node(item=item, parent=None, text=text[-MAX_ITEM_TEXT:], standalone=standalone)
    node.from_table = raw.marker.style == TABLE_ROW_STYLE
    node.year = year
    node.past_before = past_before
    return _Read(raw, node)


def _link(reads: list[_Read]) -> list[Node]:
    """The nodes, each knowing its parent's and children's places."""
    index = {id(r.raw): k for k, r in enumerate(reads)}
    for r in reads:
        r.node.parent = None if r.raw.parent is None else index[id(r.raw.parent)]
        r.node.children = [index[id(c)] for c in r.raw.children]
    return [r.node for r in reads]


def _title(head: str, style: str) -> str:
    """The item's headline; a month's schedule item (一月份:开展…活动,由馆办公室负责。) is titled by the
    work its first clause names."""
    title = headline(head)
    return re.split("[,;]", title, maxsplit=1)[0] if style in CLAUSE_TITLES else title


def headline(head: str) -> str:
    """The item's heading or headline sentence, without its final 。 or a trailing agency bracket."""
    title = head
    colon = _colon_outside_brackets(title)  # 一、…体系(牵头单位:区发改局): the bracket's colon is no break
    stop = title.find("。")
    for mark in (_HALF_WIDTH_STOP, _LABEL_IN_HEADLINE):  # an old page's full stop; a field label
        found = mark.search(title)
        if found and (stop < 0 or found.start() < stop):
            stop = found.start()
    space = _HEADING_SPACE.match(title)
    if space and (stop < 0 or space.end() - 1 < stop):
        stop = space.end() - 1
    if 0 < colon <= 25 and (stop < 0 or colon < stop):
        title = _without_echo(title[:colon])
    elif stop > 0:
        title = title[:stop]
    groups = bracket_groups(title)
    if groups and groups[-1][1] == len(title) and has_role_words(title[groups[-1][0] :]):
        title = title[: groups[-1][0]]
    return title.strip().rstrip("。;,: ")


MIN_ECHO = 3  # characters of a heading's opening words a glued field label repeats


def _without_echo(head: str) -> str:
    """小街巷专项整治小街巷(:对路面…): a heading glued to the label of its first field, which repeats the
    heading's opening words, ends before that label."""
    for size in range(len(head) // 2, MIN_ECHO - 1, -1):
        if head.endswith(head[:size]):
            return head[:-size]
    return head


def _colon_outside_brackets(text: str) -> int:
    """Where the first colon outside a bracket group stands (-1 when none does)."""
    groups = bracket_groups(text)
    return next((i for i, ch in enumerate(text) if ch == ":" and not any(a < i < b for a, b in groups)), -1)


def _trim_signature(lines: list[str]) -> list[str]:
    """Drop the issuer lines of a signature that follows the last item."""
    out = list(lines)
    while len(out) > 1 and (_is_signature_line(out[-1]) or dated_signature(out[-1])):
        out.pop()
    return out


def _is_signature_line(line: str) -> bool:
    """区精神文明建设委员会办公室: an issuer's name alone (not 【牵头单位】区直机关工委 【配合单位】…, a tag
    line whose names end like an issuer's)."""
    return (
        len(line) <= 60
        and not has_bracketed_label(line)
        and not re.search(r"[。,;:!?()《》\d]", line)
        and bool(re.search("(?:" + "|".join(W.ISSUER_ENDINGS) + r")(?:\s|$)", line))
    )


def _split_standalone(lines: list[str]) -> tuple[list[str], list[str]]:
    body, standalone = [], []
    for i, line in enumerate(lines):
        m = _STANDALONE.match(line)
        if i > 0 and (
            (m and has_role_words(m[1])) or _LABEL_LINE.match(line) or is_attribution_sentence(line)
        ):
            standalone.append((m[1] if m else line).rstrip("。"))
        else:
            body.append(line)
    return body, standalone


def _norm_title(title: str) -> str:
    return re.sub("^(?:" + "|".join(W.HEADING_VERBS) + ")", "", title.strip(" :。"))


def _set_kinds(reads: list[_Read]) -> None:
    kind_of: dict[int, ItemKind] = {}
    row_groups = _row_group_styles(reads)
    for read in reads:
        raw, item = read.raw, read.item
        title = item.title.strip()
        if raw.cover:  # the cover notice's own requirements (高度重视, 按时报送 …)
            kind = ItemKind.requirement
        elif raw.children or _empty_row_group(read, row_groups):
            requirement = any(
                _norm_title(title).startswith(w) or title.endswith(w) for w in REQUIREMENT_SECTION_WORDS
            )
            kind = ItemKind.requirement if requirement else ItemKind.heading
        elif (title in REQUIREMENT_TITLES or title.endswith(REQUIREMENT_ENDINGS)) and not item.agencies:
            kind = ItemKind.requirement
        else:
            kind = ItemKind.task
        sets_work = bool(item.agencies or item.targets)  # 主要预期目标: 城镇新增就业900万人以上 is a task
        if raw.parent and kind_of.get(id(raw.parent)) == ItemKind.requirement and not sets_work:
            kind = ItemKind.requirement
        kind_of[id(raw)] = kind
        item.kind = kind


def _row_group_styles(reads: list[_Read]) -> set[tuple[int, str]]:
    """(parent, style) of the headings that group a table's rows (一、… over rows 3 and 4)."""
    return {
        (id(r.raw.parent), r.raw.marker.style)
        for r in reads
        if r.raw.children and all(c.marker.style == TABLE_ROW_STYLE for c in r.raw.children)
    }


def _empty_row_group(read: _Read, row_groups: set[tuple[int, str]]) -> bool:
    """A group heading of a table extract whose rows the page left out (二、… between 一、's rows and
    三、's): only its title, beside headings grouping rows, is a heading too."""
    raw, item = read.raw, read.item
    return (
        (id(raw.parent), raw.marker.style) in row_groups
        and len(raw.lines) <= 1
        and not item.agencies
        and not item.targets
        and not item.deadlines
    )


def _review_warnings(reads: list[_Read]) -> list[str]:
    tasks = [r for r in reads if r.item.kind == ItemKind.task]
    out: list[str] = []
    if any(r.item.agencies for r in tasks):
        out += [
            f"任务 {r.item.number} {r.item.title[:20]} 没有找到责任单位" for r in tasks if not r.item.agencies
        ]
    for read in tasks:
        t = read.item
        if len(t.text) > MAX_ITEM_TEXT:
            out.append(
                f"任务 {t.number} 的正文过长（{len(t.text)}字），目标、时限和单位只从开头和结尾{MAX_ITEM_TEXT}字中读取"
            )
        for f in read.node.found:
            if f.understood:
                continue
            if f.targets or f.finder == "target_text":
                out.append(f"任务 {t.number} 的数量“{f.phrase}”是范围或有两种读法，没有列为目标，请核对")
            elif f.finder.startswith("deadline"):
                out.append(f"任务 {t.number} 的时限“{f.phrase}”读不出日期，请核对")
            else:
                out.append(f"任务 {t.number} 的单位表述没有读懂：{f.phrase[:40]}")
        for a in t.agencies:
            if len(a.name) > 25:
                out.append(f"任务 {t.number} 的单位名称可疑：{a.name[:30]}")
        out += [f"任务 {t.number} 的目标 {x.text or x.value} 没有单位" for x in t.targets if not x.unit]
    return out


def _assemble(
    meta: Metadata,
    year: int,
    reads: list[_Read],
    source: Source | None,
    warnings: list[str],
    plan_id: str | None,
) -> Plan:
    items = [r.item for r in reads]
    sections = [
        Section(path=r.item.path, number=r.item.number, title=r.item.title)
        for r in reads
        if r.raw.parent is None and r.item.kind != ItemKind.task
    ]
    plan = Plan(
        id=plan_id or make_plan_id(meta.title or meta.notice_title, year, meta.issuer, meta.doc_number),
        title=meta.title,
        notice_title=meta.notice_title if meta.notice_title != meta.title else "",
        doc_number=meta.doc_number,
        issuer=meta.issuer,
        issued_on=meta.issued_on,
        year=year,
        recipients=meta.recipients,
        source=source,
        sections=sections,
        tasks=items,
        warnings=warnings,
    )
    return plan
