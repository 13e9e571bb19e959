"""What `plantrack extract --explain` calls each finder (agencies, targets, deadlines), for the reviewer.
Data only."""

from __future__ import annotations

FINDER_LABELS: dict[str, str] = {
    "bracket": "句末括号",
    "label": "标注行",
    "table_column": "表格单位列",
    "standalone": "单独成行的分工",
    "by_together": "“由…会同…”句",
    "by_verb": "“由…负责”句",
    "opening": "句首的单位",
    "modal": "句首的单位（要/应）",
    "clause": "分句中的单位",
    "subject": "作主语的单位（无分工词）",
    "attribution_sentence": "只写分工的句子",
    "actor_sentence": "以单位开头的句子",
    "division_unit": "按单位分工的标题",
    "block": "同组条目后的分工行",
    "table_above": "表格上一行（合并单元格）",
    "division_scope": "所属单位标题",
    "heading_scope": "上级标题",
    "carry_forward": "前文的“以下/下同”",
    "target_text": "正文中的目标",
    "deadline_text": "正文中的时限",
    "deadline_line": "时限标注行",
    "schedule_month": "按月安排的月份（到当月底）",
    "stage_heading": "阶段标题的时限",
    "deadline_row_above": "表格上一行的时限（合并单元格）",
}
TARGET_ARROW = "目标"
DEADLINE_ARROW = "时限"
ONGOING_WORD = "持续推进，没有截止日期"
UNREAD_TARGET = "范围或有两种读法，未列为目标"
UNREAD_DEADLINE = "读不出日期"
NO_AGENCY = "没有找到单位"
ITEM = "{kind} {number} {title}"
KIND_WORDS: dict[str, str] = {"task": "任务", "heading": "标题", "requirement": "要求"}
