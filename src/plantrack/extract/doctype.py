"""Is this page a work plan? News, summaries, annual reports and interpretations are refused."""

from __future__ import annotations

from dataclasses import dataclass

from plantrack.lang.doctype import (
    OTHER_KINDS,
    OTHER_TITLE_WORDS,
    PAST_RESULT_CUES,
    PAST_RESULT_DENSITY,
    PAST_RESULT_MIN,
    PLAN_GENRES,
    PROGRESS_LABEL_MIN,
    PROGRESS_LABELS,
)

OPENING_LINES = 8  # where a page says what it is
FIRST_LINES = 3  # where its title or first sentence names its genre
TITLE_LINES = 15  # where a title-like line may say it reports progress (…完成情况, …进度表)


def _title_like(line: str) -> bool:
    return 6 <= len(line) <= 60 and not any(p in line for p in "。;,:")


@dataclass
class Verdict:
    is_plan: bool
    looks_like: str  # 工作计划 / 新闻报道 / 年度报告 ...
    reason: str


def classify(lines: list[str], title: str, tasks: int, attributed: int, items: int = 0) -> Verdict:
    """tasks: trackable items; attributed: those with agencies (strong evidence of a plan); items: all
    numbered items (a plan's opening may show only 指导思想 and 总体目标)."""
    opening = "\n".join(lines[:OPENING_LINES])
    if tasks == 0 and items and title.endswith(PLAN_GENRES):
        return Verdict(True, "工作计划", "")
    if tasks == 0 and items:
        return Verdict(False, _other_kind(opening) or "其他文件", "编号条目都是职责、要求之类，没有可跟踪的工作任务")
    if tasks == 0:
        return Verdict(False, _other_kind(opening) or "其他文章", "没有找到编号的工作任务（一、(一)、1. 等）")
    plan_title = title.endswith(PLAN_GENRES) or "印发" in title
    for line in lines[:TITLE_LINES]:
        word = next((w for w in OTHER_TITLE_WORDS if w in line), None)
        if word and _title_like(line) and not line.endswith((*PLAN_GENRES, "通知")):
            return Verdict(False, _other_kind(opening) or "进展或总结材料", f"标题“{line}”表明是{word}，不是工作计划")
    first = "\n".join(lines[:FIRST_LINES])
    mostly_attributed = attributed * 2 >= tasks
    for word in OTHER_TITLE_WORDS:
        if word in first and not mostly_attributed:
            return Verdict(False, _other_kind(opening) or word, f"开头写明是“{word}”，不是工作计划")
    whole = "\n".join(lines)
    if sum(whole.count(label) for label in PROGRESS_LABELS) >= PROGRESS_LABEL_MIN:
        return Verdict(False, "进展情况通报", "各项任务下写有“实际完成情况”等进展，是进展报告，不是工作计划")
    if not mostly_attributed and _reads_as_summary(whole):
        return Verdict(False, "工作总结", "通篇是已取得的成绩（取得、同比、累计、入选……），不是要做的工作")
    kind = _other_kind(opening)
    if kind == "新闻报道" and not plan_title:
        return Verdict(False, kind, "有记者、来源报纸等新闻特征，标题也不是工作计划")
    return Verdict(True, "工作计划", "")


def _reads_as_summary(text: str) -> bool:
    hits = sum(text.count(cue) for cue in PAST_RESULT_CUES)
    return hits >= PAST_RESULT_MIN and hits * 1000 >= PAST_RESULT_DENSITY * max(len(text), 1)


def _other_kind(text: str) -> str | None:
    best, hits = None, 0
    for label, cues in OTHER_KINDS:
        n = sum(cue in text for cue in cues)
        if n > hits:
            best, hits = label, n
    return best if hits >= 2 or (best in ("年度报告", "会议纪要", "政策解读") and hits) else None
